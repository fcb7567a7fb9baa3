package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// VoteWidget finds rating and reaction widgets and counters: "veryGood! (62)", "Like (12)",
// "👍 34", "3 likes", "1.2K views", "Rate this article", star ratings.
type VoteWidget struct{}

type voteOptions struct {
	// Phrases adds whole lines that are rating prompts.
	Phrases []string `toml:"phrases" doc:"More whole-line rating prompts, e.g. [\"Rate this recipe\"]."`
	// Counters adds nouns counted by widgets ("3 claps").
	Counters []string `toml:"counters" doc:"More nouns that widgets count (\"3 claps\"), e.g. [\"claps\"]."`
}

// NewOptions implements lint.Configurable.
func (VoteWidget) NewOptions() any { return &voteOptions{} }

// Meta implements lint.Rule.
func (VoteWidget) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "vote-widget",
		Severity: lint.Warning,
		Fixable:  true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "rating and reaction widgets and counters",
		Doc: `Finds the text of rating and reaction widgets that scrapers keep: reaction buttons with counts
("veryGood! (62)", "Like (12) Dislike (3)"), emoji counters ("👍 34"), counters ("3 likes", "1.2K
views", "12 comments"), rating prompts ("Rate this article", "Was this helpful? Yes No") and star
ratings ("★★★★☆"). Only whole lines are matched, or a widget standing after the last sentence of
a line; counts inside sentences ("the video got 1.2K views") are left alone. A count after a
label that is no reaction, counted noun or link ("MIAMI (104)" over a box score, "Labour (412)"
in a list of seats, "Novembro (113)" in a blog's archive) is a widget only outside the article
of a whole-page extraction, and so are buttons next to such a count elsewhere ("Yes (143)" and
"No (9)" above "Abstentions (25)" are a vote's tally).`,
		Why: `Widgets carry no article content and differ between copies of the same story, which defeats
deduplication.`,
		FixSafety: `Safe: the line is deleted, or only the widget when it shares the line with text. A line of
stars alone (no other widget line next to it) may be a review's own verdict: outside whole-page
extractions its fix is unsafe and the finding is info.`,
		Example: "Lavrov also said he supports regular talks on security issues.\nveryGood! (62)\n",
	}
}

// Check implements lint.Rule.
func (r VoteWidget) Check(p *lint.Pass) {
	opts := lint.OptionsOf[voteOptions](p, r)
	d := p.Doc
	lay := lint.ResultOf(p, layoutOf)
	labels := lay.Labels
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		if f.Blank() {
			continue
		}
		// outside a whole page's article, counts after any label are widgets (a blog's archive)
		bare := lay.PageDump() && lay.Outside(i)
		if f.Runes <= 80 && !lay.Wrapped(i) && !lay.Listed[i] && isWidgetLine(f, labels[i], lay.Classes[i], opts, bare) && (bare || !inTally(d, i)) {
			// stars alone may be a review's own verdict, outside a whole page and a widget's other
			// lines ("Rate this article" above them)
			safety := lint.Safe
			if !lay.PageDump() && isStarRating(f.Trim) && !r.besideWidget(d, lay, opts, i) {
				safety = lint.Unsafe
			}
			var sev lint.Severity
			if safety == lint.Unsafe { // a guess: shown as info, failing no run
				sev = lint.Info
			}
			p.ReportLinesAs(sev, i, i, "rating/reaction widget "+quote(f.Trim), "delete the widget line", safety)
			continue
		}
		if off, w, ok := trailingWidget(d.Text(i)); ok {
			l := d.Lines[i]
			start := l.Start + off
			p.Report(lint.Diagnostic{Start: start, End: l.End,
				Message: "rating/reaction widget " + quote(w) + " at the end of a line",
				Fix: &lint.Fix{Description: "delete the widget", Safety: lint.Safe,
					Edits: []lint.TextEdit{{Start: start, End: l.End}}}})
		}
	}
}

