package rules

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// PageChrome finds runs of page chrome around the article body: menus, section lists, footer
// link lists, the text a whole-page extractor keeps from navigation bars.
type PageChrome struct{}

type chromeOptions struct {
	// MinRun is the fewest lines of a run.
	MinRun int `toml:"min_run" doc:"Fewest consecutive short lines outside the article body that make a menu run."`
	// MaxWords is the most words of a menu item.
	MaxWords int `toml:"max_words" doc:"Most words of a menu line (runs of these get a safe fix)."`
	// HeadlineWords is the most words of a headline-like line in an unsafe run.
	HeadlineWords int `toml:"headline_words" doc:"Most words of a headline-like line in a list of other stories' headlines."`
	// Teasers turns on teaser lists: headlines with one-sentence summaries.
	Teasers bool `toml:"teasers" doc:"Find teaser lists in whole-page extractions: other stories' headlines, each with a one-sentence summary."`
}

func (o *chromeOptions) Validate() error {
	if o.MinRun < 2 {
		return fmt.Errorf("min_run must be at least 2, got %d", o.MinRun)
	}
	if o.MaxWords < 1 || o.HeadlineWords < o.MaxWords {
		return fmt.Errorf("need 1 <= max_words <= headline_words, got %d and %d", o.MaxWords, o.HeadlineWords)
	}
	return nil
}

// NewOptions implements lint.Configurable.
func (PageChrome) NewOptions() any {
	return &chromeOptions{MinRun: 5, MaxWords: 4, HeadlineWords: 15, Teasers: true}
}

// Meta implements lint.Rule.
func (PageChrome) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "page-chrome",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf, navBlocks},
		Summary:  "menus and link lists around the article body",
		Doc: `Finds the page chrome that whole-page extractors keep: section menus, edition pickers, footer
link lists. It finds the article body (the densest cluster of prose lines, where more than five
other lines split clusters) and reports runs of at least min_run consecutive short lines (at
most max_words words) outside it, and runs that also hold headline-like lines (up to
headline_words words, no closing full stop). Lines the article owns break runs: prose,
hard-wrapped paragraphs, data blocks (tables, results, prices, fixtures), sentences; a run
introduced by a line ending in ":" or mostly numbered is the article's list and is left alone,
and so is everything in documents with fewer than two prose lines. Text written without spaces
(Chinese, Japanese) counts two characters a word.

In whole-page extractions it also finds teaser lists (option teasers): other stories' headlines,
each with a summary of one or two sentences and often a time or a section name, in runs with at
least three summaries. A summary reads like prose, so it is told from the article by its place
(outside the body) and its neighbours: each follows a headline-like line, and no two sentences
stand together, as the paragraphs of an article do. Teasers close enough to the article to join
its cluster of prose lines are set apart first: the body ends at its last paragraph that is not
such a summary after a headline-like line with two or more other lines before it. A run that
opens with a time stamp or a legal line ("First published on …") starts after the article.`,
		Why: `Menus and link lists are not article text; they make every page of a site look alike to
deduplication and fill training data with site names.`,
		FixSafety: `Safe only in a whole-page extraction (ten or more lines before the body, as whole-page
extractors keep the site's header): an article extractor's output keeps no menus, so a run of
short lines there is more often the article's own list or fact box, and its fix is display-only.
In a whole-page extraction, menu runs are safe unless they are mostly data rows (unsafe). Runs
with headline-like lines are lists of other stories, safe when the position says so: the body
has at least three prose lines, the run is not followed by prose before the body, and it does
not start right after the body's last paragraph (a list the text goes on to). A run that looks
like an article's own list stays unsafe: most lines hold numbers or start with a bullet, most
share one punctuation pattern ("Spain (Group F): 11th appearance"), or a line introduces it.
Far after the body (ten lines or more past its last paragraph), a run of three
headline-like lines is enough. Question-and-answer lines ("Q: …", "A: …") never join a run. Teaser lists are safe after the
body on the same conditions; before the body, or right after its last paragraph, short lines and
sentences in turn may be the article's own (a photo story, sections of one paragraph each), and
the fix is unsafe. A page scrape cut to the article's container keeps no menus before the body
but the page's footer after it: with a body of three paragraphs or more, 25 or more lines after it
that are neither prose nor data, and few paragraphs among them, the runs after the body are safe on
the same conditions, and those before it only shown. An article in sections (a series of
interviews, each a few short lines and answers) is no whole-page extraction, but it can keep the
site's header: with twenty or more lines before the first sentence, a menu run there is safe up
to four lines before that sentence (the article's headline, byline and date stay).`,
		Example: "UK edition\nUS edition\nSign in\nSearch\nNewsletters\nHome\nNews\nWorld\nBusiness\nSport\nCulture\n" +
			"Trade ministers from both countries agreed on Friday to resume formal talks next month, officials said.\n" +
			"The talks are expected to focus on tariffs on steel and farm goods, though neither side gave details.\n",
	}
}

