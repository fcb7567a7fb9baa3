// Package monitor lints a crawl and summarises it per site (package summary): the work behind
// `newslint summary`. Each document (a plain file, or a record of a JSON Lines or JSON file) is
// checked with the configured rules, fixed in memory to measure what --fix would remove, and
// measured; nothing is written back.
package monitor

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/summary"
)

// Options shape a summary run.
type Options struct {
	// SiteField is the record field whose URL or host names a record's site (default "url").
	SiteField string
	// SiteDepth is how many directory levels under the path given name a file's site
	// (default 1).
	SiteDepth int
	// Jobs is the number of workers (default GOMAXPROCS).
	Jobs int
	// Corpus replaces the corpus pass with these statistics, when not nil.
	Corpus *corpus.Stats
}

// Summarise lints the files under roots with cfg and returns their summary, and the problems met
// (unreadable files, records without text); documents that could be read are summarised
// whatever the problems.
func Summarise(cfg *config.Config, roots []string, base string, o Options) (*summary.Summary, []error) {
	walk := input.CollectWith(roots, cfg.Files, input.Options{Base: base})
	var errs []error
	for _, p := range walk.Problems {
		errs = append(errs, p)
	}
	files := walk.Files
	jobs := o.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	stats := o.Corpus
	if stats == nil && engine.NeedsCorpus(cfg, files) {
		stats = engine.Gather(cfg, files, engine.Options{Jobs: jobs, TextFields: cfg.TextFields})
	}
	dirs := dirRoots(walk.Roots)

	// files are striped over the workers, not handed out on demand, so that a run gives the
	// same summary every time even where the template-line sketch is cut back
	parts := make([]*summary.Summary, jobs)
	errParts := make([][]error, jobs)
	var wg sync.WaitGroup
	for w := range parts {
		parts[w] = summary.New()
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(files); i += jobs {
				if err := summariseFile(cfg, files[i], siteRel(dirs, files[i]), stats, o, parts[w]); err != nil {
					errParts[w] = append(errParts[w], err)
				}
			}
		}(w)
	}
	wg.Wait()
	total := summary.New()
	for w, p := range parts {
		total.Merge(p)
		errs = append(errs, errParts[w]...)
	}
	sort.Slice(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	return total, errs
}

// dirRoots returns the absolute paths of the directories walked, longest first.
func dirRoots(roots []input.Root) []string {
	var out []string
	for _, r := range roots {
		if !r.Dir {
			continue
		}
		if abs, err := filepath.Abs(r.Path); err == nil {
			out = append(out, abs)
		}
	}
	sort.Slice(out, func(i, j int) bool { return len(out[i]) > len(out[j]) })
	return out
}

// siteRel is a file's path relative to the directory it was found under, for DirSite; a file
// named on the command line has its base name (site ".").
func siteRel(dirs []string, f input.File) string {
	for _, d := range dirs {
		if rel, ok := input.RelTo(d, f.Path()); ok {
			return rel
		}
	}
	return filepath.Base(f.Path())
}

func summariseFile(cfg *config.Config, f input.File, rel string, stats *corpus.Stats, o Options, out *summary.Summary) error {
	raw, err := os.ReadFile(f.Path())
	if err != nil {
		return err
	}
	kind, comp := input.KindOf(f.Path())
	if comp != input.None {
		if raw, err = input.DecompressAll(raw, comp); err != nil {
			return fmt.Errorf("%s: %w", f.Path(), err)
		}
	}
	active := cfg.For(f.Rel())
	add := func(siteValue, text string, rec *input.Record) {
		d := summary.DocStats{Site: summary.Site(siteValue, rel, o.SiteDepth), Findings: map[string]int{}}
		summary.MeasureText(&d, text)
		doc := document.New(f.Path(), text)
		doc.Group = engine.GroupOf(f)
		if rec != nil && rec.Site != "" {
			doc.Group = corpus.SiteGroup(rec.Site) // as the run counted it
		}
		for _, diag := range engine.Check(doc, active, stats) {
			d.Findings[diag.Rule]++
		}
		if len(d.Findings) > 0 {
			// as --fix would: a text whose fixes would delete most of its article text is kept
			if fr := engine.FixIn(f.Path(), doc.Group, text, active, false, stats); fr.Converged && engine.WithinDeleteCap(text, fr.Text) {
				d.RemovedChars = max(0, d.Chars-utf8.RuneCountInString(fr.Text))
			}
		}
		out.Add(d)
	}
	fields := cfg.TextFields
	if len(fields) == 0 {
		fields = input.DefaultTextFields
	}
	var problems []string
	bad := 0
	record := func(n int, b []byte) {
		rec, err := input.ParseRecord(b, fields)
		if err != nil {
			if bad++; bad <= 3 {
				problems = append(problems, fmt.Sprintf("record %d: %v", n, err))
			}
			return
		}
		add(siteValue(b, o.SiteField), rec.Text, rec)
	}
	switch kind {
	case input.Text:
		if err := document.Check(raw); err != nil {
			return fmt.Errorf("%s: %w", f.Path(), err)
		}
		add("", string(raw), nil)
	case input.JSONLines:
		n := 0
		for line := range strings.Lines(string(raw)) {
			n++
			if strings.TrimSpace(line) == "" {
				continue
			}
			record(n, []byte(line))
		}
	case input.JSONArray:
		spans, err := input.SplitArray(raw)
		if err != nil {
			return fmt.Errorf("%s: %w", f.Path(), err)
		}
		for i, s := range spans {
			record(i+1, raw[s[0]:s[1]])
		}
	}
	if bad > 3 {
		problems = append(problems, fmt.Sprintf("and %d more records", bad-3))
	}
	if len(problems) > 0 {
		return fmt.Errorf("%s: %s", f.Path(), strings.Join(problems, "; "))
	}
	return nil
}

// siteValue returns the string in a record's site field ("url" by default).
func siteValue(raw []byte, field string) string {
	if field == "" {
		field = summary.DefaultSiteField
	}
	var rec map[string]json.RawMessage
	if json.Unmarshal(raw, &rec) != nil {
		return ""
	}
	var s string
	if v, ok := rec[field]; ok && json.Unmarshal(v, &s) == nil {
		return s
	}
	return ""
}
