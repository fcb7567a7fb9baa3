package lint

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/newslint/newslint/document"
)

// TestFreedDocStateKeepsNothing: a document's state goes back to the pool cleared, so that the
// next document starts afresh and the last one's results (its layout, its words) are not kept
// alive by the pool.
func TestFreedDocStateKeepsNothing(t *testing.T) {
	st := newDocState([]Active{{}})
	st.results = append(st.inline[:0], analysisResult{v: "a result"})
	st.pass = Pass{who: "rule"}
	st.free()
	if !reflect.DeepEqual(*st, docState{}) {
		t.Errorf("freed state holds %+v", *st)
	}
}

// TestNestedAnalysesKeepTheirPasses: analyses that require analyses, deeper than the state's
// reused passes go, each get their result and keep their own pass (its name, its document)
// while the ones they require run.
func TestNestedAnalysesKeepTheirPasses(t *testing.T) {
	doc := document.New("x.txt", "one\ntwo\nthree\n")
	var chain []*Analysis[int]
	for k := range 5 {
		a := &Analysis[int]{Name: fmt.Sprintf("level-%d", k)}
		if k > 0 {
			prev := chain[k-1]
			a.Requires = []Analyzer{prev}
		}
		a.Run = func(p *Pass) int {
			n := p.Doc.NumLines()
			if k > 0 {
				n = ResultOf(p, chain[k-1]) + 1
				// a second look: the result is the one computed, not run again
				n2 := ResultOf(p, chain[k-1]) + 1
				if n2 != n {
					t.Errorf("%s: %d, then %d", a.Name, n, n2)
				}
			}
			if p.who != a.Name || p.Doc != doc {
				t.Errorf("%s runs with the pass of %q", a.Name, p.who)
			}
			return n
		}
		chain = append(chain, a)
	}
	st := newDocState(nil)
	defer st.free()
	p := st.rulePass(doc, &Active{Rule: nil, Meta: &Meta{ID: "r", Requires: []Analyzer{chain[4]}}}, nil, func(Diagnostic) {})
	if got, want := ResultOf(p, chain[4]), doc.NumLines()+4; got != want {
		t.Errorf("result %d, want %d", got, want)
	}
	if st.depth != 0 {
		t.Errorf("depth %d after the analyses ran", st.depth)
	}
}
