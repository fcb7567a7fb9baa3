package engine

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"

	"github.com/newslint/newslint/lint"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/input"
)

// recordPartFindings is how many findings of a JSON Lines or JSON file make one part.
const recordPartFindings = 1000

func (o Options) textFields() []string {
	if len(o.TextFields) > 0 {
		return o.TextFields
	}
	return input.DefaultTextFields
}

// eachRecord calls fn for every record of a JSON Lines or JSON array stream, with its 1-based
// line number in the (uncompressed) file and its bytes including the line terminator (for JSON
// Lines) or between elements (for arrays, as gap, written before the record).
func eachRecord(r io.Reader, kind input.Kind, fn func(line int, gap, raw []byte) error) error {
	if kind == input.JSONLines {
		br := bufio.NewReaderSize(r, 1<<16)
		for line := 1; ; line++ {
			b, err := br.ReadBytes('\n')
			if len(b) > 0 {
				if ferr := fn(line, nil, b); ferr != nil {
					return ferr
				}
			}
			if err == io.EOF {
				return nil
			}
			if err != nil {
				return err
			}
		}
	}
	all, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	spans, err := input.SplitArray(all)
	if err != nil {
		return fmt.Errorf("not a JSON array of records: %v", err)
	}
	pos := 0
	for _, sp := range spans {
		line := 1 + bytes.Count(all[:sp[0]], []byte("\n"))
		if err := fn(line, all[pos:sp[0]], all[sp[0]:sp[1]]); err != nil {
			return err
		}
		pos = sp[1]
	}
	return fn(0, all[pos:], nil)
}

// splitTerminator separates a JSON Lines record from its line terminator.
func splitTerminator(b []byte) ([]byte, []byte) {
	body := bytes.TrimRight(b, "\r\n")
	return body, b[len(body):]
}

// lintRecords lints the text field of every record of a JSON Lines or JSON array file,
// streaming: with --fix, records are written to a temporary file as they are read, and only the
// text value of a changed record is rewritten, so records without findings stay byte-identical.
// Malformed records are reported with their line and copied unchanged.
// *resp is the current part; lintRecords replaces it as it emits parts, so that the caller
// always holds the part still to be emitted.
func lintRecords(cfg RuleSource, f input.File, kind input.Kind, comp input.Compression, opts Options, resp **Result, emit func(*Result)) {
	res := *resp
	in, err := os.Open(f.Path)
	if err != nil {
		res.Errors = append(res.Errors, err)
		return
	}
	defer in.Close()
	st, err := in.Stat()
	if err != nil {
		res.Errors = append(res.Errors, err)
		return
	}
	if kind == input.JSONArray && opts.MaxFileSize > 0 && st.Size() > opts.MaxFileSize {
		res.Errors = append(res.Errors, fmt.Errorf("%w (%d bytes > %d); skipped", ErrTooLarge, st.Size(), opts.MaxFileSize))
		return
	}
	res.Bytes = st.Size()
	origHash := sha256.New()
	dec, err := input.Decompress(io.TeeReader(in, origHash), comp)
	if err != nil {
		res.Errors = append(res.Errors, fmt.Errorf("%v; skipped", err))
		return
	}
	defer dec.Close()
	var tmp *os.File
	var out io.WriteCloser
	var bw *bufio.Writer // under the compressor: flushed after it closes
	if opts.Fix {
		tmp, err = os.CreateTemp(filepath.Dir(f.Path), input.TempPrefix+filepath.Base(f.Path)+"-*")
		if err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("not fixed: %w", err))
			opts.Fix = false
		} else {
			defer func() {
				if tmp != nil {
					tmp.Close()
					os.Remove(tmp.Name())
				}
			}()
			bw = bufio.NewWriterSize(tmp, 1<<16)
			if out, err = input.CompressorLike(bw, comp, dec); err != nil {
				res.Errors = append(res.Errors, fmt.Errorf("not fixed: %w", err))
				return
			}
		}
	}
	active := cfg.For(f.Rel)
	changed := false
	fixedCount := 0
	part := 0
	// flush hands the findings gathered so far to emit as one part, so that a large file's
	// findings stream instead of piling up in memory
	flush := func() {
		if len(res.Findings) < recordPartFindings {
			return
		}
		emit(res)
		part++
		res = &Result{File: f, Part: part}
		*resp = res
	}
	write := func(b []byte) {
		if out != nil {
			out.Write(b)
		}
	}
	// Records are checked by a pool of workers and put back in file order by a collector,
	// which writes them, keeps the findings and emits parts; at most inFlight records are
	// between the reader and the collector, so memory stays bounded.
	workers := runtime.GOMAXPROCS(0)
	inFlight := workers * 8
	jobs := make(chan recordJob, inFlight)
	done := make(chan recordDone, inFlight)
	slots := make(chan struct{}, inFlight)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				done <- checkRecord(f.Path, kind, j, active, opts)
			}
		}()
	}
	collected := make(chan struct{})
	go func() {
		defer close(collected)
		pending := map[int]recordDone{}
		next := 0
		for d := range done {
			pending[d.seq] = d
			for {
				r, ok := pending[next]
				if !ok {
					break
				}
				delete(pending, next)
				next++
				for _, b := range r.write {
					write(b)
				}
				res.Errors = append(res.Errors, r.errs...)
				if r.patch != nil {
					res.Patches = append(res.Patches, *r.patch)
				}
				if r.changed {
					changed = true
					fixedCount += r.applied
				}
				res.Findings = append(res.Findings, r.found...)
				flush()
				<-slots
			}
		}
	}()
	seq := 0
	err = eachRecord(dec, kind, func(line int, gap, raw []byte) error {
		slots <- struct{}{}
		jobs <- recordJob{seq: seq, line: line, gap: gap, raw: raw}
		seq++
		return nil
	})
	close(jobs)
	wg.Wait()
	close(done)
	<-collected
	res.Bytes = st.Size()
	if err != nil {
		res.Errors = append(res.Errors, fmt.Errorf("reading records: %v; file left unchanged", err))
		return
	}
	if !opts.Fix || !changed {
		res.Changed = opts.Diff && changed
		if res.Changed {
			res.Fixed = fixedCount
		}
		return
	}
	res.Changed, res.Fixed = true, fixedCount
	err = out.Close()
	if err == nil {
		err = bw.Flush()
	}
	if err != nil {
		res.Errors = append(res.Errors, fmt.Errorf("not fixed: %w", err))
		res.Changed, res.Fixed = false, 0
		return
	}
	if err := commitTemp(f.Path, st, tmp, origHash); err != nil {
		res.Errors = append(res.Errors, err)
		res.Changed, res.Fixed = false, 0
		return
	}
	tmp = nil
}

