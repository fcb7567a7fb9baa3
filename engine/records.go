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
	"strings"

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
			if out, err = input.Compressor(bw, comp); err != nil {
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
	err = eachRecord(dec, kind, func(line int, gap, raw []byte) error {
		write(gap)
		if raw == nil {
			return nil
		}
		body, term := raw, []byte(nil)
		if kind == input.JSONLines {
			body, term = splitTerminator(raw)
			if len(bytes.TrimSpace(body)) == 0 {
				write(raw)
				return nil
			}
		}
		rec, perr := input.ParseRecord(body, opts.textFields())
		if perr != nil {
			if !errors.Is(perr, input.ErrNoText) {
				perr = fmt.Errorf("malformed record: %v", perr)
			}
			res.Errors = append(res.Errors, fmt.Errorf("line %d: %v; record kept unchanged", line, perr))
			write(raw)
			return nil
		}
		if err := document.Check([]byte(rec.Text)); err != nil {
			res.Errors = append(res.Errors, fmt.Errorf("line %d: %v; record kept unchanged", line, err))
			write(raw)
			return nil
		}
		fixed, applied, ferr := fixText(f.Path, rec.Text, active, opts)
		if ferr != nil {
			res.Errors = append(res.Errors, fmt.Errorf("line %d: %v", line, ferr))
		}
		doc := document.New(f.Path, rec.Text)
		if fixed != rec.Text {
			changed = true
			fixedCount += applied
			if opts.Diff {
				res.Patches = append(res.Patches, Patch{Name: fmt.Sprintf("%s (record %d%s)", f.Path, line, idSuffix(rec.ID)), Before: rec.Text, After: fixed})
			}
			if opts.Fix {
				write(rec.WithText(fixed))
				write(term)
				doc = document.New(f.Path, fixed)
			} else {
				write(raw)
			}
		} else {
			write(raw)
		}
		found := Place(doc, Check(doc, active, opts.Corpus), opts.Preview, opts.Context)
		markConflicts(doc, found, opts.Unsafe)
		for i := range found {
			found[i].Record, found[i].RecordID, found[i].RecordLine = line, rec.ID, line
			// a copy, so that findings do not keep every record's text alive
			found[i].Text = strings.Clone(found[i].Text)
		}
		res.Findings = append(res.Findings, found...)
		flush()
		return nil
	})
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
