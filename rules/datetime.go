package rules

import (
	"strings"
	"unicode"
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
)

// timestampLine reports a line that holds nothing but a date or time: "September 12, 2018",
// "Nov. 19, 2019 8:03 am ET", "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: …", "17H ago".
func timestampLine(s string) bool {
	if len(s) > 120 || len(s) < 4 || !hasDigit(s) {
		return false
	}
	digits, marks := 0, 0
	words := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return unicode.IsSpace(r) || strings.ContainsRune(",|·•–—()[]", r)
	})
	if len(words) == 0 || len(words) > 16 {
		return false
	}
	for _, w := range words {
		w = strings.Trim(w, ".:;")
		if w == "" || w == "-" || w == "/" {
			continue
		}
		if hasDigit(w) {
			if !dateNumber(w) {
				return false
			}
			digits++
			continue
		}
		if !dateWords[w] {
			return false
		}
		switch w {
		case "at", "on", "de", "du", "le", "el", "um", "às", "alle", "om", "à", "a", "la", "of", "the", "last", "stand":
		default:
			marks++
		}
	}
	return digits > 0 && (marks > 0 || digits >= 1 && strings.ContainsAny(s, "/-.:"))
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// dateNumber reads the numeric parts of dates and times: "2019", "19th", "8:03", "12/09/2018",
// "17h", "10:48pm".
func dateNumber(w string) bool {
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune("/-.:", r):
		default:
			return strings.HasSuffix(w, "st") || strings.HasSuffix(w, "nd") || strings.HasSuffix(w, "rd") ||
				strings.HasSuffix(w, "th") || strings.HasSuffix(w, "h") || strings.HasSuffix(w, "am") ||
				strings.HasSuffix(w, "pm") || strings.HasSuffix(w, "º") || strings.HasSuffix(w, "er") ||
				strings.HasSuffix(w, "e")
		}
	}
	return digits > 0 && digits <= 12
}
