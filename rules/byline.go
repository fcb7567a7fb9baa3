package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// Byline finds author lines and stand-alone timestamps: "By Jeff Foust", "Meg Kinnard and
// Errin Haines, Associated Press", "Nov. 19, 2019 8:03 am ET".
type Byline struct{}

// Meta implements lint.Rule.
func (Byline) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "byline",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "author lines and stand-alone publication timestamps",
		Doc: `Finds bylines and timestamps that extractors keep as lines of their own: "By Jeff Foust", "by
Bryan DeArdo", "Written by …", "Meg Kinnard and Errin Haines, Associated Press" (names followed
by a news agency), credit lines of reporting ("Anna Keller contributed reporting from Riga.",
"Additional reporting by Jonas Berg", "(Reporting by …; Editing by …)"), an author's contact
lines (an e-mail address, "@handle" or "twitter.com/handle" alone on a line), and lines that hold
nothing but a date or time ("Nov. 19, 2019 8:03 am ET",
"PUBLISHED: 10:48, Tue, Nov 19, 2019", "17H ago"). A timestamp must carry a month, weekday or
time word, or read as a time or a whole date: a year ("1986."), a season ("1986/87") or a
telephone number is not one. Only whole short lines are matched: a sentence that starts with
"By" and goes on ("By noon the crowd had gone.") is prose, and lines of hard-wrapped paragraphs
and data blocks (fixture lists with kick-off times, tables) are never matched, nor is a "Written
by …" line next to the credits of other roles ("Directed by …", "Starring …") or to a work's facts
("Harbour Press, 320 pages", "118 mins") in a review's fact box.`,
		Why: `Bylines and timestamps are metadata, not article text, and they differ between copies of one
story.`,
		FixSafety: `Safe for bylines and for timestamps outside the body. Unsafe, as the line may be the
article's own: a timestamp inside the body (a timeline's or live report's heading); outside
whole-page extractions, every date or time that a paragraph follows in a text of two or more such (a
timeline or live report that opens with its first entry), a byline or timestamp that a line ending
in a colon introduces ("The service will be held at:") or that stands next to a short line no rule
knows (an event's box: "Public hearing", a venue), lines of names and an agency between the text's
paragraphs or when a text holds three or more (prize winners with their outlets), and an author's
contact line (the article's own sign-off; in a whole page it is the author box).`,
		Example: "By Jeff Foust\nNov. 19, 2019 8:03 am ET\nNASA said on Monday that the first launch of its new rocket would slip into next year.\n",
	}
}

var bylinePrefixes = []string{"by ", "written by ", "posted by ", "reported by ", "words by ", "text by ", "story by ",
	"por ", "von ", "par ", "di ", "door ", "autor: ", "author: ", "autore: ", "auteur: ", "texto: ", "text: "}

var bylinePrefixSet = newPrefixSet(bylinePrefixes)

// particlePrefix are the byline prefixes that are also name particles or common prepositions.
var particlePrefix = set("von ", "di ", "por ", "par ", "door ")

// capitalCount counts the words of s that start with a capital (particles such as der, de, la
// do not).
func capitalCount(s string) int {
	n := 0
	for _, w := range strings.Fields(s) {
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			n++
		}
	}
	return n
}

var agencies = set("associated press", "the associated press", "ap", "reuters", "afp", "agence france-presse",
	"bloomberg", "cnn", "bbc news", "dpa", "efe", "ansa", "xinhua", "kyodo", "yonhap", "upi", "tass", "pti", "ani",
	"cbs news", "nbc news", "abc news", "fox news", "the new york times", "the washington post", "the guardian")

