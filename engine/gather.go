package engine

import (
	"errors"
	"fmt"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
	"io/fs"
	"sync"
)

// NeedsCorpus reports whether any rule that runs on files is a corpus rule.
func NeedsCorpus(src RuleSource, files []input.File) bool {
	seen := map[string]bool{}
	for _, f := range files {
		for _, a := range src.For(f.Rel()) {
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
// units (malformed records, files over --max-file-size) are skipped here; the checking pass
// reports them. Errors of reading files are ignored: see GatherChecked.
func Gather(src RuleSource, files []input.File, opts Options) *corpus.Stats {
	stats, _ := GatherChecked(src, files, opts)
	return stats
}

// GatherChecked is Gather failing on files it could not open or read for a passing reason (too
// many open files, an I/O error; not permission denied or a file that vanished, which the
// checking pass reports): counts that lack them would make corpus rules judge the other files wrongly.
// Problems of the content itself are left to the checking pass, which reports them.
func GatherChecked(src RuleSource, files []input.File, opts Options) (*corpus.Stats, error) {
	keepReads(&opts, files)
	jobs := opts.jobs()
	// the workers' hash counts are one table: a copy each, merged at the end, took twice the
	// memory of the counts, the largest part of a run's on a large corpus
	parts := corpus.Shared(jobs)
	var log *screenLog
	if opts.OnePass && opts.keep != nil { // a run that only reads
		log = newScreenLog(len(files))
	}
	errs := eachIndex(jobs, len(files), func(w, i int) error {
		if err := gatherFile(src, files[i], &opts, parts[w], log, i); err != nil {
			return fmt.Errorf("%s: %w", files[i].Path(), err)
		}
		return nil
	})
	// the other workers' counts merge into the largest, so that the largest is not copied and
	// the merge needs little more memory than the counts themselves
	big := 0
	for w, p := range parts {
		if p.Size() > parts[big].Size() {
			big = w
		}
	}
	total := parts[big]
	for w, p := range parts {
		if w != big {
			total.Merge(p)
			parts[w] = nil
		}
	}
	total.Detach()
	if log != nil {
		log.finish()
	}
	if opts.keep != nil {
		offerReads(total, opts.keep, src, files, log)
	}
	return total, errors.Join(errs...)
}

// gatherFile adds the counts of one file to stats. It returns the error of opening or reading
// the file itself; other problems are the checking pass's to report. With log, the file's units
// are screened (screenUnit) and their frames written to the log as file idx. The options are
// the run's, shared and not changed (a copy for each file went to the heap with the closures
// that read them).
func gatherFile(src RuleSource, f input.File, opts *Options, stats *corpus.Stats, log *screenLog, idx int) (ioErr error) {
	defer func() { _ = recover() }() // the checking pass reports what went wrong
	var frames *fileFrames
	full, size := true, int64(0) // full until the file was read to its end
	if log != nil {
		frames = newFileFrames(log)
		defer func() { frames.done(idx, size, full) }()
	}
	kind, comp := input.KindOf(f.Path())
	in, err := openSource(f, kind, comp, *opts, false)
	if err != nil {
		// a file that is unreadable for good is reported by the checking pass; one that could
		// not be opened this time (too many open files) would be linted with counts that lack it
		var pe *fs.PathError
		if errors.As(err, &pe) && !errors.Is(err, fs.ErrPermission) && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		return nil
	}
	defer in.Close()
	defer func() {
		if in.io.err != nil {
			ioErr = in.io.err
		}
	}()
	stats.Files++
	active := src.For(f.Rel())
	// the records of a large file are gathered on all cores into per-worker counts
	workers := opts.recordWorkers(kind == input.Text)
	parts := make([]*corpus.Stats, workers)
	if workers == 1 {
		parts[0] = stats // one worker counts into the caller's counts: no merge per file
	} else {
		for w := range parts {
			parts[w] = corpus.New()
		}
	}
	// a small plain file is kept for the checking pass; in a one-pass run only when its frame
	// says the checking pass will read it: it has diagnostics, or is to be checked afresh. One
	// with candidates only is read again only if the merged counts make one interesting, which
	// is rare: keeping them held most of a corpus of short stories (their names are candidates)
	// for nothing, and took their buffers from the pool
	keep := kind == input.Text && comp == input.None
	var last []byte
	feed := func(put func(*input.Unit)) error {
		return readUnits(in, f, kind, *opts, func(u *input.Unit) {
			if keep {
				if last, _ = u.Content(); log == nil {
					opts.keep.put(idx, last)
				}
			}
			put(u)
		})
	}
	group := GroupOf(f)
	// only the closure the file needs is made: each costs an allocation, for every file
	var work func(w int, u *input.Unit, out func([]byte))
	switch {
	case log != nil && workers == 1: // out takes the frame in turn: one buffer serves every unit
		work = func(w int, u *input.Unit, out func([]byte)) {
			frames.scratch = screenUnit(frames.scratch[:0], u, group, active, parts[w])
			out(frames.scratch)
		}
	case log != nil:
		work = func(w int, u *input.Unit, out func([]byte)) { out(screenUnit(nil, u, group, active, parts[w])) }
	default:
		each := opts.gatherEach
		if each == nil {
			each = func(u *input.Unit, group string, active []lint.Active, stats *corpus.Stats) {
				gatherUnit(u, group, active, stats)
			}
		}
		work = func(w int, u *input.Unit, _ func([]byte)) { each(u, group, active, parts[w]) }
	}
	err = parallel(workers, workers*8, feed, work, func(frame []byte) {
		if frames != nil {
			frames.add(frame)
			switch {
			case !keep || len(last) == 0:
			case frame[0]&(unitFull|unitLocal) != 0: // a plain file is one unit, read and screened in turn
				opts.keep.putRead(idx, last)
			default:
				recycleRead(last) // the frame holds copies of what the checking pass needs
			}
		}
	})
	if workers > 1 {
		for _, p := range parts {
			stats.Merge(p)
		}
	}
	full, size = err != nil, in.size
	return nil
}

// screenUnit adds the counts of one unit to stats, as gatherUnit does, and checks it with the
// rules that need no counts (lint.Screen); it returns the unit's frame for the checking pass,
// appended to dst when dst is not nil.
func screenUnit(dst []byte, u *input.Unit, group string, active []lint.Active, stats *corpus.Stats) (frame []byte) {
	full := func() []byte { return append(dst, unitFull) }
	if !lint.Screenable(active) {
		gatherUnit(u, group, active, stats)
		return full()
	}
	defer func() {
		if recover() != nil {
			frame = full() // the checking pass reports the failure
		}
	}()
	text, err := u.Text()
	if errors.Is(err, input.ErrSkip) {
		return appendUnitFrame(dst, unitHash(u), nil, nil) // nothing to check
	}
	if err != nil || document.CheckText(text) != nil {
		return full()
	}
	doc := unitDocument(u, text)
	doc.Group = UnitGroup(u, group)
	room := candRoom.Get().(*[][]lint.Candidate)
	diags, cands := lint.ScreenInto(doc, active, stats, *room)
	if cap(cands) > cap(*room) {
		*room = cands // made larger: kept for the next unit
	}
	defer func() {
		// each rule's list is kept for the next unit (candidates hold no pointers), unless a
		// long page made it large
		for i, l := range (*room)[:cap(*room)] {
			if cap(l) > maxKeptCandidates {
				(*room)[:cap(*room)][i] = nil
			}
		}
		candRoom.Put(room)
	}()
	if rec := u.Record(); doc.InvalidUTF8() >= 0 || rec != nil && rec.Lossy != "" {
		return full() // the checking pass words what is wrong with the text
	}
	frame = appendUnitFrame(dst, unitHash(u), diags, cands)
	doc.Release() // the frame holds copies of what the checking pass needs
	return frame
}

// candRoom holds the lists of candidates screenUnit makes lint.Screen's in: a unit's lists are
// encoded in its frame and then reused for the next unit. A list for every unit with candidates
// was most of what screening a small file allocated, and on whole pages (hundreds of candidate
// lines each) a seventh of all a run allocated.
var candRoom = sync.Pool{New: func() any { return new([][]lint.Candidate) }}

// maxKeptCandidates bounds the room a list of candidates keeps for the next unit (32 bytes a
// candidate).
const maxKeptCandidates = 4096

// unitDocument indexes the text of unit u. A record's text is a decoded JSON string, valid UTF-8
// whatever its bytes were (decoding put U+FFFD for what was not, and Record.Lossy says so), so
// it is not checked byte by byte again.
func unitDocument(u *input.Unit, text string) *document.Document {
	if u.Loc.IsRecord() {
		return document.NewValid(u.Loc.Path, text)
	}
	return document.New(u.Loc.Path, text)
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
	text, err := u.Text()
	if err != nil || document.CheckText(text) != nil {
		return stats
	}
	var doc *document.Document
	for _, a := range active {
		if g, ok := a.Rule.(lint.Gatherer); ok {
			if doc == nil {
				doc = unitDocument(u, text)
				doc.Group = UnitGroup(u, group)
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
