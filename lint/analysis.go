package lint

import (
	"fmt"
	"reflect"
	"slices"
	"sync"
	"unsafe"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
)

// Analyzer is a shared analysis of one document whose result several rules use (where the body
// is, which lines nav-leak's blocks cover, the document's language). It is computed at most once
// per document and configuration, the first time a rule asks for it, as the facts of
// golang.org/x/tools/go/analysis are: a rule declares the analyses it reads in Meta.Requires, and
// reads them with ResultOf.
type Analyzer interface {
	// AnalyzerName names the analysis in messages and docs.
	AnalyzerName() string
	// requires lists the analyses this one reads.
	requires() []Analyzer
	run(p *Pass) any
	// key identifies the analysis: comparing keys is cheaper than comparing interfaces, and
	// a generic ResultOf needs no conversion to Analyzer to find one
	key() unsafe.Pointer
}

// Analysis is an Analyzer with a result of type T.
type Analysis[T any] struct {
	// Name identifies the analysis in messages and docs.
	Name string
	// Doc says what the result holds.
	Doc string
	// Requires lists the analyses Run reads with ResultOf.
	Requires []Analyzer
	// Run computes the result for p.Doc. It may read the options of any rule with OptionsFor,
	// so a result that depends on a rule's configuration follows that configuration.
	Run func(p *Pass) T
}

// AnalyzerName implements Analyzer.
func (a *Analysis[T]) AnalyzerName() string { return a.Name }
func (a *Analysis[T]) requires() []Analyzer { return a.Requires }
func (a *Analysis[T]) run(p *Pass) any      { return a.Run(p) }
func (a *Analysis[T]) key() unsafe.Pointer  { return unsafe.Pointer(a) }

// docState is what the passes over one document share: the active rules (for their options)
// and the analysis results computed so far.
type docState struct {
	active []Active
	// results are the analyses computed so far, in the order they finished: a document needs a
	// handful, found faster in a short list than in a map, which would cost allocations
	results []analysisResult
	inline  [8]analysisResult
	// pass is the pass of the rule running: rules run one after another and do not keep
	// their pass, so one serves them all
	pass Pass
	// subs are the passes of the analyses running, one for each level of analyses that
	// require analyses (deeper levels get new ones); depth is how many are in use
	subs  [2]Pass
	depth int
}

// docStates holds the states of finished documents for the next ones: a state (with its pass
// and room for eight results) is a few hundred bytes, which every document needed anew.
var docStates = sync.Pool{New: func() any { return new(docState) }}

// newDocState returns a cleared state for a document checked with active.
func newDocState(active []Active) *docState {
	st := docStates.Get().(*docState)
	st.active = active
	return st
}

// free clears st, so that it keeps nothing of its document alive, and keeps it for another
// document. Neither st nor a pass of it may be used afterwards: rules and analyses do not keep
// their pass beyond the call.
func (st *docState) free() {
	*st = docState{}
	docStates.Put(st)
}

// rulePass readies st's pass for active rule a over doc.
func (st *docState) rulePass(doc *document.Document, a *Active, stats *corpus.Stats, report func(Diagnostic)) *Pass {
	m := a.meta()
	p := &st.pass
	*p = Pass{Doc: doc, Options: a.Options, Corpus: stats, rule: m.ID, sev: a.Severity, report: report,
		state: st, who: m.ID, whoKind: "rule", requires: m.Requires}
	return p
}

type analysisResult struct {
	key unsafe.Pointer // Analyzer.key
	v   any
}

// result returns the result of the analysis of key k, if it was computed.
func (st *docState) result(k unsafe.Pointer) (any, bool) {
	for i := range st.results {
		if st.results[i].key == k {
			return st.results[i].v, true
		}
	}
	return nil, false
}

// ResultOf returns the result of analysis a for the pass's document, computing it on first use.
// The running rule (or analysis) must list a in its Requires: dependencies are declared, not
// discovered.
func ResultOf[T any](p *Pass, a *Analysis[T]) T {
	k := unsafe.Pointer(a)
	if !slices.ContainsFunc(p.requires, func(r Analyzer) bool { return r.key() == k }) {
		panic(fmt.Sprintf("%s %s reads analysis %q without declaring it in Requires", p.whoKind, p.who, a.Name))
	}
	st := p.state
	if st == nil { // a pass built by hand, outside Run
		st = &docState{}
		p.state = st
	}
	if v, ok := st.result(k); ok {
		return v.(T)
	}
	var sub *Pass
	if st.depth < len(st.subs) {
		sub = &st.subs[st.depth]
		st.depth++
		defer func() { st.depth-- }()
	} else {
		sub = new(Pass)
	}
	*sub = Pass{Doc: p.Doc, Corpus: p.Corpus, state: st, who: a.Name, whoKind: "analysis", requires: a.Requires}
	v := a.Run(sub)
	if st.results == nil {
		st.results = st.inline[:0]
	}
	st.results = append(st.results, analysisResult{k, v})
	return v
}

// OptionsFor returns the options rule r runs with on the pass's document, or r's defaults when r
// does not run there. Analyses use it to follow the configuration of the rule they serve.
func OptionsFor[T any](p *Pass, r Configurable) *T {
	id := ruleID(r)
	if p.state != nil {
		for i := range p.state.active {
			a := &p.state.active[i]
			if a.meta().ID == id {
				if o, ok := a.Options.(*T); ok && o != nil {
					return o
				}
			}
		}
	}
	return r.NewOptions().(*T)
}

// ruleIDs caches the IDs of rules of types without fields (most built-in rules), by type: a
// rule's Meta is built afresh on each call, and analyses ask OptionsFor on every document.
var ruleIDs sync.Map // reflect.Type → string

// ruleID returns r's ID.
func ruleID(r Configurable) string {
	t := reflect.TypeOf(r)
	if t.Size() != 0 { // a rule with fields: its ID may depend on them
		return r.(Rule).Meta().ID
	}
	if id, ok := ruleIDs.Load(t); ok {
		return id.(string)
	}
	id := r.(Rule).Meta().ID
	ruleIDs.Store(t, id)
	return id
}

// RuleActive reports whether the rule with the given ID runs on this document, so that a rule can
// leave to another what the other deletes.
func (p *Pass) RuleActive(id string) bool {
	if p.state == nil {
		return false
	}
	for i := range p.state.active {
		if p.state.active[i].meta().ID == id {
			return true
		}
	}
	return false
}

// Run runs the active rules over doc and returns their diagnostics sorted by position, then
// rule. Analyses the rules share are computed once.
func Run(doc *document.Document, active []Active, stats *corpus.Stats) []Diagnostic {
	var out []Diagnostic
	st := newDocState(active)
	defer st.free()
	report := func(d Diagnostic) { out = append(out, d) }
	for i := range active {
		active[i].Rule.Check(st.rulePass(doc, &active[i], stats, report))
	}
	sortDiagnostics(out)
	return out
}
