package engine

import (
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// Options control a run.
type Options struct {
	// Fix writes safe fixes (and unsafe ones with Unsafe) back to the files.
	Fix    bool
	Unsafe bool
	// Diff computes what Fix would write, without writing.
	Diff bool
	// Preview attaches to each finding the diff of its fix, with Context lines around it.
	Preview bool
	Context int
	// Jobs is the number of workers (default GOMAXPROCS).
	Jobs int
	// MaxFileSize refuses larger files (0: no limit).
	MaxFileSize int64
	// Corpus is the statistics corpus rules see (from Gather or --corpus-stats), or nil.
	Corpus *corpus.Stats
	// TextFields are the JSON fields that hold the text of JSON Lines and JSON records, tried
	// in order (default input.DefaultTextFields).
	TextFields []string
}

// Result is what a run found in one file.
type Result struct {
	File input.File
	// Findings are those left in the file: after --fix, the ones it could not fix.
	Findings []Finding
	// Fixed counts the fixes applied (or, with Diff, that would be).
	Fixed int
	// Patches are what the fix would change, set with Diff: one per changed text (the file, or
	// each changed record of a JSON Lines or JSON file).
	Patches []Patch
	Changed bool
	// Bytes is the size of the file as read.
	Bytes int64
	// Part numbers the results of one file from 0: a large JSON Lines file reports its records
	// in several parts, so that findings stream instead of piling up. Last marks the final
	// part, which carries Changed, Fixed and Bytes.
	Part int
	Last bool
	// Errors are problems reading, parsing or writing the file; they make the run exit 2.
	Errors []error
}

// Run lints files with up to opts.Jobs workers and calls emit for each result in the order of
// files. At most a bounded window of results is held at once, so memory does not grow with the
// number of files.
// RuleSource gives the rules that run on a file, by its path relative to the walked root.
type RuleSource interface {
	For(rel string) []lint.Active
}

func Run(cfg RuleSource, files []input.File, opts Options, emit func(*Result)) {
	jobs := opts.Jobs
	if jobs <= 0 {
		jobs = runtime.GOMAXPROCS(0)
	}
	window := jobs * 16
	// each slot carries the parts of one file; the emitter drains them in file order
	slots := make([]chan chan *Result, window)
	for i := range slots {
		slots[i] = make(chan chan *Result, 1)
	}
	sem := make(chan struct{}, window)
	work := make(chan int)
	go func() {
		for i := range files {
			sem <- struct{}{}
			work <- i
		}
		close(work)
	}()
	var wg sync.WaitGroup
	for w := 0; w < jobs; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				parts := make(chan *Result, 4)
				slots[i%window] <- parts
				lintFile(cfg, files[i], opts, func(r *Result) { parts <- r })
				close(parts)
			}
		}()
	}
	for i := range files {
		for r := range <-slots[i%window] {
			emit(r)
		}
		<-sem
	}
	wg.Wait()
}

// Patch is a text before and after fixing.
type Patch struct {
	Name, Before, After string
}

// ErrTooLarge is reported for files over --max-file-size.
var ErrTooLarge = errors.New("file is larger than --max-file-size")

