package engine

import (
	"bufio"
	"encoding/binary"
	"errors"
	"hash/maphash"
	"io"
	"os"
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// A run that neither fixes nor diffs checks each unit in the corpus pass (Options.OnePass): the
// rules that need no counts report there, and corpus rules note their candidates
// (lint.Screen). What the checking pass needs of each unit is written to a screen log, in frames,
// and the checking pass reads it back: a unit with no diagnostic and no candidate that the merged
// counts make interesting is not read or analysed again, and the others are only placed and
// resolved (lint.Resolve). The log stays in memory up to screenLogMemory bytes, then moves to a
// temporary file that is unlinked as soon as it is created, so memory stays bounded whatever the
// size of the corpus and nothing is left behind.
var screenLogMemory = 4 << 20

const (
	// screenChunk is how much of one file's frames a worker buffers before writing them.
	screenChunk = 64 << 10
)

// Unit frame flags.
const (
	// unitFull: the corpus pass could not screen the unit (unreadable text, invalid UTF-8, a
	// record that decoding changed, a rule that failed); the checking pass checks it afresh.
	unitFull = 1 << iota
	unitLocal
	unitCands
)

// screenSeed hashes the bytes of units (unitHash), so that the checking pass takes a frame
// only for the unit it was made of.
var screenSeed = maphash.MakeSeed()

// unitHash hashes the bytes u was read from: equal bytes are equal texts.
func unitHash(u *input.Unit) uint64 { return maphash.Bytes(screenSeed, u.Raw()) }

// span is a stretch of the log.
type span struct {
	off int64
	n   int
}

// screenedFile is what the corpus pass kept of one file: where its frames are (one span, or
// the log's more[file] when they took several) and its size. It is small, since a run holds
// one per file.
type screenedFile struct {
	// first is the span of its frames (packSpan), when one span that fits holds them all
	first uint64
	// sizeFull is the file's size, or -size-1 when the whole file is to be checked afresh (it
	// could not be read to the end in the corpus pass): one word where a flag beside the size
	// took a second (a million files: 8 MB)
	sizeFull int64
}

// size is the size of the file the corpus pass read.
func (f *screenedFile) size() int64 {
	if f.sizeFull < 0 {
		return -f.sizeFull - 1
	}
	return f.sizeFull
}

// full reports a file to check afresh.
func (f *screenedFile) full() bool { return f.sizeFull < 0 }

// A span of the log is packed into one word (screenedFile.first) when its offset is below 1 TiB
// and its length below 16 MiB, as a file's frames almost always are: 16 bytes a file instead of
// 24 take a million files' index from 24 to 16 MB. The rest go to screenLog.more.
const (
	spanLenBits = 24
	spanOffBits = 64 - spanLenBits
)

// packSpan packs sp into one word (0 for an empty span, which holds no frame), or reports that
// it does not fit.
func packSpan(sp span) (uint64, bool) {
	if sp.n == 0 {
		return 0, true
	}
	if sp.off < 0 || sp.off >= 1<<spanOffBits || sp.n < 0 || sp.n >= 1<<spanLenBits {
		return 0, false
	}
	return uint64(sp.off)<<spanLenBits | uint64(sp.n), true
}

// unpackSpan is the span packSpan packed.
func unpackSpan(w uint64) span {
	return span{off: int64(w >> spanLenBits), n: int(w & (1<<spanLenBits - 1))}
}

// screenLog holds the frames of the units of a corpus pass, and per file where they are.
type screenLog struct {
	mu sync.Mutex
	// mem holds the log while it is small, in chunks (appending to one slice copied it over and
	// over); chunk k begins at offset memStart[k] of the log
	mem      [][]byte
	memStart []int64
	file     *os.File
	w        *bufio.Writer // writes to file, a block at a time
	size     int64
	broken   bool
	files    []screenedFile
	// more holds the spans of the files whose frames took several, or one too large to pack
	// (packSpan), by file.
	more map[int][]span

	// block is the stretch of file that the checking pass read last, at blockOff: it reads
	// the log about in the order it was written, a block per system call, not a span.
	bmu      sync.Mutex
	block    []byte
	blockOff int64
}

// screenBlock is how much of the log file one read brings in.
var screenBlock = 1 << 20

func newScreenLog(files int) *screenLog { return &screenLog{files: make([]screenedFile, files)} }

// setFile records what the corpus pass kept of file idx.
func (l *screenLog) setFile(idx int, spans []span, size int64, full bool) {
	sf := screenedFile{sizeFull: size}
	if full {
		sf.sizeFull = -size - 1
	}
	packed := false
	if len(spans) == 1 {
		sf.first, packed = packSpan(spans[0])
	}
	if len(spans) > 1 || len(spans) == 1 && !packed {
		l.mu.Lock()
		if l.more == nil {
			l.more = map[int][]span{}
		}
		l.more[idx] = slices.Clone(spans) // spans is the caller's, reused
		l.mu.Unlock()
	}
	l.files[idx] = sf
}

// spans returns where the frames of file idx are.
func (l *screenLog) spans(idx int) []span {
	if s, ok := l.more[idx]; ok {
		return s
	}
	if f := l.files[idx]; f.first != 0 {
		return []span{unpackSpan(f.first)}
	}
	return nil
}

// write appends b to the log and returns where it went.
func (l *screenLog) write(b []byte) span {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.broken {
		return span{}
	}
	sp := span{l.size, len(b)}
	if l.file == nil && l.size+int64(len(b)) > int64(screenLogMemory) {
		f, err := os.CreateTemp("", "newslint-*.screen")
		if err == nil && runtime.GOOS != "windows" {
			err = os.Remove(f.Name()) // nothing is left behind, however the run ends
		}
		var w *bufio.Writer
		if err == nil {
			w = bufio.NewWriterSize(f, screenBlock)
			for _, c := range l.mem {
				if _, err = w.Write(c); err != nil {
					break
				}
			}
		}
		if err != nil {
			if f != nil {
				f.Close()
				os.Remove(f.Name())
			}
			l.broken, l.mem, l.memStart = true, nil, nil
			return span{}
		}
		l.file, l.w, l.mem, l.memStart = f, w, nil, nil
	}
	if l.file != nil {
		if _, err := l.w.Write(b); err != nil {
			l.broken = true
			return span{}
		}
	} else {
		if k := len(l.mem) - 1; k < 0 || len(l.mem[k])+len(b) > cap(l.mem[k]) {
			l.mem = append(l.mem, make([]byte, 0, max(4*screenChunk, len(b))))
			l.memStart = append(l.memStart, l.size)
		}
		k := len(l.mem) - 1
		l.mem[k] = append(l.mem[k], b...)
	}
	l.size += int64(len(b))
	return sp
}

// finish ends the writing: what is buffered goes to the file.
func (l *screenLog) finish() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.w != nil && !l.broken && l.w.Flush() != nil {
		l.broken = true
	}
	l.w = nil
}

