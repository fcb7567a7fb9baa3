package input

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// scanRecord is ParseRecord's fast path, for the well-formed records that make up nearly every
// feed: one pass over the bytes that checks the JSON grammar, finds each top-level field's value
// and decodes only the text value (by copying it when it holds no escape). It gives up (ok
// false) on anything it does not take as encoding/json would, or that parseRecord words as an
// error: malformed JSON, keys with escapes, a key twice, data after the object, no text field;
// parseRecord then decides.
func scanRecord(raw []byte, fields []string) (rec *Record, ok bool) {
	sc := scanner{b: raw}
	sc.space()
	if !sc.byte('{') {
		return nil, false
	}
	rec = &Record{Raw: raw}
	// the top-level keys seen; records have few fields, so a slice beats a map
	var keys [16]string
	seen := keys[:0]
	best := len(fields) // the index in fields of the text field found so far
	var textStart, textEnd int
	textU := false // the text value holds a \u escape
	sc.space()
	if !sc.byte('}') {
		for {
			sc.space()
			ks, ke, esc := sc.str()
			if ks < 0 || esc || !utf8.Valid(raw[ks+1:ke-1]) {
				return nil, false // keys as encoding/json decodes them: left to it
			}
			key := string(raw[ks+1 : ke-1])
			for _, k := range seen {
				if k == key {
					return nil, false
				}
			}
			seen = append(seen, key)
			sc.space()
			if !sc.byte(':') {
				return nil, false
			}
			sc.space()
			vs := sc.i
			sc.uEsc = false
			if !sc.value(0) {
				return nil, false
			}
			ve := sc.i
			val := raw[vs:ve]
			noteField(rec, key, val)
			if val[0] == '"' {
				for i, f := range fields[:best] {
					if f == key {
						best, textStart, textEnd, textU = i, vs, ve, sc.uEsc
						break
					}
				}
			}
			sc.space()
			if sc.byte('}') {
				break
			}
			if !sc.byte(',') {
				return nil, false
			}
		}
	}
	sc.space()
	if sc.i != len(raw) || best == len(fields) {
		return nil, false
	}
	val := raw[textStart:textEnd]
	valid := utf8.Valid(val)
	text, ok := decodeValid(val, valid)
	if !ok {
		return nil, false
	}
	rec.Field, rec.Text, rec.ValueStart, rec.ValueEnd = fields[best], text, textStart, textEnd
	// only invalid UTF-8 and \u escapes of surrogates lose anything: the rest need no second look
	if !valid || textU {
		rec.Lossy = lossy(val)
	}
	return rec, true
}

// decodeString decodes a JSON string as encoding/json does.
func decodeString(val []byte) (string, bool) {
	return decodeValid(val, utf8.Valid(val))
}

// decodeValid is decodeString for a val known to be valid UTF-8 or not (the quotes around it are
// ASCII, so the inside is valid when val is).
func decodeValid(val []byte, valid bool) (string, bool) {
	inner := val[1 : len(val)-1]
	if valid && bytes.IndexByte(inner, '\\') < 0 {
		return string(inner), true
	}
	if valid {
		if s, ok := unescape(inner); ok {
			return s, true
		}
	}
	var s string
	if err := json.Unmarshal(val, &s); err != nil {
		return "", false
	}
	return s, true
}

// unescape decodes the escapes of the inside of a JSON string that is valid UTF-8 and holds no
// control character (the scanner checked both), as encoding/json does; it declines surrogates
// and anything unusual, which encoding/json then decodes. The text is built in a
// strings.Builder: its buffer is not zeroed first, and becomes the string without a copy.
func unescape(inner []byte) (string, bool) {
	var b strings.Builder
	b.Grow(len(inner))
	for len(inner) > 0 {
		i := bytes.IndexByte(inner, '\\')
		if i < 0 {
			b.Write(inner)
			break
		}
		b.Write(inner[:i])
		inner = inner[i:]
		if len(inner) < 2 {
			return "", false
		}
		switch c := inner[1]; c {
		case '"', '\\', '/':
			b.WriteByte(c)
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'n':
			b.WriteByte('\n')
		case 'r':
			b.WriteByte('\r')
		case 't':
			b.WriteByte('\t')
		case 'u':
			if len(inner) < 6 {
				return "", false
			}
			var r rune
			for _, h := range inner[2:6] {
				switch {
				case '0' <= h && h <= '9':
					r = r<<4 | rune(h-'0')
				case 'a' <= h && h <= 'f':
					r = r<<4 | rune(h-'a'+10)
				case 'A' <= h && h <= 'F':
					r = r<<4 | rune(h-'A'+10)
				default:
					return "", false
				}
			}
			if utf16.IsSurrogate(r) {
				return "", false
			}
			b.WriteRune(r)
			inner = inner[6:]
			continue
		default:
			return "", false
		}
		inner = inner[2:]
	}
	return b.String(), true
}

