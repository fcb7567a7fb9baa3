package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Word is one word of a text: a maximal run of letters, Text[Start:End]. Hyphens, apostrophes
// and digits are not letters, so "Jong-un" and "didn't" are two words each; Flags say how a word
// is written and whether it stands alone.
type Word struct {
	Start, End int32
	Flags      WordFlags
}

// WordFlags describe how a word is written.
type WordFlags uint8

const (
	// LowerCase: every letter is lower case.
	LowerCase WordFlags = 1 << iota
	// Capitalised: an upper-case first letter and at least one lower-case letter ("Kim",
	// "McDonald").
	Capitalised
	// ASCII: every letter is an ASCII letter.
	ASCII
	// Alone: the word is not part of a URL, e-mail address, hashtag, handle, file name, number
	// or a hyphenated or apostrophised word.
	Alone
	// HyphenAfter: a hyphen joins the word to the next ("Jong-un").
	HyphenAfter
)

// Has reports whether all of f are set.
func (w Word) Has(f WordFlags) bool { return w.Flags&f == f }

// Len is the word's length in bytes.
func (w Word) Len() int { return int(w.End - w.Start) }

// In returns the word's text in text.
func (w Word) In(text string) string { return text[w.Start:w.End] }

// Words appends the words of text to buf[:0] and returns it, so a caller may reuse one buffer.
// ASCII text takes a fast path without rune decoding, other text tables of the unicode package.
func Words(text string, buf []Word) []Word {
	out := buf[:0]
	if cap(out) == 0 && len(text) > 256 {
		// one allocation: words are about as many as the spaces and line ends (a SIMD count)
		out = make([]Word, 0, strings.Count(text, " ")+strings.Count(text, "\n")+16)
	}
	cls := &letterClass
	for i := 0; ; {
		for i < len(text) && cls[text[i]] == 0 {
			i++
		}
		if i == len(text) {
			break
		}
		k := cls[text[i]]
		start := i
		var seen uint8 // lowerLetter, upperLetter: the letter classes seen; capitalFirst, nonASCII
		if k == nonASCII {
			r, size := decode2(text, i)
			if size == 0 {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if !isLetter(r) {
				i += size
				continue
			}
			if isUpper(r) {
				seen = nonASCII | capitalFirst | upperLetter
			} else {
				seen = nonASCII | lowerLetter // letters without case (CJK) count as lower case
			}
			i += size
		} else {
			seen = k | (k&upperLetter)<<2 // capitalFirst
			i++
		}
		for {
			// ASCII letters at one table look-up a byte
			for i < len(text) {
				k = cls[text[i]]
				if k&(lowerLetter|upperLetter) == 0 {
					break
				}
				seen |= k
				i++
			}
			if i == len(text) || k != nonASCII {
				break
			}
			r, size := decode2(text, i)
			if size == 0 {
				r, size = utf8.DecodeRuneInString(text[i:])
			}
			if !isLetter(r) {
				break
			}
			if isUpper(r) {
				seen |= nonASCII | upperLetter
			} else {
				seen |= nonASCII | lowerLetter
			}
			i += size
		}
		w := Word{Start: int32(start), End: int32(i), Flags: wordFlags[seen&15]}
		// most words have a space or a plain mark on either side: standsAlone only for the others
		before, after := uint8(apart), uint8(apart)
		if start > 0 {
			before = aloneBefore[text[start-1]]
		}
		if i < len(text) {
			after = aloneAfter[text[i]]
		}
		if before|after == apart {
			w.Flags |= Alone
		} else {
			if standsAlone(text, start, i) {
				w.Flags |= Alone
			}
			if i+1 < len(text) && text[i] == '-' && startsLetter(text[i+1:]) {
				w.Flags |= HyphenAfter
			}
		}
		out = append(out, w)
	}
	return out
}

// bmpLetter and bmpUpper are unicode.IsLetter and unicode.IsUpper of the code points below
// U+10000, a bit each, for Words.
var bmpLetter, bmpUpper = func() (letter, upper [1 << 16 / 64]uint64) {
	set := func(bits *[1 << 16 / 64]uint64, t *unicode.RangeTable) {
		for _, r := range t.R16 {
			for c := int(r.Lo); c <= int(r.Hi); c += int(r.Stride) {
				bits[c>>6] |= 1 << (c & 63)
			}
		}
	}
	set(&letter, unicode.Letter)
	set(&upper, unicode.Upper)
	return
}()

// isLetter is unicode.IsLetter, by a table look-up below U+10000.
func isLetter(r rune) bool {
	if uint32(r) < 1<<16 {
		return bmpLetter[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.IsLetter(r)
}

// isUpper is unicode.IsUpper, by a table look-up below U+10000.
func isUpper(r rune) bool {
	if uint32(r) < 1<<16 {
		return bmpUpper[r>>6]&(1<<(r&63)) != 0
	}
	return unicode.IsUpper(r)
}

// isDigit is unicode.IsDigit, without a table search for Latin-1 and general punctuation, which
// hold no digits beyond ASCII.
func isDigit(r rune) bool {
	if r < 0x660 || r >= 0x2000 && r <= 0x206F {
		return r >= '0' && r <= '9'
	}
	return unicode.IsDigit(r)
}

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }

const (
	lowerLetter = 1 << iota
	upperLetter
	nonASCII
	capitalFirst
)

// wordFlags are the flags of a word by the letter classes Words has seen in it.
var wordFlags = func() (t [16]WordFlags) {
	for seen := range t {
		if seen&upperLetter == 0 {
			t[seen] |= LowerCase
		}
		if seen&capitalFirst != 0 && seen&lowerLetter != 0 {
			t[seen] |= Capitalised
		}
		if seen&nonASCII == 0 {
			t[seen] |= ASCII
		}
	}
	return
}()

// letterClass classifies bytes: ASCII letters by case, bytes of multi-byte runes, and 0 for the rest.
var letterClass = func() (t [256]uint8) {
	for c := 'a'; c <= 'z'; c++ {
		t[c] = lowerLetter
		t[c-'a'+'A'] = upperLetter
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = nonASCII
	}
	return
}()

func startsLetter(s string) bool {
	if s == "" {
		return false
	}
	if s[0] < utf8.RuneSelf {
		return isASCIILetter(s[0])
	}
	r, _ := utf8.DecodeRuneInString(s)
	return isLetter(r)
}

// WordsOf returns the words of d.Src, computed once per document.
func WordsOf(d *Document) []Word {
	return d.memo(wordsMemo, func() any { return Words(d.Src, nil) }).([]Word)
}

// Bounded reports whether text[s:e] stands as a whole: no letter, digit or underscore directly
// before or after it. It is the one word-boundary test of newslint.
func Bounded(text string, s, e int) bool {
	if s > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:s]); isWordRune(r) {
			return false
		}
	}
	if e < len(text) {
		if r, _ := utf8.DecodeRuneInString(text[e:]); isWordRune(r) {
			return false
		}
	}
	return true
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		c := byte(r)
		return isASCIILetter(c) || c >= '0' && c <= '9' || c == '_'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// standsAlone reports whether the letters text[s:e] are a word of running text: not part of a