// inTally reports a line of "Label (N)" buttons in a run of such lines (blank lines between
// them aside) one of which has a label that is no reaction: "Yes (143)" and "No (9)" above
// "Abstentions (25)" are a vote's tally.
func inTally(d *document.Document, i int) bool {
	if n, _ := reactionButtons(d.Feat(i).Trim); n == 0 {
		return false
	}
	for _, step := range []int{-1, 1} {
		// a tally has a few lines; the look stops maxTally lines away, so that a page of a
		// thousand buttons is read in linear time
		for j := i + step; j >= 0 && j < d.NumLines() && (j-i)*step <= maxTally; j += step {
			g := d.Feat(j)
			if g.Blank() {
				continue
			}
			n, reacts := reactionButtons(g.Trim)
			if n == 0 {
				break
			}
			if !reacts {
				return true
			}
		}
	}
	return false
}

// maxTally is how many lines from a line of buttons inTally looks for a count with another label.
const maxTally = 12

// besideWidget reports whether the nearest non-blank line before or after line i is a widget.
func (VoteWidget) besideWidget(d *document.Document, lay *Layout, o *voteOptions, i int) bool {
	for _, step := range []int{-1, 1} {
		for j := i + step; j >= 0 && j < d.NumLines(); j += step {
			if g := d.Feat(j); !g.Blank() {
				if g.Runes <= 80 && isWidgetLine(g, lay.Labels[j], lay.Classes[j], o, false) {
					return true
				}
				break
			}
		}
	}
	return false
}

var votePhrases = set("rate this article", "rate this story", "rate this post", "rate this", "was this helpful",
	"was this helpful? yes no", "was this article helpful", "was this article helpful? yes no",
	"did you find this article useful", "did you find this helpful", "how useful was this post",
	"click on a star to rate it", "no votes so far! be the first to rate this post", "average rating",
	"vote count", "your rating", "how do you feel about this article",
	"avalie este artigo", "bewerten sie diesen artikel", "notez cet article", "valora este artículo")

var voteCounters = set("like", "likes", "view", "views", "share", "shares", "comment", "comments", "reaction",
	"reactions", "vote", "votes", "clap", "claps", "retweet", "retweets", "reads", "upvotes", "downvotes",
	"visualizações", "comentários", "comentário", "curtidas", "kommentare", "aufrufe", "vues", "commentaires",
	"visitas", "comentarios", "visualizzazioni", "commenti", "просмотров", "просмотры", "комментариев")

// isWidgetLine reports a whole line that is a widget; norm is its label and class the label's
// lexicon classes (Layout.Labels and Layout.Classes). A bare "Label (N)" whose label is no
// reaction ("MIAMI (104)" heading a box score, "Labour (412)" in a list of seats, "Novembro
// (113)" in a blog's archive) counts only when bare is set.
func isWidgetLine(f *document.Features, norm string, class labelClass, o *voteOptions, bare bool) bool {
	t := f.Trim
	// class.has(classVote) is votePhrases[norm]
	if class.has(classVote) || len(o.Phrases) > 0 && containsFold(o.Phrases, norm) {
		return true
	}
	if f.Digits == 0 && !hasStar(t) {
		return false // every other widget has a count or stars
	}
	if isStarRating(t) || isEmojiCounter(t) {
		return true
	}
	if isCounter(t, o) {
		return true
	}
	n, reacts := reactionButtons(t)
	return n > 0 && (reacts || bare)
}

// hasStar reports a rating star in t. The stars are all encoded from the byte 0xE2 on, which most
// lines lack.
func hasStar(t string) bool {
	return strings.IndexByte(t, 0xE2) >= 0 && strings.ContainsAny(t, "★☆⭐✩✭")
}

// isReactionSequence reads one or more "Label (N)" or "Label! (N)" buttons: "veryGood! (62)",
// "Like (12) Dislike (3)". A label is one or two words of letters.
func isReactionSequence(t string) bool {
	n, _ := reactionButtons(t)
	return n > 0
}

