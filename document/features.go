package document

import (
	"strings"
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

	// low is strings.ToLower(Trim) and aligned is LowerAligned(), when lowSet (Feat fills them
	// for every line at once, so that rules folding the same line share one copy).
	low     string
	aligned bool
	lowSet  bool
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
	return strings.ToLower(f.Trim)
}

// LowerAligned reports whether Lower() folds Trim rune by rune in place, every rune keeping its
// length (ASCII text, most Latin, Greek and Cyrillic text; not invalid UTF-8): then Lower()[i:j]
// is strings.ToLower(Trim[i:j]) for i and j on rune boundaries.
func (f *Features) LowerAligned() bool {
	if f.lowSet {
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

// measure computes the features of every line and folds the lines to lower case into one shared
// string (a line without capitals is its own folded copy).
func (d *Document) measure() {
	d.feats = make([]Features, len(d.Lines))
	buf := make([]byte, 0, len(d.Src)) // folding rarely changes the length
	ends := make([]int, len(d.Lines))  // end of each line's copy in buf, or -1 for none
	for j := range d.Lines {
		f := &d.feats[j]
		*f = Measure(d.Text(j))
		f.lowSet = true
		start := len(buf)
		var changed bool
		buf, f.aligned, changed = appendLowerChanged(buf, f.Trim)
		if !changed {
			buf = buf[:start]
			f.low = f.Trim
			ends[j] = -1
			continue
		}
		ends[j] = len(buf)
	}
	// buf is never written again: the lines' folded copies share it
	all := unsafe.String(unsafe.SliceData(buf), len(buf))
	start := 0
	for j := range d.feats {
		if ends[j] >= 0 {
			d.feats[j].low = all[start:ends[j]]
			start = ends[j]
		}
	}
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
		for j < len(s) && s[j] < utf8.RuneSelf && s[j]-'A' >= 26 {
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

// lowerRune is unicode.ToLower with fast paths for Latin-1, general punctuation, Cyrillic and the
// scripts without case of East Asia.
func lowerRune(r rune) rune {
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

var asciiClass [128]uint8

func init() {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f':
			asciiClass[c] = aSpace
		case c >= 'A' && c <= 'Z':
			asciiClass[c] = aUpper
		case c >= 'a' && c <= 'z':
			asciiClass[c] = aLower
		case c >= '0' && c <= '9':
			asciiClass[c] = aDigit
		case c == '.' || c == '!' || c == '?':
			asciiClass[c] = aEnd
		case c == '"' || c == '\'' || c == ')' || c == ']':
			asciiClass[c] = aClose
		}
	}
}

// Measure computes the features of one line of text in one pass; ASCII takes a table look-up
// per byte, other text the unicode package.
func Measure(line string) Features {
	t := strings.TrimFunc(line, isSpaceOrInvisible)
	var runes, words, letters, upperN, capWords, digits, sentences, ideo int
	inWord, prevEnd := false, false
	for i := 0; i < len(t); {
		var cl uint8
		if c := t[i]; c < utf8.RuneSelf {
			cl = asciiClass[c]
			if cl == aLower && inWord {
				// the rest of a word's run of lower-case letters, most of any text, at once
				j := i + 1
				for j < len(t) && t[j]-'a' < 26 {
					j++
				}
				runes += j - i
				letters += j - i
				prevEnd = false
				i = j
				continue
			}
			i++
		} else {
			r, size := utf8.DecodeRuneInString(t[i:])
			cl = runeClass(r)
			i += size
			if isIdeograph(r) {
				ideo++
			}
		}
		runes++
		if cl&aSpace != 0 {
			if prevEnd {
				sentences++
			}
			inWord, prevEnd = false, false
			continue
		}
		if !inWord {
			words++
			inWord = true
			if cl&aUpper != 0 {
				capWords++
			}
		}
		if cl&(aUpper|aLower) != 0 {
			letters++
			if cl&aUpper != 0 {
				upperN++
			}
		} else if cl&aDigit != 0 {
			digits++
		}
		prevEnd = cl&aEnd != 0 || prevEnd && cl&aClose != 0
	}
	if prevEnd {
		sentences++
	}
	if ideo > 1 {
		// a run of ideographs counts as one white-space word above; count two characters a word
		words += ideo/2 - 1
	}
	f := Features{Trim: t, Runes: runes, Words: words, Ideographs: ideo, Letters: letters, Upper: upperN, CapWords: capWords,
		Digits: digits, Sentences: sentences}
	s := t
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', '»', '«', ')', ']', '“', '‘', '*':
			s = s[:len(s)-size]
			continue
		}
		f.Terminal = r
		break
	}
	return f
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
// written in (Latin-1, Cyrillic, CJK, Hangul, kana) and the unicode tables for the rest.
func classify(r rune) (space, letter, upper bool) {
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
	case r == 0xA0 || r == 0x3000 || r >= 0x2000 && r <= 0x200A:
		return true, false, false
	}
	letter = unicode.IsLetter(r)
	return unicode.IsSpace(r), letter, letter && unicode.IsUpper(r)
}
