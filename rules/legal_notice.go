package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/match"
)

// LegalNotice finds the legal furniture of a page: cookie and consent banners, copyright lines,
// privacy and terms links.
type LegalNotice struct{}

// Meta implements lint.Rule.
func (LegalNotice) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "legal-notice",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "cookie banners, copyright lines and privacy or terms links",
		Doc: `Finds the legal notices of site templates, of any length: cookie and consent banners written
in the site's voice ("We use cookies to improve your experience…", "This website uses cookies",
"Utilizziamo i cookie", "Wir verwenden Cookies", "Nous utilisons des cookies", "Utilizamos
cookies", "Этот сайт использует cookie"); copyright lines (opening with "©", "Copyright" or
"(c)" and a year, or saying "All rights reserved" in English, German, French, Spanish,
Portuguese, Italian, Russian or Chinese with a copyright mark or at the start); and privacy,
terms and imprint links (a line of 3 to 12 words naming a privacy policy, terms of use,
"Datenschutz", "Impressum", "Mentions légales", "Aviso legal", or a longer one saying that using
the site means accepting them). A sentence that only mentions cookies or rights ("The label said
all rights reserved by the artist would revert to her estate") is not a notice. A picture credit
("© Anna Keller") is caption's, a wire service's rights notice ("This material may not be
published, broadcast, rewritten or redistributed") belongs to the copy it came with. Sentences
about notices are left alone: a line in a reporter's voice (with "said", "told", "found that" or
quotation marks), a cookie phrase followed by "is" or "was" (the sentence's subject), a line that
opens with a notice's phrase and goes on as a sentence ("Alle Rechte vorbehalten steht auf fast
jeder Seite, doch …"), and a how-to's step that goes on after the policy it names with a clause
("Read the terms and conditions before you pay a deposit"). A line of one or two words ("Cookie
Settings", "Privacy Policy") is a menu item, left to page-chrome.`,
		Why: `Legal notices repeat on every page of a site: they are not article text, and their cookie
and consent vocabulary is among the most repeated text of web corpora.`,
		FixSafety: `Safe before the first and after the last of the article's sentences (notices do not count as
sentences), and anywhere outside the body of a whole-page extraction; elsewhere a notice may be
the article quoting one, so there the fix is unsafe.`,
		Example: "The rocket reached orbit ten minutes after lift-off, the agency said on Friday.\n" +
			"Engineers will test the capsule's systems over the next three days before it docks.\n" +
			"We use cookies to improve your experience on our site. By continuing to browse, you agree to our use of cookies.\n" +
			"© 2026 Space Desk Media. All rights reserved.\n",
	}
}

// cookieCues say a site uses cookies, in its own voice.
var cookieCues = []string{
	"we use cookies", "we use cookie", "this site uses cookies", "this website uses cookies", "our site uses cookies",
	"our website uses cookies", "uses cookies to", "use of cookies", "accept cookies", "accept all cookies",
	"manage cookies", "cookie settings", "cookie policy", "cookie statement", "cookie preferences",
	"utilizziamo i cookie", "usiamo i cookie", "questo sito utilizza", "wir verwenden cookies", "diese website verwendet",
	"diese webseite verwendet", "nous utilisons des cookies", "ce site utilise des cookies", "utilizamos cookies",
	"usamos cookies", "este sitio utiliza", "este sitio web utiliza", "este site utiliza", "этот сайт использует",
	"мы используем cookie", "мы используем файлы cookie",
	// the default texts of common consent plug-ins
	"necessary cookies are absolutely essential", "any cookies that may not be particularly necessary",
	"option to opt-out of these cookies", "out of these cookies",
}

// rightsReserved say "all rights reserved".
var rightsReserved = []string{
	"all rights reserved", "all right reserved", "alle rechte vorbehalten", "tous droits réservés",
	"todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
	"все права защищены", "版权所有",
}

