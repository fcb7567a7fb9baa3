package document

import (
	"encoding/binary"
	"math/bits"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Features are the shape measurements of one line that several rules use. They are computed once
// per document, on first use, in a single pass over the text.
type Features struct {
	// Trim is the line without surrounding white space.
	Trim string
	// Runes, Words and Letters count code points, words and letters of Trim. Words are white-space
	// separated, except in scripts written without spaces (Chinese, Japanese): there every two
	// characters count as a word, so that a sentence is not "one word" long.
	Runes, Words, Letters int
	// Ideographs counts Han and kana characters (Chinese and Japanese are written without spaces).
	Ideographs int
	// Upper counts upper-case letters; CapWords counts words that start with an upper-case letter.
	Upper, CapWords int
	// Digits counts decimal digits.
	Digits int
	// Terminal is the last code point of Trim once closing quotes and brackets are set aside.
	Terminal rune
	// Sentences counts sentence ends (. ! ? … followed by a space or the end of the line).
	Sentences int

	// low is strings.ToLower(Trim) and aligned is LowerAligned(), when lowSet. A line of a
	// document is folded the first time a rule asks (into its document's buffer, mb, so that
	// rules folding the same line share one copy): most lines, long prose above all, are never
	// asked for, and folding every line was a twelfth of what a run executes. asciiFold is what
	// measuring said of the line (measureLine).
	low       string
	mb        *measureBuf
	aligned   bool
	lowSet    bool
	asciiFold bool
}

// Blank reports a line with nothing but white space.
func (f *Features) Blank() bool { return f.Trim == "" }

// EndsSentence reports a line that ends like a sentence: . ! ? … (possibly inside quotes).
func (f *Features) EndsSentence() bool {
	switch f.Terminal {
	case '.', '!', '?', '…', '。', '！', '？', '।', '؟':
		return true
	}
	return false
}

// Prose reports a line that reads like article prose: a sentence of ten words or more, or a long
// passage; for text written without spaces (Chinese, Japanese), 30 characters ending a sentence,
// or 60 characters.
func (f *Features) Prose() bool {
	if f.Blank() {
		return false
	}
	if f.Ideographs*3 > f.Runes {
		return f.Runes >= 30 && (f.EndsSentence() || f.Terminal == '」') || f.Runes >= 60
	}
	return f.Words >= 10 && (f.EndsSentence() || f.Terminal == ':') || f.Words >= 25
}

// Lower returns strings.ToLower(f.Trim); for the lines of a document it is computed once.
func (f *Features) Lower() string {
	if f.lowSet {
		return f.low
	}
	if f.mb != nil {
		f.fold()
		return f.low
	}
	return strings.ToLower(f.Trim)
}

// LowerAligned reports whether Lower() folds Trim rune by rune in place, every rune keeping its
// length (ASCII text, most Latin, Greek and Cyrillic text; not invalid UTF-8): then Lower()[i:j]
// is strings.ToLower(Trim[i:j]) for i and j on rune boundaries.
func (f *Features) LowerAligned() bool {
	if f.lowSet {
		return f.aligned
	}
	if f.mb != nil {
		f.fold()
		return f.aligned
	}
	_, aligned := appendLower(nil, f.Trim)
	return aligned
}

// Feat returns the features of line i.
func (d *Document) Feat(i int) *Features {
	if d.feats == nil {
		d.measure()
	}
	return &d.feats[i]
}

// measure computes the features of every line. Folding a line to lower case waits until a
// rule asks for it (fold).
func (d *Document) measure() {
	// a released document's buffers when they are large enough: every measured field of every
	// line is set below, the folded copy marked as not made (fold makes it when first asked)
	mb, _ := measureBufs.Get().(*measureBuf)
	if mb == nil {
		mb = new(measureBuf)
	}
	d.measured = mb
	if cap(mb.feats) >= len(d.Lines) {
		d.feats = mb.feats[:len(d.Lines)]
	} else {
		d.feats = make([]Features, len(d.Lines))
	}
	mb.low = mb.low[:0]
	// measuring decodes every rune beyond ASCII of the lines, which hold every byte but the
	// byte-order mark and the line ends (all valid): the first invalid one it meets is the
	// text's (no valid sequence spans a line end, and trimming keeps invalid bytes)
	invalid := -1
	defer func() {
		if !d.utf8Known {
			d.invalid, d.utf8Known = invalid, true
		}
	}()
	for j, l := range d.Lines {
		f := &d.feats[j]
		line := d.Src[l.Start:l.End]
		asciiFold, bad := measureLine(f, line)
		if bad > 0 && invalid < 0 {
			invalid = l.Start + len(line) - len(f.Trim) - trailing(line, f.Trim) + bad - 1
		}
		f.asciiFold, f.mb, f.lowSet = asciiFold, mb, false
	}
}

// fold sets the folded copy of f, a line of a document, in its document's buffer (a line
// without capitals is its own folded copy).
func (f *Features) fold() {
	mb := f.mb
	f.lowSet, f.aligned, f.low = true, true, f.Trim
	if f.asciiFold && f.Upper == 0 {
		return
	}
	buf := mb.low
	if cap(buf) == 0 {
		buf = make([]byte, 0, 4<<10)
	}
	start := len(buf)
	changed := false
	if f.asciiFold {
		buf = append(buf, f.Trim...)
		changed = lowerASCII(buf[start:]) // false: capitals beyond ASCII that have no small letter
	} else {
		buf, f.aligned, changed = appendLowerMixed(buf, f.Trim)
	}
	if !changed {
		mb.low = buf[:start]
		return
	}
	// buf[start:] is never written again (later lines append after it, and growing buf
	// copies it elsewhere), so the line's folded copy can share it
	f.low = unsafe.String(&buf[start], len(buf)-start)
	mb.low = buf
}

// measureBuf holds what measuring a document takes: its line features and the buffer its lines
// are folded to lower case in.
type measureBuf struct {
	feats []Features
	low   []byte
}

// measureBufs holds the measuring buffers of released documents (Release) for the documents
// measured after them.
var measureBufs sync.Pool // *measureBuf

// maxPooledLines and maxPooledText bound the buffers kept for reuse.
const (
	maxPooledLines = 1 << 14
	maxPooledText  = 1 << 22
)

// releaseFeats hands d's measuring buffers back for reuse, the features cleared of their
// strings so that they keep no text alive.
func (d *Document) releaseFeats() {
	mb, f := d.measured, d.feats
	d.measured, d.feats = nil, nil
	if mb == nil {
		return
	}
	clear(f)
	mb.feats = f[:0]
	if cap(f) > maxPooledLines {
		mb.feats = nil
	}
	if cap(mb.low) > maxPooledText {
		mb.low = nil
	}
	measureBufs.Put(mb)
}

const ones, highs = 0x0101010101010101, 0x8080808080808080

// lowerASCII folds the ASCII capitals of b in place, eight bytes at a time, and reports whether
// there were any. A byte c is a capital when c+0x3F reaches 0x80 and c+0x25 does not (no sum of
// bytes below 0x80 carries into the next byte); bytes of multi-byte runes are left alone. Every
// eight bytes are written back, capitals or not: a test would be a branch the processor
// mispredicts as often as capitals come.
func lowerASCII(b []byte) (changed bool) {
	i := 0
	var any uint64
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i : i+8])
		h := x &^ highs
		upper := (h + (0x80-'A')*ones) &^ (h + (0x80-'Z'-1)*ones) &^ x & highs
		binary.LittleEndian.PutUint64(b[i:i+8], x|upper>>2)
		any |= upper
	}
	changed = any != 0
	for ; i < len(b); i++ {
		if c := b[i]; c-'A' < 26 {
			b[i] = c + 'a' - 'A'
			changed = true
		}
	}
	return changed
}

