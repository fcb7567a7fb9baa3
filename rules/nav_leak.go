package rules

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/match"
)

// NavLeak finds navigation and page furniture leaked into article text: headline lists opened by
// a label ("Related", "READ MORE", "Most Popular" …), labelled one-line links ("Read more: …")
// and furniture lines (comment forms, share bars, "Back to top", "Advertisement").
type NavLeak struct{}

type navOptions struct {
	// Labels adds labels that open a headline list anywhere in a document.
	Labels []string `toml:"labels" doc:"More labels that open a headline list anywhere in a document, e.g. [\"Elsewhere on the site\"]."`
	// TailLabels adds labels that open a headline list only after the article body.
	TailLabels []string `toml:"tail_labels" doc:"More labels that open a list only after the article body, e.g. [\"Ranking\"]."`
	// Furniture adds whole lines that are always page furniture.
	Furniture []string `toml:"furniture" doc:"More whole lines that are page furniture, e.g. [\"Sign in to comment\"]."`
	// MinTailItems is the fewest headline items a tail-only label needs.
	MinTailItems int `toml:"min_tail_items" doc:"Fewest headline items a tail-only label (\"Ranking\", \"Trending\" …) needs."`
}

func (o *navOptions) Validate() error {
	if o.MinTailItems < 1 {
		return fmt.Errorf("min_tail_items must be at least 1, got %d", o.MinTailItems)
	}
	return nil
}

// NewOptions implements lint.Configurable.
func (NavLeak) NewOptions() any { return &navOptions{MinTailItems: 2} }

// Meta implements lint.Rule.
func (NavLeak) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "nav-leak",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf, navBlocks},
		Summary:  "navigation lists and page furniture leaked into the text",
		Doc: `Finds site navigation that a scraper kept with the article: headline lists opened by a label
("Related", "Ranking", "Recommendation", "READ MORE", "Most Popular", "You may also like", "More
from …", and their equivalents in other major languages) through the end of the list, labelled
one-line links ("Read more: …", "SEE MORE: …", not a sentence of 16 words or more ending in a full
stop), and page furniture lines (comment forms such as
"Leave a Reply", "Back to top", share and subscribe bars, "Advertisement", copyright and cookie
lines). A label inside the body takes only the headline-shaped lines that follow it (no full
stop, at most 25 words), and a paragraph ends the list even when it is hard-wrapped; labels such
as "Ranking" count only after the last paragraph, where the whole run to the end of the file must
look like a list.`,
		Why: `Headlines of other stories pollute search indexes and training data, and make copies of one
story look different.`,
		FixSafety: `Safe: the block is deleted. A label standing alone, with no list after it, may be the article's
own subheading ("UP NEXT" in a game story) when it stands before a sentence or in an article
extractor's output (not a whole-page extraction): that fix is unsafe. So is the fix of a block
whose lines are mostly data rows (a "Ranking" of players with their points, standings), which
may be the article's own table, and, outside whole-page extractions, the fix of a labelled link
line next to a line of a fact box ("More: 31 per cent" between "Less: …" and "About the same: …").`,
		Example: "The talks ended without a deal, officials said on Friday.\nREAD MORE\n" +
			"Putin meets Xi in Beijing to discuss trade\nEU leaders agree on new sanctions package\n" +
			"Both sides are expected to meet again next month, according to the ministry.\n" +
			"Leave a Reply\n",
	}
}

type labelKind int

const (
	notLabel labelKind = iota
	tailLabel
	anyLabel
)

// navBlock is a labelled headline list: the label line and the last item line.
type navBlock struct{ first, last int }

// navAnalysis is what nav-leak finds in a document: labelled blocks (sorted by first line),
// the lines they cover, the options they were found with and the lines' label kinds.
type navAnalysis struct {
	blocks  []navBlock
	covered []bool
	opts    *navOptions
	// kinds holds each line's classifyLabelOf with opts (notLabel for a line without a label).
	kinds []labelKind
}