// commitTemp renames a finished temporary file over path, after checking that path still has
// the content whose hash was taken while reading it.
func commitTemp(path string, st os.FileInfo, tmp *os.File, orig hash.Hash) error {
	if err := tmp.Chmod(st.Mode().Perm()); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	keepOwner(tmp, st)
	if err := tmp.Sync(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if lst, err := os.Lstat(path); err != nil || lst.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("not fixed: it is a symbolic link, and newslint does not write through links")
	}
	cur, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	h := sha256.New()
	_, err = io.Copy(h, cur)
	cur.Close()
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if !bytes.Equal(h.Sum(nil), orig.Sum(nil)) {
		return fmt.Errorf("not fixed: the file changed while newslint was working on it")
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	syncDir(filepath.Dir(path))
	return nil
}

func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}

func idSuffix(id string) string {
	if id == "" {
		return ""
	}
	return ", " + id
}

// recordJob is one record to check; recordDone what checking it gave, in the order of jobs.
type recordJob struct {
	seq, line int
	gap, raw  []byte
}

type recordDone struct {
	seq     int
	write   [][]byte // what the fixed file gets for this record
	errs    []error
	found   []Finding
	applied int
	changed bool
	patch   *Patch
}

// checkRecord lints (and fixes) the text of one record. It never panics: a rule failing on a
// record leaves that record unchanged and reports the failure.
func checkRecord(path string, kind input.Kind, j recordJob, active []lint.Active, opts Options) (d recordDone) {
	d.seq = j.seq
	d.write = [][]byte{j.gap}
	defer func() {
		if p := recover(); p != nil {
			d = recordDone{seq: j.seq, write: [][]byte{j.gap, j.raw},
				errs: []error{fmt.Errorf("line %d: internal error, record kept unchanged: %v", j.line, p)}}
		}
	}()
	if j.raw == nil {
		return d
	}
	keep := func(err error) recordDone {
		if err != nil {
			d.errs = append(d.errs, err)
		}
		d.write = append(d.write, j.raw)
		return d
	}
	body, term := j.raw, []byte(nil)
	if kind == input.JSONLines {
		body, term = splitTerminator(j.raw)
		if len(bytes.TrimSpace(body)) == 0 {
			return keep(nil)
		}
	}
	rec, perr := input.ParseRecord(body, opts.textFields())
	if perr != nil {
		if !errors.Is(perr, input.ErrNoText) {
			perr = fmt.Errorf("malformed record: %v", perr)
		}
		return keep(fmt.Errorf("line %d: %v; record kept unchanged", j.line, perr))
	}
	if err := document.Check([]byte(rec.Text)); err != nil {
		return keep(fmt.Errorf("line %d: %v; record kept unchanged", j.line, err))
	}
	fixed, applied, ferr := fixText(path, rec.Text, active, opts)
	if ferr != nil {
		d.errs = append(d.errs, fmt.Errorf("line %d: %v", j.line, ferr))
	}
	doc := document.New(path, rec.Text)
	switch {
	case fixed == rec.Text:
		d.write = append(d.write, j.raw)
	case opts.Fix:
		d.changed, d.applied = true, applied
		d.write = append(d.write, rec.WithText(fixed), term)
		doc = document.New(path, fixed)
	default:
		d.changed, d.applied = true, applied
		d.write = append(d.write, j.raw)
		if opts.Diff {
			d.patch = &Patch{Name: fmt.Sprintf("%s (record %d%s)", path, j.line, idSuffix(rec.ID)), Before: rec.Text, After: fixed}
		}
	}
	d.found = Place(doc, Check(doc, active, opts.Corpus), opts.Preview, opts.Context)
	markConflicts(doc, d.found, opts.Unsafe)
	for i := range d.found {
		d.found[i].Record, d.found[i].RecordID, d.found[i].RecordLine = j.line, rec.ID, j.line
		// a copy, so that findings do not keep every record's text alive
		d.found[i].Text = strings.Clone(d.found[i].Text)
	}
	return d
}
