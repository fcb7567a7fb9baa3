package rules

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// Layout is the one model of a document's layout that the structural rules share: each short
// line's folded label and its lexicon classes, which lines read like article prose, where the
// article body is, and what the article owns (hard-wrapped paragraphs, data blocks, lists the
// text introduces). It is computed once per document (see layoutOf).
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
	// Width is the column at which the document's paragraphs are hard-wrapped (wire copy,
	// html2text and e-mail feeds), or 0 when they are not.
	Width int
	// ParaFirst and ParaLast give each line's paragraph: the physical lines one logical paragraph
	// spans. Without wrapping every non-blank line is a paragraph of its own.
	ParaFirst, ParaLast []int
	// Data marks the lines of data blocks: tables, results and price rows, fixture lists, team
	// sheets, fact boxes; rows that hold numbers other than dates, and the short lines between and
	// just before them. They belong to the article and are never deleted by a safe fix.
	Data []bool
	// Rows marks the data rows themselves: lines dense in numbers other than dates, and fixtures.
	Rows []bool
	// Listed marks the items of a list the text introduces: the short lines after a line that
	// ends in a colon and is not a label the rules know ("Here are the main specifications:",
	// "Election results, northern district:"), up to the next sentence or line of more than 25
	// words.
	Listed []bool
	// Chrome counts the non-blank lines before the body that are not prose: whole-page
	// extractions keep the site's menus there (dozens of lines), article extractors keep a
	// headline and a byline at most. ProseBefore counts the prose lines before the body.
	Chrome, ProseBefore int
	// ChromeTop counts those of the Chrome lines that come before the first prose line: a page's
	// menus open it, while an article's own lists and headings follow its first paragraphs.
	ChromeTop int
	// LeadBefore reports two prose paragraphs next to each other before the body: an article's
	// lead, where a page's prose before the body stands apart (teasers between headlines).
	LeadBefore bool
	// OpensWithLead reports an article's opening: at most three short lines (a kicker, the
	// headline, a standfirst), then a lead paragraph, a sentence of twenty words or more (thirty
	// characters in text written without spaces) that is no legal notice; the lists and headings
	// between it and the body are the article's (a squad, a list of victims).
	OpensWithLead bool
	// BodyProse counts the prose paragraphs of the body. Tail counts the non-blank lines after the
	// body that are neither prose nor data: the footer a page scrape cut to the article's
	// container keeps (share buttons, tags, other stories' headlines, comment forms).
	BodyProse, Tail int
	// ParasAfter counts the paragraphs after the body: prose lines of more than 45 words or next
	// to another prose line (a teaser's one-sentence summary stands alone between headlines).
	ParasAfter int

	// legal holds each non-blank line's legalKind and widget whether it is a widgetLine: the
	// layout needs them to tell prose, and legal-notice and comment-widget report them.
	legal  []string
	widget []bool
}

// PageDump reports a document that holds a whole page's text, menus and all, rather than an
// article: many lines before the body, few of them prose (an article in several sections, such
// as a series of interviews, has prose between its short lines). Only there do runs of short
// lines get a safe fix. A document that opens with its headline and lead paragraphs (at most
// leadTop short lines before two paragraphs next to each other) is an article, whatever lists
// and headings come between its lead and its densest part (a live report's key points).
func (l *Layout) PageDump() bool {
	return l.Chrome >= pageDumpLines && l.ProseBefore*5 <= l.Chrome && !(l.LeadBefore && l.ChromeTop < leadTop) && !l.OpensWithLead
}

// pageDumpLines is how many non-blank lines before the body make a whole-page extraction.
const pageDumpLines = 10

// leadTop is how many non-prose lines may open an article before its lead: a kicker, the
// headline, a byline and a date.
const leadTop = 4

// FooterDump reports a document that is not a whole-page extraction but keeps a page's footer
// after a body of at least three paragraphs: tailDumpLines or more lines after the body that are
// neither prose nor data, as a page scrape cut to the article's container keeps them, and few
// paragraphs among them (two, or one for every ten such lines: a teaser now and then runs long).
// Article extractors keep a few such lines at most, unless the article ends in a long list of
// its own; an article that goes on in paragraphs after its densest part is no footer.
func (l *Layout) FooterDump() bool {
	return !l.PageDump() && l.BodyProse >= 3 && l.Tail >= tailDumpLines && (l.ParasAfter <= 2 || l.ParasAfter*10 <= l.Tail)
}