// navBlocks is nav-leak's analysis with nav-leak's options as configured for the document,
// shared with page-chrome, which leaves labelled lists to nav-leak.
var navBlocks = &lint.Analysis[*navAnalysis]{
	Name:     "nav-blocks",
	Doc:      "nav-leak's labelled headline lists and the lines they cover",
	Requires: []lint.Analyzer{layoutOf},
	Run: func(p *lint.Pass) *navAnalysis {
		return analyseNav(p.Doc, lint.ResultOf(p, layoutOf), lint.OptionsFor[navOptions](p, NavLeak{}))
	},
}

func analyseNav(d *document.Document, lay *Layout, opts *navOptions) *navAnalysis {
	n := d.NumLines()
	kinds := make([]labelKind, n)
	norms := lay.Labels
	var labels []int
	for i := 0; i < n; i++ {
		if norms[i] == "" {
			continue
		}
		if k := classifyLabelOf(norms[i], lay.Classes[i], opts); k != notLabel {
			kinds[i] = k
			labels = append(labels, i)
		}
	}
	covered := make([]bool, n)
	isFurniture := func(i int) bool { return norms[i] != "" && furnitureLineOf(norms[i], lay.Classes[i], d.Feat(i), opts) }
	// Tail blocks, from the end backwards: a label whose lines up to the next tail block (or the
	// end of the file) all look like list items.
	tailFrom := n
	for i := n - 1; i >= 0; i-- { // trailing furniture and blank lines belong to the tail
		if !d.Feat(i).Blank() && !isFurniture(i) {
			break
		}
		tailFrom = i
	}
	var blocks []navBlock
	for k := len(labels) - 1; k >= 0; k-- {
		l := labels[k]
		end := tailFrom
		if k+1 < len(labels) && labels[k+1] < end {
			end = labels[k+1]
		}
		if end != tailFrom {
			continue
		}
		// Every line must be a list item, few may end like sentences, and the last must be
		// headline-shaped: a paragraph closing the run means the label sat in the body.
		items, sentences, lastItem, ok := 0, 0, -1, true
		for j := l + 1; j < end && ok; j++ {
			f := d.Feat(j)
			switch {
			case f.Blank() || isMarkerOnly(f) || isFurniture(j):
			case isHeadline(f, false):
				items++
				lastItem = j
				if f.Terminal == '.' {
					sentences++
				}
			default:
				ok = false
			}
		}
		if !ok || items > 0 && (sentences*3 > items || !isHeadline(d.Feat(lastItem), true)) {
			continue
		}
		if kinds[l] == tailLabel && items < opts.MinTailItems {
			continue
		}
		tailFrom = l
		last := lastNonBlank(d, l, end-1)
		blocks = append(blocks, navBlock{l, last})
	}
	// Labels inside the body take the strictly headline-shaped lines after them.
	for _, l := range labels {
		if kinds[l] != anyLabel || l >= tailFrom {
			continue
		}
		last := l
		for j := l + 1; j < n && j < tailFrom; j++ {
			f := d.Feat(j)
			if f.Blank() || isMarkerOnly(f) {
				continue
			}
			// prose ends the list; a question headline of ten or eleven words does not
			if kinds[j] != notLabel || !isHeadline(f, true) || lay.Prose[j] && (f.Words >= 12 || lay.Wrapped(j)) {
				break
			}
			last = j
		}
		blocks = append(blocks, navBlock{l, last})
	}
	for _, b := range blocks {
		for j := b.first; j <= b.last; j++ {
			covered[j] = true
		}
	}
	sort.Slice(blocks, func(a, b int) bool { return blocks[a].first < blocks[b].first })
	return &navAnalysis{blocks: blocks, covered: covered, opts: opts, kinds: kinds}
}