// appendLowerMixed is appendLowerChanged for text that is not all ASCII. It copies s, folds the
// ASCII capitals of the copy, then the runes beyond ASCII in place; a rune whose lower case has
// another length, or invalid UTF-8, leaves the work to appendLowerChanged.
func appendLowerMixed(buf []byte, s string) (out []byte, aligned, changed bool) {
	start := len(buf)
	buf = append(buf, s...)
	b := buf[start:]
	changed = lowerASCII(b)
	for i := 0; i < len(b); {
		// the next byte of a multi-byte rune, eight bytes at a time after an ASCII byte
		for i+8 <= len(b) && b[i] < utf8.RuneSelf {
			if x := binary.LittleEndian.Uint64(b[i:i+8]) & highs; x != 0 {
				i += bits.TrailingZeros64(x) / 8
				break
			}
			i += 8
		}
		for i < len(b) && b[i] < utf8.RuneSelf {
			i++
		}
		if i == len(b) {
			break
		}
		r, size := decode2(s, i)
		if size == 0 {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if r == utf8.RuneError && size == 1 {
			return appendLowerChanged(buf[:start], s)
		}
		if lr := lowerRune(r); lr != r {
			if utf8.RuneLen(lr) != size {
				return appendLowerChanged(buf[:start], s)
			}
			utf8.EncodeRune(b[i:], lr)
			changed = true
		}
		i += size
	}
	if !changed {
		return buf[:start], true, false
	}
	return buf, true, true
}

// appendLower appends strings.ToLower(s) to buf; aligned reports that every rune kept its length.
func appendLower(buf []byte, s string) (out []byte, aligned bool) {
	out, aligned, _ = appendLowerChanged(buf, s)
	return out, aligned
}

// appendLowerChanged is appendLower that also reports whether the folded text differs from s.
// It folds as strings.ToLower does: each rune by unicode.ToLower, an invalid byte to U+FFFD.
func appendLowerChanged(buf []byte, s string) (out []byte, aligned, changed bool) {
	aligned = true
	for i := 0; i < len(s); {
		// a run of ASCII bytes that fold to themselves, copied at once
		j := i
		for j < len(s) && !foldStop[s[j]] {
			j++
		}
		if j > i {
			buf = append(buf, s[i:j]...)
			i = j
			if i == len(s) {
				break
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c-'A' < 26 {
				c += 'a' - 'A'
				changed = true
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			buf = utf8.AppendRune(buf, utf8.RuneError)
			aligned, changed = false, true
			i++
			continue
		}
		lr := lowerRune(r)
		if lr == r {
			buf = append(buf, s[i:i+size]...)
		} else {
			n := len(buf)
			buf = utf8.AppendRune(buf, lr)
			changed = true
			if len(buf)-n != size {
				aligned = false
			}
		}
		i += size
	}
	return buf, aligned, changed
}

// foldStop marks the bytes folding may change: ASCII capitals and the bytes of multi-byte runes.
var foldStop = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return
}()

// decode2 decodes the rune at s[i] if it is a valid two-byte sequence (Latin, Greek, Cyrillic,
// Hebrew, Arabic letters), inline, and returns size 0 otherwise: then the caller asks
// utf8.DecodeRuneInString.
func decode2(s string, i int) (r rune, size int) {
	if i+1 >= len(s) || s[i]-0xC2 > 0xDF-0xC2 || s[i+1]&0xC0 != 0x80 {
		return 0, 0
	}
	return rune(s[i]&0x1F)<<6 | rune(s[i+1]&0x3F), 2
}

// lowerRune is unicode.ToLower with fast paths for Latin-1, general punctuation, Cyrillic, the
// scripts without case of East Asia and, by runeTable, the other alphabets below U+1000
// (Greek, Armenian, Hebrew, Arabic, the scripts of India).
func lowerRune(r rune) rune {
	if uint32(r-0x100) < runeTableSize-0x100 && runes()[r]&rtFolds == 0 {
		return r
	}
	return lowerRuneSlow(r)
}

// lowerRuneSlow is lowerRune without runeTable.
func lowerRuneSlow(r rune) rune {
	switch {
	case r < 0x100:
		if r >= 'A' && r <= 'Z' || r >= 0xC0 && r <= 0xDE && r != 0xD7 {
			return r + 0x20
		}
		return r
	case r >= 0x2000 && r <= 0x206F, r >= 0x3000 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3:
		return r
	case r >= 0x400 && r <= 0x45F:
		switch {
		case r < 0x410:
			return r + 0x50
		case r < 0x430:
			return r + 0x20
		}
		return r
	}
	return unicode.ToLower(r)
}

// ASCII character classes for the fast path of Measure.
const (
	aSpace = 1 << iota
	aUpper
	aLower
	aDigit
	aEnd   // . ! ?
	aClose // closing quotes and brackets, which keep a preceding sentence end
)

var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			t[c] = aSpace
		case c >= 'A' && c <= 'Z':
			t[c] = aUpper
		case c >= 'a' && c <= 'z':
			t[c] = aLower
		case c >= '0' && c <= '9':
			t[c] = aDigit
		case c == '.' || c == '!' || c == '?':
			t[c] = aEnd
		case c == '"' || c == '\'' || c == ')' || c == ']':
			t[c] = aClose
		}
	}
	return
}()