// tailDumpLines is how many non-prose, non-data lines after the body make a footer dump.
const tailDumpLines = 25

// Wrapped reports whether line i is one line of a hard-wrapped paragraph of several lines.
func (l *Layout) Wrapped(i int) bool { return l.ParaLast[i] > l.ParaFirst[i] }

// layoutOf is the shared layout analysis.
var layoutOf = &lint.Analysis[*Layout]{
	Name: "layout",
	Doc:  "line labels and lexicon classes, prose lines, header and footer zones, the article body, wrapped paragraphs, data blocks and introduced lists",
	Run:  func(p *lint.Pass) *Layout { return computeLayout(p.Doc) },
}

// bodyGap is how many non-blank, non-prose lines may separate two prose lines of one cluster.
const bodyGap = 5

// minTeasers is how many paragraphs standing apart make a cluster a teaser list.
const minTeasers = 4

// maxClusterLine caps what one line adds to its cluster's size: a page's metadata can hold the
// whole article on one line (a JSON-LD "articleBody"), which must not outweigh the article.
const maxClusterLine = 1000

// isProse reports a line that reads like article prose (document.Features.Prose).
func isProse(f *document.Features) bool { return f.Prose() }

// computeLayout measures the document: labels, prose lines, grouped into clusters that non-prose
// runs longer than bodyGap separate; the cluster with the most text is the body.
func computeLayout(d *document.Document) *Layout {
	n := d.NumLines()
	// one array for each type of per-line slice, reused from a released document's layout
	l, strs, ints, bools, classes := layoutArrays(d, n)
	*l = Layout{Labels: strs[:n:n], Classes: classes, Prose: bools[:n:n],
		ProseFirst: -1, ProseLast: -1, BodyFirst: -1, BodyLast: -1, ParaFirst: ints[:n:n], ParaLast: ints[n : 2*n : 2*n],
		legal: strs[n:], widget: bools[n : 2*n : 2*n], Data: bools[2*n : 3*n : 3*n], Rows: bools[3*n : 4*n : 4*n],
		Listed: bools[4*n:]}
	l.Width = wrapWidth(d)
	prose := 0
	for i := 0; i < n; i++ {
		l.ParaFirst[i], l.ParaLast[i] = i, i
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		if f.Runes <= 120 {
			l.Labels[i] = normLabelIn(f, f.Trim)
			l.Classes[i] = lexiconClass(l.Labels[i])
		}
		l.legal[i], l.widget[i] = legalKind(f), widgetLine(f)
		// a cookie banner or a comment form's message reads like prose but is the site's
		if isProse(f) && l.legal[i] == "" && !l.widget[i] {
			l.Prose[i] = true
		}
	}
	if l.Width > 0 {
		l.joinWrapped(d)
	}
	l.joinTails(d)
	for i := 0; i < n; i++ {
		if l.Prose[i] {
			if l.ProseFirst < 0 {
				l.ProseFirst = i
			}
			l.ProseLast = i
			prose++
		}
	}
	dataBlocks(d, l.Prose, l.Data, l.Rows, ints[2*n:])
	introducedLists(d, l, l.Listed)
	if prose < 2 {
		return l
	}
	// The body is the cluster with the most text. A cluster whose paragraphs all stand apart,
	// two or more short lines between each two (headline, author, date, summary, again and
	// again), is a teaser list: it is the body only when no other cluster of two paragraphs or
	// more is left.
	bestFirst, bestLast, bestLen, bestParas := -1, -1, -1, 0
	teaseFirst, teaseLast, teaseLen := -1, -1, -1
	first, last, size, gap, paras, together := -1, -1, 0, 0, 0, 0
	closeCluster := func() {
		switch {
		case first < 0:
		case paras >= minTeasers && together == 0:
			if size > teaseLen {
				teaseFirst, teaseLast, teaseLen = first, last, size
			}
		case size > bestLen:
			bestFirst, bestLast, bestLen, bestParas = first, last, size, paras
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
			first, size, paras, together = -1, 0, 0, 0
		}
		if first < 0 {
			first = i
		}
		if l.ParaFirst[i] == i {
			paras++
			if paras > 1 && gap <= 1 {
				together++
			}
		}
		last = i
		size += min(f.Runes, maxClusterLine)
		gap = 0
	}
	closeCluster()
	if teaseFirst >= 0 && bestParas < 2 {
		bestFirst, bestLast = teaseFirst, teaseLast
	}
	l.BodyFirst, l.BodyLast = bestFirst, bestLast
	for i := 0; i < bestFirst; i++ {
		switch {
		case l.ParaFirst[i] != i: // a hard-wrapped paragraph counts once
		case l.Prose[i]:
			if l.ProseBefore == 0 && l.ChromeTop < leadTop {
				// the paragraph's words, over all its lines when it is hard-wrapped; in text written
				// without spaces, its characters (a sentence of 30, as Features.Prose counts them)
				words, runes, ideographs := 0, 0, 0
				for j := i; j <= l.ParaLast[i]; j++ {
					g := d.Feat(j)
					words, runes, ideographs = words+g.Words, runes+g.Runes, ideographs+g.Ideographs
				}
				end := d.Feat(l.ParaLast[i]).Terminal
				lead := words >= 20 && end == '.'
				if ideographs*3 > runes {
					lead = runes >= 30 && (end == '。' || end == '．' || end == '.')
				}
				l.OpensWithLead = lead && l.legal[i] == ""
			}
			l.ProseBefore++
			if j := nextNonBlank(d, l.ParaLast[i]+1); j >= 0 && j < bestFirst && l.Prose[j] {
				l.LeadBefore = true
			}
		case !d.Feat(i).Blank():
			l.Chrome++
			if l.ProseFirst < 0 || i < l.ProseFirst {
				l.ChromeTop++
			}
		}
	}
	for i := bestFirst; i <= bestLast; i++ {
		if l.Prose[i] && l.ParaFirst[i] == i {
			l.BodyProse++
		}
	}
	prev := -1 // the last non-blank line
	for i := bestLast + 1; i < n; i++ {
		f := d.Feat(i)
		switch {
		case f.Blank():
			continue
		case !l.Prose[i] && !l.Data[i]:
			l.Tail++
		case l.Prose[i] && (f.Words > 45 || prev >= 0 && l.Prose[prev] || proseAt(l, nextNonBlank(d, i+1))):
			l.ParasAfter++
		}
		prev = i
	}
	return l
}