// Check implements lint.Rule.
func (r NavLeak) Check(p *lint.Pass) {
	opts := lint.OptionsOf[navOptions](p, r)
	d := p.Doc
	n := d.NumLines()
	a := lint.ResultOf(p, navBlocks)
	lay := lint.ResultOf(p, layoutOf)
	blocks, covered, norms := a.blocks, a.covered, lay.Labels
	isFurniture := func(i int) bool { return norms[i] != "" && furnitureLineOf(norms[i], lay.Classes[i], d.Feat(i), opts) }
	report := func(first, last int, msg string) {
		p.ReportLines(first, last, msg, "delete the leaked lines", lint.Safe)
	}
	// Report in document order: blocks, labelled one-line links and furniture runs.
	bi := 0
	for i := 0; i < n; i++ {
		if bi < len(blocks) && blocks[bi].first == i {
			b := blocks[bi]
			bi++
			items := b.last - b.first
			label := d.Feat(b.first).Trim
			if items == 0 {
				// a label alone before a paragraph may be the article's own subheading ("UP NEXT"
				// in a game story), and so may any lone label that an article extractor kept:
				// deleting it is then a guess
				safety := lint.Safe
				if next := nextNonBlank(d, b.first+1); next >= 0 && d.Feat(next).Terminal == '.' || !lay.PageDump() {
					safety = lint.Unsafe
				}
				p.ReportLines(b.first, b.last, "navigation label "+quote(label)+" leaked into the text", "delete the leaked lines", safety)
			} else {
				// a list whose items are mostly data rows ("1. Jannik Sinner (ITA) 11,180 points"
				// under "Ranking") is a table the article may own: deleting it is a guess
				safety := lint.Safe
				if dataRows(d, lay, b.first+1, b.last) {
					safety = lint.Unsafe
				}
				p.ReportLines(b.first, b.last, "navigation block "+quote(label)+" ("+strconv.Itoa(items+1)+" lines) leaked into the text", "delete the leaked lines", safety)
			}
			i = b.last
			continue
		}
		if covered[i] {
			continue
		}
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		if lay.Wrapped(i) { // a line of a wrapped paragraph is prose, whatever it starts with
			continue
		}
		if lay.Listed[i] { // an item of a list the text introduces ("The clauses include:") is quoted
			continue
		}
		if lab, ok := linkLine(f); ok {
			// next to a line of a fact box ("Less: 12 per cent") the label is the box's
			safety := lint.Safe
			if !lay.PageDump() && inFactBox(d, i) {
				safety = lint.Unsafe
				if f.Words >= 8 { // a sentence of the box: shown, never deleted
					safety = lint.DisplayOnly
				}
			}
			p.ReportLines(i, i, quote(lab)+" link line leaked into the text", "delete the leaked lines", safety)
			continue
		}
		if isFurniture(i) {
			j := i
			for k := i + 1; k < n && !covered[k]; k++ {
				if d.Feat(k).Blank() {
					continue
				}
				if !isFurniture(k) {
					break
				}
				j = k
			}
			if j == i {
				report(i, i, "page furniture "+quote(f.Trim)+" leaked into the text")
			} else {
				report(i, j, "page furniture ("+strconv.Itoa(j-i+1)+" lines, starting "+quote(f.Trim)+") leaked into the text")
			}
			i = j
		}
	}
}

// dataRows reports whether most non-blank lines from first to last are data rows (Layout.Rows):
// lines dense in numbers other than dates, fixtures, team sheets.
func dataRows(d *document.Document, lay *Layout, first, last int) bool {
	lines, rows := 0, 0
	for j := first; j <= last; j++ {
		if d.Feat(j).Blank() {
			continue
		}
		lines++
		if lay.Rows[j] {
			rows++
		}
	}
	return rows*2 >= lines && rows > 0
}

func lastNonBlank(d *document.Document, from, to int) int {
	for j := to; j > from; j-- {
		if !d.Feat(j).Blank() {
			return j
		}
	}
	return from
}

func classifyLabel(norm string, o *navOptions) labelKind {
	return classifyLabelOf(norm, lexiconClass(norm), o)
}

// classifyLabelOf is classifyLabel for a label whose lexicon classes are known (Layout.Classes).
func classifyLabelOf(norm string, class labelClass, o *navOptions) labelKind {
	if norm == "" {
		return notLabel
	}
	if class.has(classNav) || containsFold(o.Labels, norm) {
		return anyLabel
	}
	if strings.HasPrefix(norm, "more from ") && len(strings.Fields(norm)) <= 6 {
		return anyLabel
	}
	if class.has(classNavTail) || containsFold(o.TailLabels, norm) {
		return tailLabel
	}
	return notLabel
}

func containsFold(list []string, norm string) bool {
	for _, s := range list {
		if normLabel(s) == norm {
			return true
		}
	}
	return false
}

