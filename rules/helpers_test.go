package rules

import (
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

// ruleCase is one table row: the text, the 1-based lines a rule must flag (nil: none), and the
// text after --fix ("" when it is the same as the input or not checked).
type ruleCase struct {
	name  string
	text  string
	lines []int
	fixed string
}

func active(r lint.Rule) []lint.Active {
	var opts any
	if c, ok := r.(lint.Configurable); ok {
		opts = c.NewOptions()
	}
	return []lint.Active{{Rule: r, Severity: r.Meta().Severity, Options: opts}}
}

func flaggedLines(r lint.Rule, text string) []int {
	doc := document.New("t.txt", text)
	seen := map[int]bool{}
	for _, d := range engine.Check(doc, active(r), engine.SelfStats(doc, active(r))) {
		first, _ := doc.Position(d.Start)
		last, _ := doc.Position(d.End)
		if d.End > d.Start && d.End == doc.Lines[doc.LineAt(d.End)].Start && last > first {
			last--
		}
		for l := first; l <= last; l++ {
			seen[l] = true
		}
	}
	var out []int
	for l := range seen {
		out = append(out, l)
	}
	sort.Ints(out)
	return out
}

func runCases(t *testing.T, r lint.Rule, cases []ruleCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := flaggedLines(r, c.text)
			if !slices.Equal(got, c.lines) {
				t.Errorf("flagged lines %v, want %v\ntext:\n%s", got, c.lines, c.text)
			}
			if c.fixed != "" {
				res := engine.Fix("t.txt", c.text, active(r), false, engine.SelfStats(document.New("t.txt", c.text), active(r)))
				if res.Text != c.fixed {
					t.Errorf("after fix:\n%q\nwant:\n%q", res.Text, c.fixed)
				}
				again := engine.Fix("t.txt", res.Text, active(r), false, nil)
				if again.Text != res.Text {
					t.Errorf("second fix changed the text again:\n%q", again.Text)
				}
			}
		})
	}
}

// lines joins lines with "\n" and a final newline.
func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

// para is a body paragraph for building documents.
const para = "The ministry said on Friday that the talks had made progress, and that both sides would meet again next month in Geneva."
const para2 = "Officials from both countries declined to give details of the proposals, citing the sensitivity of the negotiations."
