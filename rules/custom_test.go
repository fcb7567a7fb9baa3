package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

func mustCustom(t *testing.T, s CustomSpec) lint.Rule {
	t.Helper()
	r, err := NewCustom(s)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestCustomExistence(t *testing.T) {
	r := mustCustom(t, CustomSpec{ID: "sponsored", Kind: "existence", Patterns: []string{"Sponsored content", "Paid post"},
		IgnoreCase: true, Fix: "delete-line"})
	runCases(t, r, []ruleCase{
		{name: "whole line", text: lines(para, "SPONSORED CONTENT", para2), lines: []int{2}, fixed: lines(para, para2)},
		{name: "phrase inside a line is not a whole-line match", text: lines("Sponsored content is on the rise, the report said.")},
	})
	phrase := mustCustom(t, CustomSpec{ID: "tw", Kind: "existence", Patterns: []string{`TradeWisdom\b`}, Regex: true, Match: "phrase"})
	runCases(t, phrase, []ruleCase{
		{name: "phrase regex", text: lines(para, "Copied from TradeWisdom today"), lines: []int{2}},
		{name: "no match", text: lines(para, "TradeWisdoms")},
	})
	header := mustCustom(t, CustomSpec{ID: "hdr", Kind: "existence", Patterns: []string{"Exclusive"}, Scope: "header", Fix: "delete-line"})
	runCases(t, header, []ruleCase{
		{name: "in the header", text: lines("Exclusive", para, "Exclusive"), lines: []int{1}},
	})
	footer := mustCustom(t, CustomSpec{ID: "ftr", Kind: "existence", Patterns: []string{"Exclusive"}, Scope: "footer"})
	runCases(t, footer, []ruleCase{
		{name: "in the footer", text: lines("Exclusive", para, "Exclusive"), lines: []int{3}},
	})
}

func TestCustomSubstitution(t *testing.T) {
	r := mustCustom(t, CustomSpec{ID: "style", Kind: "substitution", Swap: map[string]string{"e-mail": "email", "Kim Jong-un": "Kim Jong Un"}, IgnoreCase: true})
	runCases(t, r, []ruleCase{
		{name: "replaces and keeps case", text: lines("E-mail the office; send an e-mail to Kim Jong-un."), lines: []int{1},
			fixed: lines("Email the office; send an email to Kim Jong Un.")},
		{name: "whole words only", text: lines("The re-mailer was new.")},
	})
}

func TestCustomConsistency(t *testing.T) {
	r := mustCustom(t, CustomSpec{ID: "grey", Kind: "consistency", Either: [][]string{{"grey", "gray"}}})
	doc := "The grey sky. A grey cat. A gray dog.\n"
	got := flaggedLines(r, doc)
	if !slices.Equal(got, []int{1}) {
		t.Fatalf("flagged %v", got)
	}
	res := engine.Fix("t.txt", doc, active(r), false, nil)
	if res.Text != doc {
		t.Errorf("consistency fix is unsafe and must not apply by default: %q", res.Text)
	}
	res = engine.Fix("t.txt", doc, active(r), true, nil)
	if res.Text != "The grey sky. A grey cat. A grey dog.\n" {
		t.Errorf("unsafe fix: %q", res.Text)
	}
}

func TestCustomSpecErrors(t *testing.T) {
	for _, c := range []struct {
		spec CustomSpec
		want string
	}{
		{CustomSpec{Kind: "existence", Patterns: []string{"x"}}, "needs an id"},
		{CustomSpec{ID: "a b", Kind: "existence"}, "must not contain spaces"},
		{CustomSpec{ID: "x"}, "needs a kind"},
		{CustomSpec{ID: "x", Kind: "nope"}, "unknown kind"},
		{CustomSpec{ID: "x", Kind: "existence"}, "needs patterns"},
		{CustomSpec{ID: "x", Kind: "existence", Patterns: []string{"("}, Regex: true}, "pattern"},
		{CustomSpec{ID: "x", Kind: "existence", Patterns: []string{"a"}, Match: "word"}, "match must be"},
		{CustomSpec{ID: "x", Kind: "existence", Patterns: []string{"a"}, Scope: "body"}, "scope must be"},
		{CustomSpec{ID: "x", Kind: "existence", Patterns: []string{"a"}, Fix: "delete"}, "fix must be"},
		{CustomSpec{ID: "x", Kind: "existence", Patterns: []string{"a"}, Severity: "fatal"}, "unknown severity"},
		{CustomSpec{ID: "x", Kind: "existence", Patterns: []string{"a"}, FixSafety: "maybe"}, "unknown fix safety"},
		{CustomSpec{ID: "x", Kind: "substitution"}, "needs a swap"},
		{CustomSpec{ID: "x", Kind: "consistency", Either: [][]string{{"a"}}}, "two or more"},
	} {
		_, err := NewCustom(c.spec)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%+v: error %v, want it to contain %q", c.spec, err, c.want)
		}
	}
}

func TestBuiltinsDocumented(t *testing.T) {
	seen := map[string]bool{}
	for _, r := range Builtins() {
		m := r.Meta()
		if m.ID == "" || seen[m.ID] {
			t.Errorf("rule ID %q empty or duplicated", m.ID)
		}
		seen[m.ID] = true
		if m.Summary == "" || len(m.Doc) < 200 || m.Severity == 0 || m.Example == "" && !m.Corpus {
			t.Errorf("%s: summary, doc (a paragraph), example and severity are required", m.ID)
		}
		if got := flaggedLines(r, m.Example); m.Example != "" && len(got) == 0 {
			t.Errorf("%s: its example gives no finding", m.ID)
		}
		if c, ok := r.(lint.Configurable); ok {
			if v, ok := c.NewOptions().(lint.Validator); ok {
				if err := v.Validate(); err != nil {
					t.Errorf("%s: default options invalid: %v", m.ID, err)
				}
			}
		}
	}
}