// furnitureLineOf reports a line of page furniture by its label, whose lexicon classes
// (Layout.Classes) are class.
func furnitureLineOf(norm string, class labelClass, f *document.Features, o *navOptions) bool {
	if class.has(classFurniture) || containsFold(o.Furniture, norm) {
		return true
	}
	if f.Words > 40 {
		return false
	}
	if furniturePrefixSet.first(norm) >= 0 {
		return true
	}
	if f.Words > 20 || len(norm) < minFurnitureContains || !furnitureMatcher.Contains(norm) {
		return false
	}
	// a sentence may mention cookies or reserved rights ("The label said all rights reserved by
	// the artist would revert to her estate."): a longer line is furniture only when the phrase
	// opens it or it carries a copyright mark
	if f.Words < 8 || strings.Contains(norm, "©") || strings.Contains(norm, "copyright") || strings.Contains(norm, "(c)") {
		return true
	}
	for _, phrase := range furnitureContains {
		if strings.HasPrefix(norm, phrase) {
			return !goesOn(norm, phrase, sentenceRest)
		}
	}
	return false
}

// furniturePrefixSet finds any of furniturePrefixes by first byte.
var furniturePrefixSet = newPrefixSet(furniturePrefixes)

// minFurnitureContains is the length of the shortest of furnitureContains: a shorter label
// holds none.
var minFurnitureContains = func() int {
	n := len(furnitureContains[0])
	for _, p := range furnitureContains {
		n = min(n, len(p))
	}
	return n
}()

// furnitureMatcher finds any of furnitureContains in one pass.
var furnitureMatcher = match.New(furnitureContains, false)

// linkLine recognises "Read more: <headline>" style lines: a pointer label, a colon and a
// headline. It returns the label.
func linkLine(f *document.Features) (string, bool) {
	if f.Words > 30 {
		return "", false
	}
	t := f.Trim
	i := indexColon(t[:min(len(t), 44)])
	if i <= 0 || i > 40 {
		return "", false
	}
	label := normLabelIn(f, t[:i])
	if !linkLabels[label] {
		return "", false
	}
	rest := document.Measure(strings.TrimLeft(t[i:], ":： "))
	if rest.Words < 2 || !isHeadline(&rest, false) || rest.Sentences > 1 {
		return "", false
	}
	// a long sentence after the label tells the reader something ("Read more: The state's
	// interactive map of advisories is updated every Friday and lists all water bodies …")
	if rest.Terminal == '.' && rest.Words >= longLinkSentence {
		return "", false
	}
	return strings.TrimSpace(t[:i]), true
}

// longLinkSentence is how many words make what follows a link label a sentence of the text
// rather than the headline of a link, when it ends in a full stop.
const longLinkSentence = 16

// navLabels open a headline list anywhere in a document.
var navLabels = set(
	// English
	"related", "related articles", "related stories", "related news", "related posts", "related content",
	"related coverage", "related links", "related reading", "related topics", "related videos",
	"read more", "read also", "also read", "see also", "see more", "more stories", "more news",
	"more articles", "more on this", "more on this story", "more on this topic", "you may also like",
	"you might also like", "you may also be interested in", "you might be interested in",
	"you may like", "recommended", "recommended for you", "recommended stories", "recommended articles",
	"recommended reading", "recommended videos", "most popular", "most read", "most viewed", "most shared",
	"popular stories", "popular posts", "popular articles", "popular now", "trending now", "trending stories",
	"top stories", "latest news", "latest stories", "latest articles", "latest posts", "editor's picks",
	"editors' picks", "editor’s picks", "don't miss", "don’t miss", "must read", "what to read next",
	"read next", "up next", "in case you missed it", "around the web", "from the web",
	"sponsored stories", "promoted stories", "recent posts", "more headlines", "other stories",
	// German, French, Spanish, Portuguese, Italian, Dutch, Polish, Russian
	"lesen sie auch", "lesen sie mehr", "mehr zum thema", "das könnte sie auch interessieren",
	"auch interessant", "meistgelesen", "meistgelesene artikel", "weitere artikel", "verwandte artikel",
	"lire aussi", "à lire aussi", "a lire aussi", "sur le même sujet", "les plus lus", "voir aussi",
	"articles similaires", "à lire également", "noticias relacionadas", "te puede interesar",
	"lo más leído", "más noticias", "artículos relacionados", "lee también", "leer también",
	"artigos relacionados", "notícias relacionadas", "leia também", "veja também", "mais lidas",
	"artigos populares", "leggi anche", "articoli correlati", "i più letti", "potrebbe interessarti",
	"lees ook", "meest gelezen", "gerelateerde artikelen", "czytaj także", "czytaj też", "zobacz także",
	"zobacz też", "читайте также", "похожие новости", "читайте еще", "по теме", "материалы по теме", "самое читаемое",
	// Chinese, Japanese, Korean
	"相关新闻", "相关阅读", "推荐阅读", "热门文章", "相关文章", "関連記事", "関連ニュース", "관련기사", "관련 기사",
)