// Check implements lint.Rule.
func (r PageChrome) Check(p *lint.Pass) {
	o := lint.OptionsOf[chromeOptions](p, r)
	d := p.Doc
	st := lint.ResultOf(p, layoutOf)
	if st.BodyFirst < 0 {
		return
	}
	if end := teaserTail(d, st); end != st.BodyLast {
		trimmed := *st
		trimmed.BodyLast = end
		st = &trimmed
	}
	// nav-leak owns labelled lists (as nav-leak is configured): their lines break runs, and a run
	// right after a strong label is the label's list
	nav := lint.ResultOf(p, navBlocks)
	label := func(i int) bool {
		return nav.covered[i] || nav.kinds[i] == anyLabel // classifyLabelOf(st.Labels[i], st.Classes[i], nav.opts)
	}
	// in a whole-page extraction with a body of three paragraphs or more, a hard-wrapped
	// paragraph that is not prose is a headline wrapped over two lines (html2text pages), and
	// may join a headline run; menus do not wrap
	wrappedHeadlines := st.PageDump() && st.BodyProse >= 3
	// lines the article owns break runs: prose, hard-wrapped paragraphs, data blocks, sentences
	owned := func(i int) bool {
		f := d.Feat(i)
		return st.Prose[i] || st.Wrapped(i) && !wrappedHeadlines || st.Data[i] || (f.Terminal == '.' || f.Terminal == '。') && f.Words >= 3 || qaLine(f.Trim)
	}
	menu := func(i int) bool {
		f := d.Feat(i)
		return st.Outside(i) && !f.Blank() && !owned(i) && !st.Wrapped(i) && f.Words <= o.MaxWords && !label(i)
	}
	headline := func(i int) bool {
		f := d.Feat(i)
		if !st.Outside(i) || f.Blank() || owned(i) || f.Words > o.HeadlineWords {
			return false
		}
		switch f.Terminal {
		case '.', ':', ';', ',':
			return false
		}
		return true
	}
	// Menus are certain only in whole-page extractions, which keep the site's menus before the
	// body; in an article extractor's output a run of short lines is more often the article's own
	// list or fact box.
	// On article extractions the rule finds almost no junk and deletes article text, so there
	// it only shows what it sees.
	// A page whose article comes in sections (a series of interviews) is no page dump, yet it can
	// keep the site's header: many short lines before the first sentence of all.
	header := false
	if !st.PageDump() && st.ProseFirst > 0 {
		n := 0
		for i := 0; i < st.ProseFirst; i++ {
			if !d.Feat(i).Blank() {
				n++
			}
		}
		header = n >= headerLines
	}
	menuSafety, listSafety := lint.DisplayOnly, lint.DisplayOnly
	if st.PageDump() {
		menuSafety, listSafety = lint.Safe, lint.Unsafe
	}
	// nav-leak deletes furniture and link lines on its own, byline stand-alone timestamps, and of
	// two fixes that start on one line only one is applied: a run starts after such lines, so that
	// both apply
	navOn, bylineOn := p.RuleActive("nav-leak"), p.RuleActive("byline")
	navOwn := func(i int) bool {
		f := d.Feat(i)
		_, link := linkLine(f)
		return navOn && (link || st.Labels[i] != "" && furnitureLineOf(st.Labels[i], st.Classes[i], f, nav.opts)) || bylineOn && timestampLineIn(f, f.Trim)
	}
	trim := func(run []int) []int {
		for len(run) > 0 && navOwn(run[0]) {
			run = run[1:]
		}
		return run
	}
	// a run right after a label is the label's list, which nav-leak takes; in a whole-page
	// extraction or a footer dump a label that nav-leak reports alone ("Latest News" over a section menu) leaves
	// the run to page-chrome
	footer := st.FooterDump()
	before := label
	if st.PageDump() || footer {
		before = func(i int) bool { return nav.covered[i] && i+1 < len(nav.covered) && nav.covered[i+1] }
	}
	// A footer dump (a page cut to the article's container) keeps no menus before the body, but
	// its long footer is the page's: runs after the body are certain there on the conditions of a
	// whole-page extraction, runs before it are only shown.
	safe := make([]bool, d.NumLines())
	if o.Teasers && (st.PageDump() || footer) {
		for _, run := range teaserRuns(d, st, headline, label, o.MinRun) {
			// before the body, a run of short lines and sentences may be the article's opening,
			// written in short lines (a photo story): only the teaser lists after it are certain
			safety := lint.Safe
			if run[0] < st.BodyFirst || articleList(d, st, run, false) {
				safety = lint.Unsafe
				if footer {
					safety = lint.DisplayOnly
				}
			}
			if safety == lint.Safe { // an unsafe teaser list leaves its menu and headline runs
				for _, i := range run {
					safe[i] = true
				}
			}
			if run = trim(run); len(run) == 0 {
				continue
			}
			p.ReportLines(run[0], run[len(run)-1], "teaser list: "+strconv.Itoa(len(run))+" lines of other stories' headlines and summaries outside the article body, starting "+quote(d.Feat(run[0]).Trim),
				"delete the teaser list", safety)
		}
	}
	for _, run := range runs(d, st, func(i int) bool { return !safe[i] && menu(i) }, before, o.MinRun) {
		for _, i := range run {
			safe[i] = true
		}
		// a run of data rows (prices, results, fixtures) is a table or fact box, not a menu
		safety, rows := menuSafety, 0
		for _, i := range run {
			if st.Rows[i] {
				rows++
			}
		}
		if rows*5 >= len(run)*2 {
			safety = listSafety
		}
		if footer && run[0] > st.BodyLast && !articleList(d, st, run, true) {
			safety = lint.Safe
		}
		if header && run[len(run)-1] < st.ProseFirst && !headerList(d, st, run) {
			// the last lines before the first sentence are the article's opening (headline,
			// byline, a section's name): the header ends headerGap lines before it
			cut := len(run)
			for cut > 0 && nonBlankBetween(d, run[cut-1], st.ProseFirst) < headerGap {
				cut--
			}
			if cut >= o.MinRun {
				head := trim(run[:cut])
				if len(head) > 0 {
					p.ReportLines(head[0], head[len(head)-1], "page chrome: "+strconv.Itoa(len(head))+" short lines of the site's header, starting "+quote(d.Feat(head[0]).Trim),
						"delete the menu lines", lint.Safe)
				}
				run = run[cut:]
			}
		}
		if run = trim(run); len(run) == 0 {
			continue
		}
		p.ReportLines(run[0], run[len(run)-1], "page chrome: "+strconv.Itoa(len(run))+" short lines outside the article body, starting "+quote(d.Feat(run[0]).Trim),
			"delete the menu lines", safety)
	}
	shortRun := min(o.MinRun, 3)
	for _, run := range runs(d, st, func(i int) bool { return !safe[i] && !label(i) && (headline(i) || menu(i)) }, before, shortRun) {
		far := (st.PageDump() || footer) && run[0] > st.BodyLast && nonBlankBetween(d, st.BodyLast, run[0]) >= 10
		if len(run) < o.MinRun && !far {
			continue
		}
		safety := listSafety
		if (st.PageDump() || footer && run[0] > st.BodyLast) && !articleList(d, st, run, true) {
			safety = lint.Safe
		}
		if run = trim(run); len(run) == 0 {
			continue
		}
		// a list of names with what they are ("Graham Ure, for services to the fishing industry
		// in Shetland", "Finance: Jürgen Ligi") is the article's as often as not: with a line of
		// eight words or more it is only shown
		if safety == lint.Unsafe && peopleList(d, run) && slices.ContainsFunc(run, func(i int) bool { return d.Feat(i).Words >= 8 }) {
			safety = lint.DisplayOnly
		}
		p.ReportLines(run[0], run[len(run)-1], strconv.Itoa(len(run))+" short or headline-like lines outside the article body, starting "+quote(d.Feat(run[0]).Trim),
			"delete the link list", safety)
	}
}

