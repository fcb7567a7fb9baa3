package document

import (
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/internal/testtext"
)

// measureRef is Measure as first written, one rune at a time: Measure's fast paths must agree
// with it.
func measureRef(line string) Features {
	t := strings.TrimFunc(line, isSpaceOrInvisible)
	var runes, words, letters, upperN, capWords, digits, sentences, ideo int
	inWord, prevEnd := false, false
	for _, r := range t {
		var cl uint8
		if r < utf8.RuneSelf {
			cl = asciiClass[r]
		} else {
			cl = runeClass(r)
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

// TestMeasureAgreesWithReference measures every line of testdata and random mixes of letters,
// digits, marks, spaces and non-ASCII text both ways.
func TestMeasureAgreesWithReference(t *testing.T) {
	var lines []string
	filepath.WalkDir("../testdata", func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(path, ".txt") {
			raw, _ := os.ReadFile(path)
			lines = append(lines, strings.Split(string(raw), "\n")...)
		}
		return nil
	})
	if len(lines) < 1000 {
		t.Fatalf("only %d lines under testdata", len(lines))
	}
	lines = append(lines, randomLines(rand.New(rand.NewSource(1)), 40000, 24)...)
	for _, l := range lines {
		if got, want := Measure(l), measureRef(l); got != want {
			t.Fatalf("Measure(%q) = %+v, want %+v", l, got, want)
		}
	}
}

// trickyParts are the pieces random test lines are made of: ASCII letters, digits, white space
// and sentence marks, Latin, Cyrillic, Greek, CJK and kana letters, letters whose folding changes
// their length, invisible characters (byte-order mark, zero-width space and joiners), white space
// beyond ASCII, closing quotes, and invalid UTF-8 (lone and cut-short multi-byte sequences).
var trickyParts = []string{"a", "z", "abc", "Q", "ZZ", "Kim", "9", "42", " ", "  ", "\t", "\v", "\f", "\r", ".", "!", "?",
	"\"", "'", ")", "]", "*", "(", "_", "{", "`", "-", "/", "@", "#", ":", "é", "É", "ä", "ÀÖØÞ", "×", "÷", "ß",
	"Ж", "ж", "Ѐ", "ѐ", "ПРИВЕТ", "мир", "ёЁ", "Ѡѡ", "ѿ", "Ω", "ω", "中", "北京", "漢字", "ひらがな", "カタカナ", "・", "ー", "゛", "한국",
	"…", "。", "！", "？", "”", "’", "»", "«", "“", "‘", "」", "।", "؟", "\u00a0", "\u0085", "\u2002", "\u3000",
	"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u212a", "İ", "Ⱥ", "ǅ", "\U0001d400", "\U00020000",
	"\xff", "\xfe", "\x80", "\xbf", "\xc3", "\xe2", "\xe2\x80", "\xe4\xb8", "\xf0\x9f", "\xf0\x9f\x98", "\xed\xa0\x80",
	"\xc0\xaf", "\x00", "\x7f"}

// randomLines makes n lines of up to max trickyParts each.
func randomLines(rng *rand.Rand, n, max int) []string {
	return testtext.Mixes(rng, trickyParts, n, max)
}

// TestMeasureLongLines: lines of a million bytes and more, with words, multi-byte runes and
// sentence ends at the million and more capitals, letters or digits than 21 bits count.
func TestMeasureLongLines(t *testing.T) {
	const longLine = 1 << 20
	rng := rand.New(rand.NewSource(2))
	lines := []string{
		strings.Repeat("A", 3*longLine),
		strings.Repeat("7", 2*longLine+5),
		strings.Repeat("b", longLine-1) + "é中 Word. x",
		strings.Repeat("b", longLine-2) + "é中 Word. x",
		strings.Repeat("b", longLine-1) + ". Next",
		strings.Repeat("Ab ", longLine) + "end.”",
		strings.Repeat(" ", longLine) + "Lone",
		strings.Join(randomLines(rng, longLine/8, 12), ""),
	}
	for _, l := range lines {
		if got, want := Measure(l), measureRef(l); got != want {
			got.Trim, want.Trim = "", ""
			t.Errorf("Measure(%.30q… of %d bytes) = %+v, want %+v", l, len(l), got, want)
		}
	}
}

// TestFoldAgreesWithToLower: the folded copy Feat keeps of every line is strings.ToLower of the
// trimmed line and LowerAligned says whether every rune kept its length, for random lines with
// and without capitals, non-ASCII letters and invalid UTF-8, and for long lines.
func TestFoldAgreesWithToLower(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	lines := randomLines(rng, 20000, 16)
	for i := range 2000 {
		// ASCII lines of every length around the eight bytes folded at once
		b := make([]byte, i%41)
		for j := range b {
			b[j] = byte(rng.Intn(128))
		}
		lines = append(lines, string(b))
	}
	lines = append(lines, strings.Repeat("MiXeD ", 100000), strings.Repeat("@AZ[`az{", 1000))
	d := New("x.txt", strings.Join(lines, "\n"))
	// lines are folded when first asked, into one growing buffer: asked in any order, each
	// keeps its own folded copy
	order := rng.Perm(d.NumLines())
	for _, i := range order {
		d.Feat(i).Lower()
	}
	for _, i := range order {
		f := d.Feat(i)
		if got, want := f.Lower(), strings.ToLower(f.Trim); got != want {
			t.Fatalf("line %d: Lower() = %.80q, want %.80q", i, got, want)
		}
		aligned := utf8.ValidString(f.Trim)
		for _, r := range f.Trim {
			aligned = aligned && utf8.RuneLen(r) == utf8.RuneLen(unicode.ToLower(r))
		}
		if f.LowerAligned() != aligned {
			t.Fatalf("line %d (%.80q): LowerAligned() = %v", i, f.Trim, f.LowerAligned())
		}
		m := Measure(d.Text(i))
		m.low, m.aligned, m.lowSet, m.mb, m.asciiFold = f.low, f.aligned, f.lowSet, f.mb, f.asciiFold
		if m != *f {
			t.Fatalf("line %d: Feat = %+v, Measure = %+v", i, *f, m)
		}
	}
}

// TestTrimSpace: the trimming of Measure is strings.TrimFunc with isSpaceOrInvisible.
func TestTrimSpace(t *testing.T) {
	rng := rand.New(rand.NewSource(4))
	for _, l := range randomLines(rng, 50000, 8) {
		if got, want := trimSpace(l), strings.TrimFunc(l, isSpaceOrInvisible); got != want {
			t.Fatalf("trimSpace(%q) = %q, want %q", l, got, want)
		}
	}
}

// classifyRef is classify before its fast path for general punctuation.
func classifyRef(r rune) (space, letter, upper bool) {
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

// TestClassifyEveryRune: classify's fast paths class every code point as before.
func TestClassifyEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		s, l, u := classify(r)
		rs, rl, ru := classifyRef(r)
		if s != rs || l != rl || u != ru {
			t.Fatalf("classify(%U) = %v %v %v, want %v %v %v", r, s, l, u, rs, rl, ru)
		}
	}
}

// TestLowerMixedAgreesWithLowerChanged: folding in place gives what appendLowerChanged gives,
// after any prefix already in the buffer.
func TestLowerMixedAgreesWithLowerChanged(t *testing.T) {
	rng := rand.New(rand.NewSource(6))
	for _, s := range randomLines(rng, 30000, 20) {
		prefix := []byte("kept ")[:rng.Intn(6)]
		got, gotAligned, gotChanged := appendLowerMixed(append([]byte(nil), prefix...), s)
		want, wantAligned, wantChanged := appendLowerChanged(append([]byte(nil), prefix...), s)
		if gotChanged != wantChanged || gotChanged && (string(got) != string(want) || gotAligned != wantAligned) ||
			!gotChanged && string(got) != string(prefix) {
			t.Fatalf("appendLowerMixed(%q, %q) = %q %v %v, want %q %v %v", prefix, s, got, gotAligned, gotChanged, want, wantAligned, wantChanged)
		}
	}
}

// TestDecode2: every two-byte sequence decode2 decodes is decoded so by utf8.DecodeRuneInString,
// and every valid one is decoded, whatever follows it and at the end of the text.
func TestDecode2(t *testing.T) {
	for c0 := 0x80; c0 < 0x100; c0++ {
		for c1 := 0; c1 < 0x100; c1++ {
			for _, s := range []string{string([]byte{byte(c0), byte(c1)}), string([]byte{'a', byte(c0), byte(c1), 0x80})} {
				i := len(s) - 2
				if s[0] == 'a' {
					i = 1
				}
				r, size := decode2(s, i)
				wr, wsize := utf8.DecodeRuneInString(s[i:])
				if size != 0 && (r != wr || size != wsize) || size == 0 && wsize == 2 {
					t.Fatalf("decode2(%q, %d) = %U %d, want %U %d", s, i, r, size, wr, wsize)
				}
			}
		}
		if _, size := decode2(string([]byte{byte(c0)}), 0); size != 0 {
			t.Fatalf("decode2 of the lone byte %#x: size %d", c0, size)
		}
	}
}

// TestMeasureEveryRune measures every code point below U+3100 (Latin, Greek, Cyrillic and the
// other alphabets, punctuation, kana) and a sample of the others, alone, inside a word and
// before a sentence end, both ways.
func TestMeasureEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0x3100 && r%7 != 0 {
			continue
		}
		c := string(r)
		for _, l := range []string{c, "Ab" + c + "c.", c + "” x", "x " + c + c} {
			if got, want := Measure(l), measureRef(l); got != want {
				t.Fatalf("Measure(%q) = %+v, want %+v", l, got, want)
			}
		}
	}
}