// reactionButtons reads t as a sequence of "Label (N)" buttons and returns how many it holds (0:
// t is not such a sequence) and whether a label reads as a widget's: it ends in "!"
// ("veryGood! (62)"), is a reaction word ("Like (12)"), a noun that widgets count ("Comments
// (12)") or a link's label ("View all (23)").
func reactionButtons(t string) (n int, reacts bool) {
	for t != "" {
		open := strings.IndexByte(t, '(')
		if open <= 0 {
			return 0, false
		}
		label := strings.TrimSpace(t[:open])
		exclaimed := strings.HasSuffix(label, "!")
		label = strings.TrimRight(label, "!?:")
		if label == "" || len(strings.Fields(label)) > 2 {
			return 0, false
		}
		for _, r := range label {
			if !unicode.IsLetter(r) && r != ' ' && r != '\'' && r != '’' {
				return 0, false
			}
		}
		close := strings.IndexByte(t[open:], ')')
		if close < 0 || !isCount(t[open+1:open+close]) {
			return 0, false
		}
		n++
		low := strings.ToLower(label)
		reacts = reacts || exclaimed || reactionWords[low] || voteCounters[low] || buttonLabels[low]
		t = strings.TrimSpace(t[open+close+1:])
	}
	return n, reacts
}

// isCount reads "62", "1,204", "1.2K", "3M".
func isCount(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c == ',' || c == '.' {
			continue
		}
		return i == len(s)-1 && strings.IndexByte("KkMmBb", c) >= 0
	}
	return true
}

// isCounter reads "3 likes", "1.2K views", "12 Comments".
func isCounter(t string, o *voteOptions) bool {
	var buf [3]string
	k := fieldsInto(t, buf[:])
	if k != 2 && k != 3 {
		return false
	}
	fields := buf[:k]
	num := fields[0]
	noun := fields[len(fields)-1]
	if len(fields) == 3 {
		num = fields[0] + fields[1]
	}
	if !isCount(num) {
		return false
	}
	noun = strings.ToLower(strings.TrimRight(noun, ".:!"))
	return voteCounters[noun] || containsFold(o.Counters, noun)
}

// isStarRating reads "★★★★☆", "★★★★☆ 4.0", "4.5/5 ★".
func isStarRating(t string) bool {
	stars := 0
	for _, r := range t {
		switch {
		case r == '★' || r == '☆' || r == '⭐' || r == '✩' || r == '✭':
			stars++
		case unicode.IsDigit(r) || r == '.' || r == '/' || r == ' ' || r == '(' || r == ')' || r == ',':
		default:
			return false
		}
	}
	return stars >= 3
}

// isEmojiCounter reads "👍 34", "👍 34 👎 2", "❤️ 12": pictographs, each followed by a count.
func isEmojiCounter(t string) bool {
	emojis, counts := 0, 0
	for tok := range strings.FieldsSeq(t) {
		if isCount(tok) {
			counts++
			continue
		}
		for _, r := range tok {
			if !isPictograph(r) {
				return false
			}
		}
		emojis++
	}
	return emojis > 0 && counts > 0 && counts <= emojis+1
}

func isPictograph(r rune) bool {
	return r >= 0x1F300 && r <= 0x1FAFF || r >= 0x2600 && r <= 0x27BF || r == 0xFE0F || r == 0x200D || r >= 0x1F1E6 && r <= 0x1F1FF
}

// reactionWords are button labels that make "Label (N)" a widget even inside a line.
var reactionWords = set("like", "likes", "dislike", "love", "haha", "wow", "sad", "angry", "good", "bad",
	"verygood", "very good", "helpful", "useful", "funny", "interesting", "upvote", "downvote", "yes", "no")

// buttonLabels are the labels of the links that a count follows on a page: "View all (23)",
// "Replies (4)".
var buttonLabels = set("view all", "see all", "show all", "show more", "load more", "reply", "replies", "answers")

// trailingWidget finds reaction buttons standing after the last sentence of a line:
// "… he said. veryGood! (62)". It returns the offset where the deletion starts (the end of the
// sentence, so the separating space goes too) and the widget text.
func trailingWidget(line string) (int, string, bool) {
	if !strings.HasSuffix(line, ")") || len(line) < 20 {
		return 0, "", false
	}
	from := max(0, len(line)-80)
	for i := from; i < len(line)-1; i++ {
		if line[i] != ' ' || i == 0 || !strings.ContainsRune(".!?\"”", lastRune(line[:i])) {
			continue
		}
		w := strings.TrimSpace(line[i:])
		if !isReactionSequence(w) || !strings.Contains(w, "!") && !reactionWords[strings.ToLower(strings.TrimSpace(w[:strings.IndexByte(w, '(')]))] {
			continue
		}
		if len(strings.Fields(line[:i])) < 3 {
			return 0, "", false
		}
		return i, w, true
	}
	return 0, "", false
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}
