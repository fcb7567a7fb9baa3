// Package engine runs rules over documents: it collects their diagnostics, applies fixes
// (resolving overlaps, repeating until nothing changes) and streams per-file results, in path
// order, from a pool of workers.
package engine

import (
	"fmt"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// MaxPasses caps how often fixing re-lints a document.
const MaxPasses = 10

// Finding is a diagnostic placed in its document: 1-based lines and columns (columns count code
// points; EndCol is exclusive, EndLine inclusive).
type Finding struct {
	lint.Diagnostic
	Line, Col, EndLine, EndCol int
	// Text is the flagged text, for fingerprints and baselines that survive line moves.
	Text string
	// EditPos places each edit of the fix, in the same order.
	EditPos []Span
	// Preview is the line-level diff of the finding's fix, with context, when asked for.
	Preview []diff.Hunk
	// Conflict says why the fix would not be applied together with earlier fixes, if so.
	Conflict string
	// Record is the 1-based record of a JSON Lines or JSON file (0 for plain text), RecordID
	// its "id" or "url", and RecordLine the line of the file where it stands. Line and Col are
	// then positions within the record's text.
	Record     int
	RecordID   string
	RecordLine int
}

// FileLine is the line of the file the finding is on: the record's line for records.
func (f *Finding) FileLine() int {
	if f.Record > 0 {
		return f.RecordLine
	}
	return f.Line
}

// Span is a placed range: 1-based line and column of start and end (end column exclusive).
type Span struct {
	Line, Col, EndLine, EndCol int
}

// Applies reports whether --fix (with unsafe fixes if unsafe) applies a fix of this safety.
func Applies(s lint.Safety, unsafe bool) bool {
	return s == lint.Safe || unsafe && s == lint.Unsafe
}

// Check runs rules over doc and returns the diagnostics sorted by position, then rule.
func Check(doc *document.Document, active []lint.Active, stats *corpus.Stats) []lint.Diagnostic {
	return lint.DropProtected(doc, lint.Run(doc, active, stats))
}

// Place turns diagnostics into findings with positions; with preview, each fix gets a diff with
// ctx lines of context.
func Place(doc *document.Document, diags []lint.Diagnostic, preview bool, ctx int) []Finding {
	out := make([]Finding, len(diags))
	for i, d := range diags {
		f := Finding{Diagnostic: d}
		if d.Start >= 0 && d.End <= len(doc.Src) && d.Start <= d.End {
			f.Text = doc.Src[d.Start:d.End]
		}
		f.Line, f.Col = doc.Position(d.Start)
		end := d.End
		f.EndLine, f.EndCol = doc.Position(end)
		if d.Fix != nil {
			for _, e := range d.Fix.Edits {
				var sp Span
				sp.Line, sp.Col = doc.Position(e.Start)
				sp.EndLine, sp.EndCol = doc.Position(e.End)
				f.EditPos = append(f.EditPos, sp)
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

// Fix lints and fixes src until no applicable fix remains.
func Fix(path, src string, active []lint.Active, unsafe bool, stats *corpus.Stats) FixResult {
	res := FixResult{Text: src, Converged: true}
	cur := src
	for pass := 0; ; pass++ {
		doc := document.New(path, cur)
		var fixes []*lint.Fix
		for _, d := range Check(doc, active, stats) {
			if d.Fix != nil && Applies(d.Fix.Safety, unsafe) {
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
			break
		}
		res.Applied += len(applied)
		res.Passes++
		cur = next
	}
	res.Text = cur
	return res
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
	_, _, conflicts := ApplyFixes(doc.Src, fixes)
	for _, c := range conflicts {
		fs[idx[c.Index]].Conflict = fmt.Sprintf("not applied in the same pass: %s", c.Reason)
	}
}