// layoutBuf holds a layout and its per-line arrays.
type layoutBuf struct {
	layout  Layout
	strs    []string
	ints    []int
	bools   []bool
	classes []labelClass
}

// layoutBufs holds the arrays of the layouts of released documents (document.Release).
var layoutBufs sync.Pool // *layoutBuf

// maxPooledLayout bounds the lines of the arrays kept for reuse.
const maxPooledLayout = 1 << 14

// layoutArrays returns a layout and zeroed arrays for the layout of d's n lines: 2n strings, 3n
// ints, 5n bools and n classes, reused when d is released.
func layoutArrays(d *document.Document, n int) (*Layout, []string, []int, []bool, []labelClass) {
	if n == 0 || n > maxPooledLayout {
		return new(Layout), make([]string, 2*n), make([]int, 3*n), make([]bool, 5*n), make([]labelClass, n)
	}
	b, _ := layoutBufs.Get().(*layoutBuf)
	if b == nil {
		b = new(layoutBuf)
	}
	if cap(b.strs) < 2*n {
		m := max(n, 64) // room for the next documents' layouts too
		b.strs, b.ints, b.bools, b.classes = make([]string, 2*m), make([]int, 3*m), make([]bool, 5*m), make([]labelClass, m)
	}
	strs, ints, bools, classes := b.strs[:2*n:2*n], b.ints[:3*n:3*n], b.bools[:5*n:5*n], b.classes[:n:n]
	clear(strs)
	clear(ints)
	clear(bools)
	clear(classes)
	d.OnRelease(func() {
		clear(strs) // keep no text alive
		b.layout = Layout{}
		layoutBufs.Put(b)
	})
	return &b.layout, strs, ints, bools, classes
}

