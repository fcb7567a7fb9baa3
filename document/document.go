// Package document turns the bytes of one scraped file into a Document: the text, an index of its
// lines and the conventions (byte-order mark, line endings, final newline) that fixing must keep.
//
// Offsets are byte offsets into Document.Src. Line numbers are 0-based inside the program and
// 1-based in every report.
package document

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// BOM is the UTF-8 byte-order mark.
const BOM = "\ufeff"

// Line is one line of a document. Src[Start:End] is its content without the line terminator;
// Src[End:Next] is the terminator ("\n", "\r\n" or "" for a last line without one).
type Line struct {
	Start, End, Next int
}

// Document is one parsed input text.
type Document struct {
	Path string
	// Group is the set of documents corpus rules count together (a directory relative to the
	// run's root); empty means the directory of Path.
	Group string
	// Src is the whole text as read, including a byte-order mark if there is one.
	Src string
	// BOM reports a UTF-8 byte-order mark at the start; line 0 starts after it.
	BOM   bool
	Lines []Line
	// FinalNewline reports whether the text ends with a line terminator.
	FinalNewline bool
	// CRLF reports whether most line terminators are "\r\n".
	CRLF bool
	// invalid is InvalidUTF8 once known (utf8Known): New leaves it to the first question, or
	// to measuring the lines, which decodes every rune beyond ASCII anyway.
	invalid   int
	utf8Known bool

	feats []Features
	// memos holds what memo computed, at its key; memoSet has bit k set once key k is. An array,
	// where a map was made for every document.
	memos   [numMemoKeys]any
	memoSet uint8
	// wordBuf, measured and lineBuf hold the reused word list, measuring buffers and line list
	// WordsOf, measuring and indexing took, which Release returns; onRelease runs there too.
	wordBuf   *[]Word
	measured  *measureBuf
	lineBuf   *[]Line
	onRelease []func()
}

// ErrBinary is returned by Check for content that is not text.
var ErrBinary = errors.New("binary file (NUL bytes)")

// ErrUTF16 is returned by Check for UTF-16 text, which newslint does not rewrite.
var ErrUTF16 = errors.New("UTF-16 text (byte-order mark); convert it to UTF-8")

// Check reports content that newslint must not treat as text: UTF-16 (by its byte-order mark)
// and binary data (a NUL byte in the first 8 KiB).
func Check(src []byte) error {
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return ErrUTF16
	}
	head := src
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return ErrBinary
	}
	return nil
}

// CheckText is Check for a text held as a string.
func CheckText(src string) error {
	if strings.HasPrefix(src, "\xFF\xFE") || strings.HasPrefix(src, "\xFE\xFF") {
		return ErrUTF16
	}
	head := src
	if len(head) > 8192 {
		head = head[:8192]
	}
	if strings.IndexByte(head, 0) >= 0 {
		return ErrBinary
	}
	return nil
}

// New indexes src. It never fails: callers decide with Check what to refuse.
func New(path, src string) *Document { return index(path, src) }

// NewValid is New for a src known to be valid UTF-8, such as a JSON string's decoded value:
// InvalidUTF8 is -1 without a look at the bytes.
func NewValid(path, src string) *Document {
	d := index(path, src)
	d.invalid, d.utf8Known = -1, true
	return d
}

// InvalidUTF8 is the offset of the first invalid UTF-8 sequence of Src, or -1.
func (d *Document) InvalidUTF8() int {
	if !d.utf8Known {
		d.invalid, d.utf8Known = firstInvalid(d.Src), true
	}
	return d.invalid
}