// lintFile lints one file and hands its result to emit: once for a plain file, in parts for
// JSON Lines and JSON files, the last part with Last set.
func lintFile(cfg RuleSource, f input.File, opts Options, emit func(*Result)) {
	res := &Result{File: f}
	defer func() {
		if p := recover(); p != nil { // a rule bug must not take the run down or lose the file
			res.Findings = nil
			res.Changed, res.Fixed = false, 0
			res.Errors = append(res.Errors, fmt.Errorf("internal error, file left unchanged: %v", p))
		}
		res.Last = true
		emit(res)
	}()
	kind, comp := input.KindOf(f.Path)
	if kind != input.Text {
		lintRecords(cfg, f, kind, comp, opts, &res, emit)
		return
	}
	if opts.MaxFileSize > 0 {
		if st, err := os.Stat(f.Path); err == nil && st.Size() > opts.MaxFileSize {
			res.Errors = append(res.Errors, fmt.Errorf("%w (%d bytes > %d); skipped", ErrTooLarge, st.Size(), opts.MaxFileSize))
			return
		}
	}
	raw, err := os.ReadFile(f.Path)
	if err != nil {
		res.Errors = append(res.Errors, err)
		return
	}
	res.Bytes = int64(len(raw))
	text, err := input.DecompressAll(raw, comp)
	if err != nil {
		res.Errors = append(res.Errors, fmt.Errorf("%v; skipped", err))
		return
	}
	fixed, ok := lintText(cfg, f, text, opts, res)
	if ok && !opts.Diff {
		out, err := input.CompressAllLike([]byte(fixed), comp, raw)
		if err == nil {
			err = WriteAtomic(f.Path, raw, string(out))
		}
		if err != nil {
			res.Errors = append(res.Errors, err)
			res.Changed, res.Fixed = false, 0
			doc := document.New(f.Path, string(text))
			res.Findings = Place(doc, Check(doc, cfg.For(f.Rel), opts.Corpus), opts.Preview, opts.Context)
		}
	}
}

// lintText lints (and with Fix or Diff, fixes) one document held in memory. It fills res and
// returns the fixed text and whether it differs from the input; it writes nothing.
func lintText(cfg RuleSource, f input.File, raw []byte, opts Options, res *Result) (string, bool) {
	if err := document.Check(raw); err != nil {
		res.Errors = append(res.Errors, fmt.Errorf("%w; skipped", err))
		return "", false
	}
	src := string(raw)
	doc := document.New(f.Path, src)
	if doc.InvalidUTF8 >= 0 {
		line, col := doc.Position(doc.InvalidUTF8)
		res.Errors = append(res.Errors, fmt.Errorf("invalid UTF-8 at line %d, column %d; linted as is, its bytes are kept", line, col))
	}
	active := cfg.For(f.Rel)
	fixed, applied, err := fixText(f.Path, src, active, opts)
	if err != nil {
		res.Errors = append(res.Errors, err)
	}
	if fixed != src {
		res.Changed = true
		res.Fixed = applied
		if opts.Diff {
			res.Patches = append(res.Patches, Patch{Name: f.Path, Before: src, After: fixed})
		} else {
			doc = document.New(f.Path, fixed)
		}
	}
	res.Findings = Place(doc, Check(doc, active, opts.Corpus), opts.Preview, opts.Context)
	markConflicts(doc, res.Findings, opts.Unsafe)
	return fixed, fixed != src
}

// fixText applies fixes when the run fixes (or diffs), and returns the text unchanged
// otherwise or when fixing does not settle.
func fixText(path, src string, active []lint.Active, opts Options) (string, int, error) {
	if !opts.Fix && !opts.Diff {
		return src, 0, nil
	}
	fr := Fix(path, src, active, opts.Unsafe, opts.Corpus)
	if !fr.Converged {
		return src, 0, fmt.Errorf("fixes did not settle after %d passes; file left unchanged", MaxPasses)
	}
	return fr.Text, fr.Applied, nil
}

// LintBytes lints one text document held in memory (standard input): f names it for reports
// and configuration. It returns the result and the text --fix would write; it writes nothing.
func LintBytes(cfg RuleSource, f input.File, raw []byte, opts Options) (*Result, string) {
	res := &Result{File: f, Bytes: int64(len(raw))}
	fixOpts := opts
	if opts.Fix {
		fixOpts.Fix, fixOpts.Diff = false, true // compute the fix, keep findings on the fixed text
	}
	fixed, changed := lintText(cfg, f, raw, fixOpts, res)
	if !changed {
		return res, string(raw)
	}
	if opts.Fix {
		res.Patches = nil
		doc := document.New(f.Path, fixed)
		active := cfg.For(f.Rel)
		res.Findings = Place(doc, Check(doc, active, opts.Corpus), opts.Preview, opts.Context)
		markConflicts(doc, res.Findings, opts.Unsafe)
	}
	return res, fixed
}