// mayEnd marks the bytes a word ending a sentence may end with: . ! ? closing quotes and
// brackets, and the last bytes of multi-byte runes (… 。 ” and others).
var mayEnd = func() (t [256]bool) {
	for c := 0; c < 256; c++ {
		t[c] = c >= utf8.RuneSelf || c < utf8.RuneSelf && asciiClass[c]&(aEnd|aClose) != 0
	}
	return
}()

// TrimLine is the text of line without the white space and invisible characters around it:
// Measure(line).Trim, without measuring the line.
func TrimLine(line string) string { return trimSpace(line) }

// Measure computes the features of one line of text in one pass; ASCII takes a few word-wide
// operations per eight bytes, other text the unicode package.
func Measure(line string) Features {
	var f Features
	measureLine(&f, line)
	return f
}

// measureLine sets the measurements of f (not its folded copy) for line and reports whether
// folding its trimmed text to lower case only folds ASCII capitals: the text is valid UTF-8 and
// unicode.ToLower keeps every rune beyond ASCII (ASCII text; most text with curly quotes, dashes
// and accented small letters).
func measureLine(f *Features, line string) (asciiFold bool, invalid int) {
	t := trimSpace(line)
	var m lineCounts
	for i := 0; i < len(t); {
		i = m.asciiRun(t, i)
		for i < len(t) && t[i] >= utf8.RuneSelf {
			if t[i]-0xD0 < 2 { // Cyrillic letters start 0xD0 or 0xD1
				if j := m.cyrillicRun(t, i); j > i {
					i = j
					continue
				}
			}
			i = m.nonASCII(t, i)
		}
	}
	if m.inWord && mayEnd[t[len(t)-1]] && endsSentence(t) {
		m.sentences++
	}
	if m.ideo > 1 {
		// a run of ideographs counts as one white-space word above; count two characters a word
		m.words += m.ideo/2 - 1
	}
	f.Trim, f.Runes, f.Words, f.Letters, f.Ideographs = t, len(t)-m.extra, m.words, m.letters, m.ideo
	f.Upper, f.CapWords, f.Digits, f.Sentences = m.upper, m.capWords, m.digits, m.sentences
	f.Terminal = terminal(t)
	return !m.foldsBeyondASCII, m.invalid
}

