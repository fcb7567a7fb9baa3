package config

import (
	"testing"
)

// FuzzParse feeds arbitrary TOML to the configuration parser: it must return a configuration
// or a *config.Error, never panic.
func FuzzParse(f *testing.F) {
	f.Add(DefaultTOML)
	f.Add("[rules.nav-leak]\nmin_tail_items = 0\n")
	f.Add("[[custom]]\nid = \"x\"\nkind = \"existence\"\npatterns = [\"(\"]\nregex = true\n")
	f.Add("[[override]]\npaths = [\"[\"]\n")
	f.Add("[names]\nentries = [{canonical = \"A B\", misspellings = [\"A C\"]}]\n")
	f.Fuzz(func(t *testing.T, src string) {
		c, err := Parse("f.toml", []byte(src))
		if err != nil {
			if _, ok := err.(*Error); !ok {
				t.Fatalf("error %T is not a *config.Error: %v", err, err)
			}
			return
		}
		c.For("a/b.txt")
	})
}
