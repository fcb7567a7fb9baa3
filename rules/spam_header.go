package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// SpamHeader finds the header block that content-farm copies put before the story: a breadcrumb
// with the title glued to it, date and view metadata, and brand lines.
type SpamHeader struct{}

type spamHeaderOptions struct {
	// MaxHeaderLines bounds the header zone.
	MaxHeaderLines int `toml:"max_header_lines" doc:"How many leading lines (before the first paragraph) form the header zone."`
	// Brands adds whole lines (site or brand names) that are header furniture.
	Brands []string `toml:"brands" doc:"More whole lines (site or brand names) to delete from a header that has a breadcrumb or a metadata line, e.g. [\"Fastexy Exchange View\"]."`
}

func (o *spamHeaderOptions) Validate() error {
	if o.MaxHeaderLines < 1 || o.MaxHeaderLines > 100 {
		return fmt.Errorf("max_header_lines must be between 1 and 100, got %d", o.MaxHeaderLines)
	}
	return nil
}

// NewOptions implements lint.Configurable.
func (SpamHeader) NewOptions() any { return &spamHeaderOptions{MaxHeaderLines: 8} }

// Meta implements lint.Rule.
func (SpamHeader) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "spam-header",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "content-farm header: breadcrumb, date/view metadata and brand lines",
		Doc: `Finds the header that content-farm copies of news stories put before the text, in the header
zone (the lines before the first prose line, at most max_header_lines): a breadcrumb
("Current:Home > Stocks<title> -TradeWisdom", with the category glued to the title and the site
name after a dash), metadata lines ("Date:2025-04-09 06:31:27", "View Date:…", "Published: …"),
and, only when one of those is present, a lone "View" and short brand lines ("Fastexy Exchange
View").`,
		Why: `These lines repeat on every page of such sites and put site names and dates into the article.`,
		FixSafety: `Safe: the lines are deleted; when the breadcrumb carries a title that the next line does not
repeat, the breadcrumb is replaced by the clean title instead (unsafe when the category or site
name could not be cut off cleanly).`,
		Example: "Current:Home > StocksMarkets rally as inflation cools -TradeWisdom\nMarkets rally as inflation cools\n" +
			"Date:2025-04-09 06:31:27\nNEW YORK (AP) — Stocks rallied on Wall Street on Friday after a report showed inflation cooling.\n",
	}
}

// Check implements lint.Rule.
func (r SpamHeader) Check(p *lint.Pass) {
	opts := lint.OptionsOf[spamHeaderOptions](p, r)
	d := p.Doc
	end := min(opts.MaxHeaderLines, d.NumLines())
	if lay := lint.ResultOf(p, layoutOf); lay.ProseFirst >= 0 {
		end = min(end, lay.ProseFirst)
	}
	type weak struct {
		line int
		what string
	}
	var weaks []weak
	strong, metadata := false, 0
	for i := 0; i < end; i++ {
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		if bc, ok := parseBreadcrumb(f.Trim); ok {
			strong = true
			r.reportBreadcrumb(p, i, bc)
			continue
		}
		if key, dated, ok := metadataLine(f.Trim); ok {
			// one "Time: 2:04:31" may be a race result; a dated "Date:" line, two metadata lines
			// or a breadcrumb make a spam header
			metadata++
			strong = strong || dated || metadata >= 2
			weaks = append(weaks, weak{i, "metadata line " + quote(key)})
			continue
		}
		if w, ok := weakHeaderLine(f, opts); ok {
			weaks = append(weaks, weak{i, w})
		}
	}
	if !strong {
		return
	}
	for _, w := range weaks {
		if strings.HasPrefix(w.what, "metadata line ") {
			p.ReportLines(w.line, w.line, fmt.Sprintf("spam-site %s before the story", w.what), "delete the metadata line", lint.Safe)
			continue
		}
		p.ReportLines(w.line, w.line, fmt.Sprintf("spam-site %s %q before the story", w.what, d.Feat(w.line).Trim), "delete the line", lint.Safe)
	}
}