// trailing is how many bytes of line follow t, a substring of it that trimSpace returned.
func trailing(line, t string) int {
	if t == "" {
		return 0
	}
	start := int(uintptr(unsafe.Pointer(unsafe.StringData(t))) - uintptr(unsafe.Pointer(unsafe.StringData(line))))
	return len(line) - start - len(t)
}

// lineCounts are the counts of Measure while it reads a line.
//
// Whether a word ends a sentence is endsSentence of the text up to the word's end: endsSentence
// looks back over closing quotes and brackets only, and the character before a word is white
// space (or there is none), which is neither, so the word's start need not be kept.
type lineCounts struct {
	words, capWords, sentences, ideo, letters, upper, digits int
	extra                                                    int  // bytes of multi-byte runes beyond their first
	foldsBeyondASCII                                         bool // an invalid byte, or a rune beyond ASCII lowerRune changes
	invalid                                                  int  // one more than the offset of the first invalid byte, or 0
	inWord                                                   bool // the last character read is not white space
}

// asciiRun counts the ASCII bytes of t from i on, up to the end or the first other byte, whose
// offset it returns. It reads eight bytes at a time: wordRun reads runs of words and spaces, and
// the code after it the eight bytes that stopped wordRun (or that it was not given), whatever
// they hold. asciiMasks sets the top bit of the lane of each byte that passes a test, and the
// counts are the numbers of bits set.
func (m *lineCounts) asciiRun(t string, i int) int {
	// carry is the top bit of the lane of the byte before the eight: set when that byte is in a
	// word (and so, for all the masks know, may end a sentence)
	var carry uint64
	if m.inWord {
		carry = 0x80
	}
	for {
		rest := len(t) - i
		var x uint64
		switch {
		case rest >= 8:
			x = word64(t, i)
			if (x|^(x+(0x80-' ')*ones))&highs != 0 {
				break // wordRun would stop at once
			}
			start := i
			var letters, words, digits uint64
			i, carry, letters, words, digits = wordRun(t, i, carry)
			m.add(letters, words, digits)
			// the eight bytes that stopped wordRun, or the last ones of t
			if rest = len(t) - i; rest >= 8 {
				x = word64(t, i)
			} else if rest > 0 {
				x = word64(t, len(t)-8) >> (64 - 8*rest)
			}
			if i-start == wordRunMax && rest >= 8 && (x|^(x+(0x80-' ')*ones))&highs == 0 {
				continue // wordRun stopped for its counts: nothing in the next eight bytes stops it
			}
		case rest <= 0:
			m.inWord = carry != 0
			return i
		case len(t) >= 8:
			x = word64(t, len(t)-8) >> (64 - 8*rest)
		default:
			for k := rest - 1; k >= 0; k-- {
				x = x<<8 | uint64(t[i+k])
			}
		}
		n := min(rest, 8) // bytes of the run
		if h := x & highs; h != 0 {
			n = min(n, bits.TrailingZeros64(h)/8)
		}
		if n > 0 {
			valid := uint64(highs) >> (64 - 8*n) // the top bits of the lanes of the run
			space, alpha, capital, digit := asciiMasks(x)
			space, alpha, capital, digit = space&valid, alpha&valid, capital&valid, digit&valid
			in := valid &^ space
			prevIn := in<<8 | carry
			starts := in &^ prevIn
			if ends := space & prevIn & ((in&^alpha&^digit)<<8 | carry); ends != 0 {
				m.sentences += sentenceEnds(t, i, ends)
			}
			m.letters += bits.OnesCount64(alpha)
			m.upper += bits.OnesCount64(capital)
			m.digits += bits.OnesCount64(digit)
			m.words += bits.OnesCount64(starts)
			m.capWords += bits.OnesCount64(starts & capital)
			carry = in >> (8*n - 8) & 0x80
			i += n
		}
		if n < 8 {
			m.inWord = carry != 0
			return i
		}
	}
}

