package processors

import (
	"slices"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// Fold shows a finding that lies wholly inside another one as a related note of the outer
// finding, when nothing is lost by it: the inner finding is not more severe, and its fix (if
// any) is implied by the outer one's. A template line inside a run of page chrome is then
// reported once, as part of the run.
//
// The outer fix implies the inner one when it is at least as applicable (safe before unsafe
// before display-only) and every inner edit lies inside a deletion of the outer fix; an inner
// finding without a fix folds into an outer one without a fix, or one whose fix deletes all of
// its text. Fixing is never affected: folding happens after it.
type Fold struct{}

// Name implements Stage.
func (Fold) Name() string { return "fold" }

// Process implements Stage: fs are the findings of one unit in text order. It folds in place:
// the outer findings take their notes where they are, then move down over the folded ones.
func (Fold) Process(fs []finding.Finding) []finding.Finding {
	if len(fs) < 2 {
		return fs
	}
	n := len(fs)
	ints := make([]int, 2*n)
	into, maxEnd := ints[:n:n], ints[n:]
	// maxEnd[j] is the largest end among fs[0..j]: scanning back from a finding, no earlier
	// finding can enclose it once maxEnd falls below its end, so the scan stays short
	for j := range fs {
		maxEnd[j] = fs[j].End
		if j > 0 {
			maxEnd[j] = max(maxEnd[j], maxEnd[j-1])
		}
	}
	folded := false
	last := 0 // the last index whose start is at most fs[i].Start
	for i := range fs {
		into[i] = -1
		best := -1
		for last+1 < len(fs) && fs[last+1].Start <= fs[i].Start {
			last++
		}
		for j := last; j >= 0 && maxEnd[j] >= fs[i].End; j-- {
			if j != i && encloses(&fs[j], j, &fs[i], i) && implies(&fs[j], &fs[i]) &&
				(best < 0 || fs[j].End-fs[j].Start >= fs[best].End-fs[best].Start) {
				best = j
			}
		}
		if best >= 0 {
			into[i] = best
			folded = true
		}
	}
	if !folded {
		return fs
	}
	// the outermost finding of a chain takes the notes of every finding inside it
	root := func(i int) int {
		for into[i] >= 0 {
			i = into[i]
		}
		return i
	}
	// each outer finding's notes are counted first and given room once: a run of page chrome
	// can take in a hundred findings, and growing its list one by one copied them over and over
	grow := maxEnd // done with
	clear(grow)
	for i := range fs {
		if into[i] >= 0 {
			grow[root(i)] += 1 + len(fs[i].Related)
		}
	}
	for i, k := range grow {
		if k > 0 {
			fs[i].Related = slices.Grow(fs[i].Related, k)
		}
	}
	// a root is never folded, so the notes it takes are read from findings it does not change
	for i := range fs {
		if into[i] >= 0 {
			o := &fs[root(i)]
			inner := fs[i]
			o.Related = append(o.Related, inner.Related...)
			inner.Related = nil
			o.Related = append(o.Related, inner)
		}
	}
	out := fs[:0]
	for i := range fs {
		if into[i] < 0 {
			out = append(out, fs[i]) // i >= len(out): moves down only
		}
	}
	clear(fs[len(out):]) // the folded findings' copies live on as notes
	return out
}

// encloses reports whether outer (at index oi) covers inner (at ii): a strictly larger range
// around it, or the same range reported earlier.
func encloses(outer *finding.Finding, oi int, inner *finding.Finding, ii int) bool {
	if outer.Start > inner.Start || inner.End > outer.End {
		return false
	}
	if outer.End-outer.Start == inner.End-inner.Start {
		return oi < ii
	}
	return true
}

// implies reports whether the outer finding says all the inner one says: as severe, and a fix
// that does what the inner fix does.
func implies(outer, inner *finding.Finding) bool {
	if inner.Severity > outer.Severity {
		return false
	}
	if inner.Fix == nil {
		return outer.Fix == nil || deletes(outer.Fix, inner.Start, inner.End)
	}
	if outer.Fix == nil || rank(outer.Fix.Safety) < rank(inner.Fix.Safety) {
		return false
	}
	for _, e := range inner.Fix.Edits {
		if !deletes(outer.Fix, e.Start, e.End) {
			return false
		}
	}
	return true
}

// deletes reports whether fix deletes all of start..end (for an empty range, the text around it).
func deletes(fix *lint.Fix, start, end int) bool {
	for _, d := range fix.Edits {
		if d.NewText != "" || d.Start > start || end > d.End {
			continue
		}
		if start < end || d.Start < start && start < d.End {
			return true
		}
	}
	return false
}

// rank orders safeties by how readily --fix applies them.
func rank(s lint.Safety) int {
	switch s {
	case lint.Safe:
		return 2
	case lint.Unsafe:
		return 1
	}
	return 0
}
