package lint_test

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

var lineCount = &lint.Analysis[int]{Name: "line-count", Run: func(p *lint.Pass) int { runs++; return p.Doc.NumLines() }}

var runs int

type countRule struct {
	id      string
	declare bool
	got     *int
}

func (r countRule) Meta() *lint.Meta {
	m := &lint.Meta{ID: r.id, Severity: lint.Info}
	if r.declare {
		m.Requires = []lint.Analyzer{lineCount}
	}
	return m
}

func (r countRule) Check(p *lint.Pass) { *r.got = lint.ResultOf(p, lineCount) }

func TestResultOfComputesOncePerDocument(t *testing.T) {
	runs = 0
	var a, b int
	doc := document.New("a.txt", "one\ntwo\nthree\n")
	lint.Run(doc, []lint.Active{{Rule: countRule{"a", true, &a}}, {Rule: countRule{"b", true, &b}}}, nil)
	if a != 3 || b != 3 || runs != 1 {
		t.Errorf("results %d, %d computed %d times; want 3, 3 computed once", a, b, runs)
	}
	lint.Run(document.New("b.txt", "x\n"), []lint.Active{{Rule: countRule{"a", true, &a}}}, nil)
	if a != 1 || runs != 2 {
		t.Errorf("a second document must get its own result: got %d after %d runs", a, runs)
	}
}

func TestResultOfNeedsDeclaration(t *testing.T) {
	defer func() {
		p := recover()
		if p == nil || !strings.Contains(p.(string), `rule undeclared reads analysis "line-count" without declaring it`) {
			t.Errorf("want a panic naming the rule and the analysis, got %v", p)
		}
	}()
	var n int
	lint.Run(document.New("a.txt", "x\n"), []lint.Active{{Rule: countRule{"undeclared", false, &n}}}, nil)
}

type optRule struct{}

type optOpts struct {
	Size   int      `toml:"size" doc:"How big."`
	Tags   []string `toml:"tags" doc:"Which tags."`
	Share  float64  `toml:"share" doc:"Which share."`
	hidden int
}

func (optRule) Meta() *lint.Meta { return &lint.Meta{ID: "opt"} }
func (optRule) Check(*lint.Pass) {}
func (optRule) NewOptions() any  { return &optOpts{Size: 3, Share: 2} }

func TestOptionsForFollowsTheConfiguredRule(t *testing.T) {
	var seen int
	probe := &lint.Analysis[int]{Name: "probe", Run: func(p *lint.Pass) int { return lint.OptionsFor[optOpts](p, optRule{}).Size }}
	r := probeRule{probe, &seen}
	lint.Run(document.New("a.txt", "x\n"), []lint.Active{{Rule: optRule{}, Options: &optOpts{Size: 9}}, {Rule: r}}, nil)
	if seen != 9 {
		t.Errorf("analysis saw size %d, want the configured 9", seen)
	}
	lint.Run(document.New("a.txt", "x\n"), []lint.Active{{Rule: r}}, nil)
	if seen != 3 {
		t.Errorf("analysis saw size %d without the rule active, want the default 3", seen)
	}
}

// namedRule is a rule type whose ID is a field: rules users define without code are such.
type namedRule struct{ id string }

func (r namedRule) Meta() *lint.Meta { return &lint.Meta{ID: r.id} }
func (namedRule) Check(*lint.Pass)   {}
func (namedRule) NewOptions() any    { return &optOpts{Size: 1} }

// TestOptionsForTellsRulesOfOneTypeApart: an analysis asking for the options of one of several
// rules of the same type gets that rule's, on every document.
func TestOptionsForTellsRulesOfOneTypeApart(t *testing.T) {
	for _, want := range []int{5, 7, 5} {
		var seen int
		id := map[int]string{5: "first", 7: "second"}[want]
		probe := &lint.Analysis[int]{Name: "probe", Run: func(p *lint.Pass) int { return lint.OptionsFor[optOpts](p, namedRule{id}).Size }}
		active := []lint.Active{{Rule: namedRule{"first"}, Options: &optOpts{Size: 5}}, {Rule: namedRule{"second"}, Options: &optOpts{Size: 7}}, {Rule: probeRule{probe, &seen}}}
		lint.Run(document.New("a.txt", "x\n"), active, nil)
		if seen != want {
			t.Errorf("%s: analysis saw size %d, want %d", id, seen, want)
		}
	}
}

type probeRule struct {
	a   *lint.Analysis[int]
	got *int
}

func (r probeRule) Meta() *lint.Meta {
	return &lint.Meta{ID: "probe", Requires: []lint.Analyzer{r.a}}
}
func (r probeRule) Check(p *lint.Pass) { *r.got = lint.ResultOf(p, r.a) }

func TestMetaOfDerivesOptions(t *testing.T) {
	got := lint.MetaOf(optRule{}).Options
	want := []lint.Option{
		{Name: "size", Type: "integer", Default: "3", Doc: "How big."},
		{Name: "tags", Type: "list of strings", Default: "[]", Doc: "Which tags."},
		{Name: "share", Type: "number", Default: "2.0", Doc: "Which share."},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d options, want %d: %+v", len(got), len(want), got)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("option %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
}
