package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/lint"
)

// PageTitle finds the page's <title> kept as the first line: the headline with the site name
// glued after a separator ("… - Dawgs By Nature", "… | World | News | Express.co.uk").
type PageTitle struct{}

// Meta implements lint.Rule.
func (PageTitle) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "page-title",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "the page title with the site name as first line",
		Doc: `Finds the HTML page title that whole-page extractors put first: the headline followed by " - ",
" | ", " – " or " — " and the site name or section trail ("Hong Kong chaos: … | World | News |
Express.co.uk"). The suffix must name a site (a domain, a pipe or section trail, a publication
word such as News, Times or Zeitung, a name with inner capitals), or the document must be a
whole-page extraction, whose first line is the page's title: a headline that ends in a speaker
or an agency ("… - Minister") is not a page title.`,
		Why: `The site name is page furniture, and the headline usually appears again below.`,
		FixSafety: `Safe when a later line repeats the headline (the title line is deleted); otherwise the fix
keeps the headline and drops the site name, which is unsafe.`,
		Example: "Leaders agree to resume trade talks - Daily Example\nLeaders agree to resume trade talks\n" +
			"Trade ministers from both countries agreed on Friday to resume formal talks next month, officials said.\n",
	}
}

// siteSuffix splits "headline SEP site SEP site…" at the first separator of the trailing run of
// short, capitalised segments.
func siteSuffix(s string) (string, bool) {
	seps := []string{" | ", " - ", " – ", " — ", " :: ", " » "}
	cut := -1
	rest := s
	for {
		best, bl := -1, 0
		for _, sep := range seps {
			if j := strings.LastIndex(rest, sep); j > best {
				best, bl = j, len(sep)
			}
		}
		if best <= 0 {
			break
		}
		seg := strings.TrimSpace(rest[best+bl:])
		if !siteSegment(seg) {
			break
		}
		cut = best
		rest = rest[:best]
	}
	if cut <= 0 {
		return "", false
	}
	head := strings.TrimSpace(s[:cut])
	if len(strings.Fields(head)) < 3 {
		return "", false
	}
	return head, true
}

// siteWords are words of publication names; a suffix without one, without a domain and without a
// trail of sections is as likely a speaker ("… - Minister") or an agency as a site.
var siteWords = set("news", "times", "post", "herald", "tribune", "journal", "daily", "online", "today", "magazine",
	"tv", "radio", "press", "gazette", "telegraph", "observer", "guardian", "independent", "express", "mail", "mirror",
	"chronicle", "courier", "examiner", "weekly", "network", "media", "blog", "insider", "digest", "standard", "globe",
	"inquirer", "dispatch", "bulletin", "register", "zeitung", "nachrichten", "journal", "noticias", "notícias",
	"diario", "diário", "giornale", "corriere", "quotidiano", "gazeta", "gazzetta", "novosti", "新闻", "新聞", "뉴스")

// looksLikeSite reports a title suffix (" - Daily Example", " | World | News | Express.co.uk")
// that names a site: a domain, a pipe, several segments, a publication word, or a name written
// as one word with inner capitals ("TradeWisdom").
func looksLikeSite(suffix string) bool {
	if strings.Contains(suffix, "|") || strings.Count(suffix, " - ")+strings.Count(suffix, " – ")+strings.Count(suffix, " — ") > 1 {
		return true
	}
	for _, w := range strings.Fields(suffix) {
		lw := strings.ToLower(strings.Trim(w, "-–—:»,"))
		if siteWords[lw] || strings.Contains(lw, ".") && len(lw) > 4 && !strings.HasSuffix(lw, ".") {
			return true
		}
		for _, end := range []string{"media", "news", "times", "post", "daily", "online"} {
			if strings.HasSuffix(lw, end) && len(lw) > len(end)+2 {
				return true // "Entermedia", "HuffPost"
			}
		}
		inner := 0
		for i, r := range w {
			if i > 0 && unicode.IsUpper(r) {
				inner++
			}
		}
		if inner > 0 && inner < len(w)-1 && unicode.IsLower([]rune(w)[1]) {
			return true
		}
	}
	return false
}

// siteSegment reads a site or section name: at most five words, each starting with a capital
// or a digit (small joining words allowed), no sentence punctuation.
func siteSegment(seg string) bool {
	w := strings.Fields(seg)
	if len(w) == 0 || len(w) > 5 || len(seg) > 40 || strings.ContainsAny(seg, "?!") {
		return false
	}
	for i, x := range w {
		r, _ := utf8.DecodeRuneInString(x)
		if unicode.IsUpper(r) || unicode.IsDigit(r) || r == '&' {
			continue
		}
		switch strings.ToLower(x) {
		case "by", "of", "the", "and", "for", "on", "in", "de", "da", "la", "le", "del":
			if i > 0 {
				continue
			}
		}
		return false
	}
	return true
}

// Check implements lint.Rule.
func (PageTitle) Check(p *lint.Pass) {
	d := p.Doc
	first := nextNonBlank(d, 0)
	if first < 0 || first > 2 {
		return
	}
	f := d.Feat(first)
	if f.Words > 30 || lint.ResultOf(p, layoutOf).Prose[first] {
		return
	}
	head, ok := siteSuffix(f.Trim)
	// a whole-page extraction starts with the page's <title>; elsewhere the suffix must name a site
	if !ok || !looksLikeSite(f.Trim[len(head):]) && !lint.ResultOf(p, layoutOf).PageDump() {
		return
	}
	want := strings.ToLower(head)
	for j := first + 1; j < d.NumLines() && j < first+120; j++ {
		if d.Feat(j).Lower() == want {
			p.ReportLines(first, first, fmt.Sprintf("page title with site name; the headline %q follows on line %d", head, j+1),
				"delete the page title", lint.Safe)
			return
		}
	}
	l := d.Lines[first]
	p.Report(lint.Diagnostic{Start: l.Start, End: l.End,
		Message: fmt.Sprintf("page title with site name %q", strings.TrimSpace(f.Trim[len(head):])),
		Fix: &lint.Fix{Description: "keep the headline, drop the site name", Safety: lint.Unsafe,
			Edits: []lint.TextEdit{{Start: l.Start, End: l.End, NewText: head}}}})
}