// wrapWidth detects hard-wrapped paragraphs: text whose long lines all end near one column (at
// most 100 characters) while many lines reach it. Unwrapped news text has one paragraph per line,
// and its paragraphs run far past 100 characters. It returns the wrap column, or 0.
func wrapWidth(d *document.Document) int {
	var hist [101]int
	long, over := 0, 0
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		switch {
		case f.Blank() || f.Runes < 30:
		case f.Runes > 100:
			over++
		default:
			hist[f.Runes]++
			long++
		}
	}
	if long < 4 || over*10 > long {
		return 0
	}
	// the width is the longest length that at least 5% of the long lines reach
	width, seen := 0, 0
	for w := 100; w >= 30; w-- {
		seen += hist[w]
		if seen*20 >= long {
			width = w
			break
		}
	}
	// most long lines are filled (within 20% of the width), most filled lines break inside a
	// sentence (text written one sentence per line is not wrapped), and the line after a filled
	// line often goes on in lower case (a list of headlines of one length is not wrapped)
	// blocked counts the long lines that another line follows directly: the lines a wrapped
	// paragraph fills, not a page's stand-alone headlines
	filled, open, lower, blocked, followed := 0, 0, 0, 0, 0
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		if f.Runes >= 30 && f.Runes <= 100 && i+1 < d.NumLines() && !d.Feat(i+1).Blank() {
			blocked++
		}
		if f.Runes < width*4/5 || f.Runes > 100 {
			continue
		}
		filled++
		if !f.EndsSentence() {
			open++
		}
		if i+1 < d.NumLines() && !d.Feat(i+1).Blank() {
			followed++
			// a letter of a script without capitals (Arabic, Hebrew, Devanagari) goes on as a
			// lower-case one does
			if r, _ := utf8.DecodeRuneInString(d.Feat(i + 1).Trim); unicode.IsDigit(r) || unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsTitle(r) {
				lower++
			}
		}
	}
	// filled lines that stand alone (a page's headlines that happen to be long) say nothing
	// about how paragraphs go on
	// (unless most filled lines go on in lower case, which headlines never do: a short article
	// whose paragraphs alternate with list items of 30 to 50 characters)
	if filled*2 < min(long, blocked) && (lower < 3 || lower*2 < filled) || filled < 3 || open*2 < filled || lower*4 < min(filled, followed) {
		return 0
	}
	return width
}

// joinWrapped groups the lines of hard-wrapped paragraphs: a line filled to near the wrap width
// continues on the next non-blank line. A paragraph that reads as prose as a whole marks all its
// lines as prose, so that its last line ("1986.") is never taken for a short line of its own.
func (l *Layout) joinWrapped(d *document.Document) {
	n := d.NumLines()
	fill := l.Width * 3 / 5
	for i := 0; i < n; {
		if d.Feat(i).Blank() {
			i++
			continue
		}
		j := i
		for j+1 < n && !d.Feat(j+1).Blank() && d.Feat(j).Runes >= fill && continues(d.Feat(j), d.Feat(j+1)) {
			j++
		}
		if j > i {
			isP := prose(d, i, j)
			for k := i; k <= j; k++ {
				l.ParaFirst[k], l.ParaLast[k] = i, j
				if isP {
					l.Prose[k] = true
				}
			}
		}
		i = j + 1
	}
}

// joinTails finds sentence tails in any document: a long line that stops in the middle of a
// sentence (it ends in a lower-case word or a comma) followed directly by a short line that ends
// the sentence ("… by the end of" / "1986.", "… gained market" / "share."). The tail belongs to
// the line above, which is how hard-wrapped text too short to show its wrap width looks.
func (l *Layout) joinTails(d *document.Document) {
	for i := 1; i < d.NumLines(); i++ {
		prev, f := d.Feat(i-1), d.Feat(i)
		if f.Blank() || prev.Blank() || l.Wrapped(i) || f.Words > 4 || !f.EndsSentence() || prev.Runes < 40 || f.Runes*2 > prev.Runes {
			continue
		}
		last, _ := utf8.DecodeLastRuneInString(prev.Trim)
		if !unicode.IsLower(last) && last != ',' {
			continue
		}
		first := l.ParaFirst[i-1]
		for k := first; k <= i; k++ {
			l.ParaFirst[k], l.ParaLast[k] = first, i
		}
		if l.Prose[i-1] || prose(d, first, i) {
			for k := first; k <= i; k++ {
				l.Prose[k] = true
			}
		}
	}
}

// prose reports whether lines first..last read together as prose.
func prose(d *document.Document, first, last int) bool {
	para := joinedFeatures(d, first, last)
	return isProse(&para)
}

// joinedFeatures measures the trimmed lines first..last joined by spaces.
func joinedFeatures(d *document.Document, first, last int) document.Features {
	var b strings.Builder
	for k := first; k <= last; k++ {
		if k > first {
			b.WriteByte(' ')
		}
		b.WriteString(d.Feat(k).Trim)
	}
	return document.Measure(b.String())
}

