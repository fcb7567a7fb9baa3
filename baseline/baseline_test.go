package baseline

import (
	"path/filepath"
	"slices"
	"testing"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/processors"
)

func fnd(rule, text string, related ...finding.Finding) finding.Finding {
	return finding.Finding{Diagnostic: lint.Diagnostic{Rule: rule}, Text: text, Related: related}
}

// TestHideCountsPerUnit: a recorded finding is hidden as often as it was recorded, in each unit;
// white space does not matter; what a run finally hid is what Stale counts against.
func TestHideCountsPerUnit(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	path := filepath.Join(dir, FileName)
	w := NewWriter(path)
	// the folded template line is recorded too: the baseline filters before folding
	w.Add(&finding.Result{File: input.NewFile(a, "", ""), Findings: []finding.Finding{
		fnd("widget", "Like (3)"), fnd("chrome", "Home\nMenu", fnd("template", "Home")), fnd("widget", "Like (3)")}})
	if w.Len() != 4 {
		t.Fatalf("recorded %d findings, want 4", w.Len())
	}
	if err := w.Write(path); err != nil {
		t.Fatal(err)
	}
	s, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	fs := []finding.Finding{fnd("widget", "Like  (3)"), fnd("template", "Home"), fnd("widget", "Like (3)"), fnd("widget", "Like (3)"), fnd("chrome", "Other")}
	hide := s.Hide(processors.Unit{Loc: input.Locator{Path: a}}, fs)
	if want := []bool{true, true, true, false, false}; !slices.Equal(hide, want) {
		t.Errorf("hidden %v, want %v", hide, want)
	}
	// each record of a feed gets the file's counts; other files get none
	if hide := s.Hide(processors.Unit{Loc: input.Locator{Path: a, Record: 2, Line: 2}}, fs[:1]); !hide[0] {
		t.Error("not hidden in a record")
	}
	if hide := s.Hide(processors.Unit{Loc: input.Locator{Path: filepath.Join(dir, "b.txt")}}, fs[:1]); hide[0] {
		t.Error("hidden in another file")
	}
	// only the template line and one widget were hidden in the end: the rest is stale
	s.Seen(&finding.Result{File: input.NewFile(a, "", ""), Suppressed: []finding.Finding{fs[1], fs[2]}})
	stale := s.Stale()
	if len(stale) != 2 || stale[0].Rule != "chrome" || stale[1].Rule != "widget" || stale[1].Count != 1 {
		t.Errorf("stale %+v", stale)
	}
}