// URL, e-mail address, hashtag, handle, file name, number or a hyphenated or apostrophised word.
func standsAlone(text string, s, e int) bool {
	if s > 0 {
		switch b := text[s-1]; aloneBefore[b] {
		case joins:
			return false
		case decode:
			if r, _ := utf8.DecodeLastRuneInString(text[:s]); r == '’' || isDigit(r) {
				return false
			}
		}
	}
	if e < len(text) {
		switch aloneAfter[text[e]] {
		case joins:
			return false
		case decode:
			if r, _ := utf8.DecodeRuneInString(text[e:]); r == '’' || isDigit(r) {
				return false
			}
		case joinsBeforeLetter:
			// "example.com", "http:": a letter or slash right after the dot or colon
			if e+1 < len(text) && (isASCIILetter(text[e+1]) || text[e+1] == '/' || text[e+1] >= utf8.RuneSelf && startsLetter(text[e+1:])) {
				return false
			}
		}
	}
	return true
}

// What a byte next to a word says of it (standsAlone): nothing, it joins the word to something
// else, it does when a letter or slash follows it, or the rune it starts must be decoded.
const (
	apart = iota
	joins
	joinsBeforeLetter
	decode
)

// aloneBefore and aloneAfter classify the byte before and after a word.
var aloneBefore, aloneAfter = func() (before, after [256]uint8) {
	for _, b := range []byte("#@/._-':=&?\\0123456789") {
		before[b] = joins
	}
	for _, b := range []byte("@/_-'=\\0123456789") {
		after[b] = joins
	}
	after['.'], after[':'] = joinsBeforeLetter, joinsBeforeLetter
	for b := utf8.RuneSelf; b < 256; b++ {
		before[b], after[b] = decode, decode
	}
	return
}()

// AppendLower appends the lower-case form of s to buf (unicode.ToLower of each rune), with fast
// paths for ASCII and the scripts lowerRune knows.
func AppendLower(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, lowerRune(r))
			}
			return buf
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}
