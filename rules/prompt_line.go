package rules

import (
	"strings"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// PromptLine finds calls to action that templates put around the article: "Follow Newsbeat on
// Instagram, Facebook, Twitter and YouTube.", "Subscribe to our newsletter", "Like this story?
// Share it with a friend!".
type PromptLine struct{}

// Meta implements lint.Rule.
func (PromptLine) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "prompt-line",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "follow, subscribe, share and sign-up prompts",
		Doc: `Finds the calls to action of site templates: a line of at most 30 words that opens with a
prompt ("Follow", "Subscribe to", "Sign up for", "Share", "Like this story?", "Listen to",
"Download", and their equivalents in German, French, Spanish, Portuguese and Italian: "Folgen Sie
uns", "Abonnez-vous", "Síguenos", "Siga-nos", "Seguici") and names a channel (a newsletter, a
social network, a podcast, an app, an inbox, a friend). Lines of a hard-wrapped paragraph and
items of a list the text introduces (a how-to's "Sign up for the bundle using your e-mail") are
left alone, and so are sentences that report a prompt ("…, the chairman told analysts") and
advice that points to the channel of a party named by a common noun ("Sign up for the agency's
flood warnings") or tells readers to heed warnings or instructions ("Folgen Sie den Warnungen der
Behörden", "Sign up for flood warnings from the Environment Agency").`,
		Why: `Prompts are site furniture: they repeat on every page of a site and put brand names and
imperatives into article text.`,
		FixSafety: `Safe before the first and after the last of the article's sentences (prompts that are
sentences themselves do not count); between them a prompt may be the article's own advice, so
there the fix is unsafe, and a line of more than 15 words there is a sentence about a prompt and
is not reported.`,
		Example: "The rocket reached orbit ten minutes after lift-off, the agency said on Friday.\n" +
			"Engineers will test the capsule's systems over the next three days before it docks.\n" +
			"Follow Space Desk on Instagram, Facebook, Twitter and YouTube.\n",
	}
}

// promptOpeners open a call to action, folded to lower case.
var promptOpeners = []string{
	"follow ", "subscribe ", "sign up ", "signup ", "share this", "share it", "share on ", "share with ",
	"share via ", "share the story", "share the article", "like this ", "listen to ", "listen live",
	"download ", "get the ", "get our ", "join us ", "join our ", "register ", "click here", "tap here",
	"don't miss out", "never miss", "stay up to date", "stay informed", "want more",
	"folgen sie", "folge uns", "abonnieren sie", "abonniere ", "jetzt abonnieren", "teilen sie", "melden sie sich",
	"suivez-nous", "suivez nous", "abonnez-vous", "abonnez vous", "partagez ", "inscrivez-vous", "téléchargez ",
	"síguenos", "siguenos", "suscríbete", "suscribete", "comparte ", "descarga ", "regístrate",
	"siga-nos", "siga nos", "inscreva-se", "assine ", "compartilhe ", "baixe ",
	"seguici", "iscriviti", "condividi ", "scarica ",
}

// promptChannels are what a prompt points to.
var promptChannels = []string{
	"newsletter", "facebook", "twitter", "instagram", "youtube", "podcast", "inbox", "whatsapp", "telegram",
	"linkedin", "tiktok", "notification", "rss", " app", "apple news", "google news", "e-mail", "email",
	"friend", "subscription", "our channel", "x.com", "threads", "bluesky", "mastodon", "snapchat", "pinterest",
	"flipboard", "spotify", "soundcloud", "alerts", "updates",
	"freund", "kanal", "ami", "amigo", "amici", "canal", "canale", "boletín", "boletim",
}

// maxInnerPrompt is the most words a prompt between the article's sentences may have.
const maxInnerPrompt = 15

// reportingVerbs mark a sentence in a reporter's voice: a prompt that someone said or told is
// quoted, not the site's own.
var reportingVerbs = []string{" said", " says", " told ", "according to", " found that", " ruled that", " reported that",
	" concluded that", " sagte", " a déclaré", " dijo", " disse", " ha detto"}

