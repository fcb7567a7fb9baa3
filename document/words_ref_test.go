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
	rng := rand.New(rand.NewSource(5))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(30) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		texts = append(texts, b.String())
	}
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
