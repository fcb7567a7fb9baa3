package rules

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sync"

	"github.com/newslint/newslint/document"
)

// wordsGz holds the word lists of glued-word and the name rules, derived from SCOWL and from
// Debian's Spanish, Dutch, Polish and Portuguese word lists (see data/words.COPYRIGHT and
// scripts/gen-wordlist.sh). Sections: %common (SCOWL sizes 10 and 20, the most frequent English
// words), %words (the other English words, to size 70), %upper (frequent English words written
// with a capital, lower-cased), %other (rarer English words, proper
// names and foreign words that glued-word must never split).
//
//go:embed data/words.txt.gz
var wordsGz []byte

// wordClass is what the lists say of a lower-case word.
type wordClass uint8

const (
	notListed   wordClass = iota
	commonWord            // a frequent English word
	englishWord           // a listed English word, not among the frequent ones
	upperWord             // a frequent English word written with a capital (Arabic, April)
	otherWord             // a rare English word, a lower-cased proper name or a foreign word
)

var (
	dictOnce sync.Once
	dict     map[string]wordClass
	// byStart lists the English words (common and listed) by first letter and length, for the
	// search of near spellings.
	byStart map[[2]int][]string
)

// dictionary returns the word lists, loaded on first use.
func dictionary() map[string]wordClass {
	dictOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
		if err != nil {
			panic("embedded word list: " + err.Error())
		}
		dict = make(map[string]wordClass, 170000)
		byStart = map[[2]int][]string{}
		class := notListed
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			w := sc.Text()
			switch w {
			case "%common":
				class = commonWord
				continue
			case "%words":
				class = englishWord
				continue
			case "%upper":
				class = upperWord
				continue
			case "%other":
				class = otherWord
				continue
			}
			if class == notListed {
				panic("embedded word list: word before the first section")
			}
			dict[w] = class
			if class == commonWord || class == englishWord {
				k := [2]int{int(w[0]), len(w)}
				byStart[k] = append(byStart[k], w)
			}
		}
		if err := sc.Err(); err != nil {
			panic("embedded word list: " + err.Error())
		}
	})
	return dict
}

// classOf says what the lists say of w (lower case).
func classOf(w string) wordClass { return dictionary()[w] }

// isWord reports whether w (lower case) is an English word of the main list (SCOWL to size 70).
func isWord(w string) bool {
	c := classOf(w)
	return c == commonWord || c == englishWord
}

// isCommonWord reports whether w (lower case) is one of the frequent English words.
func isCommonWord(w string) bool { return classOf(w) == commonWord }

// nearWord returns an English word that starts with the same letter as w and is one edit from
// it, or two edits for a frequent word of about w's length and w of eight letters or more, other
// than the words keep rejects; "" if there is none. An edit is an insertion, deletion, substitution or transposition
// of letters.
func nearWord(w string, keep func(string) bool) string {
	d := dictionary()
	limit := 1
	if len(w) >= 8 {
		limit = 2
	}
	// words two letters longer or shorter are two edits away, and two edits count only between
	// words of about the same length: only the lengths next to w's can hold a near word
	for n := len(w) - 1; n <= len(w)+1; n++ {
		for _, v := range byStart[[2]int{int(w[0]), n}] {
			// two edits only to a frequent word of about the same length ("theirs" is not a
			// misspelling of "thefirst")
			if v == w || !withinOneEdit(w, v) && !(limit > 1 && osaDistance(w, v, limit) <= limit && d[v] == commonWord) {
				continue
			}
			if !keep(v) {
				return v
			}
		}
	}
	return ""
}

// withinOneEdit is osaDistance(a, b, 1) <= 1 in one pass, without the table: the words are
// equal but for one substitution, insertion, deletion or transposition. Like osaDistance it
// gives up on words of 32 bytes or more.
func withinOneEdit(a, b string) bool {
	if len(a) >= 32 || len(b) >= 32 {
		return false
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	i := 0
	for i < len(b) && a[i] == b[i] {
		i++
	}
	switch len(a) - len(b) {
	case 0:
		if i == len(a) || a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		return a[i+1:] == b[i:]
	}
	return false
}

// osaDistance is the optimal-string-alignment distance of two ASCII words (Levenshtein with
// transpositions of neighbours), or limit+1 once it exceeds limit.
func osaDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var rows [3][32]int
	if len(b) >= 32 || len(a) >= 32 {
		return limit + 1
	}
	pp, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, pp[j-2]+1)
			}
			cur[j] = v
			best = min(best, v)
		}
		if best > limit {
			return limit + 1
		}
		pp, prev, cur = prev, cur, pp
	}
	return prev[len(b)]
}

// wordBounded reports whether src[start:end] is not part of a longer word (custom rules use
// it); it is document.Bounded.
func wordBounded(src string, start, end int) bool { return document.Bounded(src, start, end) }

// Scrapers glue function words to their neighbours ("statedthat", "accordingto", "saidthe",
// "ofthe"). gluedRight may follow the glued word, gluedLeft precede it; pronouns and modal verbs
// are left out, since they make too many accidental words ("he"+"ute", "ads"+"can").
var gluedRight = set("the", "to", "of", "and", "in", "on", "at", "for", "with", "that", "this", "by",
	"from", "as", "is", "was", "has", "have", "had", "said", "says", "not", "but", "or", "his", "her",
	"their", "its", "will", "would", "who", "which", "when", "where", "an", "are", "were", "been", "than")

// "on" is not among them: "onerror", "onclose", "ondata" are the names of event handlers.
var gluedLeft = set("the", "to", "of", "and", "in", "at", "for", "with", "that", "this", "from",
	"by", "said", "says", "was", "were", "has", "have", "had", "their", "his", "her", "its", "which")
