package config

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/lint"
)

var update = flag.Bool("update", false, "rewrite default.toml and the repository's .newslint.toml from the rules' metadata")

// TestDefaultRuleTablesAreGenerated keeps default.toml's [rules.…] tables equal to what the
// rules' options structs declare, so defaults and docs live in one place.
func TestDefaultRuleTablesAreGenerated(t *testing.T) {
	start, end := ruleTablesSpan(DefaultTOML)
	if start < 0 {
		t.Fatal("default.toml has no [rules.…] table")
	}
	want := RuleTables(Default().Rules())
	got := DefaultTOML[start:end]
	if got == want {
		return
	}
	if *update {
		text := DefaultTOML[:start] + want + DefaultTOML[end:]
		for _, p := range []string{"default.toml", filepath.Join("..", FileName)} {
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	t.Errorf("default.toml's rule tables differ from the rules' metadata; run go test ./config -update\n--- got\n%s\n--- want\n%s", got, want)
}

// TestEveryOptionIsDocumented checks that each option of each rule has a doc tag and that the
// defaults NewOptions sets pass the rule's own validation.
func TestEveryOptionIsDocumented(t *testing.T) {
	for _, r := range Default().Rules() {
		m := lint.MetaOf(r)
		for _, o := range m.Options {
			if strings.TrimSpace(o.Doc) == "" {
				t.Errorf("%s: option %s has no doc tag", m.ID, o.Name)
			}
		}
		if c, ok := r.(lint.Configurable); ok {
			if v, ok := c.NewOptions().(lint.Validator); ok {
				if err := v.Validate(); err != nil {
					t.Errorf("%s: defaults do not validate: %v", m.ID, err)
				}
			}
		}
	}
}