// continues reports whether next can continue the paragraph that line prev belongs to: prev does
// not close a sentence, or next starts in lower case or with a digit (a wrapped sentence), and next
// does not open a list item.
func continues(prev, next *document.Features) bool {
	r, _ := utf8.DecodeRuneInString(next.Trim)
	if isListMarker(next.Trim) {
		return false
	}
	// a line that ends in a colon before a capitalised line introduces a list ("… on sale from
	// Friday:" / "Glasgow"), whose first item must not join the paragraph
	if prev.Terminal == ':' && unicode.IsUpper(r) {
		return false
	}
	return !prev.EndsSentence() || unicode.IsLower(r) || unicode.IsDigit(r)
}

// isListMarker reports a line that starts like a list item: a bullet or "1." / "1)".
func isListMarker(t string) bool {
	if stripListMarker(t) != t {
		return true
	}
	i := 0
	for i < len(t) && i < 3 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i < len(t) && (t[i] == '.' || t[i] == ')') && i+1 < len(t) && t[i+1] == ' '
}

// dataBlocks marks tables, results and price rows, fixture lists and fact boxes: short lines
// holding numbers other than dates ("Net profit 4.1 mln vs 3.7 mln", "VIP : 60,000", "1986/87
// 1985/86", "Arsenal 2 Chelsea 1"), or fixtures ("Team A v Team B"), that stand within two lines of
// another such line; with the lines between them and up to two short lines before the first (the
// block's headings: "Year", "Ticketing"). It marks them in data and isRow, zeroed slices of one
// element per line, and uses buf, of as many elements, for the non-blank lines' indexes.
func dataBlocks(d *document.Document, prose, data, isRow []bool, buf []int) {
	n := d.NumLines()
	var rows []int // non-blank line indexes of data rows, in order
	nonBlank := buf[:0:n]
	for i := 0; i < n; i++ {
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		nonBlank = append(nonBlank, i)
		if !prose[i] && f.Words <= 16 && (f.Digits > 0 && (dataRow(f) || datedRow(f.Trim)) || fixtureLine(f.Trim) || teamSheet(f)) {
			rows = append(rows, len(nonBlank)-1)
			isRow[i] = true
		}
	}
	for k := 0; k+1 < len(rows); k++ {
		a, b := rows[k], rows[k+1]
		if b-a > 2 {
			continue
		}
		from := a
		if k == 0 || a-rows[k-1] > 2 { // the first row of a block: take its headings too
			for h := a - 1; h >= 0 && h >= a-2; h-- {
				if i := nonBlank[h]; prose[i] || d.Feat(i).Words > 8 {
					break
				}
				from = h
			}
		}
		for x := from; x <= b; x++ {
			data[nonBlank[x]] = true
		}
	}
}

// maxListItems bounds how far a list the text introduces reaches.
const maxListItems = 40

// introducedLists marks in listed, a zeroed slice of one element per line, the items of the
// lists the text introduces (Layout.Listed).
func introducedLists(d *document.Document, l *Layout, listed []bool) {
	n := d.NumLines()
	for i := 0; i < n; i++ {
		f := d.Feat(i)
		if f.Blank() || !introducesList(f.Trim, l.Classes[i]) {
			continue
		}
		items := 0
		for j := i + 1; j < n && items < maxListItems; j++ {
			g := d.Feat(j)
			if g.Blank() {
				continue
			}
			if l.Prose[j] && g.EndsSentence() || g.Words > 25 || l.Classes[j].has(classNav|classNavTail|classFurniture|classTag) {
				break
			}
			listed[j] = true
			items++
		}
	}
}

// teamSheet reports a line of names in groups, as a team sheet lists them: "City: Jones; Smith,
// Kerr, Brown; Mills, Grant, Osei; Reed, Marsh". Sentences and menus do not use semicolons so.
func teamSheet(f *document.Features) bool {
	return f.Words >= 8 && strings.Count(f.Trim, ";") >= 2 && !f.EndsSentence()
}