// proseLines makes n lines that look like news prose: sentences of common words and names,
// commas, figures, quotes (curly in one line of six) and full stops.
func proseLines(rng *rand.Rand, n int) []string {
	words := strings.Fields("the a of to and in that for on was said with by at from it his her as " +
		"will be has have an are council minister police city report year week people government " +
		"new after over more than about two three would could officials told statement Tuesday " +
		"Friday March Senate Ottawa Lagos Maria Chen Okafor Harbour Street announced expected " +
		"million percent election vote said, however, while which, during before,")
	lines := make([]string, n)
	for i := range lines {
		var b strings.Builder
		curly := rng.Intn(6) == 0
		for s := 3 + rng.Intn(5); s > 0; s-- {
			quoted := rng.Intn(4) == 0
			if quoted {
				b.WriteString(map[bool]string{false: "\"", true: "“"}[curly])
			}
			first := 6 + rng.Intn(20)
			for w := first; w > 0; w-- {
				word := words[rng.Intn(len(words))]
				if w == first || rng.Intn(12) == 0 {
					word = strings.ToUpper(word[:1]) + word[1:]
				}
				if rng.Intn(25) == 0 {
					word = strconv.Itoa(rng.Intn(3000))
				}
				b.WriteString(word)
				if w > 1 {
					b.WriteByte(' ')
				}
			}
			b.WriteByte('.')
			if quoted {
				b.WriteString(map[bool]string{false: "\"", true: "”"}[curly])
			}
			if s > 1 {
				b.WriteByte(' ')
			}
		}
		lines[i] = b.String()
	}
	return lines
}

