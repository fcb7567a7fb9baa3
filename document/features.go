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

	// low is strings.ToLower(Trim) and ascii whether Trim is all ASCII, when lowSet (Feat fills
	// them for every line at once, so that rules folding the same line share one copy).
	low    string
	ascii  bool
	lowSet bool
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

// ASCII reports whether Trim is all ASCII: then Lower()[i:j] folds Trim[i:j].
func (f *Features) ASCII() bool {
	if f.lowSet {
		return f.ascii
	}
	return isASCII(f.Trim)
}

// folded reports whether measure has set f.low: every line but an ASCII one with capitals, which
// alone has a Trim that differs from its "" placeholder.
func (f *Features) folded() bool { return f.low == f.Trim }

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// Feat returns the features of line i.
func (d *Document) Feat(i int) *Features {
	if d.feats == nil {
		d.measure()
	}
	return &d.feats[i]
}

// measure computes the features of every line and folds the lines to lower case: the ASCII lines
// into one shared string (a line without capitals is its own folded copy), the others each by
// strings.ToLower.
func (d *Document) measure() {
	d.feats = make([]Features, len(d.Lines))
	size := 0
	for j := range d.Lines {
		f := &d.feats[j]
		*f = Measure(d.Text(j))
		f.lowSet = true
		f.ascii = true
		upper := false
		for k := 0; k < len(f.Trim); k++ {
			c := f.Trim[k]
			if c >= utf8.RuneSelf {
				f.ascii = false
				break
			}
			if c-'A' < 26 {
				upper = true
			}
		}
		switch {
		case !f.ascii:
			f.low = strings.ToLower(f.Trim)
		case !upper:
			f.low = f.Trim
		default:
			f.low = "" // folded below
			size += len(f.Trim)
		}
	}
	if size == 0 {
		return
	}
	buf := make([]byte, 0, size)
	for j := range d.feats {
		if f := &d.feats[j]; f.ascii && !f.folded() {
			for k := 0; k < len(f.Trim); k++ {
				c := f.Trim[k]
				if c-'A' < 26 {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
			}
		}
	}
	// buf is never written again: the lines' folded copies share it
	all := unsafe.String(unsafe.SliceData(buf), len(buf))
	off := 0
	for j := range d.feats {
		if f := &d.feats[j]; f.ascii && !f.folded() {
			f.low = all[off : off+len(f.Trim)]
			off += len(f.Trim)
		}
	}
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
