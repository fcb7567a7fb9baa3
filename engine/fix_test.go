package engine

import (
	"slices"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

func edit(s, e int, text string) lint.TextEdit { return lint.TextEdit{Start: s, End: e, NewText: text} }
func fix(edits ...lint.TextEdit) *lint.Fix {
	return &lint.Fix{Safety: lint.Safe, Edits: edits}
}

func TestApplyFixes(t *testing.T) {
	src := "0123456789"
	for _, c := range []struct {
		name      string
		fixes     []*lint.Fix
		want      string
		applied   []int
		conflicts []int
	}{
		{"none", nil, src, nil, nil},
		{"one", []*lint.Fix{fix(edit(2, 4, "ab"))}, "01ab456789", []int{0}, nil},
		{"two disjoint, reported out of order", []*lint.Fix{fix(edit(6, 7, "")), fix(edit(0, 1, "X"))}, "X12345789", []int{0, 1}, nil},
		{"overlap: the later one is dropped", []*lint.Fix{fix(edit(2, 5, "")), fix(edit(4, 6, "Y"))}, "0156789", []int{0}, []int{1}},
		{"overlap decided by position, not list order", []*lint.Fix{fix(edit(4, 6, "Y")), fix(edit(2, 5, ""))}, "0156789", []int{1}, []int{0}},
		{"touching edits both apply", []*lint.Fix{fix(edit(2, 4, "")), fix(edit(4, 6, ""))}, "016789", []int{0, 1}, nil},
		{"two inserts at one point conflict", []*lint.Fix{fix(edit(3, 3, "a")), fix(edit(3, 3, "b"))}, "012a3456789", []int{0}, []int{1}},
		{"multi-edit fix is atomic", []*lint.Fix{fix(edit(0, 1, "")), fix(edit(1, 2, "B"), edit(8, 9, "I"))}, "B234567I9", []int{0, 1}, nil},
		{"multi-edit fix wins by its first edit; the other is dropped whole", []*lint.Fix{fix(edit(8, 10, "")), fix(edit(1, 2, "B"), edit(9, 10, "J"))}, "0B2345678J", []int{1}, []int{0}},
		{"edit outside the text", []*lint.Fix{fix(edit(5, 20, ""))}, src, nil, []int{0}},
		{"overlapping edits inside one fix", []*lint.Fix{fix(edit(1, 3, ""), edit(2, 4, ""))}, src, nil, []int{0}},
	} {
		t.Run(c.name, func(t *testing.T) {
			got, applied, conflicts := ApplyFixes(src, c.fixes)
			if got != c.want {
				t.Errorf("got %q, want %q", got, c.want)
			}
			if !slices.Equal(applied, c.applied) {
				t.Errorf("applied %v, want %v", applied, c.applied)
			}
			var ci []int
			for _, x := range conflicts {
				ci = append(ci, x.Index)
			}
			if !slices.Equal(ci, c.conflicts) {
				t.Errorf("conflicts %v, want %v", ci, c.conflicts)
			}
		})
	}
}

// TestConflictNotes: a finding whose fix is dropped says why; one whose fix applies, or whose
// fix does not apply in this run (unsafe without --unsafe-fixes), says nothing.
func TestConflictNotes(t *testing.T) {
	doc := document.New("a.txt", "0123456789")
	unsafe := fix(edit(0, 9, ""))
	unsafe.Safety = lint.Unsafe
	fs := []Finding{
		{Diagnostic: lint.Diagnostic{Fix: fix(edit(2, 5, ""))}},
		{Diagnostic: lint.Diagnostic{Fix: fix(edit(4, 6, "Y"))}},
		{Diagnostic: lint.Diagnostic{Fix: fix(edit(5, 20, ""))}},
		{Diagnostic: lint.Diagnostic{Fix: unsafe}},
		{Diagnostic: lint.Diagnostic{}},
		{Diagnostic: lint.Diagnostic{Fix: fix(edit(7, 8, ""))}},
	}
	markConflicts(doc, fs, false)
	want := []string{"", "not applied in the same pass: overlaps a fix applied before it",
		"not applied in the same pass: edit 5..20 is outside the text (length 10)", "", "", ""}
	for i, f := range fs {
		if f.Conflict != want[i] {
			t.Errorf("finding %d: conflict %q, want %q", i, f.Conflict, want[i])
		}
	}
	markConflicts(doc, fs[3:4], true)
	if fs[3].Conflict != "" {
		t.Errorf("an unsafe fix alone: conflict %q", fs[3].Conflict)
	}
}

func TestKeepEnding(t *testing.T) {
	for _, c := range []struct{ orig, fixed, nl, want string }{
		{"a\nb\nc", "a\n\n", "\n", "a"},              // no final newline stays absent
		{"a\nb\nc\n", "a\n\n\n", "\n", "a\n"},        // final newline stays
		{"a\r\nb\r\n", "a\r\n\r\n", "\r\n", "a\r\n"}, // CRLF kept
		{"a\nb\n\n", "a\n\n", "\n", "a\n\n"},         // trailing blank lines of the original are kept
		{"x\n", "x\n", "\n", "x\n"},                  // unchanged
		{"a  \nb\n", "a  \n\n", "\n", "a  \n"},       // trailing spaces of the last line kept
		{"a\nb", "", "\n", ""},                       // everything deleted
	} {
		if got := keepEnding(c.orig, c.fixed, c.nl); got != c.want {
			t.Errorf("keepEnding(%q, %q) = %q, want %q", c.orig, c.fixed, got, c.want)
		}
	}
}
