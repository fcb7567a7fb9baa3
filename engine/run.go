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
}

// Result is what a run found in one file.
type Result struct {
	File input.File
	// Findings are those left in the file: after --fix, the ones it could not fix.
	Findings []Finding
	// Fixed counts the fixes applied (or, with Diff, that would be).
	Fixed int
	// Original and Fixed text, set with Diff when the fix changes the file.
	Original, FixedText string
	Changed             bool
	// Bytes is the size of the file as read.
	Bytes int64
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
	slots := make([]chan *Result, window)
	for i := range slots {
		slots[i] = make(chan *Result, 1)
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
				slots[i%window] <- lintFile(cfg, files[i], opts)
			}
		}()
	}
	for i := range files {
		r := <-slots[i%window]
		emit(r)
		<-sem
	}
	wg.Wait()
}

// ErrTooLarge is reported for files over --max-file-size.
var ErrTooLarge = errors.New("file is larger than --max-file-size")

func lintFile(cfg RuleSource, f input.File, opts Options) (res *Result) {
	res = &Result{File: f}
	defer func() {
		if p := recover(); p != nil { // a rule bug must not take the run down or lose the file
			res.Findings = nil
			res.Errors = append(res.Errors, fmt.Errorf("internal error, file left unchanged: %v", p))
		}
	}()
	if opts.MaxFileSize > 0 {
		if st, err := os.Stat(f.Path); err == nil && st.Size() > opts.MaxFileSize {
			res.Errors = append(res.Errors, fmt.Errorf("%w (%d bytes > %d); skipped", ErrTooLarge, st.Size(), opts.MaxFileSize))
			return res
		}
	}
	raw, err := os.ReadFile(f.Path)
	if err != nil {
		res.Errors = append(res.Errors, err)
		return res
	}
	if err := document.Check(raw); err != nil {
		res.Errors = append(res.Errors, fmt.Errorf("%w; skipped", err))
		return res
	}
	res.Bytes = int64(len(raw))
	src := string(raw)
	doc := document.New(f.Path, src)
	if doc.InvalidUTF8 >= 0 {
		line, col := doc.Position(doc.InvalidUTF8)
		res.Errors = append(res.Errors, fmt.Errorf("invalid UTF-8 at line %d, column %d; linted as is, its bytes are kept", line, col))
	}
	active := cfg.For(f.Rel)
	if opts.Fix || opts.Diff {
		fr := Fix(f.Path, src, active, opts.Unsafe, opts.Corpus)
		if !fr.Converged {
			res.Errors = append(res.Errors, fmt.Errorf("fixes did not settle after %d passes; file left unchanged", MaxPasses))
			fr.Text = src
			fr.Applied = 0
		}
		if fr.Text != src {
			res.Changed = true
			res.Fixed = fr.Applied
			if opts.Diff {
				res.Original, res.FixedText = src, fr.Text
			} else if err := WriteAtomic(f.Path, raw, fr.Text); err != nil {
				res.Errors = append(res.Errors, err)
				res.Changed, res.Fixed = false, 0
				fr.Text = src
			}
		}
		if fr.Text != src && !opts.Diff {
			doc = document.New(f.Path, fr.Text)
		}
	}
	res.Findings = Place(doc, Check(doc, active, opts.Corpus), opts.Preview, opts.Context)
	markConflicts(doc, res.Findings, opts.Unsafe)
	return res
}