// Check implements lint.Rule.
func (Byline) Check(p *lint.Pass) {
	d := p.Doc
	st := lint.ResultOf(p, layoutOf)
	timeline := -1 // the document's dated entries, counted when first needed
	bylines := -1  // the document's byline lines, counted when first needed
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		if f.Blank() || f.Words > 16 || st.Prose[i] || st.Wrapped(i) || st.Data[i] {
			continue
		}
		byline := isByline(f)
		switch {
		case byline && inCredits(d, i):
			// "Written by …" between "Directed by …" and "Starring …": a film's or book's credits
		case byline:
			// an author's address alone may close an article extractor's text as the article's own
			// sign-off; in a whole page it is the author box
			safety := lint.Safe
			if !st.PageDump() && (contactLineIn(f, f.Trim) || st.Listed[i]) {
				safety = lint.Unsafe
			}
			// outside a whole page, names and an agency are a list's or a credit's (a prize's
			// winners), not the article's byline, when they stand between its paragraphs (a byline
			// opens or closes the text) or when three or more such lines make a list
			if safety == lint.Safe && !st.PageDump() && namesAgencyLine(f) {
				if i > st.ProseFirst && i < st.ProseLast {
					safety = lint.Unsafe
				} else {
					if bylines < 0 {
						bylines = countBylines(d, st)
					}
					if bylines >= minBylineList {
						safety = lint.Unsafe
					}
				}
			}
			p.ReportLines(i, i, "byline "+quote(f.Trim), "delete the byline", safety)
		case timestampLineIn(f, f.Trim):
			safety := lint.Safe
			// a time the text introduces ("The service will be held at:", "Kick-off:") is its own,
			// outside a whole page, whose widgets are labelled so ("Published:", "Follow us:")
			if !st.Outside(i) && st.BodyFirst >= 0 || st.Listed[i] && !st.PageDump() {
				safety = lint.Unsafe
			}
			// a date next to a short line no rule knows (a venue, "Public hearing", "Opening day")
			// is an event's box, outside a whole page, whose teasers are dated so
			// (not in the header, where the headline stands right above the article's date)
			if safety == lint.Safe && !st.PageDump() && i > st.ProseFirst && (boxLine(d, st, i-1) || boxLine(d, st, i+1)) {
				safety = lint.Unsafe
			}
			// between the article's first and last paragraphs, outside a whole page's body, a
			// time may head an entry of a live report
			if i > st.ProseFirst && i < st.ProseLast && !st.PageDump() {
				safety = lint.Unsafe
			}
			// outside a whole page (where comments are dated so), a date that a paragraph follows,
			// in a text of two or more such, heads an entry of a timeline ("November 2, 2022"
			// and what happened that day), the first one too
			if safety == lint.Safe && !st.PageDump() && datedEntry(d, st, i) {
				if timeline < 0 {
					timeline = datedEntries(d, st)
				}
				if timeline >= minDatedEntries {
					safety = lint.Unsafe
				}
			}
			p.ReportLines(i, i, "timestamp line "+quote(f.Trim), "delete the timestamp", safety)
		}
	}
}

// boxLine reports whether line i (which may be out of range) is a short line of text that no
// rule's vocabulary knows: not blank, not prose, at most twelve words, no label the rules know,
// no legal notice, no byline and no time stamp: a venue, "Public hearing", a publisher.
func boxLine(d *document.Document, st *Layout, i int) bool {
	if i < 0 || i >= d.NumLines() {
		return false
	}
	f := d.Feat(i)
	if f.Blank() || st.Prose[i] || f.Words > 12 || st.Classes[i] != 0 || st.legal[i] != "" || st.widget[i] {
		return false
	}
	return !timestampLineIn(f, f.Trim) && !isByline(f) && !furnitureLineOf(st.Labels[i], st.Classes[i], f, defaultNavOptions)
}

// minBylineList is how many lines of names and an agency make a list of people, not bylines.
const minBylineList = 3

// countBylines counts the lines of d that Check reads as bylines of names and an agency.
func countBylines(d *document.Document, st *Layout) int {
	n := 0
	for i := 0; i < d.NumLines(); i++ {
		if f := d.Feat(i); !f.Blank() && f.Words <= 16 && !st.Prose[i] && !st.Wrapped(i) && !st.Data[i] && namesAgencyLine(f) {
			n++
		}
	}
	return n
}

// minDatedEntries is how many dates or times heading a paragraph make a timeline or a live
// report: an article's own date line stands alone.
const minDatedEntries = 2

// datedEntry reports whether a paragraph follows line i.
func datedEntry(d *document.Document, st *Layout, i int) bool {
	j := nextNonBlank(d, i+1)
	return j >= 0 && st.Prose[j]
}

// datedEntries counts the time stamp lines of d that a paragraph follows.
func datedEntries(d *document.Document, st *Layout) int {
	n := 0
	for i := 0; i < d.NumLines(); i++ {
		// the lines Check reads as time stamps, as Check skips them
		if f := d.Feat(i); !f.Blank() && f.Words <= 16 && !st.Prose[i] && !st.Wrapped(i) && !st.Data[i] &&
			timestampLineIn(f, f.Trim) && datedEntry(d, st, i) {
			n++
		}
	}
	return n
}

