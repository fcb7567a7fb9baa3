package lint

import (
	"cmp"
	"slices"
	"strings"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
)

// Candidate is a place in a document where a corpus rule may report, once the counts of the
// whole corpus are known: a byte range or a line (Start, End), the key the rule looks up in the
// counts, and a few bits of what the rule knew of the place (Flag), such as the safety of its fix.
type Candidate struct {
	Start, End int
	Key        uint64
	Flag       uint8
}

// Screener is implemented by corpus rules that can take their share of the corpus pass and of
// checking in one look at a document, so that a run that neither fixes nor diffs analyses each
// text once: Screen does what Gather does and returns the candidates on which Check could report
// with any counts; after the counts are merged, Wants tells cheaply whether Resolve may report on
// them, and Resolve reports on the same text, with the merged counts in p.Corpus, exactly what
// Check would.
type Screener interface {
	Gatherer
	// Screen adds p.Doc's counts to stats, as Gather does, and returns its candidates. It runs
	// before the counts are merged: p.Corpus is nil.
	Screen(p *Pass, stats *corpus.Stats) []Candidate
	// Wants reports whether Resolve may report on cands with the merged counts stats; it is
	// never false where Resolve would report.
	Wants(stats *corpus.Stats, opts any, cands []Candidate) bool
	// Resolve reports what Check reports on p.Doc, given the candidates Screen returned for the
	// same text, whatever Wants says (Wants only spares callers the document).
	Resolve(p *Pass, cands []Candidate)
}

// Screenable reports whether every corpus rule of active is a Screener, so that Screen and
// Resolve can stand for Gather and Check.
func Screenable(active []Active) bool {
	for i := range active {
		if _, ok := active[i].Rule.(Gatherer); ok {
			if _, ok := active[i].Rule.(Screener); !ok {
				return false
			}
		}
	}
	return true
}

// Screen is Run and the corpus pass in one look at doc: the rules that need no counts are run
// and their diagnostics returned, sorted as Run sorts them; each corpus rule adds doc's counts to
// stats and its candidates are returned at its index in active (nil for the other rules). Every
// corpus rule of active must be a Screener (see Screenable).
func Screen(doc *document.Document, active []Active, stats *corpus.Stats) ([]Diagnostic, [][]Candidate) {
	return ScreenInto(doc, active, stats, nil)
}

// ScreenInto is Screen making the lists of candidates it returns in room when room is large
// enough: a caller that screens many documents, and is done with each list before the next,
// makes the list of lists once, and each rule's list grows to what the rule needs and is then
// reused (Pass.CandidateRoom), however many documents it screens. Candidates hold no pointers:
// the room keeps nothing alive.
func ScreenInto(doc *document.Document, active []Active, stats *corpus.Stats, room [][]Candidate) ([]Diagnostic, [][]Candidate) {
	var out []Diagnostic
	lists := room[:cap(room)]
	if len(lists) < len(active) {
		lists = append(lists, make([][]Candidate, len(active)-len(lists))...)
	}
	lists = lists[:len(active)]
	st := newDocState(active)
	defer st.free()
	report := func(d Diagnostic) { out = append(out, d) }
	pass := func(i int) *Pass { return st.rulePass(doc, &active[i], nil, report) }
	// the counts first: a rule that fails afterwards does not take the document's counts away
	var checkers uint64 // bit i: rule i (below 64) is not a Screener, found in the first loop
	found := false
	for i := range active {
		if s, ok := active[i].Rule.(Screener); ok {
			p := pass(i)
			p.room = lists[i]
			lists[i] = s.Screen(p, stats)
			p.room = nil
			found = found || len(lists[i]) > 0
		} else {
			lists[i] = lists[i][:0]
			if i < 64 {
				checkers |= 1 << i
			}
		}
	}
	for i := range active {
		if i < 64 && checkers&(1<<i) != 0 {
			active[i].Rule.Check(pass(i))
		} else if _, ok := active[i].Rule.(Screener); !ok && i >= 64 {
			active[i].Rule.Check(pass(i))
		}
	}
	sortDiagnostics(out)
	if !found {
		return out, nil
	}
	return out, lists
}

// Wants reports whether any corpus rule may report on the candidates Screen returned, given the
// merged counts stats.
func Wants(active []Active, stats *corpus.Stats, cands [][]Candidate) bool {
	for i, c := range cands {
		if len(c) > 0 && active[i].Rule.(Screener).Wants(stats, active[i].Options, c) {
			return true
		}
	}
	return false
}

// Resolve completes Screen once the counts are merged: given the diagnostics and candidates
// Screen returned for doc's text, it returns what Run returns with stats.
func Resolve(doc *document.Document, active []Active, stats *corpus.Stats, local []Diagnostic, cands [][]Candidate) []Diagnostic {
	out := local
	st := newDocState(active)
	defer st.free()
	added := false
	report := func(d Diagnostic) {
		if !added {
			out = append(local[:len(local):len(local)], d)
			added = true
			return
		}
		out = append(out, d)
	}
	for i, c := range cands {
		if len(c) == 0 {
			continue
		}
		s := active[i].Rule.(Screener) // Wants was asked when the unit was planned: Resolve is exact anyway
		s.Resolve(st.rulePass(doc, &active[i], stats, report), c)
	}
	if added {
		sortDiagnostics(out)
	}
	return out
}

// sortDiagnostics sorts by position, then rule, keeping each rule's order at one position: a
// stable sort. Each rule reports mostly in order, so the diagnostics are a few sorted runs, which
// are merged (the left run first on ties, which keeps the sort stable) instead of moving every
// diagnostic, with its pointers, through a general sort.
func sortDiagnostics(out []Diagnostic) {
	var bounds [64]int
	runs := bounds[:1] // runs[k] is the start of run k; len(out) ends the last
	for i := 1; i < len(out); i++ {
		if compareDiagnostics(&out[i-1], &out[i]) > 0 {
			if len(runs) == cap(runs) {
				slices.SortStableFunc(out, func(a, b Diagnostic) int { return compareDiagnostics(&a, &b) })
				return
			}
			runs = append(runs, i)
		}
	}
	if len(runs) == 1 {
		return
	}
	runs = append(runs, len(out))
	src, dst := out, make([]Diagnostic, len(out))
	for len(runs) > 2 {
		merged := runs[:1]
		for k := 0; k+1 < len(runs); k += 2 {
			if k+2 >= len(runs) { // an odd run out: copied as it is
				copy(dst[runs[k]:], src[runs[k]:runs[k+1]])
				merged = append(merged, runs[k+1])
				break
			}
			mergeDiagnostics(dst[runs[k]:runs[k+2]], src[runs[k]:runs[k+1]], src[runs[k+1]:runs[k+2]])
			merged = append(merged, runs[k+2])
		}
		runs = merged
		src, dst = dst, src
	}
	if &src[0] != &out[0] {
		copy(out, src)
	}
}

// mergeDiagnostics merges the sorted a and b into dst, a's diagnostic first of two equal ones.
func mergeDiagnostics(dst, a, b []Diagnostic) {
	i, j, k := 0, 0, 0
	for i < len(a) && j < len(b) {
		if compareDiagnostics(&b[j], &a[i]) < 0 {
			dst[k] = b[j]
			j++
		} else {
			dst[k] = a[i]
			i++
		}
		k++
	}
	k += copy(dst[k:], a[i:])
	copy(dst[k:], b[j:])
}

func compareDiagnostics(a, b *Diagnostic) int {
	if a.Start != b.Start {
		return cmp.Compare(a.Start, b.Start)
	}
	return strings.Compare(a.Rule, b.Rule)
}
