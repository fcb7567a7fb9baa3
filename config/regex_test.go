package config

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

func customTOML(pattern string, regex bool, match string) string {
	q, _ := json.Marshal(pattern)
	return fmt.Sprintf("[rules.vote-widget]\nenabled = true\n\n[[custom]]\nid = \"ads\"\nkind = \"existence\"\nregex = %v\nmatch = %q\nfix = \"delete-line\"\npatterns = [\"Advertisement\", %s]\n", regex, match, q)
}

// TestCustomPatternsThatMatchEmptyText: patterns that can match zero characters are refused
// with the file, the line of patterns and the key; patterns that need a character pass.
func TestCustomPatternsThatMatchEmptyText(t *testing.T) {
	for _, c := range []struct {
		pattern string
		regex   bool
		want    string // "" for accepted
	}{
		{"Sponsored|", true, "can match empty text"},
		{".*", true, "can match empty text"},
		{"(?:Ad)?", true, "can match empty text"},
		{`\b`, true, "can match empty text"},
		{`^$`, true, "can match empty text"},
		{`x{0}`, true, "can match empty text"},
		{"", false, "empty pattern"},
		{"", true, "can match empty text"},
		{"(", true, "missing closing )"},
		{strings.Repeat("(", 999) + "x" + strings.Repeat(")", 999), true, "nests 1000 levels deep"},
		{strings.Repeat("(?:", 998) + "x" + strings.Repeat(")", 998), true, ""}, // groups that leave no trace
		{"Sponsored|Promoted", true, ""},
		{`\bAd\b`, true, ""},
		{`.+`, true, ""},
		{`a*b`, true, ""},
		{`(x|y)+`, true, ""},
		{"Sponsored|", false, ""}, // a literal: the bar is a character
	} {
		for _, match := range []string{"line", "phrase"} {
			_, err := Parse("c.toml", []byte(customTOML(c.pattern, c.regex, match)))
			switch {
			case c.want == "" && err != nil:
				t.Errorf("%.30q (%s): refused: %v", c.pattern, match, err)
			case c.want != "" && err == nil:
				t.Errorf("%.30q (%s): accepted", c.pattern, match)
			case c.want != "":
				e, ok := err.(*Error)
				if !ok || e.Line != 10 || e.Key != "custom[1].patterns" || !strings.Contains(e.Msg, c.want) {
					t.Errorf("%.30q (%s): %v, want c.toml:10: custom[1].patterns: …%s…", c.pattern, match, err, c.want)
				}
			}
		}
	}
	src := "[[custom]]\nid = \"a\"\nkind = \"existence\"\npatterns = [\"x\"]\n\n[[custom]]\nid = \"b\"\nkind = \"consistency\"\neither = [[\"\", \"y\"]]\n"
	if _, err := Parse("c.toml", []byte(src)); err == nil || !strings.Contains(err.Error(), "c.toml:9: custom[2].either") {
		t.Errorf("empty spelling: %v", err)
	}
}

// FuzzCustomRegex feeds arbitrary patterns to a custom existence rule with delete-line: the
// configuration loads or fails with a *config.Error, never panics, and a rule that loads never
// reports an empty span, whatever the text.
func FuzzCustomRegex(f *testing.F) {
	for _, p := range []string{"Sponsored|", ".*", `\b`, "(", "a{2,3}", `(?i)advert\w+`, `^\s*Ad$`, "x{1000}{1000}",
		strings.Repeat("(", 998) + "x" + strings.Repeat(")", 998), `[^\x00-\x{10FFFF}]`, `(?m)^`, `\pL+`} {
		f.Add(p, "Advertisement\nThe talks resumed on Friday.\n\nSponsored\n", true)
	}
	f.Fuzz(func(t *testing.T, pattern, text string, phrase bool) {
		match := "line"
		if phrase {
			match = "phrase"
		}
		c, err := Parse("f.toml", []byte(customTOML(pattern, true, match)))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T is not a *config.Error: %v", err, err)
			}
			return
		}
		if document.Check([]byte(text)) != nil {
			return
		}
		doc := document.New("a.txt", text)
		for _, d := range lint.Run(doc, c.For("a.txt"), nil) {
			if d.Rule == "ads" && d.End <= d.Start {
				t.Fatalf("pattern %q reported an empty span at %d in %q", pattern, d.Start, text)
			}
		}
	})
}