// add adds the counts of wordRun, by lane: letters and capitals, words and capitalised words,
// digits and sentence ends.
func (m *lineCounts) add(letters, words, digits uint64) {
	lo, hi := nibbles(letters)
	m.letters += lo
	m.upper += hi
	lo, hi = nibbles(words)
	m.words += lo
	m.capWords += hi
	lo, hi = nibbles(digits)
	m.digits += lo
	m.sentences += hi
}

// wordRunMax is the most bytes wordRun reads: 15 words of eight bytes, before a lane of its
// counts overflows.
const wordRunMax = 15 * 8

// wordRun reads t from i on eight bytes at a time while they hold words of ASCII letters,
// digits and marks and spaces ' ', for up to wordRunMax bytes, and returns the offset where it
// stopped and the carry (see asciiRun), with the counts of the bytes read by lane, two counts in
// each lane (the low and the high four bits): letters and capitals, words and capitalised words,
// digits and sentence ends. It stops before eight bytes holding a byte of a multi-byte rune or
// a byte below ' ' (white space or not), or the end of a word in a mark other than '.' or ','
// (of a word that ends before the eight: one sentenceByte leaves to endsSentence), and before
// the last bytes of t when fewer than eight are left.
//
// It tells the bytes apart as asciiMasks does, but for white space: among bytes from ' ' to
// 0x7F, white space is ' ' alone.
func wordRun(t string, i int, carry uint64) (j int, carryOut, letters, words, digits uint64) {
	last := byte(' ') // the byte before the eight
	if i > 0 {
		last = t[i-1]
	}
	t = t[:min(len(t), i+wordRunMax)]
	for i+8 <= len(t) {
		x := word64(t, i)
		if (x|^(x+(0x80-' ')*ones))&highs != 0 {
			break // a byte at 0x80 or more or below ' '
		}
		in := (x + (0x80-'!')*ones) & highs // bytes in words
		prevIn := in<<8 | carry             // the byte before each one is in a word
		y := x | 0x20*ones                  // letters in small case
		alpha := (y + (0x80-'a')*ones) &^ (y + (0x80-'z'-1)*ones) & highs
		capital := alpha &^ (x << 2) // 0x20 clear
		starts := in &^ prevIn       // the first bytes of words
		nextLetters := letters + (alpha>>7 | capital>>3)
		nextWords := words + (starts>>7 | starts&capital>>3)
		digit := (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones) & highs
		// white space after a word whose last byte is a mark; in the first lane, after a word
		// whose last byte comes before the eight: sentenceByte tells that one
		ends := prevIn &^ in & ((in&^alpha&^digit)<<8 | carry)
		end0 := uint64(sentenceByte[last]) * (ends & 0x80)
		// '.' and ',' (0x2E and 0x2C, which x|2 makes 0x2E) and the full stops among them
		stops := ^((x | 0x02*ones ^ '.'*ones) + 0x7F*ones) & highs
		dots := stops & (x << 6)
		nextDigits := digits + (digit>>7 | (ends&(dots<<8)|end0)>>3)
		if ends&^(stops<<8)&^0x80|end0&^0xFF != 0 {
			break
		}
		letters, words, digits = nextLetters, nextWords, nextDigits
		carry = in >> 56
		last = byte(x >> 56)
		i += 8
	}
	return i, carry, letters, words, digits
}