// BenchmarkMeasureProse measures and folds the lines of a document of news-like prose, as Feat
// does.
func BenchmarkMeasureProse(b *testing.B) {
	src := strings.Join(proseLines(rand.New(rand.NewSource(7)), 2000), "\n\n")
	d := New("x.txt", src)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		d.feats = nil
		d.measure()
	}
}

// swarParts are the pieces of the lines TestMeasureEightBytes makes: single bytes that the
// eight-byte tests of Measure tell apart at their edges (white space, the ends of the ranges of
// letters, capitals and digits, the marks that end sentences or close quotes, control bytes,
// DEL), short words, and multi-byte and invalid sequences that stop a run of ASCII (small
// letters, capitals with small letters and one without, which folding keeps).
var swarParts = []string{" ", " ", " ", "\t", "\n", "\v", "\f", "\r", "\x00", "\x08", "\x0e", "\x1f", "!", "\"",
	"'", ")", "]", ".", ",", "?", ";", "-", "/", "0", "9", ":", "@", "A", "Z", "[", "`", "a", "z", "{", "~", "\x7f",
	"ab", "Cd", "xyz", "Word", "e.g.", "U.S.", "42", "…", "”", "é", "É", "Ж", "ϒ", "中", "\u00a0", "\xff", "\xe2\x80"}