func (SpamHeader) reportBreadcrumb(p *lint.Pass, i int, bc breadcrumb) {
	d := p.Doc
	del := lint.DeleteLines(d, i, i, "delete the breadcrumb", lint.Safe)
	diag := lint.Diagnostic{Start: d.Lines[i].Start, End: d.Lines[i].End, Fix: del}
	next := nextNonBlank(d, i+1)
	switch {
	case bc.title == "":
		diag.Message = "breadcrumb navigation before the story"
	case next >= 0 && sameTitle(d.Feat(next).Trim, bc.title, bc.raw):
		diag.Message = fmt.Sprintf("breadcrumb with glued title %q repeats the next line", bc.title)
	default:
		l := d.Lines[i]
		safety := lint.Safe
		if !bc.clean {
			safety = lint.Unsafe
		}
		diag.Message = fmt.Sprintf("breadcrumb with glued title; the title is %q", bc.title)
		diag.Fix = &lint.Fix{Description: "replace the breadcrumb by its title", Safety: safety,
			Edits: []lint.TextEdit{{Start: l.Start, End: l.End, NewText: bc.title}}}
	}
	p.Report(diag)
}

type breadcrumb struct {
	raw   string // the last segment as found
	title string // the clean title, or ""
	clean bool   // whether category and site name were both cut cleanly
}

// breadcrumbPrefixes may stand before "Home".
var breadcrumbPrefixes = []string{"current:", "current :", "current position:", "location:", "you are here:",
	"position:", "当前位置：", "当前位置:", "您的位置：", "您的位置:"}

// maxBreadcrumbPrefix is the length of the longest of breadcrumbPrefixes.
var maxBreadcrumbPrefix = len(slices.MaxFunc(breadcrumbPrefixes, func(a, b string) int { return len(a) - len(b) }))

// lowerHead is strings.ToLower of the head of s that decides whether ToLower(s) begins with a
// string of n bytes or fewer: s cut at a rune's start after 4n bytes or more holds n runes or
// more, each lowered to a byte or more, and ToLower lowers each rune (or invalid byte) on its own.
func lowerHead(s string, n int) string {
	k := min(len(s), 4*n)
	for k < len(s) && !utf8.RuneStart(s[k]) {
		k++
	}
	return strings.ToLower(s[:k])
}

// parseBreadcrumb reads "Current:Home > Stocks<title> -Site" and "Home » News » World".
func parseBreadcrumb(s string) (breadcrumb, bool) {
	if len(s) > 600 {
		return breadcrumb{}, false
	}
	low := lowerHead(s, maxBreadcrumbPrefix)
	rest, prefixed := s, false
	for _, pre := range breadcrumbPrefixes {
		if strings.HasPrefix(low, pre) {
			rest, prefixed = strings.TrimSpace(s[len(pre):]), true
			break
		}
	}
	if !strings.HasPrefix(lowerHead(rest, len("home")), "home") {
		return breadcrumb{}, false
	}
	rest = strings.TrimSpace(rest[len("home"):])
	sep0 := ""
	if rest != "" {
		_, size := utf8.DecodeRuneInString(rest)
		sep0 = rest[:size]
	}
	var segs []string
	for rest != "" {
		sep, size := utf8.DecodeRuneInString(rest)
		if !strings.ContainsRune(">»›/|", sep) {
			break
		}
		rest = strings.TrimSpace(rest[size:])
		j := strings.IndexAny(rest, ">»›|")
		if j < 0 {
			segs = append(segs, rest)
			rest = ""
			break
		}
		segs = append(segs, strings.TrimSpace(rest[:j]))
		rest = rest[j:]
	}
	if len(segs) == 0 || rest != "" {
		return breadcrumb{}, false
	}
	last := segs[len(segs)-1]
	// "Home/away split" is a subheading and "Home > away, as the coach put it, …." a sentence: a
	// breadcrumb of one level needs a separator such as ">" or "»" and no sentence at its end,
	// and the inner levels of a longer one are short
	if len(segs) == 1 && !prefixed && (strings.ContainsAny(sep0, "/|") || strings.HasSuffix(last, ".")) {
		return breadcrumb{}, false
	}
	for _, seg := range segs[:len(segs)-1] {
		if len(strings.Fields(seg)) > 4 {
			return breadcrumb{}, false
		}
	}
	bc := breadcrumb{raw: last}
	words := len(strings.Fields(last))
	if words < 4 {
		return bc, true // a plain breadcrumb: Home > News > World
	}
	// The title is clean when the category could be cut off (or stood in its own segment); the
	// site name after a dash is optional.
	title, clean := last, true
	if t, ok := cutSiteSuffix(title); ok {
		title = t
	}
	if t, ok := cutGluedCategory(title); ok {
		title = t
	} else if len(segs) == 1 {
		clean = false
	}
	bc.title, bc.clean = strings.TrimSpace(title), clean
	return bc, true
}