// sentenceByte tells, for the last byte of a word, whether the word ends a sentence (1: . ! ?),
// cannot (0), or needs endsSentence to tell (2: closing quotes and brackets, the last bytes of
// multi-byte runes).
var sentenceByte = func() (t [256]uint8) {
	for c := range t {
		switch {
		case c < utf8.RuneSelf && asciiClass[c] == aEnd:
			t[c] = 1
		case mayEnd[c]:
			t[c] = 2
		}
	}
	return
}()

// nibbles adds up the low and the high halves of the byte lanes of x, each below 16.
func nibbles(x uint64) (lo, hi int) {
	const low = 0x0F0F0F0F0F0F0F0F
	return int((x & low) * ones >> 56), int((x >> 4 & low) * ones >> 56)
}

// asciiMasks tests the eight bytes of x, each below 0x80, and sets the top bit of the lane of
// each byte that is white space (' ', '\t' '\n' '\v' '\f' '\r'), a letter, a capital, a digit.
// A byte c is at least b when c+0x80-b reaches 0x80; no sum carries into the next lane.
func asciiMasks(x uint64) (space, alpha, capital, digit uint64) {
	space = (^(x ^ ' '*ones + 0x7F*ones) | (x+(0x80-'\t')*ones)&^(x+(0x80-'\r'-1)*ones)) & highs
	y := x | 0x20*ones // letters in small case
	alpha = (y + (0x80-'a')*ones) &^ (y + (0x80-'z'-1)*ones) & highs
	capital = alpha &^ (x << 2) // 0x20 clear
	digit = (x + (0x80-'0')*ones) &^ (x + (0x80-'9'-1)*ones) & highs
	return
}

// sentenceEnds counts the words of t that end a sentence among those ending before the white
// space bytes whose lanes ends marks in the eight bytes from i on.
func sentenceEnds(t string, i int, ends uint64) (n int) {
	for ; ends != 0; ends &= ends - 1 {
		p := i + bits.TrailingZeros64(ends)/8
		if c := t[p-1]; c < utf8.RuneSelf && asciiClass[c] == aEnd || mayEnd[c] && endsSentence(t[:p]) {
			n++
		}
	}
	return n
}

