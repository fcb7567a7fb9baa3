package lint

import (
	"math/rand"
	"slices"
	"strconv"
	"testing"
)

// TestSortDiagnosticsIsAStableSort: the run-merging sort orders diagnostics exactly as a stable
// sort by position and rule does, for texts of any number of sorted runs (past the 64 runs it
// merges too), with many ties kept in their order of report.
func TestSortDiagnosticsIsAStableSort(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	rules := []string{"byline", "caption", "glued-word", "nav-leak"}
	for n := range 400 {
		size := r.Intn(n%150 + 1)
		ds := make([]Diagnostic, size)
		pos := 0
		for i := range ds {
			switch r.Intn(4) {
			case 0: // a new run
				pos = r.Intn(40)
			case 1:
				pos += r.Intn(5)
			}
			// Message numbers the diagnostics, so that a change of the order of ties shows
			ds[i] = Diagnostic{Start: pos, Rule: rules[r.Intn(len(rules))], Message: strconv.Itoa(i)}
		}
		want := slices.Clone(ds)
		slices.SortStableFunc(want, func(a, b Diagnostic) int { return compareDiagnostics(&a, &b) })
		sortDiagnostics(ds)
		if !slices.Equal(ds, want) {
			t.Fatalf("%d diagnostics:\n got %v\nwant %v", size, ds, want)
		}
	}
}
