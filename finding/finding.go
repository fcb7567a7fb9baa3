// Package finding holds what a run reports: a Finding (a diagnostic placed in its unit of
// text), the Result of one file, and fingerprints that identify a finding across edits. The
// engine produces them, the pipeline filters and folds them, reporters and baselines read them.
package finding

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// Span is a placed range: 1-based line and column of start and end (end column exclusive).
type Span struct {
	Line, Col, EndLine, EndCol int
}

// Finding is a diagnostic placed in its unit of text: 1-based lines and columns within the
// unit's text (columns count code points; EndCol is exclusive, EndLine inclusive).
type Finding struct {
	lint.Diagnostic
	// Loc is the unit the finding is in: the file, or one record of it.
	Loc                        input.Locator
	Line, Col, EndLine, EndCol int
	// Text is the flagged text, for fingerprints and baselines that survive line moves.
	Text string
	// EditPos places each edit of the fix, in the same order.
	EditPos []Span
	// Preview is the line-level diff of the finding's fix, with context, when asked for.
	Preview []diff.Hunk
	// Conflict says why the fix would not be applied together with earlier fixes, if so.
	Conflict string
	// Related are findings that lie wholly inside this one and whose fix this one's fix
	// implies: shown as notes of this finding rather than on their own.
	Related []Finding
}

// FileLine is the line of the file the finding is on: the record's line for records.
func (f *Finding) FileLine() int {
	if f.Loc.IsRecord() {
		return f.Loc.Line
	}
	return f.Line
}

// FileSpan is the region of the file a finding covers: its own for a whole file, the record's
// line for records.
func (f *Finding) FileSpan() (line, col, endLine, endCol int) {
	if f.Loc.IsRecord() {
		return f.Loc.Line, 1, f.Loc.Line, 1
	}
	return f.Line, f.Col, f.EndLine, f.EndCol
}

// Applies reports whether --fix (with unsafe fixes if unsafe) applies a fix of this safety.
func Applies(s lint.Safety, unsafe bool) bool {
	return s == lint.Safe || unsafe && s == lint.Unsafe
}

// Patch is a text before and after fixing.
type Patch struct {
	Name, Before, After string
}

// Result is what a run found in one file.
type Result struct {
	File input.File
	// Findings are those left in the file: after --fix, the ones it could not fix.
	Findings []Finding
	// Suppressed are the findings a filter (the baseline, suppressions) hid: they were neither
	// fixed nor reported.
	Suppressed []Finding
	// Fixed counts the fixes applied (or, with Diff, that would be).
	Fixed int
	// Patches are what the fix would change, set with Diff: one per changed text (the file, or
	// each changed record of a JSON Lines or JSON file).
	Patches []Patch
	Changed bool
	// Bytes is the size of the file as read.
	Bytes int64
	// Part numbers the results of one file from 0: a large JSON Lines file reports its records
	// in several parts, so that findings stream instead of piling up. Last marks the final
	// part, which carries Changed, Fixed and Bytes.
	Part int
	Last bool
	// Errors are problems reading, parsing or writing the file; they make the run exit 2.
	Errors []error
}

// Fingerprint identifies a finding independently of its line number: the rule, the path and
// the flagged text with white space folded. Equal findings in one file are told apart by
// their order (occurrence counts from 0).
func Fingerprint(path string, f *Finding, occurrence int) string {
	h := sha256.New()
	h.Write([]byte(f.Rule))
	h.Write([]byte{0})
	h.Write([]byte(filepath.ToSlash(path)))
	h.Write([]byte{0})
	h.Write([]byte(NormText(f.Text)))
	h.Write([]byte{0, byte(occurrence), byte(occurrence >> 8), byte(occurrence >> 16)})
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// NormText folds runs of white space to one space and trims, so that re-wrapping or line
// ending changes do not change a fingerprint.
func NormText(s string) string { return strings.Join(strings.Fields(s), " ") }

// Fingerprints returns the fingerprint of each finding of a result, in order. Occurrences are
// counted over the findings and their related notes in text order, so folding findings into
// related notes does not change the fingerprints of the others.
func Fingerprints(r *Result) []string {
	seen := map[string]int{}
	out := make([]string, len(r.Findings))
	for _, x := range flatten(r.Findings) {
		k := x.f.Rule + "\x00" + NormText(x.f.Text)
		if x.outer >= 0 {
			out[x.outer] = Fingerprint(r.File.Path(), &x.f, seen[k])
		}
		seen[k]++
	}
	return out
}

// Flatten returns findings with their related notes as findings of their own (without Related),
// sorted by unit, then position, then rule, as the rules reported them.
func Flatten(fs []Finding) []Finding {
	flat := flatten(fs)
	out := make([]Finding, len(flat))
	for i, x := range flat {
		out[i] = x.f
	}
	return out
}

type flat struct {
	f     Finding
	outer int // index in the list given to flatten, -1 for a related note
}

func flatten(fs []Finding) []flat {
	out := make([]flat, 0, len(fs))
	for i, f := range fs {
		rel := f.Related
		f.Related = nil
		out = append(out, flat{f, i})
		for _, g := range rel {
			out = append(out, flat{g, -1})
		}
	}
	slices.SortStableFunc(out, func(a, b flat) int {
		if a.f.Loc.Record != b.f.Loc.Record {
			return a.f.Loc.Record - b.f.Loc.Record
		}
		if a.f.Start != b.f.Start {
			return a.f.Start - b.f.Start
		}
		return strings.Compare(a.f.Rule, b.f.Rule)
	})
	return out
}
