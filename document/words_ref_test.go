package document

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/internal/testtext"
)

// wordsRef is Words as first written, with unicode.IsLetter, unicode.IsUpper and
// unicode.IsDigit for every rune beyond ASCII and standsAlone for every word: Words' fast paths
// must agree with it.
func wordsRef(text string, buf []Word) []Word {
	out := buf[:0]
	if cap(out) == 0 && len(text) > 256 {
		// one allocation: words are about as many as the spaces and line ends (a SIMD count)
		out = make([]Word, 0, strings.Count(text, " ")+strings.Count(text, "\n")+16)
	}
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if letterClass[c] == 0 {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) {
			i += size
			continue
		}
		start := i
		var seen uint8 // the letter classes seen: lowerLetter, upperLetter
		ascii := true
		capital := false
		if c < utf8.RuneSelf {
			// the ASCII fast path: one table look-up a byte
			capital = letterClass[c] == upperLetter
			for i < len(text) {
				k := letterClass[text[i]]
				if k&(lowerLetter|upperLetter) == 0 {
					break
				}
				seen |= k
				i++
			}
		}
		for i < len(text) && text[i] >= utf8.RuneSelf {
			r, size := utf8.DecodeRuneInString(text[i:])
			if !unicode.IsLetter(r) {
				break
			}
			ascii = false
			if unicode.IsUpper(r) {
				seen |= upperLetter
				if i == start {
					capital = true
				}
			} else {
				seen |= lowerLetter // letters without case (CJK) count as lower case
			}
			i += size
			// ASCII letters after non-ASCII ones ("Zürich")
			for i < len(text) {
				k := letterClass[text[i]]
				if k&(lowerLetter|upperLetter) == 0 {
					break
				}
				seen |= k
				i++
			}
		}
		w := Word{Start: int32(start), End: int32(i)}
		if seen&upperLetter == 0 {
			w.Flags |= LowerCase
		}
		if capital && seen&lowerLetter != 0 {
			w.Flags |= Capitalised
		}
		if ascii {
			w.Flags |= ASCII
		}
		if standsAloneRef(text, start, i) {
			w.Flags |= Alone
		}
		if i+1 < len(text) && text[i] == '-' && startsLetterRef(text[i+1:]) {
			w.Flags |= HyphenAfter
		}
		out = append(out, w)
	}
	return out
}
func standsAloneRef(text string, s, e int) bool {
	if s > 0 {
		switch b := text[s-1]; aloneBefore[b] {
		case joins:
			return false
		case decode:
			if r, _ := utf8.DecodeLastRuneInString(text[:s]); r == '’' || unicode.IsDigit(r) {
				return false
			}
		}
	}
	if e < len(text) {
		switch aloneAfter[text[e]] {
		case joins:
			return false
		case decode:
			if r, _ := utf8.DecodeRuneInString(text[e:]); r == '’' || unicode.IsDigit(r) {
				return false
			}
		case joinsBeforeLetter:
			// "example.com", "http:": a letter or slash right after the dot or colon
			if e+1 < len(text) && (isASCIILetter(text[e+1]) || text[e+1] == '/' || text[e+1] >= utf8.RuneSelf && startsLetterRef(text[e+1:])) {
				return false
			}
		}
	}
	return true
}

func startsLetterRef(s string) bool {
	if s == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}

// TestWordsAgreeWithReference splits every text of testdata and random mixes of letters, marks,
// digits, URLs, scripts and invalid UTF-8 both ways.
func TestWordsAgreeWithReference(t *testing.T) {
	texts := testtext.Texts(t, "../testdata")
	parts := append([]string{"example.com", "http://x.org/a", "e-mail@host", "#tag", "@who", "Jong-un", "don't",
		"l’homme", "x1", "9am", "a.b", "a:b", "1.5", "-", "'", "’", "٣", "۵", "५", "Ⅻ", "ǅ", "ß", "ﬁ"}, trickyParts...)
	texts = append(texts, testtext.Mixes(rand.New(rand.NewSource(5)), parts, 20000, 29)...)
	var buf []Word
	for _, text := range texts {
		want := wordsRef(text, nil)
		if got := Words(text, nil); !slices.Equal(got, want) {
			t.Fatalf("Words(%.200q) = %v, want %v", text, got, want)
		}
		if buf = Words(text, buf); !slices.Equal(buf, want) {
			t.Fatalf("Words(%.200q) with a buffer = %v, want %v", text, buf, want)
		}
	}
}

// TestLetterTables: the tables of Words say what the unicode package says of every code point.
func TestLetterTables(t *testing.T) {
	for r := rune(-1); r <= unicode.MaxRune+1; r++ {
		if isLetter(r) != unicode.IsLetter(r) || isUpper(r) != unicode.IsUpper(r) || isDigit(r) != unicode.IsDigit(r) {
			t.Fatalf("%U: letter %v upper %v digit %v", r, isLetter(r), isUpper(r), isDigit(r))
		}
	}
}