// cutSiteSuffix removes a site name glued after a dash at the end: " -TradeWisdom",
// "-LoTradeCoin". A hyphenated last word of a title ("Jong-Un") is not a site name: the name
// must follow " -" or carry two capitals.
func cutSiteSuffix(s string) (string, bool) {
	i := strings.LastIndexAny(s, "-–—|")
	if i <= 0 || i == len(s)-1 {
		return s, false
	}
	name := strings.TrimSpace(s[i+1:])
	if name == "" || strings.ContainsAny(name, " ") || len(name) > 40 {
		return s, false
	}
	r, _ := utf8.DecodeRuneInString(name)
	if !unicode.IsUpper(r) {
		return s, false
	}
	caps := 0
	for _, c := range name {
		if unicode.IsUpper(c) {
			caps++
		}
	}
	spaced := s[i-1] == ' '
	if !spaced && caps < 2 {
		return s, false
	}
	return strings.TrimSpace(s[:i]), true
}

// cutGluedCategory removes a category glued to the start of the title: "StocksRussian …" gives
// "Russian …". The glue is a lower-case letter directly followed by a capital or digit within
// the first word.
func cutGluedCategory(s string) (string, bool) {
	word := s
	if j := strings.IndexByte(s, ' '); j > 0 {
		word = s[:j]
	}
	prevLower := false
	for i, r := range word {
		if prevLower && (unicode.IsUpper(r) || unicode.IsDigit(r) || r == '\'' || r == '‘' || r == '“' || r == '"') {
			if i < 3 {
				return s, false
			}
			return s[i:], true
		}
		prevLower = unicode.IsLower(r)
	}
	return s, false
}

// sameTitle reports whether next repeats the breadcrumb's title.
func sameTitle(next, title, raw string) bool {
	n := strings.ToLower(strings.TrimSpace(next))
	if n == "" {
		return false
	}
	return n == strings.ToLower(title) || (len(n) >= 20 && strings.Contains(strings.ToLower(raw), n))
}

// metadataKeys name the metadata fields of content-farm headers; the value must hold a date,
// a time or a count.
var metadataKeys = set("date", "view date", "time", "publish time", "published", "posted", "updated",
	"release time", "release date", "publish date", "views", "view", "post date", "发布时间", "日期", "时间")

// metadataLine recognises "Date:2025-04-09 06:31:27" style lines; dated reports a value that
// holds a whole date, not only a time or a count.
func metadataLine(s string) (key string, dated, ok bool) {
	if len(s) > 80 {
		return "", false, false
	}
	i := indexColon(s)
	if i <= 0 {
		return "", false, false
	}
	if !metadataKeys[strings.ToLower(strings.TrimSpace(s[:i]))] {
		return "", false, false
	}
	val := strings.TrimLeft(s[i:], ":： ")
	if val == "" || !unicode.IsDigit(rune(val[0])) {
		return "", false, false
	}
	for _, r := range val {
		if !(unicode.IsDigit(r) || strings.ContainsRune(" -/.:,T+Z", r)) {
			return "", false, false
		}
	}
	for _, w := range strings.Fields(val) {
		dated = dated || dateNumber(strings.Trim(w, ",")) == wholeDate && !strings.Contains(w, ":")
	}
	return strings.TrimSpace(s[:i]), dated, true
}

// weakHeaderLine recognises lines that are header furniture only next to a breadcrumb or
// metadata line: a lone "View", and short brand lines ending in "View".
func weakHeaderLine(f *document.Features, o *spamHeaderOptions) (string, bool) {
	t := f.Trim
	if strings.EqualFold(t, "view") || strings.EqualFold(t, "views") {
		return "view counter label", true
	}
	for _, b := range o.Brands {
		if strings.EqualFold(strings.TrimSpace(b), t) {
			return "brand line", true
		}
	}
	if f.Words >= 2 && f.Words <= 4 && f.CapWords == f.Words && f.Sentences == 0 && strings.HasSuffix(t, " View") {
		return "brand line", true
	}
	return "", false
}
