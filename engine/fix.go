package engine

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/newslint/newslint/lint"
)

// Conflict is a fix that was not applied because it overlaps a fix applied before it, or
// because its edits are malformed.
type Conflict struct {
	Index  int // position in the list given to ApplyFixes
	Reason string
}

// ApplyFixes applies fixes to src. Each fix is atomic: all its edits or none. Fixes are taken in
// order of their first edit (ties: list order); a fix that overlaps an accepted one is dropped
// and reported, so the outcome is deterministic whatever order rules reported in.
func ApplyFixes(src string, fixes []*lint.Fix) (string, []int, []Conflict) {
	accepted, applied, conflicts := planFixes(src, fixes)
	return applyEdits(src, accepted), applied, conflicts
}

// fixConflicts is the conflicts ApplyFixes reports, without building the fixed text.
func fixConflicts(src string, fixes []*lint.Fix) []Conflict {
	_, _, conflicts := planFixes(src, fixes)
	return conflicts
}

// planFixes decides which fixes ApplyFixes applies: their edits, sorted, the indices of the
// fixes applied and the conflicts of the others.
func planFixes(src string, fixes []*lint.Fix) ([]lint.TextEdit, []int, []Conflict) {
	type cand struct {
		idx   int
		edits []lint.TextEdit
	}
	cands := make([]cand, 0, len(fixes))
	var conflicts []Conflict
	for i, f := range fixes {
		if f == nil || len(f.Edits) == 0 {
			continue
		}
		edits := f.Edits // read only below; sorted in a copy when the fix's edits are not in order
		if !slices.IsSortedFunc(edits, byStart) {
			edits = slices.Clone(edits)
			slices.SortStableFunc(edits, byStart)
		}
		if err := checkEdits(src, edits); err != nil {
			conflicts = append(conflicts, Conflict{i, err.Error()})
			continue
		}
		cands = append(cands, cand{i, edits})
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(a.edits[0].Start, b.edits[0].Start) })
	var accepted []lint.TextEdit
	var applied []int
	for _, c := range cands {
		if clash := overlapsAny(accepted, c.edits); clash {
			conflicts = append(conflicts, Conflict{c.idx, overlapReason})
			continue
		}
		for _, e := range c.edits { // keep accepted sorted by start, for overlapsAny
			k := sort.Search(len(accepted), func(x int) bool { return accepted[x].Start > e.Start })
			accepted = slices.Insert(accepted, k, e)
		}
		applied = append(applied, c.idx)
	}
	sort.Ints(applied)
	sort.Slice(conflicts, func(a, b int) bool { return conflicts[a].Index < conflicts[b].Index })
	return accepted, applied, conflicts
}

// overlapReason is the Reason of a fix that overlaps one applied before it, and
// overlapConflict the note markConflicts writes for it: made once, since a page of navigation
// has thousands of fixes that overlap.
const (
	overlapReason   = "overlaps a fix applied before it"
	overlapConflict = conflictPrefix + overlapReason
	conflictPrefix  = "not applied in the same pass: "
)

func byStart(a, b lint.TextEdit) int { return cmp.Compare(a.Start, b.Start) }

func checkEdits(src string, edits []lint.TextEdit) error {
	for i, e := range edits {
		if e.Start < 0 || e.End < e.Start || e.End > len(src) {
			return fmt.Errorf("edit %d..%d is outside the text (length %d)", e.Start, e.End, len(src))
		}
		if i > 0 && overlaps(edits[i-1], e) {
			return fmt.Errorf("edits of one fix overlap at %d", e.Start)
		}
	}
	return nil
}

// overlaps reports whether two edits touch the same text; two insertions at one point also
// overlap, since their order would be arbitrary.
func overlaps(a, b lint.TextEdit) bool {
	if a.Start == a.End && b.Start == b.End {
		return a.Start == b.Start
	}
	return a.Start < b.End && b.Start < a.End || a.Start == a.End && a.Start > b.Start && a.Start < b.End ||
		b.Start == b.End && b.Start > a.Start && b.Start < a.End
}

func overlapsAny(accepted, edits []lint.TextEdit) bool {
	// accepted is sorted by start and its edits do not overlap each other, so an edit can only
	// overlap the accepted edits that start at or before its end, nearest first; the scan back
	// stops at the first one that ends before it begins
	for _, e := range edits {
		k := sort.Search(len(accepted), func(x int) bool { return accepted[x].Start > e.End })
		for j := k - 1; j >= 0; j-- {
			a := accepted[j]
			if overlaps(a, e) {
				return true
			}
			if a.End < e.Start {
				break
			}
		}
	}
	return false
}

// applyEdits applies sorted, non-overlapping edits.
func applyEdits(src string, edits []lint.TextEdit) string {
	if len(edits) == 0 {
		return src
	}
	var b strings.Builder
	b.Grow(len(src))
	pos := 0
	for _, e := range edits {
		b.WriteString(src[pos:e.Start])
		b.WriteString(e.NewText)
		pos = e.End
	}
	b.WriteString(src[pos:])
	return b.String()
}

// keepEnding restores the file's ending convention after fixes: when the original did not end
// in blank lines, blank lines left at the end by deletions are removed, and the final line
// terminator is present exactly when it was before. The last line keeps its own terminator
// (CRLF, LF or a lone CR, whatever the others are); newline is used only when a fix removed it.
func keepEnding(orig, fixed, newline string) string {
	if fixed == orig || fixed == "" {
		return fixed
	}
	if endsInBlankLine(orig) {
		return fixed
	}
	trimmed := strings.TrimRight(fixed, " \t\r\n")
	if trimmed == "" {
		return ""
	}
	// keep trailing spaces of the last line itself
	rest := fixed[len(trimmed):]
	if i := strings.IndexAny(rest, "\r\n"); i >= 0 {
		trimmed += rest[:i]
		rest = rest[i:]
	} else {
		trimmed, rest = fixed, ""
	}
	if !strings.HasSuffix(orig, "\n") && !strings.HasSuffix(orig, "\r") {
		return trimmed
	}
	switch {
	case strings.HasPrefix(rest, "\r\n"):
		return trimmed + "\r\n"
	case strings.HasPrefix(rest, "\n"):
		return trimmed + "\n"
	case strings.HasPrefix(rest, "\r"):
		return trimmed + "\r"
	}
	return trimmed + finalTerminator(orig, newline)
}

// finalTerminator is the terminator of the last line of s.
func finalTerminator(s, newline string) string {
	switch {
	case strings.HasSuffix(s, "\r\n"):
		return "\r\n"
	case strings.HasSuffix(s, "\n"):
		return "\n"
	case strings.HasSuffix(s, "\r"):
		return "\r"
	}
	return newline
}

// endsInBlankLine reports text whose last line, before the final newline, is blank.
func endsInBlankLine(s string) bool {
	s = strings.TrimSuffix(s, "\n")
	s = strings.TrimSuffix(s, "\r")
	i := strings.LastIndexAny(s, "\r\n")
	return strings.TrimSpace(s[i+1:]) == "" && i >= 0
}
