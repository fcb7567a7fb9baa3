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
		Doc: `Finds the HTML page title that whole-page extractors put first: the headline followed by
" - ", " | ", " – " or " — " and the site name or section trail ("Hong Kong chaos: … | World |
News | Express.co.uk"). The site name is page furniture, and the headline usually appears again
below. When a later line repeats the headline, the title line is deleted (safe fix); otherwise
the fix keeps the headline and drops the site name, which is unsafe, since a headline may itself
end in a dash and a capitalised phrase.`,
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
	if !ok {
		return
	}
	want := strings.ToLower(head)
	for j := first + 1; j < d.NumLines() && j < first+120; j++ {
		if strings.ToLower(d.Feat(j).Trim) == want {
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
