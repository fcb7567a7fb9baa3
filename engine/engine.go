// Package engine runs rules over units of text (files, records, standard input): it collects
// their diagnostics, applies fixes (resolving overlaps, repeating until nothing changes), passes
// findings through the pipeline and streams per-file results, in path order, from a pool of
// workers.
package engine

import (
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// MaxPasses caps how often fixing re-lints a document.
const MaxPasses = 10

// Finding, Span, Result and Patch are the types of package finding, under their former names.
type (
	Finding = finding.Finding
	Span    = finding.Span
	Result  = finding.Result
	Patch   = finding.Patch
)

// Applies reports whether --fix (with unsafe fixes if unsafe) applies a fix of this safety.
func Applies(s lint.Safety, unsafe bool) bool { return finding.Applies(s, unsafe) }

// Check runs rules over doc and returns the diagnostics sorted by position, then rule.
func Check(doc *document.Document, active []lint.Active, stats *corpus.Stats) []lint.Diagnostic {
	return lint.DropProtected(doc, lint.Run(doc, active, stats))
}

// Place turns diagnostics into findings with positions; with preview, each fix gets a diff with
// ctx lines of context.
func Place(doc *document.Document, diags []lint.Diagnostic, preview bool, ctx int) []Finding {
	out := make([]Finding, len(diags))
	// the positions of every fix's edits share one list (a page's findings have hundreds)
	edits := 0
	for _, d := range diags {
		if d.Fix != nil {
			edits += len(d.Fix.Edits)
		}
	}
	spans := make([]Span, edits)
	pos := doc.Cursor()
	for i, d := range diags {
		f := Finding{Diagnostic: d}
		if d.Start >= 0 && d.End <= len(doc.Src) && d.Start <= d.End {
			f.Text = doc.Src[d.Start:d.End]
		}
		f.Line, f.Col = pos.Position(d.Start)
		f.EndLine, f.EndCol = pos.Position(d.End)
		if d.Fix != nil && len(d.Fix.Edits) > 0 {
			n := len(d.Fix.Edits)
			f.EditPos, spans = spans[:n:n], spans[n:] // capped: an append elsewhere copies
			for j, e := range d.Fix.Edits {
				sp := &f.EditPos[j]
				sp.Line, sp.Col = pos.Position(e.Start)
				sp.EndLine, sp.EndCol = pos.Position(e.End)
			}
		}
		if preview && d.Fix != nil {
			f.Preview = previewFix(doc, d.Fix, ctx)
		}
		out[i] = f
	}
	return out
}

// previewFix diffs the lines a fix touches, with ctx lines around them, before and after the
// fix, numbered as in the whole document.
func previewFix(doc *document.Document, fix *lint.Fix, ctx int) []diff.Hunk {
	if len(fix.Edits) == 0 || doc.NumLines() == 0 {
		return nil
	}
	lo, hi := len(doc.Src), 0
	for _, e := range fix.Edits {
		lo, hi = min(lo, e.Start), max(hi, e.End)
	}
	first := max(0, doc.LineAt(lo)-ctx)
	last := min(doc.NumLines()-1, doc.LineAt(max(lo, hi-1))+ctx)
	ws, we := doc.Lines[first].Start, doc.Lines[last].Next
	if hi > we || lo < ws {
		return nil
	}
	shifted := make([]*lint.Fix, 1)
	f := *fix
	f.Edits = make([]lint.TextEdit, len(fix.Edits))
	for i, e := range fix.Edits {
		f.Edits[i] = lint.TextEdit{Start: e.Start - ws, End: e.End - ws, NewText: e.NewText}
	}
	shifted[0] = &f
	window := doc.Src[ws:we]
	after, _, _ := ApplyFixes(window, shifted)
	return diff.Hunks(window, after, ctx, first, first)
}

// FixResult is what fixing one text did.
type FixResult struct {
	Text    string
	Applied int
	// Passes is how many lint passes changed the text.
	Passes int
	// Converged is false when the text still changed after MaxPasses passes.
	Converged bool
}

// Fix lints and fixes src until no applicable fix remains. Corpus rules count it with the
// files of its path's directory; FixIn names its group.
func Fix(path, src string, active []lint.Active, unsafe bool, stats *corpus.Stats) FixResult {
	return FixIn(path, "", src, active, unsafe, stats)
}

// FixIn is Fix for a text in the given corpus group (corpus.GroupOf its root-relative path),
// as Gather counts it.
func FixIn(path, group, src string, active []lint.Active, unsafe bool, stats *corpus.Stats) FixResult {
	res, _, _ := settle(path, group, src, active, stats, &unsafe, nil)
	return res
}

// checked is one lint pass: a document and its diagnostics.
type checked struct {
	doc   *document.Document
	diags []lint.Diagnostic
}

// settle is the fix loop: it lints src and applies the applicable fixes (unsafe ones too when
// *unsafe) of the diagnostics keep lets through (all when keep is nil), until nothing changes.
// It returns what fixing did, the first pass (over src) and the last (over the text it settled
// on; the first when it did not settle). With unsafe nil, it lints src once and fixes nothing.
func settle(path, group, src string, active []lint.Active, stats *corpus.Stats, unsafe *bool,
	keep func(*document.Document, []lint.Diagnostic) []lint.Diagnostic) (FixResult, checked, checked) {
	res := FixResult{Text: src, Converged: true}
	cur := src
	var first, last checked
	for pass := 0; ; pass++ {
		doc := document.New(path, cur)
		doc.Group = group
		diags := Check(doc, active, stats)
		last = checked{doc, diags}
		if pass == 0 {
			first = last
		}
		if unsafe == nil {
			break
		}
		if keep != nil {
			diags = keep(doc, diags)
		}
		var fixes []*lint.Fix
		for _, d := range diags {
			if d.Fix != nil && Applies(d.Fix.Safety, *unsafe) {
				fixes = append(fixes, d.Fix)
			}
		}
		next, applied, _ := ApplyFixes(cur, fixes)
		next = keepEnding(src, next, doc.Newline())
		if next == cur {
			break
		}
		if pass == MaxPasses {
			res.Converged = false
			res.Text = cur
			return res, first, first
		}
		res.Applied += len(applied)
		res.Passes++
		cur = next
	}
	res.Text = cur
	return res, first, last
}

// markConflicts notes on findings whose fixes would be dropped for overlapping earlier ones.
func markConflicts(doc *document.Document, fs []Finding, unsafe bool) {
	var fixes []*lint.Fix
	var idx []int
	for i := range fs {
		if fs[i].Fix != nil && Applies(fs[i].Fix.Safety, unsafe) {
			fixes = append(fixes, fs[i].Fix)
			idx = append(idx, i)
		}
	}
	if len(fixes) == 0 {
		return
	}
	for _, c := range fixConflicts(doc.Src, fixes) {
		note := overlapConflict
		if c.Reason != overlapReason {
			note = conflictPrefix + c.Reason
		}
		fs[idx[c.Index]].Conflict = note
	}
}
