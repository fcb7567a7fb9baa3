package document

import (
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
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
	parts := []string{"a", "z", "abc", "Q", "9", " ", ".", "!", "\"", ")", "é", "É", "中", "ä", "\xff", "…", "”", "\t", "_", "{", "`", "Ж"}
	rng := rand.New(rand.NewSource(1))
	for range 20000 {
		var b strings.Builder
		for range rng.Intn(20) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		if got, want := Measure(l), measureRef(l); got != want {
			t.Fatalf("Measure(%q) = %+v, want %+v", l, got, want)
		}
	}
}
