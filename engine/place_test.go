package engine_test

import (
	"reflect"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// TestPlaceGivesEachEditItsPosition: every edit of every fix is placed (the findings' positions
// share one list), a fix without edits has none, and appending to one finding's positions
// leaves the next finding's as they were.
func TestPlaceGivesEachEditItsPosition(t *testing.T) {
	doc := document.New("a.txt", "one\ntwö three\nfour\n")
	fix := func(edits ...lint.TextEdit) *lint.Fix { return &lint.Fix{Safety: lint.Safe, Edits: edits} }
	diags := []lint.Diagnostic{
		{Rule: "a", Start: 0, End: 3, Fix: fix(lint.TextEdit{Start: 0, End: 4}, lint.TextEdit{Start: 9, End: 14})},
		{Rule: "b", Start: 4, End: 8, Fix: fix()},
		{Rule: "c", Start: 4, End: 8},
		{Rule: "d", Start: 15, End: 19, Fix: fix(lint.TextEdit{Start: 15, End: 20})},
	}
	fs := engine.Place(doc, diags, false, 0)
	want := [][]finding.Span{
		{{Line: 1, Col: 1, EndLine: 2, EndCol: 1}, {Line: 2, Col: 5, EndLine: 2, EndCol: 10}},
		nil,
		nil,
		{{Line: 3, Col: 1, EndLine: 3, EndCol: 6}}, // to the end of the text
	}
	for i, f := range fs {
		if !reflect.DeepEqual(f.EditPos, want[i]) {
			t.Errorf("finding %s: edits at %v, want %v", f.Rule, f.EditPos, want[i])
		}
	}
	fs[0].EditPos = append(fs[0].EditPos, finding.Span{Line: 9})
	if !reflect.DeepEqual(fs[3].EditPos, want[3]) {
		t.Errorf("appending to one finding's edits changed another's: %v", fs[3].EditPos)
	}
}
