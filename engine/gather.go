package engine

import (
	"runtime"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// NeedsCorpus reports whether any rule that runs on files is a corpus rule.
func NeedsCorpus(src RuleSource, files []input.File) bool {
	seen := map[string]bool{}
	for _, f := range files {
		for _, a := range src.For(f.Rel) {
			id := a.Rule.Meta().ID
			if seen[id] {
				continue
			}
			seen[id] = true
			if _, ok := a.Rule.(lint.Gatherer); ok {
				return true
			}
		}
	}
	return false
}

// Gather is the corpus pass: every corpus rule sees every unit of text of the files it runs
// on, read as the checking pass reads them, and the per-worker counts are merged. Counts only
// add up, so the result is the same whatever the file order or number of workers. Unreadable
// files and units are skipped here; the checking pass reports them.
func Gather(src RuleSource, files []input.File, opts Options) *corpus.Stats {
	jobs := opts.jobs()
	parts := make([]*corpus.Stats, jobs)
	for w := range parts {
		parts[w] = corpus.New()
	}
	feed := func(put func(input.File)) error {
		for _, f := range files {
			put(f)
		}
		return nil
	}
	_ = parallel(jobs, jobs*16, feed, func(w int, f input.File, _ func(struct{})) { gatherFile(src, f, opts, parts[w]) }, func(struct{}) {})
	total := corpus.New()
	for _, p := range parts {
		total.Merge(p)
	}
	return total
}

func gatherFile(src RuleSource, f input.File, opts Options, stats *corpus.Stats) {
	defer func() { _ = recover() }() // the checking pass reports what went wrong
	kind, comp := input.KindOf(f.Path)
	in, err := openSource(f, kind, comp, opts, false)
	if err != nil {
		return
	}
	defer in.Close()
	stats.Files++
	active := src.For(f.Rel)
	// the records of a large file are gathered on all cores into per-worker counts
	workers := 1
	if kind != input.Text {
		workers = runtime.GOMAXPROCS(0)
	}
	parts := make([]*corpus.Stats, workers)
	for w := range parts {
		parts[w] = corpus.New()
	}
	feed := func(put func(*input.Unit)) error {
		return input.Units(in.r, f.Path, kind, opts.textFields(), func(u *input.Unit) error { put(u); return nil })
	}
	_ = parallel(workers, workers*8, feed, func(w int, u *input.Unit, _ func(struct{})) { gatherUnit(u, GroupOf(f), active, parts[w]) }, func(struct{}) {})
	for _, p := range parts {
		stats.Merge(p)
	}
}

// gatherUnit adds the counts of one unit to stats (a new one when stats is nil; nil is
// returned when no rule gathers). A unit that cannot be read, or on which a rule fails, is
// skipped: the checking pass reports it.
func gatherUnit(u *input.Unit, group string, active []lint.Active, stats *corpus.Stats) (out *corpus.Stats) {
	defer func() {
		if recover() != nil {
			out = stats
		}
	}()
	raw, err := u.Content()
	if err != nil || document.Check(raw) != nil {
		return stats
	}
	var doc *document.Document
	for _, a := range active {
		if g, ok := a.Rule.(lint.Gatherer); ok {
			if doc == nil {
				doc = document.New(u.Loc.Path, string(raw))
				doc.Group = group
			}
			if stats == nil {
				stats = corpus.New()
				stats.Files = 1
			}
			g.Gather(doc, a.Options, stats)
		}
	}
	return stats
}

// SelfStats gathers corpus statistics from a single document, for checking one text on its own
// (rule examples, tests): corpus rules then see that text as the whole corpus.
func SelfStats(doc *document.Document, active []lint.Active) *corpus.Stats {
	return gatherUnit(input.WholeUnit(doc.Path, []byte(doc.Src)), doc.Group, active, nil)
}