// dataRow reports a line of a table or fact box: two or more numbers making up at least a quarter
// of its words ("Arsenal 2 Chelsea 1", "Shr 12 cts vs 9 cts", "1986/87 1985/86"), or one quantity
// (a number with a decimal or thousands separator, a currency, a percentage: "VIP : 60,000",
// "Attendance: 45,000"). Timestamps, counter widgets ("Politics (45)") and names that hold a number
// ("Formula 1", "Hot 100") are not data rows. A number with a unit symbol ("-6C", "42km") is a
// quantity.
func dataRow(f *document.Features) bool {
	t := f.Trim
	if strings.HasSuffix(t, ")") {
		if j := strings.LastIndexByte(t, '('); j > 0 && allDigits(t[j+1:len(t)-1]) {
			return false
		}
	}
	numeric, quantity := 0, false
	for i := 0; ; {
		start, end := nextField(t, i)
		if start == end {
			break
		}
		i = end
		w := t[start:end]
		if !hasDigit(w) || strings.Contains(w, "://") || strings.HasPrefix(w, "www.") {
			continue
		}
		numeric++
		quantity = quantity || isQuantity(w)
	}
	return (numeric >= 2 && numeric*4 >= f.Words || quantity) && !timestampLineIn(f, t)
}

// isQuantity reports a number written as an amount: "4.1", "60,000", "$3", "12%", "45°".
func isQuantity(w string) bool {
	for i := 1; i+1 < len(w); i++ {
		if (w[i] == '.' || w[i] == ',') && w[i-1] >= '0' && w[i-1] <= '9' && w[i+1] >= '0' && w[i+1] <= '9' {
			return true
		}
	}
	return strings.ContainsAny(w, "$€£¥₩%°") || measure(w)
}

// units are the unit symbols a measurement row carries after its number, folded ("-6C", "42km").
var units = set("c", "f", "km", "cm", "mm", "m", "kg", "mph", "kph", "ft", "mi", "lb", "lbs", "ml", "kw", "mw", "gw", "kwh", "mwh", "gb", "tb")

// measure reports a number with a unit symbol: "-6C", "42km", "3.5kg".
func measure(w string) bool {
	w = strings.TrimRight(strings.TrimLeft(w, "+-−–"), ",;")
	i := 0
	for i < len(w) && (w[i] >= '0' && w[i] <= '9' || i > 0 && w[i] == '.') {
		i++
	}
	return i > 0 && units[strings.ToLower(w[i:])]
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// datedRow reads a row of a schedule, a timeline or tour dates: a date (a month name and a day,
// either way round) and a separator before the rest, "June 9 – West Palm Beach, FL", "12 March:
// first reading", "Oct. 3 | Phoenix".
func datedRow(t string) bool {
	var w [3]string
	if fieldsInto(t, w[:]) < 4 {
		return false
	}
	month := func(s string) bool { return monthWords[strings.ToLower(strings.Trim(s, ".,:"))] }
	day := func(s string) bool {
		s = strings.TrimRight(s, ".,:")
		return len(s) >= 1 && len(s) <= 2 && allDigits(s)
	}
	// the day first: it is cheap, and most lines fail it
	if !(day(w[1]) && month(w[0]) || day(w[0]) && month(w[1])) {
		return false
	}
	if strings.HasSuffix(w[1], ":") {
		return true
	}
	switch w[2] {
	case "–", "-", "—", "|", "@", ":", "·":
		return true
	}
	return false
}

// monthWords are month names and abbreviations in the major languages of news.
var monthWords = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
	"janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
	"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
	"gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
)

// fixtureLine reads "Team A v Team B" and "Team A vs. Team B": capitalised sides around v or vs.
func fixtureLine(t string) bool {
	if !spaceV(t) {
		return false // every separator opens so
	}
	for _, sep := range []string{" v ", " vs ", " vs. ", " v. "} {
		if i := strings.Index(t, sep); i > 0 && i+len(sep) < len(t) {
			r, _ := utf8.DecodeRuneInString(t[i+len(sep):])
			l, _ := utf8.DecodeRuneInString(t)
			return (unicode.IsUpper(r) || unicode.IsDigit(r)) && (unicode.IsUpper(l) || unicode.IsDigit(l))
		}
	}
	return false
}

// spaceV is strings.Contains(t, " v"), looking for the rarer byte first.
func spaceV(t string) bool {
	for i := 1; i < len(t); i++ {
		j := strings.IndexByte(t[i:], 'v')
		if j < 0 {
			return false
		}
		if i += j; t[i-1] == ' ' {
			return true
		}
	}
	return false
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

// proseAt reports whether line i (-1: none) is prose.
func proseAt(l *Layout, i int) bool { return i >= 0 && l.Prose[i] }
