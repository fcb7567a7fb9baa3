package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/lint"
)

func TestDefaultsMatchRepositoryConfig(t *testing.T) {
	root, err := os.ReadFile(filepath.Join("..", FileName))
	if err != nil {
		t.Fatal(err)
	}
	if string(root) != DefaultTOML {
		t.Errorf("../%s and config/default.toml differ: the repository's file is the documented reference of the defaults", FileName)
	}
	c := Default()
	if len(c.For("a.txt")) != len(c.Rules()) {
		t.Errorf("defaults enable %d of %d rules", len(c.For("a.txt")), len(c.Rules()))
	}
}

func TestDefaultDocumentsEveryOption(t *testing.T) {
	c := Default()
	for _, r := range c.Rules() {
		m := lint.MetaOf(r)
		if !strings.Contains(DefaultTOML, "[rules."+m.ID+"]") {
			t.Errorf("default.toml has no [rules.%s] table", m.ID)
		}
		for _, o := range m.Options {
			if !strings.Contains(DefaultTOML, "\n"+o.Name+" = ") {
				t.Errorf("default.toml does not set %s.%s", m.ID, o.Name)
			}
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		line      int
		want      string
	}{
		{"syntax", "[files]\ninclude = [\"a\"\n", 2, "expected a comma"},
		{"unknown top-level key", "[files]\ninclude = []\n\nfoo = 1\n", 4, "files.foo: unknown key"},
		{"unknown section", "[nope]\nx = 1\n", 1, "nope"},
		{"unknown rule", "[rules.no-such-rule]\nenabled = false\n", 1, `unknown rule "no-such-rule"`},
		{"unknown rule option", "[rules.nav-leak]\nenabled = true\nlabelz = []\n", 3, "rules.nav-leak.labelz: unknown key"},
		{"bad severity", "[rules.nav-leak]\nseverity = \"fatal\"\n", 2, "unknown severity"},
		{"bad option type", "[rules.nav-leak]\nmin_tail_items = \"two\"\n", 1, "rules.nav-leak"},
		{"bad option value", "[rules.nav-leak]\nmin_tail_items = 0\n", 0, "min_tail_items must be at least 1"},
		{"override without paths", "[[override]]\n[override.rules.nav-leak]\nenabled = false\n", 1, "needs paths"},
		{"override unknown rule", "[[override]]\npaths = [\"a/**\"]\n[override.rules.nope]\nenabled = false\n", 3, "unknown rule"},
		{"override bad value", "[[override]]\npaths = [\"a/**\"]\n[override.rules.spam-header]\nmax_header_lines = 0\n", 1, "max_header_lines"},
		{"bad glob", "[files]\ninclude = [\"[\"]\n", 1, "bad glob"},
		{"bad custom rule", "[[custom]]\nid = \"x\"\nkind = \"existence\"\n", 1, "needs patterns"},
		{"custom unknown key", "[[custom]]\nid = \"x\"\nkind = \"existence\"\npatterns = [\"a\"]\nbogus = 1\n", 5, "custom.bogus: unknown key"},
		{"custom id taken", "[[custom]]\nid = \"nav-leak\"\nkind = \"existence\"\npatterns = [\"a\"]\n", 1, "already taken"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("cfg.toml", []byte(c.src))
			if err == nil {
				t.Fatal("no error")
			}
			ce, ok := err.(*Error)
			if !ok {
				t.Fatalf("error %T %v is not a *config.Error", err, err)
			}
			if ce.File != "cfg.toml" {
				t.Errorf("file %q", ce.File)
			}
			if c.line > 0 && ce.Line != c.line {
				t.Errorf("line %d, want %d (%v)", ce.Line, c.line, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
			if !strings.HasPrefix(err.Error(), "cfg.toml") {
				t.Errorf("error %q does not start with the file name", err)
			}
		})
	}
}

func find(set []lint.Active, id string) *lint.Active {
	for i := range set {
		if set[i].Rule.Meta().ID == id {
			return &set[i]
		}
	}
	return nil
}

func TestRulesOverridesAndSelect(t *testing.T) {
	src := `
[rules.vote-widget]
enabled = false
[rules.nav-leak]
severity = "error"
min_tail_items = 3
[[override]]
paths = ["archive/**"]
[override.rules.nav-leak]
severity = "info"
[override.rules.vote-widget]
enabled = true
[[custom]]
id = "promo"
kind = "existence"
patterns = ["Promo"]
`
	c, err := Parse("cfg.toml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	base := c.For("news/a.txt")
	if find(base, "vote-widget") != nil {
		t.Error("disabled rule runs")
	}
	nl := find(base, "nav-leak")
	if nl == nil || nl.Severity != lint.Error {
		t.Fatalf("nav-leak: %+v", nl)
	}
	if got := nl.Options.(interface{ Validate() error }); got == nil {
		t.Error("options not decoded")
	}
	if find(base, "promo") == nil {
		t.Error("custom rule not active")
	}
	arch := c.For("archive/2020/a.txt")
	if a := find(arch, "nav-leak"); a == nil || a.Severity != lint.Info {
		t.Errorf("override severity not applied: %+v", a)
	}
	if find(arch, "vote-widget") == nil {
		t.Error("override did not enable vote-widget")
	}
	if err := c.Select([]string{"vote-widget"}, nil); err != nil {
		t.Fatal(err)
	}
	if s := c.For("news/a.txt"); len(s) != 1 || s[0].Rule.Meta().ID != "vote-widget" {
		t.Errorf("--select vote-widget (disabled in config) gives %d rules", len(s))
	}
	if err := c.Select(nil, []string{"nav-leak", "promo"}); err != nil {
		t.Fatal(err)
	}
	if s := c.For("news/a.txt"); find(s, "nav-leak") != nil || find(s, "promo") != nil || find(s, "spam-header") == nil {
		t.Errorf("--ignore not applied")
	}
	if err := c.Select([]string{"nope"}, nil); err == nil {
		t.Error("unknown rule accepted by --select")
	}
}

func TestFind(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "a", "b")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileName), []byte(""), 0o644); err != nil {
		t.Fatal(err)
	}
	p, ok := Find(sub)
	if !ok || p != filepath.Join(dir, FileName) {
		t.Errorf("Find = %q, %v", p, ok)
	}
}

func TestDefaultExcludeMatchesDefaultTOML(t *testing.T) {
	if !slices.Equal(Default().Files.Exclude, DefaultExclude) {
		t.Errorf("default.toml's exclude list differs from DefaultExclude:\n%v\n%v", Default().Files.Exclude, DefaultExclude)
	}
	c, err := Parse("x.toml", []byte("[files]\nextend_exclude = [\"archive/**\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := c.Files.Exclude; len(got) != len(DefaultExclude)+1 || got[len(got)-1] != "archive/**" {
		t.Errorf("extend_exclude: %v", got)
	}
	c, _ = Parse("x.toml", []byte("[files]\nexclude = [\"archive/**\"]\n"))
	if !slices.Equal(c.Files.Exclude, []string{"archive/**"}) {
		t.Errorf("exclude replaces the defaults: %v", c.Files.Exclude)
	}
}