// isByline reads "By Name Name", "Name and Name, Agency", and the credit lines of reporting:
// "Name Name contributed reporting from Place.", "Additional reporting by Name Name".
// inCredits reports a line next to a credit of another role than the author's: "Directed by
// Ana Ruiz", "Translated by Tom Hale", "Starring …". Bylines stand alone or next to a date; a
// review's or listing's fact box lists the roles of a work.
func inCredits(d *document.Document, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j < 0 || j >= d.NumLines() {
			continue
		}
		f := d.Feat(j)
		if f.Blank() || f.Words > 12 || isByline(f) {
			continue
		}
		if hasPrefixFold(f.Trim, "starring ") {
			return true
		}
		role, _, ok := strings.Cut(f.Trim, " by ")
		if ok && !strings.Contains(role, " ") && strings.HasSuffix(role, "ed") && namesOnly(f.Trim[len(role)+4:], 6) {
			return true
		}
		if workFacts(f.Trim) && !timestampLineIn(f, f.Trim) {
			return true
		}
	}
	return false
}

// workFacts reads the facts of a book or a film next to its author's line: a number of pages or
// minutes ("Harbour Press, 320 pages, 18.99 pounds", "Cert 12A, 118 mins").
func workFacts(t string) bool {
	for _, unit := range []string{" pages", " pp", " minutes", " mins", " min"} {
		if i := strings.Index(t, unit); i > 0 && t[i-1] >= '0' && t[i-1] <= '9' {
			// "2 min read" is a page's reading time and "10 min ago" a time stamp, not a film's
			// length
			if end := i + len(unit); end == len(t) || t[end] == ',' || t[end] == '.' || t[end] == ')' ||
				t[end] == ' ' && !strings.HasPrefix(t[end:], " read") && !strings.HasPrefix(t[end:], " ago") {
				return true
			}
		}
	}
	return false
}

func isByline(f *document.Features) bool {
	t := f.Trim
	if creditLineIn(f, t) || contactLineIn(f, t) {
		return true
	}
	if k := bylinePrefixSet.firstFold(t); k >= 0 {
		rest := t[len(bylinePrefixes[k]):]
		// "von", "di", "por", "par" and "door" also open names and subheadings ("Von der Leyen",
		// "Di Maio", "Por Estado"): after them a byline names a whole person, two words at least
		if particlePrefix[bylinePrefixes[k]] && capitalCount(rest) < 2 {
			return false
		}
		return namesOnly(rest, 6)
	}
	return namesAgencyLine(f)
}

// namesAgencyLine reads names, a comma and an agency: "Meg Kinnard and Errin Haines, Associated
// Press".
func namesAgencyLine(f *document.Features) bool {
	t := f.Trim
	// (strings.LastIndexByte reads byte by byte: first look for a comma at all)
	if strings.IndexByte(t, ',') < 0 {
		return false
	}
	if i := strings.LastIndexByte(t, ','); i > 0 {
		if agencies[lowerIn(f, strings.TrimSpace(t[i+1:]))] {
			return namesOnly(t[:i], 8)
		}
	}
	return false
}

// namesOnly reports text made of capitalised name words joined by "and", ",", "&" or "|", and
// ending, optionally, in an agency or a date: "Jeff Foust", "SARAH NEEDLEMAN", "Alan Fram and
// Zeke Miller | AP".
func namesOnly(s string, maxWords int) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	names := 0
	for k, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ',' || r == '|' || r == '&' || r == '·' }) {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		// a determiner opens no name ("By The Numbers" is a subheading); after the names an
		// outlet may open with one ("Jane Doe, The Times")
		if k == 0 {
			first, _, _ := strings.Cut(part, " ")
			switch strings.ToLower(first) {
			case "the", "this", "that", "our", "your", "its":
				return false
			}
		}
		if agencies[strings.ToLower(part)] || timestampLine(part) {
			continue
		}
		words := strings.Fields(part)
		for _, w := range words {
			lw := strings.ToLower(w)
			if lw == "and" || lw == "und" || lw == "et" || lw == "y" || lw == "e" || lw == "de" || lw == "van" || lw == "von" || lw == "da" || lw == "del" || lw == "der" || lw == "la" || lw == "le" {
				continue
			}
			r := []rune(w)
			if !unicode.IsUpper(r[0]) {
				return false
			}
			for _, c := range r {
				if !(unicode.IsLetter(c) || c == '.' || c == '-' || c == '\'' || c == '’') {
					return false
				}
			}
			names++
		}
	}
	return names >= 1 && names <= maxWords
}

