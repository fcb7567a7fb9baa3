package lint

import (
	"reflect"
	"testing"
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
