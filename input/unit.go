package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"unsafe"
)

// Locator says where a unit of text is: a whole file (Record 0), or one record of a JSON Lines
// or JSON file. Positions of findings are within the unit's text.
type Locator struct {
	// Path is the file, as reported.
	Path string
	// Record is the 1-based number of the record in its file; 0 for a whole file.
	Record int
	// Line is the line of the (uncompressed) file where the record stands.
	Line int
	// ID is the record's "id", "url" or "link", if any.
	ID string
}

// IsRecord reports whether the unit is one record of a file rather than the whole file.
func (l Locator) IsRecord() bool { return l.Record > 0 }

// String names the unit: the file, and for a record its line and id ("feed.jsonl[line 3, 42]").
func (l Locator) String() string {
	switch {
	case !l.IsRecord():
		return l.Path
	case l.ID != "":
		return fmt.Sprintf("%s[line %d, %s]", l.Path, l.Line, l.ID)
	}
	return fmt.Sprintf("%s[line %d]", l.Path, l.Line)
}

// Unit is one text to lint: a whole file (or standard input), or one record of a JSON Lines or
// JSON file. It knows how to write itself back with its text replaced, so that fixing a record
// rewrites only its text value and keeps every other byte of the file.
type Unit struct {
	Loc Locator
	// whole holds the content of a whole-file unit.
	whole []byte
	// gap precedes a record (separators of a JSON array), raw is the record as read (without
	// its line terminator term, for JSON Lines); a unit with a nil raw is only a gap (what
	// follows the last element of an array).
	gap, raw, term []byte
	isRecord       bool
	fields         []string
	rec            *Record
	// owned: whole is never written again, so Text shares its bytes instead of copying them
	owned bool
}

// IsWhole reports whether the unit is a whole file or standard input.
func (u *Unit) IsWhole() bool { return !u.isRecord }

// WholeUnit is the unit of a text held in memory: a plain file's content, or standard input.
func WholeUnit(path string, content []byte) *Unit {
	return &Unit{Loc: Locator{Path: path}, whole: content}
}

// OwnedUnit is WholeUnit for content that nothing writes to again, such as a buffer a file was
// just read into: its text is then not copied.
func OwnedUnit(path string, content []byte) *Unit {
	return &Unit{Loc: Locator{Path: path}, whole: content, owned: true}
}

// ErrSkip is returned by Text for units with nothing to lint: a blank line of a JSON Lines file,
// or what follows the last element of a JSON array.
var ErrSkip = errors.New("nothing to lint")

// Content returns the text a unit holds: a whole unit's content, or the decoded value of a
// record's text field (the record's id is then set in Loc). Errors are ErrSkip, ErrNoText
// (wrapped) and malformed records ("malformed record: ...").
func (u *Unit) Content() ([]byte, error) {
	if !u.isRecord {
		return u.whole, nil
	}
	rec, err := u.recordOf()
	if err != nil {
		return nil, err
	}
	return []byte(rec.Text), nil
}

// recordOf parses a record unit's record once.
func (u *Unit) recordOf() (*Record, error) {
	if u.raw == nil || len(bytes.TrimSpace(u.raw)) == 0 {
		return nil, ErrSkip
	}
	if u.rec == nil {
		rec, err := ParseRecord(u.raw, u.fields)
		if err != nil {
			if !errors.Is(err, ErrNoText) {
				err = fmt.Errorf("malformed record: %v", err)
			}
			return nil, err
		}
		u.rec = rec
		u.Loc.ID = rec.ID
	}
	return u.rec, nil
}

// Text is Content as a string: a record's decoded text value as it is (no copy), a whole unit's
// content copied once.
func (u *Unit) Text() (string, error) {
	if !u.isRecord {
		if u.owned {
			return unsafe.String(unsafe.SliceData(u.whole), len(u.whole)), nil
		}
		return string(u.whole), nil
	}
	if _, err := u.recordOf(); err != nil {
		return "", err
	}
	return u.rec.Text, nil
}

// Raw returns the bytes the unit was read from: a whole unit's content, a record's own bytes
// (without separators or line terminator; nil for what follows the last element of an array).
func (u *Unit) Raw() []byte {
	if !u.isRecord {
		return u.whole
	}
	return u.raw
}

// Record is the record a unit holds once Content has read it (nil for a whole file).
func (u *Unit) Record() *Record { return u.rec }

