package input

import (
	"path"
	"slices"
	"strings"
	"testing"
)

// refMatch is the plain definition of Match: path.Match per segment, "**" for any number of
// segments. The compiled matcher must agree with it everywhere.
func refMatch(g, n []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for len(g) > 0 && g[0] == "**" {
				g = g[1:]
			}
			if len(g) == 0 {
				return true
			}
			for i := 0; i <= len(n); i++ {
				if refMatch(g, n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 {
			return false
		}
		if ok, err := path.Match(g[0], n[0]); err != nil || !ok {
			return false
		}
		g, n = g[1:], n[1:]
	}
	return len(n) == 0
}

func TestCompiledGlobsAgreeWithPathMatch(t *testing.T) {
	globs := []string{"**/*.txt", "*.txt", "**/*.jsonl.gz", "README*", "**/README*", "a/**/b", "**/node_modules/**",
		".venv", "**/.venv/**", "feeds/partner/**", "x/?.md", "**/[ab]*.txt", "**", "a/*/c", "*", "**/*", "lit/eral.txt", "**/b/c", "a/**/b/c", "**/x/**/y.md"}
	names := []string{"a.txt", "d/a.txt", "d/e/f.txt", "a.jsonl.gz", "x/y.jsonl.gz", "README.md", "docs/README", "a/b", "a/x/y/b",
		"node_modules/p/a.txt", "x/node_modules", ".venv", "p/.venv/lib/a.txt", "feeds/partner/s.txt", "feeds/other/s.txt",
		"x/a.md", "x/ab.md", "q/a1.txt", "q/c.txt", "a/b/c", "lit/eral.txt", "lit/eral.txtx", "", "a//b", "a/q/b/c", "x/y.md", "p/x/q/y.md"}
	for _, g := range globs {
		for _, n := range names {
			want := refMatch(strings.Split(g, "/"), strings.Split(n, "/"))
			if got := Match(g, n); got != want {
				t.Errorf("Match(%q, %q) = %v, want %v", g, n, got, want)
			}
		}
	}
}

func BenchmarkMatcher(b *testing.B) {
	m := Matcher{Include: []string{"**/*.txt", "**/*.md", "**/*.jsonl", "**/*.ndjson", "**/*.txt.gz"},
		Exclude: []string{"**/README*", "**/LICENSE*", "**/node_modules/**", "**/.venv/**", "**/vendor/**", "**/CHANGELOG*"}}
	for i := 0; i < b.N; i++ {
		m.Included("crawl/2026-11-15/example.com/story-12345.txt")
	}
}

// TestCompiledMatcherAgreesWithPathMatch: a compiled Matcher, which tries the globs of the form
// "**/name" on a path's last segment alone, includes and excludes exactly what the plain
// definition does, with the default globs and with odd ones.
func TestCompiledMatcherAgreesWithPathMatch(t *testing.T) {
	lists := [][]string{
		{"**/*.txt", "**/*.md", "**/*.jsonl.gz"},
		{"**/README*", "**/readme*", "**/LICENSE*", "**/.venv", "**/node_modules/**", "**/*.egg-info", "**/venv"},
		{"**/", "**/*", "**/[ab]*.txt", "**/x", "a/**/b", "*.txt", "**/x/**/y.md", "**/R?ADME"},
		{"**/vendor", "feeds/partner/**", "**/**/z.txt", "**/.tox/**"},
	}
	names := []string{"a.txt", "d/a.txt", "d/e/f.txt", "a.jsonl.gz", "x/y.jsonl.gz", "README.md", "docs/README", "a/b", "a/x/y/b",
		"node_modules/p/a.txt", "x/node_modules", "node_modules", ".venv", "p/.venv/lib/a.txt", "feeds/partner/s.txt",
		"x/a.md", "x/ab.md", "q/a1.txt", "q/b1.txt", "lib/x", "x", "", "a//b", "a/", "x/y.md", "p/x/q/y.md", "venv", "venvs/a.txt",
		"q/readme.txt", "REDME", "RxADME", "p.egg-info", "d/p.egg-info/a.txt", "vendor/a.txt", "z.txt", "a/z.txt", ".tox/a.txt"}
	for _, inc := range lists {
		for _, exc := range lists {
			m := Matcher{Include: inc, Exclude: exc}
			c := m.compile()
			for _, n := range names {
				segs := strings.Split(n, "/")
				var wantInc, wantExc bool
				for _, g := range inc {
					wantInc = wantInc || refMatch(strings.Split(g, "/"), segs)
				}
				for _, g := range exc {
					wantExc = wantExc || refMatch(strings.Split(g, "/"), segs)
					if d := strings.TrimSuffix(g, "/**"); d != g {
						wantExc = wantExc || refMatch(strings.Split(d, "/"), segs)
					}
				}
				if got := c.includes(segs); got != wantInc {
					t.Errorf("include %q: %q: %v, want %v", inc, n, got, wantInc)
				}
				if got := c.excluded(segs); got != wantExc {
					t.Errorf("exclude %q: %q: %v, want %v", exc, n, got, wantExc)
				}
			}
		}
	}
}

// TestAppendSplitIsSplitRel: the walk's reused split gives what splitRel gives.
func TestAppendSplitIsSplitRel(t *testing.T) {
	buf := []string{"left", "over"}
	for _, rel := range []string{"", "a", "a/b", "/a", "a/", "a//b", "dir/sub/file.txt", "//", "é/ü.txt"} {
		buf = appendSplit(buf[:0], rel)
		if want := splitRel(rel); !slices.Equal(buf, want) {
			t.Errorf("%q: %q, want %q", rel, buf, want)
		}
	}
}
