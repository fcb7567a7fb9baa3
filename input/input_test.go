package input

import (
	"os"
	"path/filepath"
	"testing"
)

func TestMatch(t *testing.T) {
	for _, c := range []struct {
		glob, name string
		want       bool
	}{
		{"**/*.txt", "a.txt", true},
		{"**/*.txt", "x/y/a.txt", true},
		{"**/*.txt", "a.md", false},
		{"*.txt", "x/a.txt", false},
		{"archive/**", "archive/2020/a.txt", true},
		{"archive/**", "news/archive/a.txt", false},
		{"**/archive/**", "news/archive/a.txt", true},
		{"a/**/b.txt", "a/b.txt", true},
		{"a/**/b.txt", "a/x/y/b.txt", true},
		{"a/?.txt", "a/b.txt", true},
		{"[", "[", false},
	} {
		if got := Match(c.glob, c.name); got != c.want {
			t.Errorf("Match(%q, %q) = %v, want %v", c.glob, c.name, got, c.want)
		}
	}
	if ValidGlob("[") == nil || ValidGlob("**/*.txt") != nil {
		t.Error("ValidGlob")
	}
}

func TestCollect(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"b.txt", "a/c.txt", "a/d.md", "skip/e.txt", ".git/f.txt", ".newslint.toml", TempPrefix + "g.txt", "h.bin"} {
		full := filepath.Join(dir, p)
		os.MkdirAll(filepath.Dir(full), 0o755)
		os.WriteFile(full, []byte("x"), 0o644)
	}
	// a symlink loop must not hang the walk
	os.Symlink(dir, filepath.Join(dir, "a", "loop"))
	m := Matcher{Include: []string{"**/*.txt", "**/*.md"}, Exclude: []string{"skip/**"}}
	files, problems := Collect([]string{dir, filepath.Join(dir, "h.bin"), filepath.Join(dir, "missing")}, m)
	var got []string
	for _, f := range files {
		rel, _ := filepath.Rel(dir, f.Path())
		got = append(got, rel)
	}
	want := []string{"a/c.txt", "a/d.md", "b.txt", "h.bin"}
	if len(got) != len(want) {
		t.Fatalf("collected %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("collected %v, want %v", got, want)
			break
		}
	}
	if len(problems) != 1 {
		t.Errorf("problems %v, want the missing path", problems)
	}
}