// navTailLabels open a headline list only after the body.
var navTailLabels = set(
	"ranking", "recommendation", "trending", "popular", "latest",
	"news", "top news", "headlines", "more", "videos", "video", "photos", "opinion", "sponsored",
	"categories", "tags", "topics", "archives", "recent comments", "most recent", "newest",
	"kategorien", "catégories", "categorías", "categorias", "categorie", "etiquetas", "tags:",
	"популярное", "новости",
)

// linkLabels introduce a single linked headline on the same line.
var linkLabels = set(
	"read more", "read also", "also read", "see also", "see more", "related", "more", "watch",
	"read", "more on this", "recommended", "don't miss", "don’t miss", "must read", "read next",
	"lesen sie auch", "mehr zum thema", "lire aussi", "à lire aussi", "voir aussi", "lee también",
	"te puede interesar", "leia também", "veja também", "leia mais", "saiba mais", "leggi anche",
	"lees ook", "czytaj także", "zobacz także", "читайте также",
)

// furniture lines are page furniture wherever they stand.
var furniture = set(
	"leave a reply", "leave a comment", "leave a reply cancel reply", "cancel reply", "post comment",
	"post a comment", "add comment", "add a comment", "view comments", "show comments", "join the conversation",
	"back to top", "back to top button", "skip to content", "skip to main content", "advertisement",
	"advertisements", "sponsored content", "share this article", "share this story", "share this post",
	"share this", "share on facebook", "share on twitter", "share via email", "share", "tweet", "print",
	"email", "copy link", "subscribe", "subscribe now", "continue reading", "show more", "load more",
	"next article", "previous article", "next post", "previous post", "follow us", "click to share on facebook",
	"click to share on twitter", "click to email this to a friend", "like this", "like this:", "share this:",
	"deixe uma resposta", "deixe uma resposta cancelar resposta", "cancelar resposta", "responder",
	"publicidade", "compartilhar", "anzeige", "werbung", "teilen", "drucken", "nach oben",
	"zum seitenanfang", "publicité", "partager", "imprimer", "publicidad", "compartir", "imprimir",
	"pubblicità", "condividi", "advertentie", "delen", "reklama", "udostępnij", "реклама", "поделиться",
	"广告", "分享", "広告", "search", "search for", "поиск", "suche", "rechercher", "buscar", "pesquisar", "cerca",
	"stay connected", "connect with us", "follow us on", "share on", "more",
	"advert", "sharing is caring", "sharing is caring!", "back to gallery", "created with sketch",
	"created with sketch.",
)

var furniturePrefixes = []string{
	"your email address will not be published", "required fields are marked", "subscribe to our newsletter",
	"sign up for our newsletter", "sign up to our newsletter", "you must be logged in to post a comment",
	"o seu endereço de e-mail não será publicado", "seu endereço de e-mail não será publicado",
	"ihre e-mail-adresse wird nicht veröffentlicht", "votre adresse e-mail ne sera pas publiée",
	"tu dirección de correo electrónico no será publicada", "il tuo indirizzo email non sarà pubblicato",
	"this site uses akismet", "copyright ©", "copyright (c)", "© copyright",
	// share buttons: "Click to share on Reddit (Opens in new window)"
	"click to share on ", "click to print", "click to email this", "click to share",
}

var furnitureContains = []string{
	"all rights reserved", "alle rechte vorbehalten", "tous droits réservés", "todos los derechos reservados",
	"todos os direitos reservados", "tutti i diritti riservati", "все права защищены", "版权所有",
	"we use cookies", "this site uses cookies", "this website uses cookies",
}
