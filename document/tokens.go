package document

import (
	"math/bits"
	"slices"
	"strings"
	"sync"
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
// Blocks of 64 bytes are split eight bytes at a time, from bit masks of the block, a bit a byte
// (blockMasks): asciiWords takes the runs of ASCII letters, and the runs with bytes beyond ASCII
// and the last bytes of the text take the path that reads a byte or a rune at a time (wordsFrom).
func Words(text string, buf []Word) []Word {
	out := buf[:0]
	if len(text) > 256 {
		// one allocation: words are about as many as the spaces and line ends (a SIMD count),
		// some more in texts with many hyphens and apostrophes, and asciiWords needs room for 32
		n := strings.Count(text, " ") + strings.Count(text, "\n")
		if want := n + n/8 + 48; cap(out) < want {
			out = make([]Word, 0, want)
		}
	}
	i := 0
	if len(text) >= 64 {
		// the first word, if the text starts with one: the blocks have a byte before them
		out, i = wordsFrom(text, 0, 1, out)
	}
	for i+64 <= len(text) {
		b := text[i : i+64]
		runs, upper, high := blockMasks(b)
		next := 64
		if runs>>63 != 0 {
			// the run that reaches the block's end is left to the next block, which starts at it,
			// or to wordsFrom when it fills the block
			next = 64 - bits.LeadingZeros64(^runs)
			if next == 0 {
				out, i = wordsFrom(text, i, i+64, out)
				continue
			}
			runs &= 1<<next - 1
		}
		for runs != 0 {
			// the runs below the first with a byte beyond ASCII
			ascii := runs
			if high &= runs; high != 0 {
				ascii &= 1<<(64-bits.LeadingZeros64(^runs&(high&-high-1))) - 1
			}
			if ascii != 0 {
				if cap(out)-len(out) < 32 {
					out = slices.Grow(out, 32)
				}
				n := len(out)
				k, rest := asciiWords(text[i-1:i+64], i, ascii, upper, (*[32]Word)(out[n:n+32]))
				out = out[:n+k]
				runs = runs&^ascii | rest
			}
			if runs != 0 {
				// the lowest run has a byte beyond ASCII or one next to it
				s := bits.TrailingZeros64(runs)
				rest := runs + runs&-runs
				out, _ = wordsFrom(text, i+s, i+bits.TrailingZeros64(rest), out)
				runs &= rest
			}
		}
		i += next
	}
	out, _ = wordsFrom(text, i, len(text), out)
	return out
}

// asciiWords puts the words of the runs of ASCII letters of the block text[i:i+64] (blockMasks)
// into dst, lowest first, as long as the masks and the bytes of the block tell their flags. It
// reads the block in w, which starts at the byte before the block. It returns how many words it
// put and the runs left, the first of which wordsFrom must split (it has a byte beyond ASCII next
// to it, or a byte past the block matters).
func asciiWords(w string, i int, runs, upper uint64, dst *[32]Word) (int, uint64) {
	w = w[:65] // w[j+1] is the block's byte j
	k := 0
	for runs != 0 {
		low := runs & -runs
		rest := runs + low // the lowest run cleared, the bit after it set
		run := runs &^ rest
		s := bits.TrailingZeros64(runs)
		e := bits.TrailingZeros64(rest) // below 64: no run reaches the block's end
		f := ASCII | Alone
		if up := upper & run; up == 0 {
			f |= LowerCase
		} else if up&low != 0 && up != run {
			f |= Capitalised
		}
		// the bytes before and after the word are ASCII bytes that are not letters, unless the
		// word starts the block
		before, after := aloneBefore[w[s&63]], aloneAfter[w[e&63+1]]
		if before|after != apart {
			// standsAlone and the hyphen test of wordsFrom, short of decoding runes
			if before == decode || e == 63 {
				break
			}
			next := w[(e+1)&63+1] // the byte after the one after the word
			if before == joins || after == joins {
				f &^= Alone
			} else if after == joinsBeforeLetter {
				if next >= utf8.RuneSelf {
					break
				}
				if isASCIILetter(next) || next == '/' {
					f &^= Alone
				}
			}
			if w[e&63+1] == '-' {
				if next >= utf8.RuneSelf {
					break
				}
				if isASCIILetter(next) {
					f |= HyphenAfter
				}
			}
		}
		dst[k&31] = Word{Start: int32(i + s), End: int32(i + e), Flags: f}
		k++
		runs &= rest
	}
	return k, runs
}

const (
	bytesHigh  = 0x8080808080808080 // the high bit of each byte
	bytesLow7  = 0x5f5f5f5f5f5f5f5f // a byte without its high bit and its case bit
	bytesFromA = 0x3f3f3f3f3f3f3f3f // adds 0x80-'A': the high bit is set from 'A' on
	bytesPastZ = 0x2525252525252525 // adds 0x80-'Z'-1: the high bit is set past 'Z'
	gatherMul  = 0x0102040810204080 // moves bit 8j to bit 56+j; no two partial products meet
)

// blockMasks returns the masks of the 64 bytes of b, bit j for b[j]: runs has the ASCII letters
// and the bytes beyond ASCII, high the bytes beyond ASCII and upper the upper-case ASCII letters
// (and some bytes beyond ASCII, which Words ignores).
func blockMasks(b string) (runs, upper, high uint64) {
	b = b[:64]
	r0, u0, x0 := chunkMasks(load64(b[0:]))
	r1, u1, x1 := chunkMasks(load64(b[8:]))
	r2, u2, x2 := chunkMasks(load64(b[16:]))
	r3, u3, x3 := chunkMasks(load64(b[24:]))
	r4, u4, x4 := chunkMasks(load64(b[32:]))
	r5, u5, x5 := chunkMasks(load64(b[40:]))
	r6, u6, x6 := chunkMasks(load64(b[48:]))
	r7, u7, x7 := chunkMasks(load64(b[56:]))
	runs = r0>>56 | r1>>48 | r2>>40 | r3>>32 | r4>>24 | r5>>16 | r6>>8 | r7
	upper = u0>>56 | u1>>48 | u2>>40 | u3>>32 | u4>>24 | u5>>16 | u6>>8 | u7
	if (x0|x1|x2|x3|x4|x5|x6|x7)&bytesHigh != 0 {
		high = gatherHigh(x0)>>56 | gatherHigh(x1)>>48 | gatherHigh(x2)>>40 | gatherHigh(x3)>>32 |
			gatherHigh(x4)>>24 | gatherHigh(x5)>>16 | gatherHigh(x6)>>8 | gatherHigh(x7)
	}
	return runs, upper, high
}

// chunkMasks returns the masks of blockMasks for the eight bytes of x in the top byte of r and
// u (runs and upper, the lower bytes cleared), and x.
func chunkMasks(x uint64) (r, u, _ uint64) {
	y := x & bytesLow7 // folded to upper case; no byte is above 0x5f, so no sum below carries
	l := (y + bytesFromA) &^ (y + bytesPastZ)
	r = ((l | x) & bytesHigh >> 7) * gatherMul
	u = (l &^ (x << 2) & bytesHigh >> 7) * gatherMul // x<<2 brings the case bit (0x20) to the high bit
	const top = 0xff << 56
	return r & top, u & top, x
}

// gatherHigh is chunkMasks for the bytes beyond ASCII.
func gatherHigh(x uint64) uint64 { return (x & bytesHigh >> 7) * gatherMul & (0xff << 56) }

// wordsFrom appends the words of text that start in text[i:end], a byte or a rune at a time, and
// returns where it stopped: at end or past it, after the last word or the last rune skipped. i
// must not be inside a word or a rune.
func wordsFrom(text string, i, end int, out []Word) ([]Word, int) {
	cls := &letterClass
	for {
		for i < end && cls[text[i]] == 0 {
			i++
		}
		if i >= end {
			return out, i
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
			// letters of the Cyrillic alphabets' core block, U+0400 to U+045F (capitals below
			// U+0430): 0xD0 0x80-0xBF and 0xD1 0x80-0x9F
			if j, cs := cyrillicLetters(text, i); j > i {
				seen |= cs
				i = j
				continue
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
}

// cyrillicLetters returns the end of the run of letters of the Cyrillic core block (U+0400 to
// U+045F, two bytes each, capitals below U+0430) that starts at text[i], or i, and the letter
// classes seen in it.
func cyrillicLetters(text string, i int) (int, uint8) {
	var seen uint8
	for i+1 < len(text) {
		c0, c1 := text[i], text[i+1]
		if c0 == 0xD0 && c1-0x80 < 0x40 {
			seen |= lowerLetter << b2u8(c1 < 0xB0) // upperLetter is lowerLetter<<1
		} else if c0 == 0xD1 && c1-0x80 < 0x20 {
			seen |= lowerLetter
		} else {
			break
		}
		i += 2
	}
	return i, seen | nonASCII
}

// b2u8 is 1 for true, 0 for false.
func b2u8(b bool) uint8 {
	if b {
		return 1
	}
	return 0
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
	return d.memo(wordsMemo, func() any {
		var buf []Word
		if p, ok := wordBufs.Get().(*[]Word); ok {
			buf, d.wordBuf = *p, p
		}
		return Words(d.Src, buf)
	}).([]Word)
}

// wordBufs holds the word lists of released documents (Release) for the documents made after
// them: the word list is the largest allocation of a document, and most documents need one.
var wordBufs sync.Pool // *[]Word

// maxPooledWords bounds the word lists kept for reuse, so that one long text does not leave a
// large buffer behind.
const maxPooledWords = 1 << 16

// Release hands the document's word list (WordsOf), line features (Feat) and line list back
// for reuse by documents made later, and runs what OnRelease registered. The caller promises
// that neither the document nor anything WordsOf, Feat or an analysis returned for it is used
// again.
func (d *Document) Release() {
	for _, f := range d.onRelease {
		f()
	}
	d.onRelease = nil
	d.releaseFeats()
	d.releaseLines()
	if d.memoSet&(1<<wordsMemo) == 0 {
		return
	}
	w := d.memos[wordsMemo].([]Word)
	d.memos[wordsMemo], d.memoSet = nil, d.memoSet&^(1<<wordsMemo)
	if cap(w) > 0 && cap(w) <= maxPooledWords {
		putSlice(&wordBufs, &d.wordBuf, w)
	}
}

// putSlice hands s back to pool, in the holder *h it was taken in (a new one if it was made
// afresh), and forgets the holder.
func putSlice[T any](pool *sync.Pool, h **[]T, s []T) {
	p := *h
	if p == nil {
		p = new([]T)
	}
	*p, *h = s[:0], nil
	pool.Put(p)
}

// OnRelease registers f to run when d is released: an analysis that took reused buffers for d
// hands them back there.
func (d *Document) OnRelease(f func()) { d.onRelease = append(d.onRelease, f) }

// releaseLines hands d's line list back for reuse.
func (d *Document) releaseLines() {
	l := d.Lines
	d.Lines = nil
	if cap(l) > 64 && cap(l) <= maxPooledLines {
		putSlice(&lineBufs, &d.lineBuf, l)
	}
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