// termsCues name the privacy, terms and imprint pages.
var termsCues = []string{
	"privacy policy", "privacy notice", "privacy overview", "terms of use", "terms of service", "user agreement",
	"terms and conditions", "datenschutz", "impressum", "politique de confidentialité", "mentions légales",
	"política de privacidad", "aviso legal", "política de privacidade", "informativa sulla privacy",
	"политика конфиденциальности",
}

// acceptance cues say that using the site means accepting its terms.
var acceptanceCues = []string{"use of this site", "constitutes acceptance", "by using this site", "by using our site", "by continuing"}

// legalTriggerWords are in every line legalKind can match: most lines have none, and are done
// with a look for them (legalTriggers, which skips over most of a line) instead of a folded copy
// and the cue lists.
var legalTriggerWords = []string{
	"cookie", "©", "copyright", "(c)", "reserv", "vorbehalten", "réservés", "riservati", "защищены", "Защищены",
	"版权", "privacy", "terms", "datenschutz", "impressum", "confidentialit", "mentions l", "privacidad",
	"aviso legal", "privacidade", "agreement", "конфиденциальности", "Конфиденциальности",
}

var legalTriggers = match.NewSet(legalTriggerWords, true)

// reportedSpeech marks a sentence in a reporter's voice.
var reportedSpeech = append([]string{"“", "\"", "«", "„"}, reportingVerbs...)

// legalKind names the kind of legal notice a line is ("cookie", "copyright", "terms"), or "".
func legalKind(f *document.Features) string {
	// one or two words ("Cookie Settings", "Privacy Policy") are a menu item, page-chrome's: no
	// kind whatever the line holds, so such lines skip the automaton
	if f.Words < 3 || !legalTriggers.Contains(f.Trim) {
		return ""
	}
	low := f.Lower()
	if strings.Contains(low, "may not be published, broadcast") {
		return "" // a wire service's notice travels with its copy
	}
	if containsAny(low, reportedSpeech) {
		return "" // a reporter writing about the rules, not the site stating them
	}
	if strings.Contains(low, "cookie") && containsAny(low, cookieCues) && !cueIsSubject(low, cookieCues) {
		return "cookie"
	}
	if copyrightLine(low) {
		return "copyright"
	}
	for _, c := range rightsReserved {
		if goesOn(low, c, sentenceRest) {
			continue // the phrase is the subject of a sentence
		}
		if i := strings.Index(low, c); i >= 0 && (i == 0 || strings.Contains(low, "©") || strings.Contains(low, "copyright") || strings.Contains(low, "(c)")) {
			return "copyright"
		}
	}
	if containsAny(low, termsCues) && (containsAny(low, acceptanceCues) || f.Words <= 12 && !clauseAfter(low, termsCues)) {
		return "terms"
	}
	return ""
}

// copyrightLine reports a folded line that opens with a copyright mark or word and a year:
// "© 2026 Space Desk Media", "Copyright 2026", "(c) 2019 …". A mark before a name alone
// ("© Anna Keller") is a picture credit.
func copyrightLine(low string) bool {
	rest, ok := "", false
	for _, p := range []string{"©", "copyright", "(c)"} {
		if strings.HasPrefix(low, p) {
			rest, ok = low[len(p):], true
			break
		}
	}
	if !ok {
		return false
	}
	rest = strings.TrimLeft(rest, " ©:")
	rest = strings.TrimPrefix(rest, "copyright")
	rest = strings.TrimLeft(rest, " ©:")
	return len(rest) >= 4 && allDigits(rest[:4]) && (rest[:2] == "19" || rest[:2] == "20")
}

// cueIsSubject reports a folded line whose cue is the subject of a sentence: the word after it is
// a verb such as "is" or "was" ("Manage cookies is now the first option in the app's menu").
// A banner's cue goes on with an object or a purpose ("We use cookies to improve …").
func cueIsSubject(low string, cues []string) bool {
	for _, c := range cues {
		if i := strings.Index(low, c); i >= 0 {
			next, _, _ := strings.Cut(strings.TrimLeft(low[i+len(c):], " "), " ")
			return subjectVerbs[next]
		}
	}
	return false
}

