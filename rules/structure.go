package rules

import (
	"unicode"

	"github.com/newslint/newslint/document"
)

// Structure is the layout of a document that the structural rules share: which lines are
// article prose and where the main body is. It is computed once per document.
type Structure struct {
	// Prose marks lines that read like article paragraphs.
	Prose []bool
	// BodyFirst and BodyLast bound the main body (the densest cluster of prose lines); both
	// are -1 when the document has too little prose to tell.
	BodyFirst, BodyLast int
}

// bodyGap is how many non-blank, non-prose lines may separate two prose lines of one cluster.
const bodyGap = 5

// isProse reports a line that reads like article prose: a sentence of ten words or more, or a
// long passage; for text written without spaces (Chinese, Japanese), 30 characters ending a
// sentence.
func isProse(f *document.Features) bool {
	if f.Blank() {
		return false
	}
	if f.Words*12 < f.Runes && cjkHeavy(f.Trim) {
		return f.Runes >= 30 && (f.EndsSentence() || f.Terminal == '」')
	}
	return f.Words >= 10 && (f.EndsSentence() || f.Terminal == ':') || f.Words >= 25
}

func cjkHeavy(s string) bool {
	n, cjk := 0, 0
	for _, r := range s {
		n++
		if unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hangul, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) {
			cjk++
		}
	}
	return cjk*10 > n*3
}

// structureOf computes the document's structure: prose lines, grouped into clusters that
// non-prose runs longer than bodyGap separate; the cluster with the most text is the body.
// With fewer than two prose lines there is no body.
func structureOf(d *document.Document) *Structure {
	return d.Memo("rules.structure", func() any { return computeStructure(d) }).(*Structure)
}

func computeStructure(d *document.Document) *Structure {
	n := d.NumLines()
	s := &Structure{Prose: make([]bool, n), BodyFirst: -1, BodyLast: -1}
	prose := 0
	for i := 0; i < n; i++ {
		if isProse(d.Feat(i)) {
			s.Prose[i] = true
			prose++
		}
	}
	if prose < 2 {
		return s
	}
	bestFirst, bestLast, bestLen := -1, -1, -1
	first, last, size, gap := -1, -1, 0, 0
	closeCluster := func() {
		if first >= 0 && size > bestLen {
			bestFirst, bestLast, bestLen = first, last, size
		}
	}
	for i := 0; i < n; i++ {
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		if !s.Prose[i] {
			gap++
			continue
		}
		if first >= 0 && gap > bodyGap {
			closeCluster()
			first, size = -1, 0
		}
		if first < 0 {
			first = i
		}
		last = i
		size += f.Runes
		gap = 0
	}
	closeCluster()
	s.BodyFirst, s.BodyLast = bestFirst, bestLast
	return s
}

// Outside reports whether line i lies outside the main body.
func (s *Structure) Outside(i int) bool {
	return s.BodyFirst >= 0 && (i < s.BodyFirst || i > s.BodyLast)
}
