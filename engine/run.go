package engine

import (
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"runtime"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/processors"
)

// partFindings is how many findings of a JSON Lines or JSON file make one part.
const partFindings = 1000

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
	// Pipeline filters findings before fixing and reshapes them after (nil: none).
	Pipeline *processors.Pipeline
	// MaxDeleteShare is the largest share of a text fixes may delete (default
	// DefaultMaxDeleteShare; 1: any); a unit whose fixes delete more is left unchanged.
	MaxDeleteShare float64
	// Write is what --fix may rewrite, and where.
	Write WritePolicy
	// Stages are corpus statistics whose fixes come before those of Corpus (see
	// SettleCorpus); empty for most runs.
	Stages []*corpus.Stats
	// OnePass makes the corpus pass (GatherChecked) of a run that neither fixes nor diffs check
	// each unit too, keeping what the checking pass needs (see screenlog.go): Run with the
	// statistics it returned, over the same files, then analyses no text a second time. The
	// findings are the same either way.
	OnePass bool

	// keep, in the corpus pass, keeps what it reads for the checking pass; cached, in the
	// checking pass, is what the corpus pass kept.
	keep, cached *readCache

	// gatherEach, when set, replaces gatherUnit in the corpus pass.
	gatherEach func(u *input.Unit, group string, active []lint.Active, stats *corpus.Stats)

	// group is the corpus group of the file being linted (corpus.GroupOf its Rel).
	group string
	// screened is what the corpus pass kept of the unit being linted, or nil.
	screened *screenedUnit
}

func (o Options) textFields() []string {
	if len(o.TextFields) > 0 {
		return o.TextFields
	}
	return input.DefaultTextFields
}

func (o Options) jobs() int {
	if o.Jobs > 0 {
		return o.Jobs
	}
	return runtime.GOMAXPROCS(0)
}

// RuleSource gives the rules that run on a file, by its path relative to the walked root.
type RuleSource interface {
	For(rel string) []lint.Active
}

// Run lints files with up to opts.Jobs workers and calls emit for each result in the order of
// files. At most a bounded window of results is held at once, so memory does not grow with the
// number of files.
func Run(cfg RuleSource, files []input.File, opts Options, emit func(*Result)) {
	var log *screenLog
	opts.cached, log = claimReads(opts, cfg, files)
	if log != nil {
		defer log.close()
	}
	jobs := opts.jobs()
	eachIndexOrdered(jobs, len(files), jobs*16, func(_ int, i int, out func(*Result)) { lintFile(cfg, files[i], opts, out, log, i) }, emit)
}

// testHookPlan, when set, is told for each file planned from a screen log how many of its units
// need work, and how many it has.
var testHookPlan func(work, units int)

// testHookBeforeWrite, when set, runs between reading a file and writing it with --fix.
var testHookBeforeWrite func(path string)

// openFile, when set, opens the files the engine reads (for tests that make reading fail);
// unset, files are opened with os.Open, or with fastOpen when reading only.
var openFile func(string) (*os.File, error)

// rawFile is a file opened to read: an *os.File, or what fastOpen returns.
type rawFile interface {
	io.Reader
	io.Closer
}

// openRaw opens path to read and returns its size. A file that is only read (not fixed) takes
// fastOpen where the platform has one: opening a file with os.Open costs more system calls than
// reading a small file.
func openRaw(path string, readOnly bool) (rawFile, int64, error) {
	if openFile == nil && readOnly && fastOpen != nil {
		return fastOpen(path)
	}
	open := openFile
	if open == nil {
		open = os.Open
	}
	in, err := open(path)
	if err != nil {
		return nil, 0, err
	}
	st, err := in.Stat()
	if err != nil {
		in.Close()
		return nil, 0, err
	}
	return in, st.Size(), nil
}

// ErrTooLarge is reported for files over --max-file-size.
var ErrTooLarge = errors.New("file is larger than --max-file-size")

// source is a file opened to read its units.
type source struct {
	file rawFile
	size int64
	// r is the decompressed content; sum, when asked for, hashes the bytes read from file.
	r   io.ReadCloser
	sum hash.Hash
	// dec is the decompressor itself, whose header a rewritten file keeps.
	dec io.Reader
	// io keeps the first error of reading the file itself.
	io *ioErrors
	// exact: the file is read as it is (no decompression) and only read, so reading its size
	// in bytes reads all of it (a file that grows meanwhile is read as it was when opened)
	exact bool
}