// subjectVerbs follow a phrase that is a sentence's subject.
var subjectVerbs = set("is", "was", "are", "were", "has", "had", "will", "would", "can", "became", "appears", "appeared", "remains", "ist", "war", "est", "était", "es", "era", "è")

// clauseAfter reports a folded line in which a clause of four or more words follows the first of
// cues found: "Read the terms and conditions before you pay a deposit" is a how-to's step, where
// a site's link goes on with another link or nothing ("Privacy policy | Terms of use").
func clauseAfter(low string, cues []string) bool {
	for _, c := range cues {
		if i := strings.Index(low, c); i >= 0 {
			rest := strings.TrimLeft(low[i+len(c):], " ")
			r, _ := utf8.DecodeRuneInString(rest)
			return unicode.IsLower(r) && len(strings.Fields(rest)) >= 4
		}
	}
	return false
}

// sentenceRest is how many words after an opening phrase make the line a sentence of its own.
const sentenceRest = 6

// goesOn reports a folded line that opens with phrase and goes on as a sentence of its own: a
// space, then at least min more words and no copyright mark ("Alle Rechte vorbehalten heißt
// deshalb vor allem eines: …", "Comments are closed on all articles about the case until …").
// A notice goes on with punctuation or a name at most ("All rights reserved. …", "All rights
// reserved by Harbour Media Ltd").
func goesOn(low, phrase string, min int) bool {
	rest, ok := strings.CutPrefix(low, phrase)
	if !ok || !strings.HasPrefix(rest, " ") || strings.Contains(rest, "©") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest, " "))
	return unicode.IsLetter(r) && len(strings.Fields(rest)) >= min
}

func containsAny(s string, subs []string) bool {
	for _, c := range subs {
		if strings.Contains(s, c) {
			return true
		}
	}
	return false
}

// Check implements lint.Rule.
func (LegalNotice) Check(p *lint.Pass) {
	lay := lint.ResultOf(p, layoutOf)
	reportOutsideArticle(p, func(i int, f *document.Features) string {
		if k := lay.legal[i]; k != "" {
			return k + " notice " + quote(clipMsg(f.Trim))
		}
		return ""
	}, "delete the notice")
}

// reportOutsideArticle reports the lines for which find returns a message: safe before the first
// and after the last prose line that find does not match (the article), and outside the body of a
// whole-page extraction or footer dump; unsafe elsewhere.
// Lines of hard-wrapped paragraphs, data blocks and lists the text introduces are left alone.
func reportOutsideArticle(p *lint.Pass, find func(int, *document.Features) string, fixDesc string) {
	d := p.Doc
	lay := lint.ResultOf(p, layoutOf)
	n := d.NumLines()
	// the lines found, in order: few documents have more than a handful
	type found struct {
		line int
		msg  string
	}
	var buf [8]found
	lines := buf[:0]
	first, last := n, -1
	for i := 0; i < n; i++ {
		f := d.Feat(i)
		if !f.Blank() && !lay.Wrapped(i) && !lay.Data[i] && !lay.Listed[i] {
			if msg := find(i, f); msg != "" {
				lines = append(lines, found{i, msg})
				continue
			}
		}
		if lay.Prose[i] {
			first, last = min(first, i), i
		}
	}
	for _, l := range lines {
		i, msg := l.line, l.msg
		// in a whole-page extraction or a footer dump, prose after the article (teasers, footers)
		// does not make a notice the article's: outside the body is enough
		safety := lint.Safe
		if i > first && i < last && !((lay.PageDump() || lay.FooterDump()) && lay.Outside(i)) {
			safety = lint.Unsafe
		}
		p.ReportLines(i, i, msg, fixDesc, safety)
	}
}
