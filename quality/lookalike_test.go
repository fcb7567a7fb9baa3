package quality

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Article text that looks like what the rules remove — tables and data rows, results,
// fixtures, dividend dates, election and quota tables, lists the text introduces, Q/A lines,
// subheadings, datelines, short paragraphs, German and CJK text — must come out of --fix
// unchanged, one paragraph per line as well as hard-wrapped at 68 columns as wire services
// and html2text write it (a text already hard-wrapped is taken as it is).
func TestLookalikesUnchanged(t *testing.T) {
	root := filepath.Join("..", "testdata", "lookalike")
	wrapped := t.TempDir()
	dirs, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		src := filepath.Join(root, d.Name())
		for _, variant := range []struct{ name, dir string }{{"one paragraph per line", src}, {"wrapped at 68", wrapDir(t, src, filepath.Join(wrapped, d.Name()), 68)}} {
			for _, unsafe := range []bool{false, true} {
				changes, err := Changes(variant.dir, unsafe)
				if err != nil {
					t.Fatal(err)
				}
				if unsafe {
					// unsafe fixes may delete short lines on evidence that is weak by design, but
					// never a line of eight or more words
					for _, c := range changes {
						for _, l := range c.Lines {
							if len(strings.Fields(l)) >= 8 {
								t.Errorf("%s (%s, --unsafe-fixes): deleted %q", c.File, variant.name, l)
							}
						}
					}
					continue
				}
				for _, c := range changes {
					t.Errorf("%s/%s (%s): --fix changed %d lines: %q", d.Name(), c.File, variant.name, len(c.Lines), c.Lines)
				}
			}
		}
	}
}

// wrapDir writes every file of src into dst with its long lines wrapped at width columns.
func wrapDir(t *testing.T, src, dst string, width int) string {
	t.Helper()
	if err := os.MkdirAll(dst, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(b), "\n")
		if hardWrapped(lines) { // wrapped once already: a second wrap is no text anyone writes
			if err := os.WriteFile(filepath.Join(dst, e.Name()), b, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		var out []string
		for _, l := range lines {
			out = append(out, wrap(l, width)...)
		}
		if err := os.WriteFile(filepath.Join(dst, e.Name()), []byte(strings.Join(out, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// hardWrapped reports a text already hard-wrapped (at 72 or 80 columns): no line longer than 80
// runes, and five or more longer than 60.
func hardWrapped(lines []string) bool {
	long := 0
	for _, l := range lines {
		n := len([]rune(l))
		if n > 80 {
			return false
		}
		if n > 60 {
			long++
		}
	}
	return long >= 5
}

func wrap(line string, width int) []string {
	if len([]rune(line)) <= width {
		return []string{line}
	}
	var out []string
	cur := ""
	for _, w := range strings.Fields(line) {
		if cur != "" && len([]rune(cur))+1+len([]rune(w)) > width {
			out = append(out, cur)
			cur = ""
		}
		if cur != "" {
			cur += " "
		}
		cur += w
	}
	return append(out, cur)
}
