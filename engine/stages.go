package engine

import (
	"errors"
	"sync/atomic"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// MaxCorpusStages caps how often SettleCorpus gathers the corpus again.
const MaxCorpusStages = 4

// ErrCorpusUnsettled is returned by SettleCorpus when fixes still changed what corpus rules
// count after MaxCorpusStages gatherings: a second --fix may then change more.
var ErrCorpusUnsettled = errors.New("corpus fixes did not settle: a second --fix may change more")

// SettleCorpus makes --fix reach in one run the texts a second run would leave alone. Fixes
// change what corpus rules count (a name fix makes two lines identical, which template-line
// then sees in more files), so a second run, gathering from the fixed files, could fix more.
// Given opts.Corpus gathered from the files as they are, it gathers the corpus again from the
// texts as fixing would leave them, and again, until fixing with the new counts changes nothing
// more; opts then fixes with each gathering in turn (Stages, then Corpus) and reports findings
// with the last. Runs that neither fix nor diff, or have no gathered corpus, are returned as
// they are.
//
// The counts were gathered over the files of over, of which only those of linted are fixed:
// the others are counted as they are.
func SettleCorpus(src RuleSource, over, linted []input.File, opts Options) (Options, error) {
	if opts.Corpus == nil || !opts.Fix && !opts.Diff {
		return opts, nil
	}
	fixed := make(map[string]bool, len(linted))
	for _, f := range linted {
		fixed[f.Path()] = true
	}
	var rest []input.File
	for _, f := range over {
		if !fixed[f.Path()] {
			rest = append(rest, f)
		}
	}
	var restStats *corpus.Stats
	if len(rest) > 0 {
		var err error
		if restStats, err = GatherChecked(src, rest, opts); err != nil {
			return opts, err
		}
	}
	for len(opts.Stages) < MaxCorpusStages {
		next, changed, err := gatherAfterFixes(src, linted, opts)
		if err != nil {
			return opts, err
		}
		if restStats != nil {
			next.Merge(restStats)
		}
		if !changed {
			return opts, nil
		}
		opts.Stages = append(opts.Stages[:len(opts.Stages):len(opts.Stages)], opts.Corpus)
		opts.Corpus = next
	}
	return opts, ErrCorpusUnsettled
}

// gatherAfterFixes gathers the corpus from the texts as fixing with opts would leave them, and
// tells whether the fixes of opts.Corpus (after those of opts.Stages) changed any text.
func gatherAfterFixes(src RuleSource, files []input.File, opts Options) (*corpus.Stats, bool, error) {
	var changed atomic.Bool
	o := opts
	o.Fix, o.Diff, o.Preview = false, true, false
	g := opts
	g.gatherEach = func(u *input.Unit, group string, active []lint.Active, stats *corpus.Stats) {
		if gatherFixedUnit(u, group, active, o, stats) {
			changed.Store(true)
		}
	}
	stats, err := GatherChecked(src, files, g)
	return stats, changed.Load(), err
}

// gatherFixedUnit adds to stats the counts of a unit as fixing with o (Stages, then Corpus)
// would leave it, and tells whether the fixes of o.Corpus changed its text.
func gatherFixedUnit(u *input.Unit, group string, active []lint.Active, o Options, stats *corpus.Stats) bool {
	o.group = group
	r := lintUnit(u, active, o)
	if r.fixed == nil {
		gatherUnit(u, group, active, stats)
		return false
	}
	gatherText(u.Loc.Path, UnitGroup(u, group), *r.fixed, active, stats)
	return r.lastChanged
}

// GatherFixedUnit is one unit's share of a SettleCorpus gathering, for callers that schedule
// units themselves (package pipeline): it adds to stats (new stats when nil) the corpus counts
// of the unit's text as fixing with stages would leave it (fixes with each in turn, safe ones
// only unless unsafe), and tells whether the fixes of the last of stages changed the text.
// Summing the counts over all units gives the next stage; when no unit changed, the stages
// have settled.
func GatherFixedUnit(u *input.Unit, group string, active []lint.Active, stages []*corpus.Stats, unsafe bool, stats *corpus.Stats) (*corpus.Stats, bool) {
	if stats == nil {
		stats = corpus.New()
	}
	if len(stages) == 0 {
		return gatherUnit(u, group, active, stats), false
	}
	o := Options{Diff: true, Unsafe: unsafe, Stages: stages[:len(stages)-1], Corpus: stages[len(stages)-1]}
	return stats, gatherFixedUnit(u, group, active, o, stats)
}

// gatherText adds the counts of a text to stats.
func gatherText(path, group, text string, active []lint.Active, stats *corpus.Stats) {
	defer func() { _ = recover() }()
	doc := document.New(path, text)
	doc.Group = group
	for _, a := range active {
		if g, ok := a.Rule.(lint.Gatherer); ok {
			g.Gather(doc, a.Options, stats)
		}
	}
}

// settleStages is settle with each corpus statistics of opts in turn (Stages, then Corpus):
// it returns what fixing did over all of them, the first pass of the first, the last pass of
// the last, and whether the last changed the text.
func settleStages(path, group, src string, active []lint.Active, opts Options, unsafe *bool,
	keep func(*document.Document, []lint.Diagnostic) []lint.Diagnostic) (FixResult, checked, checked, bool) {
	if unsafe == nil || len(opts.Stages) == 0 {
		fr, first, last := settle(path, group, src, active, opts.Corpus, unsafe, keep)
		return fr, first, last, fr.Text != src
	}
	all := append(opts.Stages[:len(opts.Stages):len(opts.Stages)], opts.Corpus)
	total := FixResult{Text: src, Converged: true}
	var first, last checked
	changed := false
	cur := src
	for i, stats := range all {
		fr, f, l := settle(path, group, cur, active, stats, unsafe, keep)
		if i == 0 {
			first = f
		}
		if !fr.Converged {
			total.Converged = false
			return total, first, first, false
		}
		changed = fr.Text != cur
		total.Applied += fr.Applied
		total.Passes += fr.Passes
		cur, last = fr.Text, l
	}
	total.Text = cur
	return total, first, last, changed
}
