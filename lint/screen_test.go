package lint_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// countingRule counts its Check calls; countingScreener, a corpus rule, its Screen calls.
type countingRule struct {
	id    string
	calls *int
}

func (r countingRule) Meta() *lint.Meta { return &lint.Meta{ID: r.id} }
func (r countingRule) Check(p *lint.Pass) {
	*r.calls++
	p.Report(lint.Diagnostic{Start: 0, End: 1, Message: r.id})
}

type countingScreener struct{ countingRule }

func (r countingScreener) Check(*lint.Pass)                                  { panic("Check of a Screener") }
func (r countingScreener) Gather(*document.Document, any, *corpus.Stats)     {}
func (r countingScreener) Wants(*corpus.Stats, any, []lint.Candidate) bool   { return true }
func (r countingScreener) Resolve(*lint.Pass, []lint.Candidate)              {}
func (r countingScreener) Screen(*lint.Pass, *corpus.Stats) []lint.Candidate { *r.calls++; return nil }

// TestScreenRunsEachRuleOnce: Screen screens every corpus rule and checks every other rule once,
// however many rules run (more than 64 included), and returns the diagnostics of the checked ones.
func TestScreenRunsEachRuleOnce(t *testing.T) {
	for _, n := range []int{1, 16, 64, 65, 70, 130} {
		calls := make([]int, n)
		var active []lint.Active
		checkers := 0
		for i := range n {
			r := countingRule{fmt.Sprintf("r%03d", i), &calls[i]}
			if i%3 == 1 {
				active = append(active, lint.Active{Rule: countingScreener{r}, Severity: lint.Warning})
			} else {
				active = append(active, lint.Active{Rule: r, Severity: lint.Warning})
				checkers++
			}
		}
		diags, _ := lint.Screen(document.New("a.txt", "x\n"), active, corpus.New())
		for i, c := range calls {
			if c != 1 {
				t.Errorf("%d rules: rule %d ran %d times", n, i, c)
			}
		}
		if len(diags) != checkers {
			t.Errorf("%d rules: %d diagnostics, want %d", n, len(diags), checkers)
		}
	}
}

// candScreener returns its candidates when the document's text contains its word.
type candScreener struct {
	countingScreener
	word string
}

func (r candScreener) Screen(p *lint.Pass, _ *corpus.Stats) []lint.Candidate {
	if strings.Contains(p.Doc.Src, r.word) {
		return []lint.Candidate{{Start: 0, End: len(r.word), Key: uint64(len(r.word))}}
	}
	return nil
}

// screenersAround is three rules: a screener made by screener for the word "alpha" (rule a), a
// rule that is not one (c), and one for "beta" (b).
func screenersAround(screener func(s countingScreener, word string) lint.Rule) []lint.Active {
	calls := 0
	return []lint.Active{
		{Rule: screener(countingScreener{countingRule{"a", &calls}}, "alpha")},
		{Rule: countingRule{"c", &calls}},
		{Rule: screener(countingScreener{countingRule{"b", &calls}}, "beta")},
	}
}

// TestScreenIntoUsesTheRoom: ScreenInto returns what Screen returns, in the room it is given
// when that is large enough, with nothing left of the list the room held before.
func TestScreenIntoUsesTheRoom(t *testing.T) {
	active := screenersAround(func(s countingScreener, word string) lint.Rule { return candScreener{s, word} })
	room := make([][]lint.Candidate, 3)
	for _, text := range []string{"alpha beta\n", "beta\n", "alpha\n", "gamma\n", "beta\n"} {
		wantDiags, want := lint.Screen(document.New("a.txt", text), active, corpus.New())
		diags, got := lint.ScreenInto(document.New("a.txt", text), active, corpus.New(), room)
		if !reflect.DeepEqual(got, want) || !reflect.DeepEqual(diags, wantDiags) {
			t.Errorf("%q: ScreenInto gives %v, Screen %v", text, got, want)
		}
		if got != nil && &got[0] != &room[0] {
			t.Errorf("%q: the list is not made in the room given", text)
		}
	}
	if _, got := lint.ScreenInto(document.New("a.txt", "alpha\n"), active, corpus.New(), make([][]lint.Candidate, 2)); len(got) != 3 {
		t.Errorf("a room too small gives a list of %d", len(got))
	}
}

// roomScreener makes its list in the room the pass offers: a candidate for each time the
// document's text holds its word.
type roomScreener struct {
	countingScreener
	word string
}

func (r roomScreener) Screen(p *lint.Pass, _ *corpus.Stats) []lint.Candidate {
	cands := p.CandidateRoom()
	for i := 0; ; {
		j := strings.Index(p.Doc.Src[i:], r.word)
		if j < 0 {
			return cands
		}
		cands = append(cands, lint.Candidate{Start: i + j, End: i + j + len(r.word)})
		i += j + len(r.word)
	}
}

// TestScreenIntoReusesEachRulesList: a rule that makes its list in the pass's room gets, for the
// next document screened in the same room, the room its list left, and nothing of that list: the
// lists are what a fresh Screen makes, document after document.
func TestScreenIntoReusesEachRulesList(t *testing.T) {
	active := screenersAround(func(s countingScreener, word string) lint.Rule { return roomScreener{s, word} })
	var room [][]lint.Candidate
	var first *lint.Candidate // the first rule's list, once it has room for three
	for _, text := range []string{"alpha alpha alpha beta\n", "beta alpha\n", "gamma\n", "alpha beta beta\n", "beta\n"} {
		_, want := lint.Screen(document.New("a.txt", text), active, corpus.New())
		_, got := lint.ScreenInto(document.New("a.txt", text), active, corpus.New(), room)
		if (got == nil) != (want == nil) {
			t.Fatalf("%q: ScreenInto gives %v, Screen %v", text, got, want)
		}
		for i := range want {
			if len(got[i]) != len(want[i]) || len(want[i]) > 0 && !reflect.DeepEqual(got[i], want[i]) {
				t.Fatalf("%q: rule %d: ScreenInto gives %v, Screen %v", text, i, got[i], want[i])
			}
		}
		if cap(got) > cap(room) {
			room = got
		}
		if got != nil && len(got[0]) > 0 {
			if first == nil {
				first = &got[0][:1][0]
			} else if &got[0][:1][0] != first {
				t.Errorf("%q: the first rule's list was made anew", text)
			}
		}
	}
	if first == nil {
		t.Fatal("no list was kept")
	}
}