// creditSuffixes follow the names of a credit line; creditPrefixes open one.
var (
	creditSuffixes = []string{" contributed reporting", " contributed to this report", " contributed to this story",
		" contributed to this article"}
	creditPrefixes = []string{"additional reporting by ", "with reporting by ", "reporting by ", "with additional reporting by "}
)

// creditLineIn reads the credit lines of reporting that close wire and newspaper stories: "Keith
// Bradsher contributed reporting from Hong Kong.", "Associated Press writers Alan Fram and Zeke
// Miller contributed to this report.", "(Reporting by Greg Roumeliotis; editing by Martin
// Howell)", "Additional reporting by Joseph Hudak in Riga".
//
// t is a substring of f.Trim, or f is nil.
func creditLineIn(f *document.Features, t string) bool {
	t = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(t), "("), ".")
	t = strings.TrimSuffix(strings.TrimSuffix(t, ")"), ".")
	low := lowerIn(f, t)
	// every suffix opens with " contributed ": one search rules them all out on most lines
	suffixes := creditSuffixes
	if !containsSpaced(low, "contributed ") { // strings.Contains(low, " contributed ")
		suffixes = nil
	}
	for _, suf := range suffixes {
		i := strings.Index(low, suf)
		if i <= 0 {
			continue
		}
		rest := low[i+len(suf):]
		if rest != "" && !strings.HasPrefix(rest, " from ") && !strings.HasPrefix(rest, " in ") {
			return false
		}
		return creditNames(f, t[:i])
	}
	for _, pre := range creditPrefixes {
		if !strings.HasPrefix(low, pre) {
			continue
		}
		// the reporters, up to the editors or the place
		names := t[len(pre):]
		for _, cut := range []string{";", " editing by ", ", editing by ", " in ", " from "} {
			if i := strings.Index(lowerIn(f, names), cut); i > 0 {
				names = names[:i]
			}
		}
		return creditNames(f, strings.TrimSuffix(strings.TrimSpace(names), ","))
	}
	return false
}

// creditNames reads the names of a credit line, after an optional "Agency writers" lead-in.
func creditNames(f *document.Features, s string) bool {
	low := lowerIn(f, s)
	for _, lead := range []string{" writers ", " writer ", " reporters ", " reporter ", " correspondents ", " correspondent "} {
		if i := strings.Index(low, lead); i > 0 && (agencies[low[:i]] || low[:i] == "staff" || low[:i] == "associated press") {
			s = s[i+len(lead):]
			break
		}
	}
	return namesOnly(s, 16)
}

// contactLine reads a line that is nothing but an author's address: an e-mail address, a
// social-media handle ("@annakeller") or profile ("twitter.com/annakeller", "x.com/…").
func contactLine(t string) bool { return contactLineIn(nil, t) }

// contactLineIn is contactLine for t, a substring of f.Trim (f may be nil).
func contactLineIn(f *document.Features, t string) bool {
	if t == "" || strings.IndexByte(t, ' ') >= 0 || strings.IndexByte(t, '\t') >= 0 {
		return false
	}
	handle := func(h string) bool {
		if len(h) < 2 || len(h) > 30 {
			return false
		}
		for _, r := range h {
			if !(r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
				return false
			}
		}
		return true
	}
	if strings.HasPrefix(t, "@") {
		return handle(t[1:])
	}
	low := strings.TrimPrefix(strings.TrimPrefix(lowerIn(f, t), "https://"), "http://")
	low = strings.TrimPrefix(low, "www.")
	for _, site := range []string{"twitter.com/", "x.com/", "instagram.com/", "facebook.com/"} {
		if strings.HasPrefix(low, site) {
			return handle(strings.TrimSuffix(low[len(site):], "/"))
		}
	}
	at := strings.IndexByte(t, '@')
	return at > 0 && handle(t[:at]) && strings.Contains(t[at+1:], ".") && !strings.ContainsAny(t[at+1:], "@/")
}