// WriteBack returns the bytes the fixed file gets for the unit: its own bytes when fixed is
// nil, else its bytes with its text replaced by *fixed.
func (u *Unit) WriteBack(fixed *string) [][]byte {
	if !u.isRecord {
		if fixed == nil {
			return [][]byte{u.whole}
		}
		return [][]byte{[]byte(*fixed)}
	}
	if fixed == nil || u.rec == nil {
		return [][]byte{u.gap, u.raw, u.term}
	}
	return [][]byte{u.gap, u.rec.WithText(*fixed), u.term}
}

// Units reads the (uncompressed) content of the file at path, of kind k, and calls fn with each
// of its units in order: the whole content for Text, one unit per line for JSON Lines, one per
// element for a JSON array (and a last one holding what follows the last element). Records
// are only framed here; Content parses them, so that parsing can run on other goroutines.
func Units(r io.Reader, path string, k Kind, fields []string, fn func(*Unit) error) error {
	switch k {
	case JSONLines:
		return eachLine(r, func(n int, b []byte) error {
			body, term := splitTerminator(b)
			return fn(&Unit{Loc: Locator{Path: path, Record: n, Line: n}, raw: body, term: term, isRecord: true, fields: fields})
		})
	case JSONArray:
		return eachElement(r, func(n, line int, gap, raw []byte) error {
			return fn(&Unit{Loc: Locator{Path: path, Record: n, Line: line}, gap: gap, raw: raw, isRecord: true, fields: fields})
		})
	}
	all, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	return fn(WholeUnit(path, all))
}

// eachLine calls fn with every line of r, numbered from 1, with its terminator. Lines are read
// into chunks of lineChunk bytes and handed out as parts of them, without a copy each; a line
// keeps its chunk alive as long as it is used, and a chunk only holds lines read one after
// another, so what a window of lines in flight keeps is bounded.
func eachLine(r io.Reader, fn func(n int, b []byte) error) error {
	buf := make([]byte, lineChunk)
	pos, fill := 0, 0 // buf[pos:fill] is read and not yet handed out
	scanned := 0      // buf[pos:scanned] holds no line end
	var rerr error
	empty := 0
	for n := 1; ; {
		for {
			i := bytes.IndexByte(buf[scanned:fill], '\n')
			if i < 0 {
				scanned = fill
				break
			}
			end := scanned + i + 1
			if err := fn(n, buf[pos:end:end]); err != nil {
				return err
			}
			n++
			pos, scanned = end, end
		}
		if rerr != nil {
			if pos < fill {
				if err := fn(n, buf[pos:fill:fill]); err != nil {
					return err
				}
			}
			if rerr == io.EOF {
				return nil
			}
			return rerr
		}
		if fill == len(buf) {
			// the chunk is full: the line being read moves to a new one, which a long line
			// makes larger; the lines handed out keep the old one
			part := fill - pos
			next := make([]byte, max(lineChunk, 2*part))
			copy(next, buf[pos:fill])
			buf, pos, scanned, fill = next, 0, part, part
		}
		m, err := r.Read(buf[fill:])
		fill += m
		switch {
		case err != nil:
			rerr = err
		case m > 0:
			empty = 0
		default:
			if empty++; empty >= 100 {
				rerr = io.ErrNoProgress
			}
		}
	}
}

// lineChunk is the size of the chunks eachLine reads lines into.
var lineChunk = 256 << 10

// eachElement calls fn with every element of a JSON array: its number from 1, the line of the
// file where it starts, the bytes before it since the previous element (gap) and its own bytes;
// then once more with what follows the last element (raw nil).
func eachElement(r io.Reader, fn func(n, line int, gap, raw []byte) error) error {
	all, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	spans, err := SplitArray(all)
	if err != nil {
		return fmt.Errorf("not a JSON array of records: %v", err)
	}
	pos, line := 0, 1
	for i, sp := range spans {
		line += bytes.Count(all[pos:sp[0]], []byte("\n"))
		if err := fn(i+1, line, all[pos:sp[0]], all[sp[0]:sp[1]]); err != nil {
			return err
		}
		line += bytes.Count(all[sp[0]:sp[1]], []byte("\n"))
		pos = sp[1]
	}
	return fn(len(spans)+1, line, all[pos:], nil)
}

// splitTerminator separates a JSON Lines record from its line terminator.
func splitTerminator(b []byte) ([]byte, []byte) {
	body := bytes.TrimRight(b, "\r\n")
	return body, b[len(body):]
}
