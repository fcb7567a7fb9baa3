package document

import (
	"reflect"
	"testing"
)

func TestProtectedMarkdown(t *testing.T) {
	for _, c := range []struct {
		name, path, src string
		want            []LineRange
	}{
		{"not markdown", "a.txt", "```\ncode\n```\n", nil},
		{"fence", "a.md", "text\n```go\ncode\n```\nmore\n", []LineRange{{1, 3}}},
		{"tilde fence closed by a longer one", "a.md", "~~~\n```\n~~~~\nafter\n", []LineRange{{0, 2}}},
		{"shorter closer does not close", "a.md", "````\n```\nx\n````\n", []LineRange{{0, 3}}},
		{"unclosed fence runs to the end", "a.md.gz", "a\n```\nb\nc", []LineRange{{1, 3}}},
		{"indented four spaces is no fence", "a.md", "    ```\nx\n", nil},
		{"backtick info string with a backtick is no fence", "a.md", "``` a`b\nx\n", nil},
		{"yaml front matter", "a.markdown", "---\ntitle: x\ntags: a, b\n---\nbody\n---\n", []LineRange{{0, 3}}},
		{"toml front matter", "a.md", "+++\ntitle = 'x'\n+++\nbody\n", []LineRange{{0, 2}}},
		{"rule later is no front matter", "a.md", "body\n---\nmore\n---\n", nil},
		{"link reference definitions", "a.md", "[a]: https://example.com\n  [Read more]: <https://x> \"t\"\n[^1]: a footnote is prose\n[x] not one\n", []LineRange{{0, 0}, {1, 1}}},
	} {
		got := New(c.path, c.src).Protected()
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: Protected() = %v, want %v", c.name, got, c.want)
		}
	}
}