// openSource opens a file to read its units and, with hashed, hashes its bytes for the atomic
// writer. JSON Lines files are streamed and have no size limit.
func openSource(f input.File, kind input.Kind, comp input.Compression, opts Options, hashed bool) (*source, error) {
	in, size, err := openRaw(f.Path(), !hashed)
	if err != nil {
		return nil, err
	}
	s := &source{file: in, size: size, exact: comp == input.None && !hashed}
	if kind != input.JSONLines && opts.MaxFileSize > 0 && s.size > opts.MaxFileSize {
		in.Close()
		return nil, fmt.Errorf("%w (%d bytes > %d); skipped", ErrTooLarge, s.size, opts.MaxFileSize)
	}
	s.io = &ioErrors{r: in}
	var raw io.Reader = s.io
	if hashed {
		s.sum = sha256.New()
		raw = io.TeeReader(raw, s.sum)
	}
	if s.r, err = input.Decompress(raw, comp); err != nil {
		in.Close()
		return nil, fmt.Errorf("%v; skipped", err)
	}
	s.dec = s.r
	// what is read is bounded after decompression too: the whole content of a plain or JSON
	// file, each line of a JSON Lines file
	if opts.MaxFileSize > 0 {
		dec := s.r
		if kind == input.JSONLines {
			s.r = readCloser{&cappedLines{r: dec, limit: opts.MaxFileSize}, dec}
		} else {
			s.r = readCloser{&capped{r: dec, limit: opts.MaxFileSize, what: "the file"}, dec}
		}
	}
	return s, nil
}

// readUnits reads the units of an opened file: a plain text file in one read into a buffer of
// its size.
func readUnits(src *source, f input.File, kind input.Kind, opts Options, put func(*input.Unit)) error {
	if kind == input.Text {
		hint := src.size
		if !src.exact {
			hint = -hint - 1 // only a hint: read to the end
		}
		content, err := readWhole(src.r, hint)
		if err != nil {
			return err
		}
		put(input.OwnedUnit(f.Path(), content)) // a fresh buffer, never written to
		return nil
	}
	return input.Units(src.r, f.Path(), kind, opts.textFields(), func(u *input.Unit) error { put(u); return nil })
}

// Sum hashes what is left of the file and returns the hash of all of it.
func (s *source) Sum() []byte {
	io.Copy(s.sum, s.file)
	return s.sum.Sum(nil)
}

func (s *source) Close() {
	s.r.Close()
	s.file.Close()
}

