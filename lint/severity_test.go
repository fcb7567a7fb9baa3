package lint_test

import (
	"testing"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// safetyRule reports one finding with a fix of the given safety, and one with its own severity.
type safetyRule struct{ safety lint.Safety }

func (r safetyRule) Meta() *lint.Meta { return &lint.Meta{ID: "s"} }
func (r safetyRule) Check(p *lint.Pass) {
	p.Report(lint.Diagnostic{Start: 0, End: 1, Message: "a", Fix: &lint.Fix{Safety: r.safety, Edits: []lint.TextEdit{{Start: 0, End: 1}}}})
	p.Report(lint.Diagnostic{Start: 0, End: 1, Message: "b", Severity: lint.Error, Fix: &lint.Fix{Safety: r.safety, Edits: []lint.TextEdit{{Start: 0, End: 1}}}})
}

// TestDisplayOnlyIsInfo: a finding whose fix is display-only takes the info severity instead of
// the rule's, so that it fails no run; a severity the rule sets itself stays.
func TestDisplayOnlyIsInfo(t *testing.T) {
	for _, c := range []struct {
		safety lint.Safety
		want   lint.Severity
	}{{lint.Safe, lint.Error}, {lint.Unsafe, lint.Error}, {lint.DisplayOnly, lint.Info}} {
		diags, _ := lint.Screen(document.New("a.txt", "x\n"), []lint.Active{{Rule: safetyRule{c.safety}, Severity: lint.Error}}, corpus.New())
		if len(diags) != 2 || diags[0].Severity != c.want || diags[1].Severity != lint.Error {
			t.Errorf("%v: severities %v", c.safety, diags)
		}
	}
}
