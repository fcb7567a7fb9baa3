package rules

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

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
		ID:       "glued-word",
		Severity: lint.Warning,
		Fixable:  true,
		Corpus:   true,
		Summary:  "two words run together (\"statedthat\")",
		Doc: `Finds two words that a scraper ran together when it dropped the markup between them
("statedthat", "accordingto", "saidthe"): a lower-case word that is not in the English word list
(derived from SCOWL, see rules/data/words.COPYRIGHT), is not used as a word in at least
corpus_files files of the run (default 3), and splits in exactly one way into a listed word of
four letters or more and a function word before or after it ("that", "to", "the", "said" …). Compounds
that are words (however, nevertheless, breakthrough, whereas, cannot) and new words the corpus
uses (livestream, chatbot) are left alone, and so are capitalised words, names, URLs, e-mail
addresses and hashtags. Only English documents are checked (by their share of English function
words). Glued words break search and tokenisation. The fix (safe) inserts the space. Options:
words (more words that are never split) and corpus_files.`,
		Why:       `Glued words break search and tokenisation.`,
		FixSafety: `Safe: the space is inserted.`,
		Example:   "After the visit, the president statedthat the talks would resume next week.\n",
	}
}

// lowerTokens calls fn for each lower-case word of text that stands alone: letters only, not
// part of a URL, e-mail address, hashtag, handle or hyphenated or apostrophised word. fn returns
// false to stop. Words shorter than minLen bytes are passed over.
func lowerTokens(text string, minLen int, fn func(start, end int, w string) bool) {
	i := 0
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := i
		lower := true
		for j < len(text) {
			c := text[j]
			if c >= 'a' && c <= 'z' {
				j++
				continue
			}
			if c >= 'A' && c <= 'Z' {
				lower = false
				j++
				continue
			}
			if c < utf8.RuneSelf {
				break
			}
			r2, s2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) {
				break
			}
			lower = false
			j += s2
		}
		if lower && j-i >= minLen && standsAlone(text, i, j) {
			if !fn(i, j, text[i:j]) {
				return
			}
		}
		i = j
	}
}

func standsAlone(text string, s, e int) bool {
	if s > 0 {
		switch b := text[s-1]; b {
		case '#', '@', '/', '.', '_', '-', '\'', ':', '=', '&', '?', '\\':
			return false
		default:
			if b >= '0' && b <= '9' || b >= 0x80 && lastRune(text[:s]) == '’' {
				return false
			}
		}
	}
	if e < len(text) {
		switch b := text[e]; b {
		case '@', '/', '_', '-', '\'', '=', '\\':
			return false
		case '.', ':':
			// "example.com", "http:": a letter right after the dot or colon
			if e+1 < len(text) && (unicode.IsLetter(rune(text[e+1])) || text[e+1] == '/') {
				return false
			}
		default:
			if b >= '0' && b <= '9' {
				return false
			}
			if b >= 0x80 {
				if r, _ := utf8.DecodeRuneInString(text[e:]); r == '’' {
					return false
				}
			}
		}
	}
	return true
}

// englishText reports whether enough of a document's words are English function words; the
// first 200 lower-case words decide.
func englishText(text string) bool {
	words, stops := 0, 0
	if len(text) > 4096 { // the start of a document is enough, and keeps the cost bounded
		text = text[:4096]
	}
	lowerTokens(text, 1, func(_, _ int, w string) bool {
		words++
		if len(w) <= 5 && englishStopwords[w] {
			stops++
		}
		return words < 200
	})
	return words >= 8 && stops*100 >= words*15
}

// isEnglish is englishText of a document, computed once for Gather and Check.
func isEnglish(d *document.Document) bool {
	return d.Memo("rules.english", func() any { return englishText(d.Src) }).(bool)
}

// Gather implements lint.Gatherer: it counts, per file, the lower-case words with a glue affix
// that the dictionary lacks, so that words the corpus really uses are not split.
func (GluedWord) Gather(doc *document.Document, _ any, stats *corpus.Stats) {
	if !isEnglish(doc) {
		return
	}
	seen := map[string]bool{}
	lowerTokens(doc.Src, 5, func(_, _ int, w string) bool {
		// only what Check may ask about: words with a glue affix that the dictionary lacks
		if len(w) >= 5 && glueAffix(w) && !seen[w] && !isWord(w) {
			seen[w] = true
			stats.Vocab[w]++
		}
		return true
	})
}

// glueEnds marks the last two letters of gluedRight words and the first two of gluedLeft words,
// indexed by letter pair, for a table look-up before any map look-up.
var glueEnds, glueStarts = func() (e, s [26 * 26]bool) {
	for w := range gluedRight {
		e[pairIndex(w[len(w)-2:])] = true
	}
	for w := range gluedLeft {
		s[pairIndex(w[:2])] = true
	}
	return
}()

func pairIndex(p string) int { return int(p[0]-'a')*26 + int(p[1]-'a') }

// glueAffix is a cheap test that w (lower-case ASCII letters) starts with a gluedLeft word or
// ends with a gluedRight word, before the dictionary is consulted.
func glueAffix(w string) bool {
	end, start := glueEnds[pairIndex(w[len(w)-2:])], glueStarts[pairIndex(w[:2])]
	if !end && !start {
		return false
	}
	for n := 2; n <= 5 && n < len(w); n++ {
		if end && gluedRight[w[len(w)-n:]] || start && gluedLeft[w[:n]] {
			return true
		}
	}
	return false
}

// splitGlued returns the one way w splits into a listed word of four letters or more and a
// function word before or after it. A dropped-g form ("whoopin" for "whooping") is not glue.
func splitGlued(w string) (string, string, bool) {
	var left, right string
	n := 0
	for i := 2; i <= len(w)-2; i++ {
		a, b := w[:i], w[i:]
		ok := gluedRight[b] && len(a) >= 4 || gluedLeft[a] && len(b) >= 4
		if !ok || !isWord(a) || !isWord(b) {
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

// Check implements lint.Rule.
func (r GluedWord) Check(p *lint.Pass) {
	o := lint.OptionsOf[gluedOptions](p, r)
	src := p.Doc.Src
	if !isEnglish(p.Doc) {
		return
	}
	extra := map[string]bool{}
	for _, w := range o.Words {
		extra[strings.ToLower(w)] = true
	}
	lowerTokens(src, 5, func(s, e int, w string) bool {
		if len(w) < 5 || !glueAffix(w) || isWord(w) || extra[w] {
			return true
		}
		if p.Corpus != nil && p.Corpus.Vocab[w] >= uint32(o.CorpusFiles) {
			return true
		}
		a, b, ok := splitGlued(w)
		if !ok {
			return true
		}
		fixed := a + " " + b
		p.Report(lint.Diagnostic{Start: s, End: e,
			Message: fmt.Sprintf("%q looks like two words run together: %q", w, fixed),
			Fix: &lint.Fix{Description: fmt.Sprintf("write %q", fixed), Safety: lint.Safe,
				Edits: []lint.TextEdit{{Start: s + len(a), End: s + len(a), NewText: " "}}}})
		return true
	})
}
