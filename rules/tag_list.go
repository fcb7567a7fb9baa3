package rules

import (
	"strings"

	"github.com/newslint/newslint/lint"
)

// TagList finds tag and category lines: "Tags: Brexit, EU, Theresa May".
type TagList struct{}

// Meta implements lint.Rule.
func (TagList) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "tag-list",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "tag, topic and category lines",
		Doc: `Finds the tag and category lines of blog and news templates: a label ("Tags", "Tagged", "Topics",
"Filed under", "Categories", "Keywords", and their equivalents in other major languages) followed
by a colon and a list of short items separated by commas, pipes, bullets or spaces ("Tags:
Brexit, EU, Theresa May"). A sentence after the label ("Topics: the talks covered trade and
security.") is not a tag list.`,
		Why: `Tags are site navigation and skew word statistics.`,
		FixSafety: `Safe: the line is deleted; display-only in a fact box, next to a line of another label
and its value ("Venue: Baku Olympic Stadium"), or, outside whole-page extractions, after a line
ending in a colon that introduces it ("The summit at a glance:"): the topics are the text's own.
Unsafe between the paragraphs of an article extractor's text (a debate's agreed subjects): a
site's tag line closes the text.`,
		Example: "The minister left Brussels without a deal.\nTags: Brexit, EU, Theresa May\n",
	}
}

var tagKeys = set("tags", "tag", "tagged", "tagged with", "topics", "topic", "filed under", "categories", "category",
	"keywords", "related topics", "schlagworte", "schlagwörter", "themen", "stichwörter", "étiquettes", "mots-clés",
	"mots clés", "sujets", "etiquetas", "temas", "palabras clave", "tags relacionadas", "assuntos", "parole chiave",
	"argomenti", "trefwoorden", "tagi", "теги", "метки", "标签", "タグ", "태그")

// Check implements lint.Rule.
func (TagList) Check(p *lint.Pass) {
	d := p.Doc
	lay := lint.ResultOf(p, layoutOf)
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		if f.Blank() || f.Words > 40 || lay.Wrapped(i) { // a line of a wrapped paragraph is prose
			continue
		}
		t := f.Trim
		j := indexColon(t[:min(len(t), 34)])
		if j <= 0 || j > 30 || !tagKeys[normLabelIn(f, t[:j])] {
			continue
		}
		items := strings.FieldsFunc(strings.TrimLeft(t[j:], ":： "), func(r rune) bool { return strings.ContainsRune(",|·•;/#", r) })
		if len(items) == 0 {
			continue
		}
		ok := true
		for _, it := range items {
			if len(strings.Fields(it)) > 5 {
				ok = false
				break
			}
		}
		if ok && !(len(items) == 1 && strings.HasSuffix(t, ".")) {
			// in a fact box ("Venue: Baku Olympic Stadium" above or below) the topics are the box's:
			// shown, never deleted
			safety := lint.Safe
			if inFactBox(d, i) || lay.Listed[i] && !lay.PageDump() {
				safety = lint.DisplayOnly
			} else if !lay.PageDump() && i > lay.ProseFirst && i < lay.ProseLast {
				// between an article extractor's paragraphs, topics may be the story's own (a
				// debate's agreed subjects); a site's tag line closes the text
				safety = lint.Unsafe
			}
			p.ReportLines(i, i, "tag line "+quote(clipMsg(t)), "delete the tag line", safety)
		}
	}
}