// specialIn reports whether one of the eight bytes of x is a quote, a backslash or below 0x20,
// the bytes a JSON string's scan must stop at (the "has zero byte" and "has byte less than"
// tests of Bit Twiddling Hacks, exact for whether any byte is one).
func specialIn(x uint64) bool { return specials(x) != 0 }

// specials sets the high bit of bytes of x that may be special, the lowest of them exactly: a
// borrow can mark a byte above a special one, never one below it. firstSpecial is the offset of
// the first special byte of the eight (8 for none).
func specials(x uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	quote := x ^ (ones * '"')
	backslash := x ^ (ones * '\\')
	zeroIn := func(v uint64) uint64 { return (v - ones) &^ v & highs }
	low := (x - ones*0x20) &^ x & highs // a byte below 0x20 (high bit clear)
	return zeroIn(quote) | zeroIn(backslash) | low
}

func firstSpecial(x uint64) int { return bits.TrailingZeros64(specials(x)) / 8 }

// scanner checks JSON grammar over b from i.
type scanner struct {
	b []byte
	i int
	// uEsc is set by a \u escape in a string the scanner consumed
	uEsc bool
}

// maxScanDepth bounds nesting; deeper values are left to encoding/json.
const maxScanDepth = 512

func (s *scanner) space() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

// byte consumes c if it comes next.
func (s *scanner) byte(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// str consumes a string and returns its span (quotes included) and whether it holds an escape;
// start is -1 when there is no valid string here.
func (s *scanner) str() (start, end int, esc bool) {
	if !s.byte('"') {
		return -1, 0, false
	}
	start = s.i - 1
	for s.i < len(s.b) {
		// eight bytes at a time up to the first quote, backslash or control character
		for s.i+8 <= len(s.b) {
			k := firstSpecial(binary.LittleEndian.Uint64(s.b[s.i:]))
			s.i += k
			if k < 8 {
				break
			}
		}
		if s.i >= len(s.b) {
			break
		}
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			return start, s.i, esc
		case c == '\\':
			esc = true
			if s.i+1 >= len(s.b) {
				return -1, 0, false
			}
			switch s.b[s.i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				s.i += 2
			case 'u':
				if s.i+6 > len(s.b) {
					return -1, 0, false
				}
				for _, h := range s.b[s.i+2 : s.i+6] {
					if !(h >= '0' && h <= '9' || h >= 'a' && h <= 'f' || h >= 'A' && h <= 'F') {
						return -1, 0, false
					}
				}
				s.i += 6
				s.uEsc = true
			default:
				return -1, 0, false
			}
		case c < 0x20:
			return -1, 0, false
		default:
			s.i++
		}
	}
	return -1, 0, false
}

// value consumes one JSON value.
func (s *scanner) value(depth int) bool {
	if s.i >= len(s.b) || depth > maxScanDepth {
		return false
	}
	switch c := s.b[s.i]; {
	case c == '"':
		start, _, _ := s.str()
		return start >= 0
	case c == '{':
		s.i++
		s.space()
		if s.byte('}') {
			return true
		}
		for {
			s.space()
			if start, _, _ := s.str(); start < 0 {
				return false
			}
			s.space()
			if !s.byte(':') {
				return false
			}
			s.space()
			if !s.value(depth + 1) {
				return false
			}
			s.space()
			if s.byte('}') {
				return true
			}
			if !s.byte(',') {
				return false
			}
		}
	case c == '[':
		s.i++
		s.space()
		if s.byte(']') {
			return true
		}
		for {
			s.space()
			if !s.value(depth + 1) {
				return false
			}
			s.space()
			if s.byte(']') {
				return true
			}
			if !s.byte(',') {
				return false
			}
		}
	case c == 't':
		return s.literal("true")
	case c == 'f':
		return s.literal("false")
	case c == 'n':
		return s.literal("null")
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	}
	return false
}

func (s *scanner) literal(w string) bool {
	if len(s.b)-s.i >= len(w) && string(s.b[s.i:s.i+len(w)]) == w {
		s.i += len(w)
		return true
	}
	return false
}

// number consumes -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (s *scanner) number() bool {
	s.byte('-')
	switch {
	case s.byte('0'):
	case s.i < len(s.b) && s.b[s.i] >= '1' && s.b[s.i] <= '9':
		s.digits()
	default:
		return false
	}
	if s.byte('.') {
		if s.digits() == 0 {
			return false
		}
	}
	if s.i < len(s.b) && (s.b[s.i] == 'e' || s.b[s.i] == 'E') {
		s.i++
		if !s.byte('+') {
			s.byte('-')
		}
		if s.digits() == 0 {
			return false
		}
	}
	return true
}

func (s *scanner) digits() int {
	n := 0
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
		n++
	}
	return n
}
