package rules

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// gluedWordID is glued-word's ID, under which its corpus counts (files using each unlisted
// word) are kept.
const gluedWordID = "glued-word"

// GluedWord finds two words run together by a scraper: "statedthat", "accordingto".
type GluedWord struct{}

type gluedOptions struct {
	// Words adds words that are never glued (house vocabulary).
	Words []string `toml:"words" doc:"More words that are never split, e.g. [\"newsdesk\"]."`
	// CorpusFiles: a word used in at least this many files of the run counts as a word.
	CorpusFiles int `toml:"corpus_files" doc:"A word used in at least this many files of the run counts as a word."`
}

func (o *gluedOptions) Validate() error {
	if o.CorpusFiles < 2 {
		return fmt.Errorf("corpus_files must be at least 2, got %d", o.CorpusFiles)
	}
	return nil
}

// NewOptions implements lint.Configurable.
func (GluedWord) NewOptions() any { return &gluedOptions{CorpusFiles: 3} }

// Meta implements lint.Rule.
func (GluedWord) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       gluedWordID,
		Severity: lint.Warning,
		Fixable:  true,
		Corpus:   true,
		Summary:  "two words run together (\"statedthat\")",
		Doc: `Finds two words that a scraper ran together when it dropped the markup between them
("statedthat", "accordingto", "saidthe"). Only documents identified as English are checked. A
lower-case word is split only when all of these hold: it is in no word list (SCOWL's English
words to size 95 with their proper names, and the Spanish, Dutch, Polish and Portuguese lists;
see rules/data/words.COPYRIGHT); it is not used as a word in at least corpus_files files of the
run; it splits in exactly one way into a function word ("that", "to", "the", "said" …) and a
frequent English word of four letters or more (SCOWL sizes 10 and 20) before or after it; it is
not one edit from an English word (or two from a frequent one, for words of eight letters or
more) that does not keep the content word whole, which makes it a misspelling ("tomarrow",
"withdrawl"), not a glue; it is not written with a capital elsewhere in the document, which makes
it a name ("johnson"), nor twice, which makes it a term of the text ("indexof"); and it stands
between spaces or before a sentence mark, not in quotes, brackets or markup. Compounds that are
words (however, breakthrough, grantor), inflections the lists have (attaches, todays), new words
the corpus uses (livestream, chatbot), capitalised words, URLs, e-mail addresses and hashtags are
left alone.`,
		Why: `Glued words break search and tokenisation.`,
		FixSafety: `The fix inserts the space. It is safe in a line of plain running text (six words or more, no
markup or code characters, no columns) and unsafe elsewhere, where a "glue" is more often an
identifier or a label.`,
		Example: "After the visit, the president statedthat the talks would resume next week.\n",
	}
}

// isEnglish reports whether d is identified as English.
func isEnglish(d *document.Document) bool { return document.LanguageOf(d) == document.English }

// glueCandidate reports whether w is a word of running text that glued-word looks at: lower-case
// ASCII letters standing alone, five letters or more.
func glueCandidate(w document.Word) bool {
	return w.Len() >= 5 && w.Has(document.LowerCase|document.ASCII|document.Alone)
}

// Gather implements lint.Gatherer: it counts, per file, the lower-case words with a glue affix
// that the dictionary lacks, so that words the corpus really uses are not split.
func (GluedWord) Gather(doc *document.Document, _ any, stats *corpus.Stats) {
	if !isEnglish(doc) {
		return
	}
	var seen map[string]bool
	src := doc.Src
	for _, t := range document.WordsOf(doc) {
		if !glueCandidate(t) {
			continue
		}
		// only what Check may ask about: words with a glue affix that no list has
		if w := t.In(src); glueAffix(w) && classOf(w) == notListed {
			seen = countGlue(stats, seen, w)
		}
	}
}

// countGlue counts w for the file once, seen holding the words counted already.
func countGlue(stats *corpus.Stats, seen map[string]bool, w string) map[string]bool {
	if seen[w] {
		return seen
	}
	if seen == nil {
		seen = map[string]bool{}
	}
	seen[w] = true
	stats.For(gluedWordID).AddKey(w, 1) // a copy: a key must not keep the document's text alive
	return seen
}

// glueEnds lists the gluedRight words by their last two letters and glueStarts the gluedLeft
// words by their first two, indexed by letter pair, so that a word is compared only with the
// function words it may end or start with.
var glueEnds, glueStarts = func() (e, s [26 * 26][]string) {
	// shortest first: a word of two letters decides at once
	for _, w := range byLength(gluedRight) {
		e[pairIndex(w[len(w)-2:])] = append(e[pairIndex(w[len(w)-2:])], w)
	}
	for _, w := range byLength(gluedLeft) {
		s[pairIndex(w[:2])] = append(s[pairIndex(w[:2])], w)
	}
	return
}()

