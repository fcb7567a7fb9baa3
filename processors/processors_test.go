package processors

import (
	"slices"
	"testing"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// byRule hides the findings of one rule, and keeps account of what it was shown.
type byRule struct {
	rule string
	seen int
}

func (b *byRule) Hide(_ Unit, fs []finding.Finding) []bool {
	out := make([]bool, len(fs))
	for i := range fs {
		out[i] = fs[i].Rule == b.rule
	}
	return out
}

func (b *byRule) Seen(r *finding.Result) { b.seen += len(r.Suppressed) }

func fnd(rule string, start, end int) finding.Finding {
	return finding.Finding{Diagnostic: lint.Diagnostic{Rule: rule, Start: start, End: end, Severity: lint.Warning}}
}

func rules(fs []finding.Finding) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Rule)
	}
	return out
}

func TestFiltersAndStages(t *testing.T) {
	a, b := &byRule{rule: "a"}, &byRule{rule: "b"}
	p := New([]Filter{a, nil, b}, Sort{})
	fs := []finding.Finding{fnd("c", 9, 10), fnd("a", 0, 1), fnd("d", 3, 4), fnd("b", 2, 3), fnd("c", 3, 4)}
	kept, hidden := p.Filter(Unit{Loc: input.Locator{Path: "x.txt"}}, fs)
	if !slices.Equal(rules(kept), []string{"c", "d", "c"}) || !slices.Equal(rules(hidden), []string{"a", "b"}) {
		t.Errorf("kept %v, hidden %v", rules(kept), rules(hidden))
	}
	if got := rules(p.Process(kept)); !slices.Equal(got, []string{"c", "d", "c"}) || kept[0].Start != 3 || kept[2].Start != 9 {
		t.Errorf("sorted: %v", got)
	}
	p.Seen(&finding.Result{Suppressed: hidden})
	if a.seen != 2 || b.seen != 2 {
		t.Errorf("trackers saw %d and %d", a.seen, b.seen)
	}
	var none *Pipeline
	if kept, hidden := none.Filter(Unit{}, fs); len(kept) != len(fs) || hidden != nil || none.Filtering() {
		t.Error("a nil pipeline filtered")
	}
}