// runs returns the runs of at least minRun consecutive non-blank lines for which in holds,
// leaving out lists that belong to the text (introduced by a line ending in ":", before the run
// or as its first line, or mostly numbered) and runs right after a line for which owned holds.
func runs(d *document.Document, lay *Layout, in, owned func(int) bool, minRun int) [][]int {
	var out [][]int
	// the runs share one array: the current run is buf[start:], and a run left out gives its
	// place back to the next
	var buf []int
	start := 0
	prev := -1 // the non-blank line before the current run
	lastNonBlank := -1
	flush := func() {
		if cur := buf[start:len(buf):len(buf)]; len(cur) >= minRun && !listOfText(d, lay, prev, cur) && !(prev >= 0 && owned(prev)) {
			out = append(out, cur)
			start = len(buf)
			return
		}
		buf = buf[:start]
	}
	for i := 0; i < d.NumLines(); i++ {
		if d.Feat(i).Blank() {
			continue
		}
		if in(i) {
			if len(buf) == start {
				prev = lastNonBlank
			}
			if buf == nil {
				buf = make([]int, 0, d.NumLines()-i) // room for every line left
			}
			buf = append(buf, i)
		} else {
			flush()
		}
		lastNonBlank = i
	}
	flush()
	return out
}

func listOfText(d *document.Document, lay *Layout, prev int, run []int) bool {
	if prev >= 0 && introducesList(d.Feat(prev).Trim, lay.Classes[prev]) || introducesList(d.Feat(run[0]).Trim, lay.Classes[run[0]]) {
		return true
	}
	numbered, items := 0, 0
	for _, i := range run {
		if bareLink(d.Feat(i).Trim) {
			continue
		}
		items++
		t := strings.TrimLeft(d.Feat(i).Trim, "-•*·–—(#")
		if t != "" && t[0] >= '0' && t[0] <= '9' {
			numbered++
		}
	}
	return numbered*2 > items
}