// frames reads the frames of file idx in turn: a frame never crosses a span (fileFrames writes
// whole frames), so each span is loaded once (a part of the log in memory, or one copy out of its
// file) and its frames are parts of it.
type frames struct {
	l     *screenLog
	spans []span
	cur   []byte
}

func (l *screenLog) frames(idx int) *frames { return &frames{l: l, spans: l.spans(idx)} }

// next returns the next frame, or io.EOF after the last.
func (f *frames) next() ([]byte, error) {
	for len(f.cur) == 0 {
		if len(f.spans) == 0 {
			return nil, io.EOF
		}
		var err error
		if f.cur, err = f.l.load(f.spans[0]); err != nil {
			return nil, err
		}
		f.spans = f.spans[1:]
	}
	n, k := binary.Uvarint(f.cur)
	if k <= 0 || n > uint64(len(f.cur)-k) {
		f.cur = nil
		return nil, errFrame
	}
	frame := f.cur[k : k+int(n)]
	f.cur = f.cur[k+int(n):]
	return frame, nil
}

// load returns the bytes of span s: a part of the log in memory, or a copy out of the block of
// the log file that holds it (read when the last one does not).
func (l *screenLog) load(s span) ([]byte, error) {
	if l.file == nil {
		k := sort.Search(len(l.memStart), func(k int) bool { return l.memStart[k] > s.off }) - 1
		if k < 0 {
			return nil, errFrame
		}
		o := s.off - l.memStart[k]
		return l.mem[k][o : o+int64(s.n)], nil
	}
	out := make([]byte, s.n)
	if s.n > screenBlock {
		_, err := l.file.ReadAt(out, s.off)
		return out, err
	}
	l.bmu.Lock()
	defer l.bmu.Unlock()
	if s.off < l.blockOff || s.off+int64(s.n) > l.blockOff+int64(len(l.block)) {
		if l.block == nil {
			l.block = make([]byte, screenBlock)
		}
		n, err := l.file.ReadAt(l.block[:cap(l.block)], s.off)
		if n < s.n {
			l.block = l.block[:0]
			if err == nil {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		l.block, l.blockOff = l.block[:n], s.off
	}
	copy(out, l.block[s.off-l.blockOff:])
	return out, nil
}

// close releases the log.
func (l *screenLog) close() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file != nil {
		name := l.file.Name()
		l.file.Close()
		if runtime.GOOS == "windows" {
			os.Remove(name)
		}
		l.file = nil
	}
	l.mem, l.memStart, l.files, l.more, l.block = nil, nil, nil, nil, nil
}

// fileFrames collects the frames of one file and writes them to the log a chunk at a time.
type fileFrames struct {
	log   *screenLog
	buf   []byte
	spans []span
	// scratch is where the frame of a unit screened in turn is encoded (screenUnit)
	scratch []byte
}

// fileFramesPool holds the buffers of files done, for the files screened after them.
var fileFramesPool sync.Pool // *fileFrames

// newFileFrames returns an empty fileFrames for a file of log.
func newFileFrames(log *screenLog) *fileFrames {
	w, _ := fileFramesPool.Get().(*fileFrames)
	if w == nil {
		w = new(fileFrames)
	}
	w.log, w.buf, w.spans = log, w.buf[:0], w.spans[:0]
	return w
}

// done flushes the frames of file idx, records them in the log and hands the buffers back.
func (w *fileFrames) done(idx int, size int64, full bool) {
	w.flush()
	w.log.setFile(idx, w.spans, size, full)
	w.log = nil
	if cap(w.buf) <= 2*screenChunk && cap(w.scratch) <= 2*screenChunk {
		fileFramesPool.Put(w)
	}
}

// add appends a unit's frame.
func (w *fileFrames) add(frame []byte) {
	w.buf = binary.AppendUvarint(w.buf, uint64(len(frame)))
	w.buf = append(w.buf, frame...)
	if len(w.buf) >= screenChunk {
		w.flush()
	}
}

func (w *fileFrames) flush() {
	if len(w.buf) > 0 {
		w.spans = append(w.spans, w.log.write(w.buf))
		w.buf = w.buf[:0]
	}
}

// unitFrame encodes what the checking pass needs of a screened unit: the hash of its bytes
// (unitHash), its diagnostics and its candidates.
func unitFrame(hash uint64, diags []lint.Diagnostic, cands [][]lint.Candidate) []byte {
	return appendUnitFrame(nil, hash, diags, cands)
}

// appendUnitFrame appends the frame unitFrame encodes to dst; with a nil dst, the frame takes a
// buffer of its size.
func appendUnitFrame(dst []byte, hash uint64, diags []lint.Diagnostic, cands [][]lint.Candidate) []byte {
	var flags byte
	if len(diags) > 0 {
		flags |= unitLocal
	}
	if cands != nil {
		flags |= unitCands
	}
	if flags == 0 {
		if dst == nil {
			dst = make([]byte, 0, 9)
		}
		return binary.LittleEndian.AppendUint64(append(dst, flags), hash)
	}
	if dst != nil {
		return appendFrameBody(binary.LittleEndian.AppendUint64(append(dst, flags), hash), diags, cands)
	}
	size := 16 // the frame's size, taken at once: what it holds is known
	for _, d := range diags {
		size += len(d.Rule) + len(d.Message) + 24
		if d.Fix != nil {
			size += len(d.Fix.Description) + 4
			for _, e := range d.Fix.Edits {
				size += len(e.NewText) + 12
			}
		}
	}
	for _, cs := range cands {
		size += 4 + 20*len(cs)
	}
	return appendFrameBody(binary.LittleEndian.AppendUint64(append(make([]byte, 0, size), flags), hash), diags, cands)
}

// appendFrameBody appends the diagnostics and candidates of a unit's frame to b.
func appendFrameBody(b []byte, diags []lint.Diagnostic, cands [][]lint.Candidate) []byte {
	if len(diags) > 0 {
		b = binary.AppendUvarint(b, uint64(len(diags)))
		for _, d := range diags {
			b = appendString(b, d.Rule)
			b = append(b, byte(d.Severity))
			b = binary.AppendUvarint(b, uint64(d.Start))
			b = binary.AppendUvarint(b, uint64(d.End))
			b = appendString(b, d.Message)
			if d.Fix == nil {
				b = append(b, 0)
				continue
			}
			b = append(b, byte(d.Fix.Safety))
			b = appendString(b, d.Fix.Description)
			b = binary.AppendUvarint(b, uint64(len(d.Fix.Edits)))
			for _, e := range d.Fix.Edits {
				b = binary.AppendUvarint(b, uint64(e.Start))
				b = binary.AppendUvarint(b, uint64(e.End))
				b = appendString(b, e.NewText)
			}
		}
	}
	if cands != nil {
		b = binary.AppendUvarint(b, uint64(len(cands)))
		for i, cs := range cands {
			if len(cs) == 0 {
				continue
			}
			b = binary.AppendUvarint(b, uint64(i))
			b = binary.AppendUvarint(b, uint64(len(cs)))
			for _, c := range cs {
				b = binary.AppendUvarint(b, uint64(c.Start))
				b = binary.AppendUvarint(b, uint64(c.End-c.Start))
				b = binary.LittleEndian.AppendUint64(b, c.Key)
				b = append(b, c.Flag)
			}
		}
		b = binary.AppendUvarint(b, uint64(len(cands))) // no more rules
	}
	return b
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// screenedUnit is a decoded unit frame.
type screenedUnit struct {
	full  bool
	hash  uint64
	diags []lint.Diagnostic
	cands [][]lint.Candidate
	// lists is the room cands is made in, candBuf holds the candidates of every rule (cands
	// are slices of it): kept when s is reused
	lists   [][]lint.Candidate
	candBuf []lint.Candidate
}

// of reports whether the frame was made of u (not of a unit of a file that changed since), so
// that the checking pass may take it for u.
func (s *screenedUnit) of(u *input.Unit) bool { return !s.full && s.hash == unitHash(u) }

// frameOf is screenedUnit.of for a frame not decoded.
func frameOf(frame []byte, u *input.Unit) bool {
	return len(frame) >= 9 && frame[0]&unitFull == 0 && binary.LittleEndian.Uint64(frame[1:]) == unitHash(u)
}

var errFrame = errors.New("malformed screen frame")

// frameDecoder reads a frame's fields; the first error sticks.
type frameDecoder struct {
	b   []byte
	err error
}

func (d *frameDecoder) uvarint() int {
	if len(d.b) > 0 && d.b[0] < 0x80 { // one byte: most lengths, offsets within a line, counts
		v := d.b[0]
		d.b = d.b[1:]
		return int(v)
	}
	v, n := binary.Uvarint(d.b)
	if n <= 0 || v > 1<<40 {
		d.err, d.b = errFrame, nil
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}

func (d *frameDecoder) byte() byte {
	if len(d.b) < 1 {
		d.err = errFrame
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *frameDecoder) uint64() uint64 {
	if len(d.b) < 8 {
		d.err, d.b = errFrame, nil
		return 0
	}
	v := binary.LittleEndian.Uint64(d.b)
	d.b = d.b[8:]
	return v
}

// field reads a length and as many bytes, which stay the frame's.
func (d *frameDecoder) field() []byte {
	n := d.uvarint()
	if n > len(d.b) {
		d.err, d.b = errFrame, nil
		return nil
	}
	b := d.b[:n]
	d.b = d.b[n:]
	return b
}

// rule reads a rule's ID, shared with the active rule of that ID rather than copied.
func (d *frameDecoder) rule(active []lint.Active) string {
	b := d.field()
	for i := range active {
		if m := active[i].Meta; m != nil && m.ID == string(b) {
			return m.ID
		}
	}
	return string(b)
}

func (d *frameDecoder) string() string { return string(d.field()) }

// stringLike is string, returning like itself when the string is like.
func (d *frameDecoder) stringLike(like string) string {
	if b := d.field(); string(b) != like {
		return string(b)
	}
	return like
}

// decodeUnit decodes a unit frame for a file on which the rules active run.
func decodeUnit(frame []byte, active []lint.Active) (*screenedUnit, error) {
	s := new(screenedUnit)
	return s, s.decode(frame, active)
}

// unitScratch holds screenedUnits to decode frames into when only whether they need work
// matters: most frames of a large corpus are decoded to be dropped, and a frame with
// candidates took three allocations (the unit, its list per rule, each rule's candidates).
var unitScratch = sync.Pool{New: func() any { return new(screenedUnit) }}

// release gives s back to unitScratch; s must not be used after.
func (s *screenedUnit) release() {
	clear(s.lists) // keeps no list of candidates alive
	unitScratch.Put(s)
}

// decode decodes a unit frame into s for a file on which the rules active run, reusing the
// room s has.
func (s *screenedUnit) decode(frame []byte, active []lint.Active) error {
	d := frameDecoder{b: frame}
	flags := d.byte()
	*s = screenedUnit{full: flags&unitFull != 0, diags: s.diags[:0], lists: s.lists, candBuf: s.candBuf[:0]}
	if s.full || d.err != nil {
		return d.err
	}
	if s.hash = d.uint64(); flags == 0 || d.err != nil {
		return d.err
	}
	if flags&unitLocal != 0 {
		n := d.uvarint()
		s.diags = slices.Grow(s.diags, min(n, len(d.b)))
		// the unit's fixes and their edits are each made in one array (a page's text can have
		// hundreds), and a fix described as the one before shares its description
		var fixes []lint.Fix
		var edits []lint.TextEdit
		desc := ""
		for i := 0; i < n && d.err == nil; i++ {
			var dg lint.Diagnostic
			dg.Rule = d.rule(active)
			dg.Severity = lint.Severity(d.byte())
			dg.Start, dg.End = d.uvarint(), d.uvarint()
			dg.Message = d.string()
			if safety := d.byte(); safety != 0 {
				if fixes == nil {
					fixes = make([]lint.Fix, 0, min(n-i, len(d.b)))
				}
				desc = d.stringLike(desc)
				fixes = append(fixes, lint.Fix{Safety: lint.Safety(safety), Description: desc})
				fix := &fixes[len(fixes)-1]
				ne := d.uvarint()
				if cap(edits)-len(edits) < ne {
					// a new array: the fixes before keep theirs
					edits = make([]lint.TextEdit, 0, min(max(ne, n-i), len(d.b)))
				}
				start := len(edits)
				for j := 0; j < ne && d.err == nil; j++ {
					var e lint.TextEdit
					e.Start, e.End = d.uvarint(), d.uvarint()
					e.NewText = d.string()
					edits = append(edits, e)
				}
				fix.Edits = edits[start:len(edits):len(edits)]
				dg.Fix = fix
			}
			s.diags = append(s.diags, dg)
		}
	}
	if len(s.diags) == 0 {
		s.diags = nil // a unit with no diagnostic has none
	}
	if flags&unitCands != 0 && d.err == nil {
		if n := d.uvarint(); n != len(active) {
			return errFrame
		}
		s.lists = slices.Grow(s.lists[:0], len(active))[:len(active)]
		clear(s.lists)
		s.cands = s.lists
		for d.err == nil {
			i := d.uvarint()
			if i >= len(active) {
				break
			}
			n := d.uvarint()
			start := len(s.candBuf)
			s.candBuf = slices.Grow(s.candBuf, min(n, len(d.b)))
			for j := 0; j < n && d.err == nil; j++ {
				var c lint.Candidate
				c.Start = d.uvarint()
				c.End = c.Start + d.uvarint()
				c.Key = d.uint64()
				c.Flag = d.byte()
				s.candBuf = append(s.candBuf, c)
			}
			// the list is never appended to: a later one that moves the buffer leaves it be
			s.cands[i] = s.candBuf[start:len(s.candBuf):len(s.candBuf)]
		}
	}
	return d.err
}

// wants reports whether the checking pass has work on a unit of frame: a diagnostic to place, a
// candidate the merged counts make interesting, or the whole unit to check.
func (s *screenedUnit) wants(active []lint.Active, opts Options) bool {
	return s.full || len(s.diags) > 0 || s.cands != nil && lint.Wants(active, opts.Corpus, s.cands)
}

// screenPlan is what the checking pass does with the units of a screened file.
type screenPlan struct {
	// work is how many units need more than an empty result; need says which.
	work int
	need []bool
	// whole is the decoded frame of a file of one unit.
	whole *screenedUnit
	// active are the rules that run on the file.
	active []lint.Active
}

// planFile reads the frames of a screened file and tells which units need work, or returns nil
// when the frames cannot be read (the file is then checked afresh).
func planFile(log *screenLog, idx int, active []lint.Active, opts Options) *screenPlan {
	r := log.frames(idx)
	p := &screenPlan{active: active}
	for {
		frame, err := r.next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil
		}
		var need bool
		if len(p.need) == 0 { // the whole frame, in case it is the file's only one
			s := unitScratch.Get().(*screenedUnit)
			if err := s.decode(frame, active); err != nil {
				s.release()
				return nil
			}
			// a unit that needs no work is not kept: a file of one such unit is not read
			// again, and a file of several reads their frames again
			if need = s.wants(active, opts); need {
				p.whole = s
			} else {
				s.release()
			}
		} else if need, err = frameNeeds(frame, active, opts); err != nil {
			return nil
		}
		if need {
			p.work++
		}
		p.need = append(p.need, need)
	}
	if len(p.need) != 1 {
		p.whole = nil
	}
	return p
}

// frameNeeds is decodeUnit(frame, active).wants(active, opts), without decoding the diagnostics
// of a frame that has some: such a unit is needed whatever its candidates.
func frameNeeds(frame []byte, active []lint.Active, opts Options) (bool, error) {
	switch {
	case len(frame) < 1:
		return false, errFrame
	case frame[0]&unitFull != 0:
		return true, nil
	case len(frame) < 9:
		return false, errFrame
	case frame[0]&unitLocal != 0: // set only with diagnostics
		return true, nil
	case frame[0]&unitCands == 0:
		return false, nil
	}
	s := unitScratch.Get().(*screenedUnit)
	defer s.release()
	if err := s.decode(frame, active); err != nil {
		return false, err
	}
	return s.wants(active, opts), nil
}

// planned is a unit of a file with what the corpus pass kept of it: skip, it needs no work;
// screened, its decoded frame (nil: check it afresh). A unit of a file of several units comes
// with its frame instead, which the worker that takes it matches with the unit's bytes (take):
// the goroutine reading the file does not hash and decode for every unit.
type planned struct {
	unit     *input.Unit
	skip     bool
	screened *screenedUnit
	frame    []byte
	need     bool
}

// take matches a unit with the frame it came with, if any: a unit needing no work is skipped
// when the frame is its own, one needing work gets the decoded frame; otherwise the unit is
// checked afresh.
func (p *planned) take(active []lint.Active) {
	if p.frame == nil {
		return
	}
	if !p.need {
		p.skip = frameOf(p.frame, p.unit)
	} else if s, err := decodeUnit(p.frame, active); err == nil && s.of(p.unit) {
		p.screened = s
	}
	p.frame = nil
}

// feed reads the units of the file with units and hands each to put with its frame.
func (p *screenPlan) feed(log *screenLog, idx int, units func(func(*input.Unit)) error, put func(planned)) error {
	var r *frames
	k := 0
	return units(func(u *input.Unit) {
		pl := planned{unit: u}
		switch {
		case k >= len(p.need): // more units than were screened: the file changed
		case p.whole != nil:
			if p.whole.of(u) {
				pl.skip, pl.screened = !p.need[0], p.whole
			}
		default:
			if r == nil {
				r = log.frames(idx)
			}
			frame, err := r.next()
			if err != nil {
				p.need = p.need[:k] // check the rest afresh
				break
			}
			pl.frame, pl.need = frame, p.need[k]
		}
		k++
		put(pl)
	})
}
