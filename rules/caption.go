package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// Caption finds photo captions and credits: "Photo: … AP", "Image caption …",
// "Sakib Ali/Hindustan Times/Getty Images", "… (Image: GETTY)".
type Caption struct{}

// Meta implements lint.Rule.
func (Caption) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "caption",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "photo captions and credits",
		Doc: `Finds photo captions and picture credits that extractors interleave with the article: lines
introduced by a caption or credit label ("Photo: …", "Image caption …", "Credit: …", "Foto: …"),
lines that end in a bracketed picture credit ("… (Image: GETTY)", "(AP Photo/…)"),
slash-separated credits ending in an agency ("Sakib Ali/Hindustan Times/Getty Images"), and lines
that are only a credit or a caption control ("Getty Images", "AFP", "Hide caption"). A sentence
that merely mentions a photo ("The photo was taken in 1972.") is not a caption.`,
		Why: `Captions describe pictures the text no longer has and break the flow of paragraphs.`,
		FixSafety: `Safe: the line is deleted; outside whole-page extractions, unsafe for a label line next
to a line of a fact box (a label no rule knows, a colon and a value: "Display: 6.1 inches"), which
may be the box's own, and display-only when that line has eight words or more.`,
		Example: "The rocket lifted off at dawn, officials said.\nPhoto: Joel Kowsky/NASA via Getty Images\nIt reached orbit ten minutes later.\n",
	}
}

var captionPrefixes = []string{"photo:", "photo by ", "photos:", "photograph:", "photograph by ", "image:", "image caption",
	"image copyright", "image source:", "image credit:", "images:", "picture:", "pictures:", "picture by ", "credit:", "photo credit:",
	"main image credit:", "caption:", "foto:", "fotos:", "bild:", "bildquelle:", "crédit photo", "crédits photo", "imagen:",
	"фото:", "фото ", "(photo:", "(image:", "(picture:", "(credit:", "(foto:", "video:", "watch:", "gallery:"}

var captionPrefixSet = newPrefixSet(captionPrefixes)

var creditWords = []string{"getty images", "getty", "afp", "ap", "reuters", "epa", "shutterstock", "ap photo",
	"istock", "alamy", "associated press", "bloomberg", "nasa", "pa", "pa images", "pa wire", "dpa", "xinhua", "anadolu", "sipa"}

var creditLines = set("getty images", "getty", "afp", "afp via getty images", "ap", "ap photo", "reuters", "epa", "shutterstock",
	"caption", "hide caption", "toggle caption", "enlarge this image", "view image in fullscreen", "photo", "image",
	"expand", "close", "zoom", "open image in gallery", "view gallery", "photos", "gallery")

// Check implements lint.Rule.
func (Caption) Check(p *lint.Pass) {
	d := p.Doc
	lay := lint.ResultOf(p, layoutOf)
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		// a line of a wrapped paragraph is prose; an item of a list the text introduces
		// ("Video: 4K at 60 frames per second" in a spec list) is the article's
		if f.Blank() || f.Words > 60 || lay.Wrapped(i) || lay.Listed[i] {
			continue
		}
		if why := captionKind(f, lay.Classes[i]); why != "" {
			// a label line of a fact box ("Video: 4K at 60 frames per second" next to "Display:
			// 6.1 inches") is the box's own: deleting it is a guess
			safety := lint.Safe
			if !lay.PageDump() && inFactBox(d, i) {
				safety = lint.Unsafe
				if f.Words >= 8 { // a sentence of the box: shown, never deleted
					safety = lint.DisplayOnly
				}
			}
			p.ReportLines(i, i, why+" "+quote(clipMsg(f.Trim)), "delete the caption line", safety)
		}
	}
}

// clipMsg is s cut to its first 60 runes, with an ellipsis when it was longer; a cut text's
// invalid bytes are written as U+FFFD, one each. Most lines are short, and none is copied
// to count its runes.
func clipMsg(s string) string {
	if len(s) <= 60 {
		return s // at most 60 bytes, so at most 60 runes
	}
	n, valid := 0, true
	for i, r := range s {
		if n == 60 {
			if valid {
				return s[:i] + "…"
			}
			return string([]rune(s[:i])) + "…"
		}
		valid = valid && r != utf8.RuneError
		n++
	}
	return s
}

// captionKind says what kind of caption line f is, if any; class is the lexicon classes of the
// line's label (Layout.Classes).
func captionKind(f *document.Features, class labelClass) string {
	t := f.Trim
	if f.Words <= 5 && class.has(classCredit) { // creditLines[label]: no other list gives the class
		return "picture credit"
	}
	// no caption prefix starts another, so the first that t starts with is the only one
	if k := captionPrefixSet.firstFold(t); k >= 0 && len(t) > len(captionPrefixes[k]) {
		if pre := captionPrefixes[k]; pre == "video:" || pre == "watch:" || pre == "gallery:" {
			if f.Words > 15 || f.EndsSentence() {
				return ""
			}
		}
		return "caption"
	}
	// "... (Image: GETTY )", "... (AP Photo/Evan Vucci)", "... (Photo by X/Getty Images)"
	if strings.HasSuffix(t, ")") {
		if j := strings.LastIndexByte(t, '('); j >= 0 {
			inner := strings.ToLower(strings.TrimSpace(t[j+1 : len(t)-1]))
			for _, pre := range []string{"image:", "photo:", "picture:", "credit:", "ap photo", "photo by", "foto:", "afp photo", "reuters photo"} {
				if strings.HasPrefix(inner, pre) {
					return "captioned picture credit"
				}
			}
			if strings.Contains(inner, "getty images") || strings.HasSuffix(inner, "/afp") || strings.HasSuffix(inner, "/reuters") {
				return "captioned picture credit"
			}
		}
	}
	// "Sakib Ali/Hindustan Times/Getty Images", "Joel Kowsky/NASA via Getty Images"
	if f.Words <= 12 && strings.Contains(t, "/") && !strings.Contains(t, "://") && !f.EndsSentence() {
		last := strings.ToLower(strings.TrimSpace(t[strings.LastIndexByte(t, '/')+1:]))
		for _, c := range creditWords {
			if last == c || strings.HasSuffix(last, " "+c) || strings.HasSuffix(last, "via "+c) {
				return "picture credit"
			}
		}
	}
	return ""
}
