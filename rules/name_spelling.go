package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/lint"
)

// NameSpelling checks names against the canonical-name list: known misspellings get a safe fix,
// accepted alternative spellings are reported as info with an unsafe fix.
type NameSpelling struct {
	nameList
}

// WithNames implements NamesAware.
func (NameSpelling) WithNames(cfg NamesConfig) (any, error) {
	l, err := withNames(cfg)
	return NameSpelling{l}, err
}

// Meta implements lint.Rule.
func (NameSpelling) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "name-spelling",
		Severity: lint.Warning,
		Fixable:  true,
		Summary:  "misspelled or variant spellings of well-known names",
		Doc: `Checks the names of English documents against an embedded list of a few hundred people,
places and organisations prominent in international news (heads of state and government, foreign ministers, party leaders,
companies, places; see rules/data/names.txt for sources and licence). A known misspelling ("Kim
Jung Un" for "Kim Jong Un", "Yun Suk-yeol" for "Yoon Suk Yeol") is reported with a safe fix to
the canonical spelling; an accepted alternative romanisation or house style ("Kim Jong-un",
"Sergei Lavrov") is reported as info with an unsafe fix, so a corpus can choose one style with
--unsafe-fixes. Matching is on whole names, exactly as listed or in capitals, with one trie of all spellings, and never
touches a different entity whose name looks alike (Kim Jong Il, Austria, Niger) or a longer
proper name that holds a listed spelling ("Riyad Bank"). Documents in other languages are left
alone, since their standard spellings differ (German Teheran, Odessa, Addis Abeba); spellings
standard in another era or house style (Kiev, Burma, JP Morgan Chase) are variants, never
misspellings. Configure with
the [names] table: entries (canonical, kind, misspellings, variants) extend the list or replace
an entry with the same canonical spelling, disable drops embedded entries, never_merge adds
groups of different entities.`,
		Why: `Misspelled names break search, entity linking and deduplication.`,
		FixSafety: `Safe for misspellings (the canonical spelling is written), unless the misspelling stands
between quotation marks of its own (cited as written: misspelled the name as "Kier Starmer"), where
it is unsafe; accepted variants, transliterations and house styles are reported as info with an
unsafe fix, so a corpus can choose one style with --unsafe-fixes.`,
		Example: "North Korean leader Kim Jung Un met Russian Foreign Minister Sergei Lavrov in Pyongyang on Thursday, the state news agency said.\n",
	}
}

// Check implements lint.Rule.
func (r NameSpelling) Check(p *lint.Pass) {
	if !isEnglish(p.Doc) {
		return // other languages have their own spellings (German Teheran, Odessa, Addis Abeba)
	}
	db := r.names()
	src := p.Doc.Src
	for _, h := range db.Find(src) {
		if h.sp.kind == canonicalSpelling || !h.upper && inLongerName(src, h.start, h.end, db.Entries[h.sp.entry].Kind) {
			continue
		}
		want := db.Entries[h.sp.entry].Canonical
		if h.upper {
			want = strings.ToUpper(want)
		}
		found := src[h.start:h.end]
		d := lint.Diagnostic{Start: h.start, End: h.end}
		if h.sp.kind == misspelling {
			d.Message = fmt.Sprintf("%q is a misspelling of %q", found, want)
			// a spelling between quotation marks of its own is cited as written ("misspelled
			// the prime minister's name as \"Kier Starmer\""): correcting it is a guess
			safety := lint.Safe
			if quotedAlone(src, h.start, h.end) {
				safety = lint.Unsafe
			}
			d.Fix = &lint.Fix{Description: fmt.Sprintf("write %q", want), Safety: safety,
				Edits: []lint.TextEdit{{Start: h.start, End: h.end, NewText: want}}}
		} else {
			d.Severity = lint.Info
			d.Message = fmt.Sprintf("%q is a variant spelling of %q", found, want)
			d.Fix = &lint.Fix{Description: fmt.Sprintf("write %q (house style)", want), Safety: lint.Unsafe,
				Edits: []lint.TextEdit{{Start: h.start, End: h.end, NewText: want}}}
		}
		p.Report(d)
	}
}

// quotedAlone reports whether src[s:e] stands between quotation marks of its own: "Kier
// Starmer", “Yun Suk Yeol”, 'Kim Jung Un'.
func quotedAlone(src string, s, e int) bool {
	open, n := utf8.DecodeLastRuneInString(src[:s])
	if n == 0 {
		return false
	}
	close, _ := utf8.DecodeRuneInString(src[e:])
	switch open {
	case '"':
		return close == '"'
	case '“', '”':
		return close == '”' || close == '“'
	case '\'', '‘':
		return close == '\'' || close == '’'
	}
	return false
}

// inLongerName reports whether the name src[s:e] is part of a longer proper name: a capitalised
// word follows it ("Riyad Bank", "Odessa Police"), or, for a place or organisation, one precedes
// it that does not start the sentence ("Al Riyad").
func inLongerName(src string, s, e int, kind string) bool {
	if e+1 < len(src) && src[e] == ' ' && capitalisedAt(src, e+1) {
		return true
	}
	if kind == "person" || s < 2 || src[s-1] != ' ' {
		return false
	}
	i := s - 1
	for i > 0 && src[i-1] != ' ' && src[i-1] != '\n' {
		i--
	}
	return capitalisedAt(src, i) && !sentenceStart(src, i)
}

// capitalisedAt reports whether a word with a capital and then a lower-case letter starts at i.
func capitalisedAt(src string, i int) bool {
	r, n := utf8.DecodeRuneInString(src[i:])
	if !unicode.IsUpper(r) || i+n >= len(src) {
		return false
	}
	r2, _ := utf8.DecodeRuneInString(src[i+n:])
	return unicode.IsLower(r2)
}