// appendLowerRef is AppendLower as first written, unicode.ToLower for every rune.
func appendLowerRef(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			for _, r := range s[i:] {
				buf = utf8.AppendRune(buf, unicode.ToLower(r))
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

// TestAppendLowerAgreesWithReference folds random words and lines of several scripts, letters
// whose folding changes their length and invalid UTF-8 both ways.
func TestAppendLowerAgreesWithReference(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	for _, s := range randomLines(rng, 30000, 10) {
		if got, want := AppendLower([]byte("x"), s), appendLowerRef([]byte("x"), s); string(got) != string(want) {
			t.Fatalf("AppendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// checkWords fails t unless Words(text) and Words with a reused buffer say what wordsRef says.
func checkWords(t *testing.T, text string, buf *[]Word) {
	t.Helper()
	want := wordsRef(text, nil)
	if got := Words(text, nil); !slices.Equal(got, want) {
		t.Fatalf("Words(%q) =\n%v, want\n%v", text, got, want)
	}
	if *buf = Words(text, *buf); !slices.Equal(*buf, want) {
		t.Fatalf("Words(%q) with a buffer =\n%v, want\n%v", text, *buf, want)
	}
}

// wordBytes are the bytes the tests of the block path build texts of: letters of both cases,
// digits, every mark standsAlone and the hyphen test look at, spaces, and the lead and
// continuation bytes of runes of two, three and four bytes.
const wordBytes = "aAzZmMqQ09' -.:/@#_=&?\\\n,;!\"()\t\x00\x7f\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80\xd0\x96\xff"

// TestWordsBlocksAgreeWithReference builds texts of 0 to 200 bytes, on which the 64-byte blocks
// of Words start at every offset of their words, from bytes of any value and from the bytes that
// decide where words end and what flags they get, and checks each against wordsRef.
func TestWordsBlocksAgreeWithReference(t *testing.T) {
	rng := rand.New(rand.NewSource(11))
	var buf []Word
	b := make([]byte, 0, 256)
	for n := range 40000 {
		b = b[:0]
		size := rng.Intn(201)
		switch n % 4 {
		case 0: // any byte
			for range size {
				b = append(b, byte(rng.Intn(256)))
			}
		case 1: // the bytes that matter, evenly
			for range size {
				b = append(b, wordBytes[rng.Intn(len(wordBytes))])
			}
		case 2: // mostly ASCII letters: long words, words across blocks
			for range size {
				if rng.Intn(6) == 0 {
					b = append(b, wordBytes[rng.Intn(len(wordBytes))])
				} else {
					b = append(b, byte('a'+rng.Intn(26))&^byte(rng.Intn(2)*0x20))
				}
			}
		case 3: // pieces of text: words, marks, runes and invalid UTF-8
			for len(b) < size {
				b = append(b, trickyParts[rng.Intn(len(trickyParts))]...)
			}
		}
		checkWords(t, string(b), &buf)
	}
}

// TestWordsAtEveryOffset puts words of 0 to 40 letters, in every case pattern that matters, at
// every offset of a 64-byte block and past it, between the bytes that decide how a word ends or
// stands, and checks each text against wordsRef; around the end of a block, between every pair
// of them, with every byte after those.
func TestWordsAtEveryOffset(t *testing.T) {
	words := []string{""}
	for n := 1; n <= 40; n++ {
		lower := strings.Repeat("zam", 14)[:n]
		words = append(words, lower, "A"+lower[1:], strings.ToUpper(lower))
		if n > 1 {
			words = append(words, "Z"+strings.ToUpper(lower[2:])+"a", lower[1:]+"Z")
		}
	}
	sides := []string{" ", "\n", ",", ".", ":", "-", "'", "/", "@", "#", "_", "7", "\x00", "é", "’", "\xff", "\xe2\x80", "Ж", "𝐀", "北"}
	nexts := []string{"", "a", "/", "é", "1", "\xff"}
	const tail = " and the tail of the text, long enough for another block"
	var buf []Word
	k := 0
	for off := range 72 {
		pad := strings.Repeat(" ", off)
		for _, w := range words {
			for _, before := range sides {
				k++
				after, next := sides[k%len(sides)], nexts[k%len(nexts)]
				checkWords(t, pad+before+w+after+next+tail, &buf)
			}
		}
	}
	// runs of letters beyond ASCII that fill a block, then a mark and a word: the block after
	// them starts where the path that reads runes left off
	for _, long := range []string{"é", "Ж", "北", "𝐀", "’"} {
		for n := 64 / len(long); n <= 80/len(long); n++ {
			for _, mark := range sides {
				for _, w := range []string{"s", "Kim", "ab"} {
					checkWords(t, " "+strings.Repeat(long, n)+mark+w+" "+w+"-"+tail, &buf)
				}
			}
		}
	}
	// the first block starts at byte 1 after a space: words ending at bytes 62 to 65 of it
	for _, w := range []string{"x", "Qx", "QQ", "xyz", "Quiet", "abcdefghi"} {
		for end := 62; end <= 65; end++ {
			for _, before := range sides {
				pad := strings.Repeat(" ", max(0, 1+end-len(w)-len(before)))
				for _, after := range sides {
					for _, next := range nexts {
						checkWords(t, pad+before+w+after+next+tail, &buf)
					}
				}
			}
		}
	}
}

// FuzzWords checks Words against wordsRef on any text, and on the text shifted by up to seven
// bytes, so that its words meet the blocks' ends at every offset.
func FuzzWords(f *testing.F) {
	addSeeds(f)
	for _, s := range []string{strings.Repeat("ab ", 30), strings.Repeat("x", 130), "Jong-un’s " + strings.Repeat("é-a. b:c/d ", 9),
		strings.Repeat("ab-é cd./ ef.é g:h ", 5)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		var buf []Word
		for shift := range 8 {
			checkWords(t, strings.Repeat(" ", shift)+text, &buf)
		}
	})
}