// lintFile lints the units of one file and hands its result to emit: once for a plain file, in
// parts for JSON Lines and JSON files, the last part with Last set. Units are checked on all
// cores and put back in file order; with --fix, each is written back as it comes, so only the
// text of a changed record is rewritten and the others stay byte-identical. Unreadable units
// (malformed records) are reported with their line and kept as they are.
func lintFile(cfg RuleSource, f input.File, o Options, emit func(*Result), log *screenLog, idx int) {
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
	kind, comp := input.KindOf(f.Path())
	// a file the corpus pass screened is only read again when some unit needs more work
	var plan *screenPlan
	if log != nil && !log.files[idx].full() && !o.Fix && !o.Diff {
		plan = planFile(log, idx, cfg.For(f.Rel()), o)
		if plan != nil && testHookPlan != nil {
			testHookPlan(plan.work, len(plan.need))
		}
		if plan != nil && plan.work == 0 {
			o.cached.take(idx)
			res.Bytes = log.files[idx].size()
			return
		}
	}
	// the options of a file read again: the closures below take them to the heap, which a
	// file that needs no work (most of a large corpus) does not pay for
	opts := o
	opts.group = GroupOf(f)
	// a small file the corpus pass read is not read again (never when fixing)
	content, cached := opts.cached.take(idx)
	var src *source
	var err error
	if cached {
		res.Bytes = int64(len(content))
	} else {
		if src, err = openSource(f, kind, comp, opts, opts.Fix); err != nil {
			res.Errors = append(res.Errors, err)
			return
		}
		defer src.Close()
		res.Bytes = src.size
	}
	active := cfg.For(f.Rel())
	// a file of records is written as it is read; a whole file only once it is fixed
	var w *AtomicWriter
	if opts.Fix && kind != input.Text {
		if w, err = CreateAtomicWith(f.Path(), comp, src.dec, opts.Write); err != nil {
			res.Errors = append(res.Errors, err)
			opts.Fix = false
		} else {
			defer w.Abort()
		}
	}
	workers := opts.recordWorkers(kind == input.Text)
	changed, fixed, part := false, 0, 0
	var whole *unitResult
	units := func(put func(*input.Unit)) error {
		if cached {
			put(input.OwnedUnit(f.Path(), content)) // what the corpus pass read, never written to
			return nil
		}
		return readUnits(src, f, kind, opts, put)
	}
	feed := func(put func(planned)) error {
		return units(func(u *input.Unit) { put(planned{unit: u}) })
	}
	if plan != nil {
		feed = func(put func(planned)) error { return plan.feed(log, idx, units, put) }
	}
	work := func(_ int, p planned, out func(unitResult)) {
		p.take(active)
		if p.skip {
			out(unitResult{unit: p.unit})
			return
		}
		o := opts
		o.screened = p.screened
		out(lintUnit(p.unit, active, o))
	}
	err = parallel(workers, workers*8, feed, work, func(d unitResult) {
		if w != nil {
			for _, b := range d.unit.WriteBack(d.fixed) {
				w.Write(b)
			}
		}
		res.Errors = append(res.Errors, d.errs...)
		if d.patch != nil {
			res.Patches = append(res.Patches, *d.patch)
		}
		if d.fixed != nil {
			changed = true
			fixed += d.applied
		}
		if res.Findings == nil { // the first unit's findings as they are, not copied
			res.Findings = d.found
		} else {
			res.Findings = append(res.Findings, d.found...)
		}
		res.Suppressed = append(res.Suppressed, d.hidden...)
		if d.unit.IsWhole() {
			whole = &d
			return
		}
		// a large file's findings (and those filters hid) stream in parts instead of piling up
		if len(res.Findings)+len(res.Suppressed) >= partFindings {
			emit(res)
			part++
			res = &Result{File: f, Part: part}
		}
	})
	if err != nil {
		if kind == input.Text {
			res.Errors = append(res.Errors, fmt.Errorf("%v; skipped", err))
		} else {
			res.Errors = append(res.Errors, fmt.Errorf("reading records: %v; file left unchanged", err))
		}
		return
	}
	if !changed || !opts.Fix && !opts.Diff {
		return
	}
	if opts.Fix {
		if testHookBeforeWrite != nil {
			testHookBeforeWrite(f.Path())
		}
		if whole != nil {
			if w, err = CreateAtomicWith(f.Path(), comp, src.dec, opts.Write); err == nil {
				defer w.Abort()
				for _, b := range whole.unit.WriteBack(whole.fixed) {
					w.Write(b)
				}
			}
		}
		if err == nil {
			err = w.Commit(src.Sum())
		}
		if err != nil {
			res.Errors = append(res.Errors, err)
			if whole != nil { // report what is still in the file
				o := opts
				o.Fix = false
				again := lintUnit(whole.unit, active, o)
				res.Findings, res.Suppressed = again.found, again.hidden
			}
			return
		}
	}
	res.Changed, res.Fixed = true, fixed
}

// LintBytes lints one text document held in memory (standard input): f names it for reports
// and configuration. It returns the result and the text --fix would write; it writes nothing.
// Without opts.Corpus, corpus rules see the document as the whole corpus.
func LintBytes(cfg RuleSource, f input.File, raw []byte, opts Options) (*Result, string) {
	res := &Result{File: f, Bytes: int64(len(raw))}
	opts.group = GroupOf(f)
	u := input.WholeUnit(f.Path(), raw)
	active := cfg.For(f.Rel())
	if opts.Corpus == nil {
		opts.Corpus = gatherUnit(u, opts.group, active, nil)
	}
	d := lintUnit(u, active, opts)
	res.Errors, res.Findings, res.Suppressed = d.errs, d.found, d.hidden
	if d.fixed == nil {
		return res, string(raw)
	}
	res.Changed, res.Fixed = true, d.applied
	if d.patch != nil {
		res.Patches = append(res.Patches, *d.patch)
	}
	return res, *d.fixed
}