// introducesList reports a line that announces a list of the text ("Tour dates:"), as opposed
// to a label the rules know (navigation, "Share this:", "Tags:", "Photo:": any lexicon class) or
// a comment header ("jbaxt says:").
func introducesList(t string, class labelClass) bool {
	if !strings.HasSuffix(t, ":") && !strings.HasSuffix(t, "：") || class != 0 {
		return false
	}
	n := normLabel(t)
	return lexiconClass(n) == 0 && !strings.HasSuffix(n, " says") && !strings.HasSuffix(n, " wrote")
}

// articleList reports a run of headline-like lines in a whole-page extraction that may still be
// the article's own list, so that its fix stays unsafe: a run that starts right after the body's
// last paragraph (a list the text goes on to), a run most of whose lines hold numbers (tour
// dates, standings), start with a bullet, or share one punctuation pattern ("Spain (Group F):
// 11th appearance").
func articleList(d *document.Document, st *Layout, run []int, shape bool) bool {
	if st.BodyProse < 3 {
		return true
	}
	// before the body, a run that prose follows is part of a page whose article reads in short
	// lines (an app's changelog, a list of features) more often than a menu
	if last := run[len(run)-1]; last < st.BodyFirst {
		for i := last + 1; i < st.BodyFirst; i++ {
			if st.Prose[i] {
				return true
			}
		}
	}
	if run[0] > st.BodyLast {
		prev := run[0] - 1
		for prev > st.BodyLast && d.Feat(prev).Blank() {
			prev--
		}
		// a run that opens with a time stamp or a legal line ("First published on …", "© 2026
		// …") starts after the article's end, not with a list of its own
		if f := d.Feat(run[0]); prev == st.BodyLast && !timestampLineIn(f, f.Trim) && st.legal[run[0]] == "" {
			return true
		}
	}
	if shape && dataList(d, run) {
		return true
	}
	bullets, items := 0, 0
	shapes := map[string]int{}
	best := 0
	for _, i := range run {
		t := d.Feat(i).Trim
		if bareLink(t) {
			continue
		}
		items++
		if st.Listed[i] || introducesList(t, st.Classes[i]) {
			return true
		}
		if linkItem(t) {
			continue // a link's address has a shape of its own
		}
		if isListMarker(t) {
			bullets++
		}
		// one comma or colon is a shape too in a line of four words or more ("Kenneth Baird, for
		// services to Scottish rugby", "Finance: Jane Doe" is too short to tell from a menu)
		if sh := punctShape(t); len(sh) >= 2 || (sh == "," || sh == ":") && d.Feat(i).Words >= 4 {
			shapes[sh]++
			best = max(best, shapes[sh])
		}
	}
	return shape && (bullets*2 >= items || best*5 >= items*3)
}