// Check implements lint.Rule.
func (PromptLine) Check(p *lint.Pass) {
	d := p.Doc
	lay := lint.ResultOf(p, layoutOf)
	n := d.NumLines()
	prompt := make([]bool, n)
	first, last := n, -1 // the first and last prose lines that are not prompts: the article
	for i := 0; i < n; i++ {
		f := d.Feat(i)
		if f.Blank() || f.Words > 30 || f.Words < 2 || lay.Wrapped(i) || lay.Listed[i] || lay.Data[i] {
		} else if t := stripListMarker(f.Trim); mayBePrompt(f, t) && isPrompt(lowerIn(f, t)) && !namesOtherParty(f.Trim) {
			prompt[i] = true
			continue
		}
		if lay.Prose[i] {
			first, last = min(first, i), i
		}
	}
	for i := 0; i < n; i++ {
		if !prompt[i] {
			continue
		}
		// between the article's sentences a prompt may be its own advice
		safety := lint.Safe
		if i > first && i < last {
			// between the article's sentences a long line that opens like a prompt is a sentence
			// about one ("Share on Facebook buttons appeared on 91 percent of the pages")
			if d.Feat(i).Words > maxInnerPrompt {
				continue
			}
			safety = lint.Unsafe
		}
		p.ReportLines(i, i, "call to action "+quote(clipMsg(d.Feat(i).Trim)), "delete the prompt", safety)
	}
}

// namesOtherParty reports a prompt that points to a channel of a party the article describes,
// named by a common noun ("Sign up for the agency's flood warnings", "Download the council's
// app"): the article's advice. A site names its own channels by its brand ("Follow BBC News",
// "Get the Guardian's app").
func namesOtherParty(t string) bool {
	words := strings.Fields(t)
	for _, w := range words {
		if firstPersonPlural[strings.ToLower(strings.Trim(w, ",.;:!?"))] {
			return false // "Sign up for our newsletter to get the day's top stories": the site speaks
		}
	}
	// a prompt to heed warnings or instructions is safety advice ("Sign up for flood warnings
	// from the Environment Agency", "Folgen Sie den Warnungen der Behörden")
	for _, w := range words[:min(len(words), 6)] {
		if adviceNouns[strings.ToLower(strings.Trim(w, ",.;:!?"))] {
			return true
		}
	}
	for k := 0; k+1 < len(words); k++ {
		if !strings.EqualFold(words[k], "the") {
			continue
		}
		w := strings.TrimRight(words[k+1], ",.;:")
		noun, ok := strings.CutSuffix(w, "'s")
		if !ok {
			noun, ok = strings.CutSuffix(w, "’s")
		}
		if ok && noun != "" && isLowerWord(noun) && !timeNouns[noun] {
			return true
		}
	}
	return false
}

// adviceNouns are what the authorities issue and a safety story tells readers to heed (not
// "alerts", which sites sell as a product: "Sign up for Email Alerts").
var adviceNouns = set("warning", "warnings", "instructions", "advice", "guidance", "evacuation",
	"warnungen", "anweisungen", "hinweise", "hinweisen", "empfehlungen", "consignes", "avertissements",
	"instrucciones", "indicaciones", "avisos", "orientações", "avvisi", "indicazioni")

// firstPersonPlural are the words a site uses of itself.
var firstPersonPlural = set("our", "us", "we", "ours")

// timeNouns name a time, not a party ("the day's top stories").
var timeNouns = set("day", "week", "month", "year", "night", "morning", "evening", "weekend")

// isLowerWord reports a word of lower-case ASCII letters.
func isLowerWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

var promptPrefixes = newPrefixSet(promptOpeners)

// mayBePrompt reports whether t, a part of line f, opens with a prompt (as isPrompt's first test
// of its lower case), folding t only when it must (prefixSet.firstLower).
func mayBePrompt(f *document.Features, t string) bool {
	return promptPrefixes.firstLower(t, func(t string) string { return lowerIn(f, t) }) >= 0
}

// isPrompt reports a folded line that opens with a prompt and names a channel.
func isPrompt(low string) bool {
	if promptPrefixes.first(low) < 0 {
		return false
	}
	// a reporter's sentence about a prompt ("Share this article, the chairman told analysts")
	if containsAny(low, reportingVerbs) {
		return false
	}
	for _, c := range promptChannels {
		if strings.Contains(low, c) {
			return true
		}
	}
	return false
}