// glueEndLens and glueStartLens have, for each letter pair, bit n set when glueEnds or
// glueStarts holds a word of n letters for it: most pairs have none, and glueAffix rejects
// their words with two loads from these small tables.
var glueEndLens, glueStartLens = func() (e, s [26 * 26]uint8) {
	for p := range glueEnds {
		for _, w := range glueEnds[p] {
			e[p] |= 1 << min(len(w), 7)
		}
		for _, w := range glueStarts[p] {
			s[p] |= 1 << min(len(w), 7)
		}
	}
	return
}()

// maxGlueRight and maxGlueLeft are the lengths of the longest gluedRight and gluedLeft words.
var maxGlueRight, maxGlueLeft = longestKey(gluedRight), longestKey(gluedLeft)

// byLength returns the keys of m, shortest first, then in order.
func byLength(m map[string]bool) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b)) })
	return keys
}

func longestKey(m map[string]bool) int {
	n := 0
	for k := range m {
		n = max(n, len(k))
	}
	return n
}

func pairIndex(p string) int { return int(p[0]-'a')*26 + int(p[1]-'a') }

// glueAffix is a cheap test that w (lower-case ASCII letters) starts with a gluedLeft word or
// ends with a gluedRight word of two to five letters, shorter than w, before the dictionary is
// consulted.
func glueAffix(w string) bool {
	end, start := pairIndex(w[len(w)-2:]), pairIndex(w[:2])
	lens := glueEndLens[end] | glueStartLens[start]
	switch {
	case lens == 0:
		return false
	case lens&(1<<2) != 0 && len(w) > 2:
		// the lists hold the words of the pair: a word of two letters is the pair itself
		return true
	}
	for _, g := range glueEnds[end] {
		if len(g) == 2 && len(w) > 2 || len(g) <= 5 && len(g) < len(w) && w[len(w)-len(g):] == g {
			return true
		}
	}
	for _, g := range glueStarts[start] {
		if len(g) == 2 && len(w) > 2 || len(g) <= 5 && len(g) < len(w) && w[:len(g)] == g {
			return true
		}
	}
	return false
}

// splitGlued returns the one way w splits into a function word and a frequent English word of
// four letters or more before or after it. A dropped-g form ("whoopin" for "whooping") is not
// glue.
func splitGlued(w string) (string, string, bool) {
	var left, right string
	n := 0
	for i := 2; i <= len(w)-2; i++ {
		a, b := w[:i], w[i:]
		ok := len(a) >= 4 && len(b) <= maxGlueRight && gluedRight[b] || len(b) >= 4 && len(a) <= maxGlueLeft && gluedLeft[a]
		if !ok || !isCommonWord(a) || !isCommonWord(b) {
			continue
		}
		if b == "in" && isWord(w+"g") {
			continue
		}
		n++
		left, right = a, b
	}
	return left, right, n == 1
}

// misspelt reports whether w, glued from a and b, is rather a misspelling of a word: one near w
// that does not keep the content word whole ("tomarrow" is near "tomorrow", which does not end
// in "marrow"; "accordingto" is near "accordingly", which keeps "according").
func misspelt(w, a, b string) bool {
	return nearWord(w, func(v string) bool {
		return gluedRight[b] && strings.HasPrefix(v, a) || gluedLeft[a] && strings.HasSuffix(v, b)
	}) != ""
}

// capitalisedWords returns the lower-case forms of the words written with a capital in d.
func capitalisedWords(src string, words []document.Word) map[string]bool {
	m := map[string]bool{}
	var buf []byte
	for _, t := range words {
		if t.Len() >= 5 && t.Has(document.Capitalised) {
			buf = document.AppendLower(buf[:0], t.In(src))
			m[string(buf)] = true
		}
	}
	return m
}

// inRunningText reports whether src[s:e] stands between spaces or before a sentence mark, as a
// word of running text does: identifiers stand in quotes, brackets, markup or code.
func inRunningText(src string, s, e int) bool {
	if s > 0 && !strings.ContainsRune(" \t\n", rune(src[s-1])) {
		return false
	}
	return e == len(src) || strings.ContainsRune(" \t\r\n,.;:!?", rune(src[e]))
}

// proseLineWords is the fewest words of a line of plain running text.
const proseLineWords = 6

// plainProse reports whether line is plain running text: six words or more, no markup or code
// characters, no columns. A glue anywhere else (a label, a menu entry, an icon name, a changelog
// or a code comment, where it is more often an identifier) gets an unsafe fix.
func plainProse(line string) bool {
	line = strings.TrimSpace(line)
	if strings.ContainsAny(line, "`{}[]|<>=#*\\_~^\t") || strings.Contains(line, "  ") {
		return false
	}
	return len(strings.Fields(line)) >= proseLineWords
}