// word64 reads the eight bytes of s from i on as a little-endian word.
func word64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// nonASCII counts the rune of t at i, not ASCII, and returns the offset after it.
func (m *lineCounts) nonASCII(t string, i int) int {
	r, size := decode2(t, i)
	if size == 0 {
		r, size = utf8.DecodeRuneInString(t[i:])
	}
	var cl uint8
	switch {
	case uint32(r-0x400) < 0x30: // Cyrillic capitals (as classify says)
		cl = aUpper
		m.foldsBeyondASCII = true
	case uint32(r-0x430) < 0x30: // and small letters
		cl = aLower
	default:
		cl = runeClass(r)
		if isIdeograph(r) {
			m.ideo++
		}
		if lowerRune(r) != r || size == 1 {
			m.foldsBeyondASCII = true // size 1: an invalid byte
			if size == 1 && m.invalid == 0 {
				m.invalid = i + 1
			}
		}
	}
	m.extra += size - 1
	if cl&aSpace != 0 {
		if m.inWord {
			if endsSentence(t[:i]) {
				m.sentences++
			}
			m.inWord = false
		}
		return i + size
	}
	if !m.inWord {
		m.inWord = true
		m.words++
		if cl&aUpper != 0 {
			m.capWords++
		}
	}
	if cl&(aUpper|aLower) != 0 {
		m.letters++
		if cl&aUpper != 0 {
			m.upper++
		}
	}
	return i + size
}

// cyrillicRun counts the letters of the Cyrillic alphabets' core block (U+0400 to U+045F, two
// bytes each: 0xD0 0x80-0xBF and 0xD1 0x80-0x9F) from t[i] on, as nonASCII would one at a time,
// and the single spaces between them (a word ending in a letter ends no sentence), and returns
// where it stopped (i when t[i] starts no such letter). Running Russian, Ukrainian or Bulgarian
// text is mostly such runs.
func (m *lineCounts) cyrillicRun(t string, i int) int {
	start, inWord := i, m.inWord
	letters, upper, words, capWords := 0, 0, 0, 0
	for i+1 < len(t) {
		c0, c1 := t[i], t[i+1]
		if c0 == 0xD0 && c1-0x80 < 0x40 {
			if c1 < 0xB0 { // U+0400 to U+042F: capitals
				upper++
				if !inWord {
					capWords++
				}
			}
		} else if c0 != 0xD1 || c1-0x80 >= 0x20 {
			break
		}
		if !inWord {
			words++
			inWord = true
		}
		letters++
		i += 2
		if i+1 < len(t) && t[i] == ' ' && t[i+1]-0xD0 < 2 {
			inWord = false
			i++
		}
	}
	if i == start {
		return i
	}
	m.inWord = inWord
	m.letters += letters
	m.upper += upper
	m.words += words
	m.capWords += capWords
	m.extra += letters
	if upper > 0 {
		m.foldsBeyondASCII = true
	}
	return i
}

// endsSentence reports whether a word (a run of characters other than white space) ends a
// sentence: its last character other than closing quotes and brackets is . ! ? … 。 ！ ？
func endsSentence(w string) bool {
	for w != "" {
		var cl uint8
		if c := w[len(w)-1]; c < utf8.RuneSelf {
			cl = asciiClass[c]
			w = w[:len(w)-1]
		} else {
			r, size := utf8.DecodeLastRuneInString(w)
			cl = runeClass(r)
			w = w[:len(w)-size]
		}
		if cl&aClose == 0 {
			return cl&aEnd != 0
		}
	}
	return false
}

// terminal is the last code point of t once closing quotes and brackets are set aside, or 0.
func terminal(t string) rune {
	for t != "" {
		if c := t[len(t)-1]; c < utf8.RuneSelf {
			switch c {
			case '"', '\'', ')', ']', '*':
				t = t[:len(t)-1]
				continue
			}
			return rune(c)
		}
		r, size := utf8.DecodeLastRuneInString(t)
		switch r {
		case '”', '’', '»', '«', '“', '‘':
			t = t[:len(t)-size]
			continue
		}
		return r
	}
	return 0
}

// trimSpace is strings.TrimFunc(s, isSpaceOrInvisible), ASCII edges tested without decoding.
func trimSpace(s string) string {
	for s != "" {
		if c := s[0]; c < utf8.RuneSelf {
			if asciiClass[c] != aSpace {
				break
			}
			s = s[1:]
			continue
		}
		r, size := utf8.DecodeRuneInString(s)
		if !isSpaceOrInvisible(r) {
			break
		}
		s = s[size:]
	}
	for s != "" {
		if c := s[len(s)-1]; c < utf8.RuneSelf {
			if asciiClass[c] != aSpace {
				break
			}
			s = s[:len(s)-1]
			continue
		}
		r, size := utf8.DecodeLastRuneInString(s)
		if !isSpaceOrInvisible(r) {
			break
		}
		s = s[:len(s)-size]
	}
	return s
}

