package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
)

// dateWords are month and weekday names and abbreviations in the major languages of news, and
// the words that go with timestamps.
var dateWords = set(
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"januar", "februar", "märz", "mai", "juni", "juli", "oktober", "dezember",
	"janvier", "février", "mars", "avril", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
	"janeiro", "fevereiro", "março", "maio", "junho", "julho", "setembro", "outubro", "novembro", "dezembro",
	"gennaio", "febbraio", "aprile", "maggio", "giugno", "luglio", "settembre", "ottobre", "dicembre",
	"am", "pm", "a.m", "p.m", "et", "est", "edt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "ist", "jst", "kst",
	"ago", "at", "on", "de", "du", "le", "el", "um", "às", "alle", "om", "h", "hr", "hrs", "hours", "hour", "min", "mins",
	"minutes", "days", "day", "weeks", "yesterday", "today", "updated", "published", "posted", "last", "modified",
	"aktualisiert", "veröffentlicht", "publié", "publicado", "actualizado", "atualizado", "pubblicato", "aggiornato",
	"stand", "uhr", "à", "a", "la", "of", "the",
	"first", "originally", "zuletzt", "erstellt", "mis", "jour", "dernière", "última", "actualización", "atualização",
)

// timestampLine reports a line that holds nothing but a date or time: "September 12, 2018",
// "Nov. 19, 2019 8:03 am ET", "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: …", "17H ago",
// "2019-11-19". Numbers alone must read as a time or a whole date: a year ("1986."), a season
// ("1986/87") or a telephone number is not a timestamp.
func timestampLine(s string) bool { return timestampLineIn(nil, s) }

// timestampLineIn is timestampLine for s, a substring of f.Trim (f may be nil).
func timestampLineIn(f *document.Features, s string) bool {
	if len(s) > 120 || len(s) < 4 {
		return false
	}
	// a whole line's digits are counted already (Features.Digits counts every ASCII digit)
	if f != nil && s == f.Trim {
		if f.Digits == 0 {
			return false
		}
	} else if !hasDigit(s) {
		return false
	}
	low := lowerIn(f, s) // folded without allocating when s is part of a line
	// its words (strings.FieldsFunc with timestampSep), at most 16, each read as it ends: the
	// first word that is neither a date nor a date word rules the line out
	var st timestampWords
	start := -1
	for i, r := range low {
		if timestampSep(r) {
			if start >= 0 {
				if !st.add(low[start:i]) {
					return false
				}
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if start >= 0 && !st.add(low[start:]) {
		return false
	}
	return st.n > 0 && st.digits > 0 && (st.marks > 0 || st.strong)
}

// timestampWords reads the words of a timestamp line one by one.
type timestampWords struct {
	n, digits, marks int
	strong           bool
}

// add reads the next word w, and reports whether the line may still be a timestamp.
func (st *timestampWords) add(w string) bool {
	if st.n++; st.n > 16 {
		return false
	}
	w = strings.Trim(w, ".:;")
	if w == "" || w == "-" || w == "/" {
		return true
	}
	if hasDigit(w) {
		k := dateNumber(w)
		if k == notDate {
			return false
		}
		st.digits++
		st.strong = st.strong || k == wholeDate
		return true
	}
	if !dateWords[w] {
		return false
	}
	switch w {
	case "at", "on", "de", "du", "le", "el", "um", "às", "alle", "om", "à", "a", "la", "of", "the", "last", "stand":
	default:
		st.marks++
	}
	return true
}

// timestampSep separates the words of a timestamp line.
func timestampSep(r rune) bool {
	if r < utf8.RuneSelf {
		switch r {
		case ' ', '\t', '\n', '\v', '\f', '\r', ',', '|', '(', ')', '[', ']':
			return true
		}
		return false
	}
	return unicode.IsSpace(r) || r == '·' || r == '•' || r == '–' || r == '—'
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// What a number in a timestamp reads as.
const (
	notDate   = iota
	datePart  // a day or a year, which needs a month or a time word beside it
	wholeDate // a time ("8:03", "10:48pm") or a whole date ("2019-11-19", "19.11.2019")
)

// dateNumber reads the numeric parts of dates and times: "2019", "19th", "8:03", "12/09/2018",
// "17h", "10:48pm".
func dateNumber(w string) int {
	num := w
	for _, suf := range []string{"st", "nd", "rd", "th", "h", "am", "pm", "º", "er", "e"} {
		if strings.HasSuffix(num, suf) && len(num) > len(suf) && num[len(num)-len(suf)-1] >= '0' && num[len(num)-len(suf)-1] <= '9' {
			num = num[:len(num)-len(suf)]
			if strings.ContainsRune(num, ':') {
				return wholeDate // "10:48pm"
			}
			return datePart // "19th", "17h", "8am"
		}
	}
	// the parts between separators, all digits; the first three kept
	var kept [3]string
	n := 0
	for p := range strings.FieldsFuncSeq(num, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ':' }) {
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return notDate
			}
		}
		if n < len(kept) {
			kept[n] = p
		}
		n++
	}
	if n > len(kept) {
		return notDate
	}
	return dateParts(num, kept[:n])
}

// dateParts reads the all-digit parts of num, a number with separators (at most three kept).
func dateParts(num string, parts []string) int {
	switch len(parts) {
	case 1:
		if len(parts[0]) <= 2 || len(parts[0]) == 4 && isYear(parts[0]) {
			return datePart
		}
	case 2:
		if strings.ContainsRune(num, ':') && len(parts[0]) <= 2 && len(parts[1]) == 2 {
			return wholeDate // a time
		}
		if len(parts[0]) <= 2 && len(parts[1]) <= 2 {
			return datePart // "12/09"
		}
	case 3:
		if strings.Count(num, ":") == 2 {
			return wholeDate // "06:31:27"
		}
		y := -1
		for i, p := range parts {
			if len(p) == 4 && isYear(p) {
				y = i
			} else if len(p) > 2 {
				return notDate
			}
		}
		if y == 0 || y == 2 || len(parts[2]) == 2 {
			return wholeDate
		}
	}
	return notDate
}

func isYear(p string) bool { return p >= "1900" && p <= "2099" }
