package document

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
	"unsafe"
)

func TestWords(t *testing.T) {
	text := "Kim Jong-un’s envoy met 3 officials at example.com, #saidthe @press didn't ZÜRICH Zürich 北京 x1"
	type tok struct {
		w     string
		flags WordFlags
	}
	want := []tok{
		{"Kim", Capitalised | ASCII | Alone},
		{"Jong", Capitalised | ASCII | HyphenAfter},
		{"un", LowerCase | ASCII},
		{"s", LowerCase | ASCII},
		{"envoy", LowerCase | ASCII | Alone},
		{"met", LowerCase | ASCII | Alone},
		{"officials", LowerCase | ASCII | Alone},
		{"at", LowerCase | ASCII | Alone},
		{"example", LowerCase | ASCII},
		{"com", LowerCase | ASCII},
		{"saidthe", LowerCase | ASCII},
		{"press", LowerCase | ASCII},
		{"didn", LowerCase | ASCII},
		{"t", LowerCase | ASCII},
		{"ZÜRICH", Alone},
		{"Zürich", Capitalised | Alone},
		{"北京", LowerCase | Alone},
		{"x", LowerCase | ASCII},
	}
	got := Words(text, nil)
	if len(got) != len(want) {
		var ws []string
		for _, w := range got {
			ws = append(ws, w.In(text))
		}
		t.Fatalf("got %d words %q, want %d", len(got), ws, len(want))
	}
	for i, w := range got {
		if w.In(text) != want[i].w || w.Flags != want[i].flags {
			t.Errorf("word %d: %q flags %05b, want %q %05b", i, w.In(text), w.Flags, want[i].w, want[i].flags)
		}
	}
	// a reused buffer gives the same words
	if again := Words(text, got); len(again) != len(want) || again[0] != got[0] {
		t.Errorf("reused buffer: %v", again)
	}
}

func TestBounded(t *testing.T) {
	for _, c := range []struct {
		text string
		s, e int
		want bool
	}{
		{"the Kim era", 4, 7, true},
		{"XKim", 1, 4, false},
		{"Kim2", 0, 3, false},
		{"Kim_x", 0, 3, false},
		{"Kim-un", 0, 3, true},
		{"éKim", 2, 5, false},
		{"Kim’s", 0, 3, true},
	} {
		if got := Bounded(c.text, c.s, c.e); got != c.want {
			t.Errorf("Bounded(%q, %d, %d) = %v, want %v", c.text, c.s, c.e, got, c.want)
		}
	}
}

func TestAppendLower(t *testing.T) {
	for in, want := range map[string]string{"Kim": "kim", "ÉCOLE": "école", "already": "already", "MiXeD Ş": "mixed ş"} {
		if got := string(AppendLower(nil, in)); got != want {
			t.Errorf("AppendLower(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkWords(b *testing.B) {
	text := strings.Repeat("The talks, which lasted about an hour, covered security on the Korean Peninsula and trade between the two countries.\n", 9000)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	var buf []Word
	for i := 0; i < b.N; i++ {
		buf = Words(text, buf)
	}
}

// TestStandsAloneTables: the byte tables give what the rules of standsAlone say for every byte
// before and after a word.
func TestStandsAloneTables(t *testing.T) {
	for b := 0; b < 256; b++ {
		c := byte(b)
		wantBefore := apart
		switch {
		case strings.IndexByte("#@/._-':=&?\\", c) >= 0 || c >= '0' && c <= '9':
			wantBefore = joins
		case c >= utf8.RuneSelf:
			wantBefore = decode
		}
		wantAfter := apart
		switch {
		case strings.IndexByte("@/_-'=\\", c) >= 0 || c >= '0' && c <= '9':
			wantAfter = joins
		case c == '.' || c == ':':
			wantAfter = joinsBeforeLetter
		case c >= utf8.RuneSelf:
			wantAfter = decode
		}
		if int(aloneBefore[c]) != wantBefore || int(aloneAfter[c]) != wantAfter {
			t.Errorf("byte %q: before %d after %d, want %d %d", c, aloneBefore[c], aloneAfter[c], wantBefore, wantAfter)
		}
	}
	for _, c := range []struct {
		text string
		s, e int
		want bool
	}{{"a word here", 2, 6, true}, {"#tag", 1, 4, false}, {"example.com", 0, 7, false}, {"end.", 0, 3, true},
		{"9am", 1, 3, false}, {"l’homme", 4, 9, false}, {"x ünd", 2, 6, true}, {"http://x", 0, 4, false}} {
		if got := standsAlone(c.text, c.s, c.e); got != c.want {
			t.Errorf("standsAlone(%q, %d, %d) = %v", c.text, c.s, c.e, got)
		}
	}
}

// TestReleaseReusesWords: a released document's word list and line features serve the
// documents made after it, which still get exactly their own words and features (none left over
// from the lists' last user, short or long texts alike); a document without words releases
// nothing.
func TestReleaseReusesWords(t *testing.T) {
	texts := []string{
		strings.Repeat("The council met on Monday and voted on the budget. ", 40),
		"Short text.\nWith a SECOND line, and a third:\n\n  Ünïcödé ÉTÉ déjà vu…\n",
		strings.Repeat("Zweiter Text, länger: die Sitzung dauerte bis spät in die Nacht. ", 30),
		"",
		strings.Repeat("x", 300),
	}
	reused, lowReused := 0, 0
	var last *Word
	var lastLow *byte
	for round := range 20 {
		for _, text := range texts {
			d := New("a.txt", text)
			got := WordsOf(d)
			want := Words(text, nil)
			if !slices.Equal(got, want) {
				t.Fatalf("round %d, %.20q: %d words, want %d", round, text, len(got), len(want))
			}
			if cap(got) > 0 {
				if &got[:1][0] == last {
					reused++
				}
				last = &got[:1][0]
			}
			// the line features too, measured into a reused list
			for i := range d.Lines {
				f, want := d.Feat(i), Measure(d.Text(i))
				if f.Trim != want.Trim || f.Runes != want.Runes || f.Words != want.Words || f.Upper != want.Upper ||
					f.CapWords != want.CapWords || f.Sentences != want.Sentences || f.Terminal != want.Terminal ||
					f.Lower() != want.Lower() || f.LowerAligned() != want.LowerAligned() {
					t.Fatalf("round %d, %.20q, line %d: features %+v, want %+v", round, text, i, *f, want)
				}
			}
			if mb := d.measured; mb != nil && cap(mb.low) > 0 {
				if p := unsafe.SliceData(mb.low); p == lastLow {
					lowReused++
				} else {
					lastLow = p
				}
			}
			d.Release()
			d.Release() // twice: nothing more
		}
	}
	New("a.txt", "never asked for its words").Release()
	if reused == 0 {
		t.Error("no word list was reused")
	}
	if lowReused == 0 {
		t.Error("no folding buffer was reused")
	}
}
