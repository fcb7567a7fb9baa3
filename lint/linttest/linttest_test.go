package linttest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func writeCase(t *testing.T, name, text string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const byline = `A byline above the story.
-- input.txt --
By Maria Lindqvist
The city council voted on Tuesday to extend the night bus service to the airport for another two years.
Council members said passenger numbers had risen every month since the service began in the spring.
`

func TestExecAndCheck(t *testing.T) {
	p := writeCase(t, "pos-byline.txtar", byline+`-- want --
1:1 warning safe byline byline "By Maria Lindqvist"
-- fixed --
The city council voted on Tuesday to extend the night bus service to the airport for another two years.
Council members said passenger numbers had risen every month since the service began in the spring.
`)
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Exec("byline")
	if err != nil {
		t.Fatal(err)
	}
	if errs := c.Check(r); len(errs) > 0 {
		t.Fatalf("a correct case fails: %v", errs)
	}
	if !c.Positive() || c.Negative() {
		t.Errorf("pos- case: Positive %v, Negative %v", c.Positive(), c.Negative())
	}
}

// TestCheckFinds makes sure each kind of wrong expectation is reported.
func TestCheckFinds(t *testing.T) {
	cases := []struct {
		name, file, rest, want string
	}{
		{"wrong column", "pos-a.txtar", "-- want --\n1:2 warning safe byline byline \"By Maria Lindqvist\"\n", "findings differ"},
		{"wrong safety", "pos-a.txtar", "-- want --\n1:1 warning unsafe byline byline \"By Maria Lindqvist\"\n", "findings differ"},
		{"missing fixed", "pos-a.txtar", "-- want --\n1:1 warning safe byline byline \"By Maria Lindqvist\"\n", "after --fix differs"},
		{"negative that is fixed", "neg-a.txtar", "-- want --\n", "must be left unchanged"},
		{"positive without findings", "pos-a.txtar", "-- want --\n", "at least one finding"},
		{"unprefixed name", "a.txtar", "-- want --\n", "must start with pos- or neg-"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, err := Load(writeCase(t, tc.file, byline+tc.rest))
			if err != nil {
				t.Fatal(err)
			}
			r, err := c.Exec("byline")
			if err != nil {
				t.Fatal(err)
			}
			if tc.name == "negative that is fixed" { // as -update would write it
				if err := c.Write(r); err != nil {
					t.Fatal(err)
				}
				if c, err = Load(c.Path); err != nil {
					t.Fatal(err)
				}
			}
			errs := c.Check(r)
			if !slices.ContainsFunc(errs, func(e string) bool { return strings.Contains(e, tc.want) }) {
				t.Errorf("Check = %q, want an error containing %q", errs, tc.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	cases := []struct{ name, text, want string }{
		{"no comment", "-- input.txt --\nx\n-- want --\n", "needs a comment"},
		{"no input", "c\n-- want --\n", "no input.txt"},
		{"no want", "c\n-- input.txt --\nx\n", "no want section"},
		{"unknown section", "c\n-- input.txt --\nx\n-- wnat --\n", "unknown section"},
		{"twice", "c\n-- input.txt --\nx\n-- input.txt --\ny\n-- want --\n", "appears twice"},
	}
	for _, tc := range cases {
		_, err := Load(writeCase(t, "neg-a.txtar", tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want %q", tc.name, err, tc.want)
		}
	}
}

// TestWrite checks that -update writes what the rules do, keeps the comment and the other
// sections, and leaves out fixed sections equal to what they default to.
func TestWrite(t *testing.T) {
	p := writeCase(t, "pos-a.txtar", byline+"-- config.toml --\n[rules.byline]\nseverity = \"info\"\n-- want --\nstale\n-- fixed-unsafe --\nstale\n")
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Exec("byline")
	if err != nil {
		t.Fatal(err)
	}
	if err := c.Write(r); err != nil {
		t.Fatal(err)
	}
	c2, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if errs := c2.Check(r); len(errs) > 0 {
		t.Fatalf("rewritten case fails: %v", errs)
	}
	want := []string{`1:1 info safe byline byline "By Maria Lindqvist"`}
	if !slices.Equal(c2.Want, want) || c2.Comment != "A byline above the story." || c2.Config == nil {
		t.Errorf("rewritten case: want %q, comment %q, config %q", c2.Want, c2.Comment, c2.Config)
	}
	if c2.Fixed == nil || c2.FixedUnsafe != nil {
		t.Errorf("fixed section written: %v; fixed-unsafe (same as fixed) written: %v", c2.Fixed != nil, c2.FixedUnsafe != nil)
	}
}

// TestCorpusFiles checks that corpus/ files count for corpus rules: a line the input shares
// with three other files is furniture only when they are gathered with it.
func TestCorpusFiles(t *testing.T) {
	text := "Lines shared across the directory.\n-- input.txt --\nThe harbour authority said on Monday that the new ferry terminal would open in June, a year later than planned.\nHarbour news in brief\n"
	for _, n := range []string{"b", "c", "d"} {
		text += "-- corpus/" + n + ".txt --\nHarbour news in brief\n"
	}
	c, err := Load(writeCase(t, "pos-a.txtar", text+"-- want --\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Corpus) != 3 {
		t.Fatalf("corpus files %v", c.Corpus)
	}
	r, err := c.Exec("template-line")
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Findings) != 1 || !strings.Contains(r.Findings[0], "recurs in 4 of 4 files") {
		t.Errorf("findings %q", r.Findings)
	}
}

func TestCustomFolder(t *testing.T) {
	c, err := Load(writeCase(t, "neg-a.txtar", "No custom rules declared.\n-- input.txt --\nx\n-- want --\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exec(CustomFolder); err == nil || !strings.Contains(err.Error(), "[[custom]]") {
		t.Errorf("custom folder without [[custom]] rules: error %v", err)
	}
	if _, err := c.Exec("no-such-rule"); err == nil {
		t.Error("a folder naming no rule runs")
	}
}
