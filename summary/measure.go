package summary

import (
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
)

// Thresholds of MeasureText.
const (
	// ProseWords is the fewest words of a prose line.
	ProseWords = 10
	// MinArticleChars is the fewest prose characters of a document with an article body.
	MinArticleChars = 400
	// TemplateMaxRunes and TemplateMaxWords bound the short lines counted as template-line
	// candidates; at most TemplateMaxPerDoc of them are taken from one document.
	TemplateMaxRunes  = 80
	TemplateMaxWords  = 12
	TemplateMaxPerDoc = 400
)

// MeasureText fills the fields of d that depend on the text alone: Bytes, Chars, ArticleChars,
// Bodiless and TemplateLines.
//
// A prose line has at least ProseWords words and a sentence end (". ", "!", "?", also at the end
// of the line); ArticleChars sums the characters of prose lines, and a document with fewer than
// MinArticleChars of them is Bodiless. Template-line candidates are the distinct non-blank lines
// of at most TemplateMaxWords words and TemplateMaxRunes characters that are not prose, with
// white space trimmed and runs of it collapsed to one space.
func MeasureText(d *DocStats, text string) {
	d.Bytes = len(text)
	d.Chars = utf8.RuneCountInString(text)
	d.ArticleChars = 0
	d.TemplateLines = d.TemplateLines[:0]
	seen := map[string]bool{}
	for line := range strings.Lines(text) {
		f := document.Measure(line)
		if f.Blank() {
			continue
		}
		if f.Words >= ProseWords && f.Sentences > 0 {
			d.ArticleChars += f.Runes
			continue
		}
		if f.Runes > TemplateMaxRunes || f.Words > TemplateMaxWords || len(d.TemplateLines) >= TemplateMaxPerDoc {
			continue
		}
		norm := strings.Join(strings.Fields(f.Trim), " ")
		if norm == "" || seen[norm] {
			continue
		}
		seen[norm] = true
		d.TemplateLines = append(d.TemplateLines, norm)
	}
	d.Bodiless = d.ArticleChars < MinArticleChars
}