// peopleList reports a run most of whose lines (three in five) have one comma or one colon and
// four words or more: names with what they are, or roles with their holders.
func peopleList(d *document.Document, run []int) bool {
	n := 0
	for _, i := range run {
		f := d.Feat(i)
		if sh := punctShape(f.Trim); (sh == "," || sh == ":") && f.Words >= 4 {
			n++
		}
	}
	return n*5 >= len(run)*3
}

// teaserRuns finds teaser lists outside the body: runs of headline-like lines and one- or
// two-sentence summaries, each summary right after a headline-like line, with at least three
// summaries. Two sentences in a row are paragraphs, not teasers, and end a run; so do the lines
// the article owns (data blocks, introduced lists, Q/A) and labels. A summary hard-wrapped over
// several lines counts as one, measured as a whole.
func teaserRuns(d *document.Document, st *Layout, headline, label func(int) bool, minRun int) [][]int {
	// teaser returns the last line of the summary that starts on line i, or -1
	teaser := func(i int) int {
		last := i
		if st.Wrapped(i) {
			if st.ParaFirst[i] != i {
				return -1
			}
			last = st.ParaLast[i]
		}
		f := paragraphFeatures(d, i, last)
		for k := i; k <= last; k++ {
			if !st.Outside(k) || st.Data[k] || st.Listed[k] {
				return -1
			}
		}
		if qaLine(f.Trim) || f.Words < 6 || f.Words > 45 || f.Sentences > 2 {
			return -1
		}
		// a wrapped paragraph that is neither a sentence nor long is a wrapped headline
		if last > i && !f.EndsSentence() && f.Words <= 15 {
			return -1
		}
		return last
	}
	var out [][]int
	var cur []int
	teasers, units, first, prevTeaser := 0, 0, -1, false
	flush := func() {
		// the run starts at most three lines before its first summary (a kicker, the headline, a
		// time): lines before those are a menu, page-chrome's menu runs
		if first > 3 {
			cur = cur[first-3:]
		}
		if teasers >= 3 && len(cur) >= minRun && units >= 2*teasers {
			out = append(out, cur)
			cur = nil
		} else {
			cur = cur[:0] // a run left out lends its array to the next
		}
		teasers, units, first, prevTeaser = 0, 0, -1, false
	}
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		if label(i) {
			flush()
			continue
		}
		if !st.Wrapped(i) && headline(i) {
			cur = append(cur, i)
			units++
			prevTeaser = false
			continue
		}
		if len(cur) > 0 && !prevTeaser {
			if last := teaser(i); last >= 0 {
				if first < 0 {
					first = len(cur)
				}
				for k := i; k <= last; k++ {
					if !d.Feat(k).Blank() {
						cur = append(cur, k)
					}
				}
				teasers++
				units++
				prevTeaser = true
				i = last
				continue
			}
		}
		if headline(i) && !(st.Wrapped(i) && st.Prose[i]) {
			cur = append(cur, i)
			units++
			prevTeaser = false
			continue
		}
		flush()
	}
	flush()
	return out
}

// punctShape is the sequence of a line's punctuation marks other than quotes, apostrophes and
// full stops: "():" for "Spain (Group F): 11th appearance".
func punctShape(t string) string {
	var b strings.Builder
	for _, r := range t {
		switch r {
		case '(', ')', '[', ']', ':', '@', '|', '/', '–', '—', '-', ',', ';', '·', '•':
			b.WriteRune(r)
		}
	}
	return b.String()
}

// qaLine reports a line of an interview in question-and-answer form: "Q: …", "A: …", "Q. …".
func qaLine(t string) bool {
	if len(t) < 3 {
		return false
	}
	switch t[0] {
	case 'Q', 'A', 'P', 'R', 'F':
		return (t[1] == ':' || t[1] == '.') && t[2] == ' '
	}
	return false
}

