package rules

import (
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// CommentWidget finds the text of comment forms and sign-up boxes: "Save my name, email, and
// website in this browser for the next time I comment.", "Comments are closed.", "Thanks for
// signing up!".
type CommentWidget struct{}

// Meta implements lint.Rule.
func (CommentWidget) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "comment-widget",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "comment form and sign-up box messages",
		Doc: `Finds the messages of comment forms and newsletter sign-up boxes that whole-page
extractors keep: a line that opens with one of their fixed phrases ("Save my name, email, and
website in this browser", "Notify me of follow-up comments", "You must be logged in to post a
comment", "Comments are closed", "Be the first to comment", "Log in or sign up", "Thanks for
signing up!", "There was an error processing your subscription", "No spam, we promise", "You
can unsubscribe at any time"), or its equivalent in German, French, Spanish, Portuguese or
Italian ("Devi essere connesso per inviare un commento", "Lascia un commento", "Deixe um
comentário", "Deja un comentario", "Laisser un commentaire", "Kommentar schreiben"). The
phrases are the widget's own wording, which article prose does not use; a line of more than 16
words that goes on past the phrase as a sentence of its own, or reports who said it, is left
alone.`,
		Why: `Widget messages repeat on every page of a site and are not article text.`,
		FixSafety: `Safe before the first and after the last of the article's sentences, and anywhere outside the
body of a whole-page extraction; elsewhere the line may be the article quoting a site, so there
the fix is unsafe.`,
		Example: "The rocket reached orbit ten minutes after lift-off, the agency said on Friday.\n" +
			"Engineers will test the capsule's systems over the next three days before it docks.\n" +
			"Save my name, email, and website in this browser for the next time I comment.\n",
	}
}

// widgetPhrases open the messages of comment forms and sign-up boxes, folded.
var widgetPhrases = []string{
	"save my name, email, and website", "save my name, email and website", "notify me of follow-up comments",
	"notify me of new comments", "notify me of new posts", "notify me via e-mail", "notify me via email",
	"you must be logged in to post a comment", "you must log in to post a comment", "comments are closed",
	"commenting is closed", "comments powered by disqus", "blog comments powered by disqus", "log in to comment",
	"log in or sign up", "sign in to comment", "be the first to comment", "no comments yet", "join the discussion",
	"view all comments", "show all comments", "load more comments", "we are temporarily moderating all comments",
	"thanks for signing up", "thank you for signing up", "thanks for subscribing", "thank you for subscribing",
	"you have successfully subscribed", "you have succesfully subscribed", "there was an error processing your subscription",
	"an email with an activation link", "please activate your subscription", "no spam, we promise",
	"you can unsubscribe at any time", "sorry, your blog cannot share posts by email",
	"devi essere connesso per inviare un commento", "lascia un commento", "deixe um comentário",
	"deixe seu comentário", "deja un comentario", "deja tu comentario", "laisser un commentaire",
	"laissez un commentaire", "kommentar schreiben", "kommentar verfassen", "schreibe einen kommentar",
	"merci pour votre inscription", "gracias por suscribirte", "obrigado por se inscrever", "grazie per esserti iscritto",
}

var widgetPrefixes = newPrefixSet(widgetPhrases)

// widgetLine reports a line that opens with a widget phrase (after a list marker).
func widgetLine(f *document.Features) bool {
	if f.Words > 80 {
		return false
	}
	// the phrases open the line: fold only its first 64 bytes (on a character boundary)
	t := stripListMarker(f.Trim)
	if len(t) > 64 {
		cut := 64
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		t = t[:cut]
	}
	k := widgetPrefixes.firstLower(t, func(t string) string { return lowerIn(f, t) })
	if k < 0 {
		return false
	}
	// a sentence that reports the message or goes on past it as its subject is a reporter's
	w := widgetPhrases[k]
	return f.Words <= 16 || !goesOn(f.Lower(), w, sentenceRest) && !containsAny(f.Lower(), reportingVerbs)
}

// Check implements lint.Rule.
func (CommentWidget) Check(p *lint.Pass) {
	lay := lint.ResultOf(p, layoutOf)
	reportOutsideArticle(p, func(i int, f *document.Features) string {
		if lay.widget[i] {
			return "widget message " + quote(clipMsg(f.Trim))
		}
		return ""
	}, "delete the widget message")
}