// isSpaceOrInvisible reports white space and the invisible characters editors and scrapers leave
// on otherwise empty lines: zero-width space, joiners, word joiner, byte-order mark.
func isSpaceOrInvisible(r rune) bool {
	switch r {
	case '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return unicode.IsSpace(r)
}

// isIdeograph reports the characters of scripts written without spaces between words: Han
// (CJK unified ideographs and extension A) and kana. Korean separates words with spaces.
func isIdeograph(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0x3041 && r <= 0x30FF
}

// runeClass gives a non-ASCII rune the class bits of asciiClass.
func runeClass(r rune) uint8 {
	switch r {
	case '…', '。', '！', '？':
		return aEnd
	case '”', '’', '»':
		return aClose
	}
	space, letter, upper := classify(r)
	switch {
	case space:
		return aSpace
	case upper:
		return aUpper
	case letter:
		return aLower
	}
	return 0
}

// classify tells white space, letters and capitals with fast paths for the scripts most news is
// written in (Latin-1, general punctuation, Cyrillic, CJK, Hangul, kana, and by runeTable the
// other alphabets below U+1000) and the unicode tables for the rest.
func classify(r rune) (space, letter, upper bool) {
	if uint32(r-0x100) < runeTableSize-0x100 {
		c := runes()[r]
		return c&rtSpace != 0, c&rtLetter != 0, c&rtUpper != 0
	}
	return classifySlow(r)
}

// runeTable holds what classifySlow and lowerRuneSlow tell of the code points below
// runeTableSize, beyond Latin-1: the alphabets of Europe, the Middle East and India, which the
// unicode package finds by a binary search. It is made on first use (by runes), so that runs
// that never meet these alphabets do not pay for it.
var runeTable atomic.Pointer[[runeTableSize]uint8]

// runes returns runeTable, made if need be.
func runes() *[runeTableSize]uint8 {
	if t := runeTable.Load(); t != nil {
		return t
	}
	return makeRuneTable()
}

// makeRuneTable makes and keeps runeTable (goroutines that make it at once make the same).
func makeRuneTable() *[runeTableSize]uint8 {
	t := new([runeTableSize]uint8)
	for r := rune(0x100); r < runeTableSize; r++ {
		space, letter, upper := classifySlow(r)
		if space {
			t[r] |= rtSpace
		}
		if letter {
			t[r] |= rtLetter
		}
		if upper {
			t[r] |= rtUpper
		}
		if lowerRuneSlow(r) != r {
			t[r] |= rtFolds
		}
	}
	runeTable.Store(t)
	return t
}

// runeTableSize is the first code point runeTable does not hold.
const runeTableSize = 0x1000

// The bits of runeTable.
const (
	rtSpace  = 1 << iota
	rtLetter // a letter
	rtUpper  // a capital
	rtFolds  // lowerRuneSlow changes it
)

// classifySlow is classify without runeTable.
func classifySlow(r rune) (space, letter, upper bool) {
	switch {
	case r >= 0xC0 && r <= 0xFF:
		return false, r != 0xD7 && r != 0xF7, r <= 0xDE && r != 0xD7
	case r >= 0x400 && r <= 0x4FF:
		if r <= 0x42F {
			return false, true, true
		}
		if r <= 0x45F {
			return false, true, false
		}
	case r >= 0x4E00 && r <= 0x9FFF, r >= 0xAC00 && r <= 0xD7A3, r >= 0x3041 && r <= 0x30FF:
		return false, true, false
	case r >= 0x2000 && r <= 0x206F:
		// general punctuation: dashes, quotes, spaces, invisible marks; no letters
		return r <= 0x200A || r == 0x2028 || r == 0x2029 || r == 0x202F || r == 0x205F, false, false
	case r == 0xA0 || r == 0x3000:
		return true, false, false
	}
	letter = unicode.IsLetter(r)
	return unicode.IsSpace(r), letter, letter && unicode.IsUpper(r)
}