// dataList reports a run most of whose lines hold a number (tour dates, standings, numbered
// items): an article's own list more often than a list of other stories' headlines. Lines that
// are a bare link do not count.
func dataList(d *document.Document, run []int) bool {
	items, digits := 0, 0
	for _, i := range run {
		f := d.Feat(i)
		if bareLink(f.Trim) {
			continue
		}
		items++
		if t := f.Trim; linkItem(t) && !hasDigit(t[:strings.Index(t, "](")]) {
			continue // the number is in the link's address
		}
		if f.Digits > 0 {
			digits++
		}
	}
	return digits*2 >= items
}

// bareLink reports a line that is nothing but a web address.
func bareLink(t string) bool {
	return (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www.")) && !strings.ContainsAny(t, " \t")
}

// linkItem reports a list item that is nothing but a Markdown link, "* [Headline](https://…)",
// as html2text writes a page's link lists: a list of links, not an article's list.
func linkItem(t string) bool {
	t = stripListMarker(t)
	return strings.HasPrefix(t, "[") && strings.HasSuffix(t, ")") && strings.Contains(t, "](")
}

// teaserTail returns where the body of a whole-page extraction ends once the teasers that the
// densest prose cluster took in at its end are set apart: while the body's last prose line is a
// summary of one or two sentences and at most 45 words, right after a headline-like line, with
// two or more other lines between it and the prose line before, the body ends before it. An
// article's paragraphs stand closer together, and its sections run longer; a body keeps three
// prose lines at least.
func teaserTail(d *document.Document, st *Layout) int {
	end := st.BodyLast
	if !st.PageDump() {
		return end
	}
	prevProse := func(i int) int {
		for i--; i >= st.BodyFirst; i-- {
			if st.Prose[i] {
				return i
			}
		}
		return -1
	}
	for {
		p := st.ParaFirst[end] // a summary hard-wrapped over several lines is measured whole
		q := prevProse(p)
		if q < 0 || st.Data[end] || st.Listed[end] {
			return end
		}
		f := paragraphFeatures(d, p, end)
		if f.Words > 45 || f.Sentences > 2 {
			return end
		}
		between, head := 0, -1
		for i := q + 1; i < p; i++ {
			if !d.Feat(i).Blank() {
				between++
				head = i
			}
		}
		if between < 2 {
			return end
		}
		h := d.Feat(head)
		if h.Words > 15 || h.EndsSentence() || h.Terminal == ':' || st.Data[head] || st.Prose[head] {
			return end
		}
		prose := 0
		for i := st.BodyFirst; i <= q; i++ {
			if st.Prose[i] && st.ParaFirst[i] == i {
				prose++
			}
		}
		if prose < 3 {
			return end
		}
		end = q
	}
}

// headerLines is how many non-blank lines before the first sentence make a site's header;
// headerGap how many non-blank lines before the first sentence are left to the article.
const (
	headerLines = 20
	headerGap   = 4
)

// nonBlankBetween counts the non-blank lines strictly between lines a and b.
func nonBlankBetween(d *document.Document, a, b int) int {
	n := 0
	for i := a + 1; i < b; i++ {
		if !d.Feat(i).Blank() {
			n++
		}
	}
	return n
}

// headerList reports a run before the first sentence that may be the article's own: most lines
// hold numbers, start with a bullet or share one punctuation pattern, or the text introduces it.
func headerList(d *document.Document, st *Layout, run []int) bool {
	if dataList(d, run) {
		return true
	}
	bullets, items, best := 0, 0, 0
	shapes := map[string]int{}
	for _, i := range run {
		t := d.Feat(i).Trim
		if st.Listed[i] || introducesList(t, st.Classes[i]) {
			return true
		}
		if linkItem(t) || bareLink(t) {
			continue
		}
		items++
		if isListMarker(t) {
			bullets++
		}
		// one comma or colon is a shape too in a line of four words or more ("Kenneth Baird, for
		// services to Scottish rugby", "Finance: Jane Doe" is too short to tell from a menu)
		if sh := punctShape(t); len(sh) >= 2 || (sh == "," || sh == ":") && d.Feat(i).Words >= 4 {
			shapes[sh]++
			best = max(best, shapes[sh])
		}
	}
	return bullets*2 >= items || best*5 >= items*3
}

// paragraphFeatures measures lines first..last as one paragraph (the line's own features when
// they are one line).
func paragraphFeatures(d *document.Document, first, last int) *document.Features {
	if first == last {
		return d.Feat(first)
	}
	m := joinedFeatures(d, first, last)
	return &m
}
