package engine

import (
	"io"
	"os"
	"runtime"
	"sync"

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

// Gather is the corpus pass: every corpus rule sees every file it runs on, and the per-worker
// counts are merged. Counts only add up, so the result is the same whatever the file order or
// number of workers. Unreadable files are skipped here; the checking pass reports them.
func Gather(src RuleSource, files []input.File, opts Options) *corpus.Stats {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	work := make(chan int)
	parts := make([]*corpus.Stats, jobs)
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		parts[w] = corpus.New()
		wg.Add(1)
		go func(local *corpus.Stats) {
			defer wg.Done()
			for i := range work {
				gatherFile(src, files[i], opts, local)
			}
		}(parts[w])
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	total := corpus.New()
	for _, p := range parts {
		total.Merge(p)
	}
	return total
}

func gatherFile(src RuleSource, f input.File, opts Options, stats *corpus.Stats) {
	defer func() { _ = recover() }() // the checking pass reports what went wrong
	active := src.For(f.Rel)
	gather := func(text []byte) {
		if document.Check(text) != nil {
			return
		}
		doc := document.New(f.Path, string(text))
		for _, a := range active {
			if g, ok := a.Rule.(lint.Gatherer); ok {
				g.Gather(doc, a.Options, stats)
			}
		}
	}
	kind, comp := input.KindOf(f.Path)
	in, err := os.Open(f.Path)
	if err != nil {
		return
	}
	defer in.Close()
	if st, err := in.Stat(); err != nil || kind != input.JSONLines && opts.MaxFileSize > 0 && st.Size() > opts.MaxFileSize {
		return
	}
	r, err := input.Decompress(in, comp)
	if err != nil {
		return
	}
	defer r.Close()
	stats.Files++
	if kind == input.Text {
		if raw, err := io.ReadAll(r); err == nil {
			gather(raw)
		}
		return
	}
	// records are gathered on all cores into per-worker counts, merged at the end: counts
	// only add up, so the order does not matter
	workers := runtime.GOMAXPROCS(0)
	raws := make(chan []byte, workers*8)
	parts := make([]*corpus.Stats, workers)
	var wg sync.WaitGroup
	for w := range parts {
		parts[w] = corpus.New()
		wg.Add(1)
		go func(local *corpus.Stats) {
			defer wg.Done()
			for raw := range raws {
				gatherRecord(f.Path, raw, active, opts, local)
			}
		}(parts[w])
	}
	_ = eachRecord(r, kind, func(_ int, _, raw []byte) error {
		if raw != nil {
			raws <- raw
		}
		return nil
	})
	close(raws)
	wg.Wait()
	for _, p := range parts {
		stats.Merge(p)
	}
}

// gatherRecord gathers the counts of one record; a failing rule skips the record (the checking
// pass reports it) without stopping the worker.
func gatherRecord(path string, raw []byte, active []lint.Active, opts Options, stats *corpus.Stats) {
	defer func() { _ = recover() }()
	body, _ := splitTerminator(raw)
	rec, err := input.ParseRecord(body, opts.textFields())
	if err != nil || document.Check([]byte(rec.Text)) != nil {
		return
	}
	doc := document.New(path, rec.Text)
	for _, a := range active {
		if g, ok := a.Rule.(lint.Gatherer); ok {
			g.Gather(doc, a.Options, stats)
		}
	}
}

// SelfStats gathers corpus statistics from a single document, for checking one text on its own
// (rule examples, tests): corpus rules then see that text as the whole corpus.
func SelfStats(doc *document.Document, active []lint.Active) *corpus.Stats {
	var stats *corpus.Stats
	for _, a := range active {
		if g, ok := a.Rule.(lint.Gatherer); ok {
			if stats == nil {
				stats = corpus.New()
				stats.Files = 1
			}
			g.Gather(doc, a.Options, stats)
		}
	}
	return stats
}
