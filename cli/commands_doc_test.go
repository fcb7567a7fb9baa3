package cli

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
)

// TestRuleDocsHaveEverySection keeps the documentation of every rule in the fixed sections that
// `newslint rule ID` shows.
func TestRuleDocsHaveEverySection(t *testing.T) {
	for _, r := range config.Default().Rules() {
		m := r.Meta()
		for name, text := range map[string]string{"Summary": m.Summary, "Doc": m.Doc, "Why": m.Why, "FixSafety": m.FixSafety} {
			if strings.TrimSpace(text) == "" {
				t.Errorf("%s: %s is empty", m.ID, name)
			}
		}
		if m.Example == "" && !m.Corpus {
			t.Errorf("%s: no example", m.ID)
		}
		doc := RuleDoc(r)
		for _, sec := range []string{"\nWhat it finds\n", "\nWhy it matters\n", "\nFix safety\n", "\nOptions ("} {
			if !strings.Contains(doc, sec) {
				t.Errorf("%s: `newslint rule` output lacks section %q", m.ID, strings.TrimSpace(sec))
			}
		}
	}
}