// firstInvalid is the offset of the first invalid UTF-8 sequence of s, or -1.
func firstInvalid(s string) int {
	if utf8.ValidString(s) {
		return -1
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return -1
}

// lineBufs holds the line lists of released documents (Release) for the documents indexed after
// them.
var lineBufs sync.Pool // *[]Line

// index splits src into lines.
func index(path, src string) *Document {
	d := &Document{Path: path, Src: src}
	start := 0
	if len(src) >= 3 && src[:3] == BOM {
		d.BOM = true
		start = 3
	}
	crlf, lf := 0, 0
	if n := strings.Count(src[start:], "\n") + 1; n > 64 {
		// a released document's list when it is large enough
		if p, ok := lineBufs.Get().(*[]Line); ok && cap(*p) >= n {
			d.Lines, d.lineBuf = (*p)[:0], p
		} else {
			if ok {
				lineBufs.Put(p)
			}
			d.Lines = make([]Line, 0, n)
		}
	} else {
		d.Lines = make([]Line, 0, n)
	}
	for start < len(src) {
		i := strings.IndexByte(src[start:], '\n')
		if i < 0 {
			d.Lines = append(d.Lines, Line{Start: start, End: len(src), Next: len(src)})
			start = len(src)
			break
		}
		i += start
		end := i
		if end > start && src[end-1] == '\r' {
			end--
			crlf++
		} else {
			lf++
		}
		d.Lines = append(d.Lines, Line{Start: start, End: end, Next: i + 1})
		start = i + 1
	}
	d.FinalNewline = len(src) > 0 && src[len(src)-1] == '\n'
	d.CRLF = crlf > lf
	return d
}

// NumLines is the number of lines.
func (d *Document) NumLines() int { return len(d.Lines) }

// Text is the content of line i without its terminator.
func (d *Document) Text(i int) string {
	l := d.Lines[i]
	return d.Src[l.Start:l.End]
}

// Newline is the terminator newly written lines should use.
func (d *Document) Newline() string {
	if d.CRLF {
		return "\r\n"
	}
	return "\n"
}

// LineAt returns the 0-based line holding byte offset off (the last line for off == len(Src)).
func (d *Document) LineAt(off int) int {
	lo, hi := 0, len(d.Lines)-1
	if hi < 0 {
		return 0
	}
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if d.Lines[mid].Start <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo
}

// Position converts a byte offset to a 1-based line and a 1-based column counted in Unicode
// code points.
func (d *Document) Position(off int) (line, col int) {
	c := d.Cursor()
	return c.Position(off)
}

// A Cursor converts byte offsets to positions as Position does, starting from the line of the
// offset it converted last: the findings of a document come in order, most of them on a line of
// their own or the one after, so most conversions need no search of the lines. A cursor serves
// one goroutine.
type Cursor struct {
	d    *Document
	line int
}

// Cursor returns a cursor at the first line of d.
func (d *Document) Cursor() Cursor { return Cursor{d: d} }

// Position converts off as Document.Position does.
func (c *Cursor) Position(off int) (line, col int) {
	d := c.d
	if off > len(d.Src) {
		off = len(d.Src)
	}
	if len(d.Lines) == 0 {
		return 1, 1
	}
	i := c.line
	switch {
	case c.holds(i, off):
	case c.holds(i+1, off):
		i++
	default:
		i = d.LineAt(off)
	}
	c.line = i
	l := d.Lines[i]
	if off < l.Start {
		return i + 1, 1
	}
	return i + 1, utf8.RuneCountInString(d.Src[l.Start:off]) + 1
}

// holds reports whether LineAt(off) is i.
func (c *Cursor) holds(i, off int) bool {
	ls := c.d.Lines
	return i < len(ls) && (i == 0 || ls[i].Start <= off) && (i+1 == len(ls) || ls[i+1].Start > off)
}

// Describe summarises the conventions, for messages.
func (d *Document) Describe() string {
	nl := "LF"
	if d.CRLF {
		nl = "CRLF"
	}
	return fmt.Sprintf("%d lines, %s, BOM=%v, final newline=%v", len(d.Lines), nl, d.BOM, d.FinalNewline)
}

// memoKey names what the document caches about itself: its words, its language, its protected
// lines. Each is computed once, on first use, by the typed accessor that owns the key (WordsOf,
// LanguageOf, Protected).
type memoKey int

const (
	wordsMemo memoKey = iota
	langMemo
	protectedMemo
	numMemoKeys
)

// memo returns the value build computes for key, computing it once per document. A document is
// checked by one goroutine at a time, so memo needs no lock.
func (d *Document) memo(key memoKey, build func() any) any {
	if d.memoSet&(1<<key) != 0 {
		return d.memos[key]
	}
	v := build()
	d.memos[key] = v
	d.memoSet |= 1 << key
	return v
}
