package lint_test

import (
	"fmt"
	"testing"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// countingRule counts its Check calls; countingScreener, a corpus rule, its Screen calls.
type countingRule struct {
	id    string
	calls *int
}

func (r countingRule) Meta() *lint.Meta { return &lint.Meta{ID: r.id} }
func (r countingRule) Check(p *lint.Pass) {
	*r.calls++
	p.Report(lint.Diagnostic{Start: 0, End: 1, Message: r.id})
}

type countingScreener struct{ countingRule }

func (r countingScreener) Check(*lint.Pass)                                  { panic("Check of a Screener") }
func (r countingScreener) Gather(*document.Document, any, *corpus.Stats)     {}
func (r countingScreener) Wants(*corpus.Stats, any, []lint.Candidate) bool   { return true }
func (r countingScreener) Resolve(*lint.Pass, []lint.Candidate)              {}
func (r countingScreener) Screen(*lint.Pass, *corpus.Stats) []lint.Candidate { *r.calls++; return nil }

// TestScreenRunsEachRuleOnce: Screen screens every corpus rule and checks every other rule once,
// however many rules run (more than 64 included), and returns the diagnostics of the checked ones.
func TestScreenRunsEachRuleOnce(t *testing.T) {
	for _, n := range []int{1, 16, 64, 65, 70, 130} {
		calls := make([]int, n)
		var active []lint.Active
		checkers := 0
		for i := range n {
			r := countingRule{fmt.Sprintf("r%03d", i), &calls[i]}
			if i%3 == 1 {
				active = append(active, lint.Active{Rule: countingScreener{r}, Severity: lint.Warning})
			} else {
				active = append(active, lint.Active{Rule: r, Severity: lint.Warning})
				checkers++
			}
		}
		diags, _ := lint.Screen(document.New("a.txt", "x\n"), active, corpus.New())
		for i, c := range calls {
			if c != 1 {
				t.Errorf("%d rules: rule %d ran %d times", n, i, c)
			}
		}
		if len(diags) != checkers {
			t.Errorf("%d rules: %d diagnostics, want %d", n, len(diags), checkers)
		}
	}
}
