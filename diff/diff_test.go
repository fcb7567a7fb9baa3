package diff

import "testing"

func TestUnified(t *testing.T) {
	a := "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n"
	b := "one\ntwo\nthree\nfour\nFIVE\nsix\nseven\neight\nnine\nten\neleven"
	got := Unified("a.txt", "b.txt", a, b, 1)
	want := "--- a.txt\n+++ b.txt\n" +
		"@@ -4,3 +4,3 @@\n four\n-five\n+FIVE\n six\n" +
		"@@ -10 +10,2 @@\n ten\n+eleven\n\\ No newline at end of file\n"
	if got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	if Unified("a", "b", a, a, 3) != "" {
		t.Error("equal texts give a diff")
	}
}

func TestHunksDeletionAndBase(t *testing.T) {
	h := Hunks("x\ny\nz\n", "x\nz\n", 1, 10, 10)
	if len(h) != 1 || h[0].Header() != "@@ -11,3 +11,2 @@" {
		t.Fatalf("%+v", h)
	}
	if h[0].Lines[1].Op != Delete || h[0].Lines[1].Text != "y" {
		t.Errorf("%+v", h[0].Lines)
	}
	all := Hunks("a\nb\n", "", 3, 0, 0)
	if len(all) != 1 || all[0].Header() != "@@ -1,2 +0,0 @@" {
		t.Errorf("%+v", all)
	}
	crlf := Hunks("a\r\nb\r\n", "a\r\n", 0, 0, 0)
	if crlf[0].Lines[0].Text != "b" {
		t.Errorf("CR not stripped for display: %q", crlf[0].Lines[0].Text)
	}
}

func TestWords(t *testing.T) {
	render := func(segs []Segment) string {
		s := ""
		for _, g := range segs {
			if g.Changed {
				s += "[" + g.Text + "]"
			} else {
				s += g.Text
			}
		}
		return s
	}
	for _, c := range []struct{ a, b, old, new string }{
		{"President Vladimir Putn said", "President Vladimir Putin said", "President Vladimir [Putn] said", "President Vladimir [Putin] said"},
		{"the statedthat talks", "the stated that talks", "the [statedthat] talks", "the [stated that] talks"},
		{"same", "same", "same", "same"},
		{"a, b", "a b", "a[,] b", "a b"},
		{"", "new", "", "[new]"},
	} {
		o, n := Words(c.a, c.b)
		if render(o) != c.old || render(n) != c.new {
			t.Errorf("Words(%q, %q) = %q, %q; want %q, %q", c.a, c.b, render(o), render(n), c.old, c.new)
		}
	}
}