// TestMeasureEightBytes checks the eight-bytes-at-a-time reading of Measure against the
// reference on lines made to stress it: every byte value at every offset of the eight in a
// line of words, word and sentence ends at every offset, random lines of 0 to 40 bytes of
// swarParts, and long lines of ASCII words.
func TestMeasureEightBytes(t *testing.T) {
	var lines []string
	words := "Abc de. Fgh, ij Kl.\" mn (op) Q? rs! tu: vw xyz A.B. 12 x.y 3."
	for c := range 256 {
		for off := range 24 {
			b := []byte(words)
			b[off] = byte(c)
			lines = append(lines, string(b), string(b[:off+1]), string(b[off:]))
		}
	}
	for _, word := range []string{"end.", "end,", "end", "end!", "end?\"", "end.)", "e.”", "END.", "x9.", "é.", "a.\x7f"} {
		for off := range 17 {
			for _, sep := range []string{" ", "  ", "\t", "\u00a0", "\x01"} {
				pad := strings.Repeat("a", off)
				lines = append(lines, pad+sep+word+sep+"Next", pad+word+sep+word, word+sep+pad+word+sep, pad+" "+word)
			}
		}
	}
	rng := rand.New(rand.NewSource(8))
	for range 200000 {
		n := rng.Intn(41)
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(swarParts[rng.Intn(len(swarParts))])
		}
		lines = append(lines, b.String())
	}
	// long runs of ASCII words, capitals and digits (more of each than four bits count), and
	// full stops, ending anywhere, some with one part of swarParts inside
	ascii := []string{"A", "b", "Cd", "EFG", "hij", "7", "42", " ", " ", " ", ".", ","}
	for range 20000 {
		n := 100 + rng.Intn(300)
		var b strings.Builder
		dense := rng.Intn(3) == 0
		for b.Len() < n {
			if dense {
				b.WriteString(ascii[rng.Intn(6)])
			} else {
				b.WriteString(ascii[rng.Intn(len(ascii))])
			}
		}
		l := b.String()
		if rng.Intn(2) == 0 {
			at := rng.Intn(len(l))
			l = l[:at] + swarParts[rng.Intn(len(swarParts))] + l[at:]
		}
		lines = append(lines, l)
	}
	for _, l := range lines {
		if got, want := Measure(l), measureRef(l); got != want {
			t.Fatalf("Measure(%q) = %+v, want %+v", l, got, want)
		}
	}
	// and the lines folded in one document, as Feat does
	d := New("x.txt", strings.Join(lines[len(lines)-20000:], "\n"))
	for i := range d.NumLines() {
		if f := d.Feat(i); f.Lower() != strings.ToLower(f.Trim) {
			t.Fatalf("line %d (%q): Lower() = %q", i, f.Trim, f.Lower())
		}
	}
}

// TestLowerRuneEveryRune: lowerRune's fast paths and table fold every code point as
// unicode.ToLower does.
func TestLowerRuneEveryRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune+1; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Fatalf("lowerRune(%U) = %U, want %U", r, got, want)
		}
	}
}
