package rules

import (
	"unicode"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// Layout is the one model of a document's layout that the structural rules share: each short
// line's folded label and its lexicon classes, which lines read like article prose, and where the
// article body is. It is computed once per document (see layoutOf).
type Layout struct {
	// Labels holds the folded label of each line of at most 120 characters (normLabel), "" for
	// blank and longer lines.
	Labels []string
	// Classes holds the lexicon classes of each line's label.
	Classes []labelClass
	// Prose marks lines that read like article paragraphs (isProse).
	Prose []bool
	// ProseFirst and ProseLast are the first and last prose lines, or -1: the lines before
	// ProseFirst are the header zone, those after ProseLast the footer zone.
	ProseFirst, ProseLast int
	// BodyFirst and BodyLast bound the main body, the densest cluster of prose lines; both are -1
	// when the document has fewer than two prose lines.
	BodyFirst, BodyLast int
}

// layoutOf is the shared layout analysis.
var layoutOf = &lint.Analysis[*Layout]{
	Name: "layout",
	Doc:  "line labels and lexicon classes, prose lines, header and footer zones, and the article body",
	Run:  func(p *lint.Pass) *Layout { return computeLayout(p.Doc) },
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

// computeLayout measures the document: labels, prose lines, grouped into clusters that non-prose
// runs longer than bodyGap separate; the cluster with the most text is the body.
func computeLayout(d *document.Document) *Layout {
	n := d.NumLines()
	l := &Layout{Labels: make([]string, n), Classes: make([]labelClass, n), Prose: make([]bool, n),
		ProseFirst: -1, ProseLast: -1, BodyFirst: -1, BodyLast: -1}
	prose := 0
	for i := 0; i < n; i++ {
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		if f.Runes <= 120 {
			l.Labels[i] = normLabel(f.Trim)
			l.Classes[i] = lexicon[l.Labels[i]]
		}
		if isProse(f) {
			l.Prose[i] = true
			if l.ProseFirst < 0 {
				l.ProseFirst = i
			}
			l.ProseLast = i
			prose++
		}
	}
	if prose < 2 {
		return l
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
		if !l.Prose[i] {
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
	l.BodyFirst, l.BodyLast = bestFirst, bestLast
	return l
}

// Outside reports whether line i lies outside the main body.
func (l *Layout) Outside(i int) bool {
	return l.BodyFirst >= 0 && (i < l.BodyFirst || i > l.BodyLast)
}

// HeaderZone reports whether line i comes before the first prose line (all lines do when there
// is none).
func (l *Layout) HeaderZone(i int) bool { return l.ProseFirst < 0 || i < l.ProseFirst }

// FooterZone reports whether line i comes after the last prose line (all lines do when there is
// none).
func (l *Layout) FooterZone(i int) bool { return i > l.ProseLast }