type glueCand struct {
	start, end int
	a, b       string
	unsafe     bool
}

// Check implements lint.Rule.
func (r GluedWord) Check(p *lint.Pass) {
	for _, c := range r.glues(p, p.Corpus, nil) {
		if !misspelt(p.Doc.Src[c.start:c.end], c.a, c.b) {
			r.report(p, c.start, c.end, c.a, c.b, c.unsafe)
		}
	}
}

// Screen implements lint.Screener: the glues Check reports with no counts, but for the test of
// misspelling (the dearest, left to Resolve), each word's Flag saying whether its fix is unsafe.
// The counts and that test only take words away, all uses of one at once.
func (r GluedWord) Screen(p *lint.Pass, stats *corpus.Stats) []lint.Candidate {
	cands := p.CandidateRoom()
	for _, c := range r.glues(p, nil, stats) {
		var flag uint8
		if c.unsafe {
			flag = 1
		}
		cands = append(cands, lint.Candidate{Start: c.start, End: c.end, Flag: flag})
	}
	return cands
}

// Wants implements lint.Screener: any glue may be reported.
func (GluedWord) Wants(*corpus.Stats, any, []lint.Candidate) bool { return true }

// Resolve implements lint.Screener: the glues that the corpus does not use as words.
func (r GluedWord) Resolve(p *lint.Pass, cands []lint.Candidate) {
	o := lint.OptionsOf[gluedOptions](p, r)
	src := p.Doc.Src
	for _, c := range cands {
		w := src[c.Start:c.End]
		if p.Corpus.Of(gluedWordID).Keys[w] >= uint32(o.CorpusFiles) {
			continue
		}
		a, b, _ := splitGlued(w)
		if !misspelt(w, a, b) {
			r.report(p, c.Start, c.End, a, b, c.Flag == 1)
		}
	}
}

// report reports the glue of a and b at start..end.
func (GluedWord) report(p *lint.Pass, start, end int, a, b string, unsafe bool) {
	w := p.Doc.Src[start:end]
	safety := lint.Safe
	if unsafe {
		safety = lint.Unsafe
	}
	fixed := a + " " + b
	p.Report(lint.Diagnostic{Start: start, End: end,
		Message: quote(w) + " looks like two words run together: " + quote(fixed),
		Fix: &lint.Fix{Description: "write " + quote(fixed), Safety: safety,
			Edits: []lint.TextEdit{{Start: start + len(a), End: start + len(a), NewText: " "}}}})
}

// glues returns the glues of p.Doc that Check reports, given the counts of known (nil: no word
// is known from the corpus), but for the test of misspelling, which the caller makes. With
// gather, it also adds the document's counts to gather, as Gather does.
func (r GluedWord) glues(p *lint.Pass, known, gather *corpus.Stats) []glueCand {
	o := lint.OptionsOf[gluedOptions](p, r)
	src := p.Doc.Src
	if !isEnglish(p.Doc) {
		return nil
	}
	var extra, seen map[string]bool
	var cands []glueCand
	words := document.WordsOf(p.Doc)
	for _, t := range words {
		if !glueCandidate(t) {
			continue
		}
		w := t.In(src)
		if !glueAffix(w) || classOf(w) != notListed {
			continue
		}
		if gather != nil {
			seen = countGlue(gather, seen, w)
		}
		if known != nil && known.Of(gluedWordID).Keys[w] >= uint32(o.CorpusFiles) {
			continue
		}
		if extra == nil {
			extra = map[string]bool{}
			for _, x := range o.Words {
				extra[strings.ToLower(x)] = true
			}
		}
		if extra[w] {
			continue
		}
		a, b, ok := splitGlued(w)
		if !ok {
			continue
		}
		cands = append(cands, glueCand{start: int(t.Start), end: int(t.End), a: a, b: b})
	}
	if len(cands) == 0 {
		return nil
	}
	// a glue is an accident of markup; a "glue" the document writes twice is a term of its own
	// ("indexof", "thisfile"), and one it writes with a capital is a name ("johnson")
	uses := map[string]int{}
	for _, c := range cands {
		uses[src[c.start:c.end]]++
	}
	names := capitalisedWords(src, words)
	out := cands[:0]
	for _, c := range cands {
		w := src[c.start:c.end]
		if uses[w] > 1 || names[w] || !inRunningText(src, c.start, c.end) {
			continue
		}
		c.unsafe = !plainProse(p.Doc.Text(p.Doc.LineAt(c.start)))
		out = append(out, c)
	}
	return out
}
