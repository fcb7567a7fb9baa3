package report

import (
	"math/bits"
	"strconv"
	"unicode/utf8"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// appendFinding appends the JSON of f as encoding/json writes toJSON(path, f, unsafe) without
// HTML escaping (the form of jsonl), without reflection and without building the struct: a
// large report spends much of its time here. path is the path already written as a JSON
// string, the same for the finding and its related ones.
func appendFinding(b, path []byte, f *finding.Finding, unsafe bool) []byte {
	b = append(b, `{"path":`...)
	b = append(b, path...)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(f.Line), 10)
	b = append(b, `,"end_line":`...)
	b = strconv.AppendInt(b, int64(f.EndLine), 10)
	b = append(b, `,"col":`...)
	b = strconv.AppendInt(b, int64(f.Col), 10)
	b = append(b, `,"end_col":`...)
	b = strconv.AppendInt(b, int64(f.EndCol), 10)
	b = append(b, `,"rule":`...)
	b = appendJSONString(b, f.Rule)
	b = append(b, `,"severity":`...)
	b = appendSeverity(b, f.Severity)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, f.Message)
	b = append(b, `,"fix":`...)
	if fx := f.Fix; fx == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"safety":`...)
		b = appendSafety(b, fx.Safety)
		b = append(b, `,"description":`...)
		b = appendJSONString(b, fx.Description)
		b = append(b, `,"applicable":`...)
		b = strconv.AppendBool(b, finding.Applies(fx.Safety, unsafe))
		b = append(b, `,"edits":[`...)
		for i := range fx.Edits {
			e, p := &fx.Edits[i], &f.EditPos[i]
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"start":`...)
			b = appendPos(b, p.Line, p.Col, e.Start)
			b = append(b, `,"end":`...)
			b = appendPos(b, p.EndLine, p.EndCol, e.End)
			b = append(b, `,"new_text":`...)
			b = appendJSONString(b, e.NewText)
			b = append(b, '}')
		}
		b = append(b, "]}"...)
	}
	if f.Loc.Line != 0 {
		b = append(b, `,"record":`...)
		b = strconv.AppendInt(b, int64(f.Loc.Line), 10)
	}
	if f.Loc.ID != "" {
		b = append(b, `,"record_id":`...)
		b = appendJSONString(b, f.Loc.ID)
	}
	if len(f.Related) > 0 {
		b = append(b, `,"related":[`...)
		for i := range f.Related {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFinding(b, path, &f.Related[i], unsafe)
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

// severityJSON and safetyJSON are the names of severities and safeties as JSON strings, for
// the values lint defines (and the zero value): short strings, cheaper copied than escaped.
var severityJSON, safetyJSON [4]string

func init() {
	for i := range severityJSON {
		severityJSON[i] = string(appendJSONString(nil, lint.Severity(i).String()))
		safetyJSON[i] = string(appendJSONString(nil, lint.Safety(i).String()))
	}
}

func appendSeverity(b []byte, s lint.Severity) []byte {
	if uint(s) < uint(len(severityJSON)) {
		return append(b, severityJSON[s]...)
	}
	return appendJSONString(b, s.String())
}

func appendSafety(b []byte, s lint.Safety) []byte {
	if uint(s) < uint(len(safetyJSON)) {
		return append(b, safetyJSON[s]...)
	}
	return appendJSONString(b, s.String())
}

func appendPos(b []byte, line, col, offset int) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(line), 10)
	b = append(b, `,"col":`...)
	b = strconv.AppendInt(b, int64(col), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(offset), 10)
	return append(b, '}')
}

// appendJSONString appends s as a JSON string, as encoding/json does without HTML escaping:
// quotes, backslashes and control characters escaped, invalid UTF-8 as U+FFFD, U+2028 and
// U+2029 escaped. Plain ASCII is found eight bytes at a time and copied in runs.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if i = skipPlain(s, i); i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			b = appendEscape(b, c)
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size // valid UTF-8, written as it is
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

const hexDigits = "0123456789abcdef"

// appendEscape appends the escape of an ASCII byte that JSON does not write as it is.
func appendEscape(b []byte, c byte) []byte {
	switch c {
	case '"', '\\':
		return append(b, '\\', c)
	case '\b':
		return append(b, '\\', 'b')
	case '\f':
		return append(b, '\\', 'f')
	case '\n':
		return append(b, '\\', 'n')
	case '\r':
		return append(b, '\\', 'r')
	case '\t':
		return append(b, '\\', 't')
	}
	return append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
}

// skipPlain returns the index of the first byte of s from i on that is not written as it is,
// or len(s): eight bytes at a time, the last few of a text of eight or more in its last eight
// (with the bytes before i shifted out), those of a shorter text one by one.
func skipPlain(s string, i int) int {
	for i+8 <= len(s) {
		if m := special8(load8(s[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
		i += 8
	}
	if i == len(s) {
		return i
	}
	if len(s) >= 8 {
		m := special8(load8(s[len(s)-8:])) >> (uint(8-(len(s)-i)) * 8)
		if m == 0 {
			return len(s)
		}
		return i + bits.TrailingZeros64(m)>>3
	}
	for i < len(s) && plain[s[i]] {
		i++
	}
	return i
}

// plain marks the bytes written as they are with no look at what follows: ASCII from space on,
// but for the quote and the backslash.
var plain = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// special8 marks with its top bit each of the eight bytes of w that is not plain: a control
// character, a quote, a backslash, or a byte of a multi-byte sequence. Each byte is computed on
// its own (no carry crosses into the next), so every mark is exact.
func special8(w uint64) uint64 {
	const (
		ones = 0x0101010101010101
		high = 0x8080808080808080
	)
	t := w &^ high                      // each byte below 0x80: adding up to 0x7f cannot carry out of it
	ctl := t + (0x80-0x20)*ones         // top bit clear: below 0x20
	quote := (t ^ '"'*ones) + 0x7f*ones // top bit clear: the quote
	bslash := (t ^ '\\'*ones) + 0x7f*ones
	return (w | ^(ctl & quote & bslash)) & high
}

// load8 reads the first eight bytes of s as a little-endian word (one load).
func load8(s string) uint64 {
	s = s[:8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}
