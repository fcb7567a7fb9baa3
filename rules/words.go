package rules

import (
	_ "embed"
	"hash/maphash"
	"strings"
	"sync"
	"unsafe"

	"github.com/newslint/newslint/document"
)

// wordsTxt holds the word lists of glued-word and the name rules, derived from SCOWL and from
// Debian's Spanish, Dutch, Polish and Portuguese word lists (see data/words.COPYRIGHT and
// scripts/gen-wordlist.sh), one lower-case word a line. Sections: %common (SCOWL sizes 10 and
// 20, the most frequent English words), %words (the other English words, to size 70), %upper
// (frequent English words written with a capital, lower-cased), %other (rarer English words,
// proper names and foreign words that glued-word must never split). A word listed twice has the
// class of its last section.
//
//go:embed data/words.txt
var wordsTxt string

// wordClass is what the lists say of a lower-case word.
type wordClass uint8

const (
	notListed   wordClass = iota
	commonWord            // a frequent English word
	englishWord           // a listed English word, not among the frequent ones
	upperWord             // a frequent English word written with a capital (Arabic, April)
	otherWord             // a rare English word, a lower-cased proper name or a foreign word
)

// wordTable is the word lists as an open-addressing hash table over wordsTxt: building it takes
// a few milliseconds, where a map of the 169,000 words took fifty, on the first document of every
// run. byStart lists the English words (common and listed) by first letter and length, in the
// lists' order, for the search of near spellings.
type wordTable struct {
	text    string
	slots   []wordSlot
	mask    uint64
	byStart map[[2]int][]string
}

// wordSlot is a word of wordsTxt (at off, n bytes long) and its class; class notListed: empty.
type wordSlot struct {
	off   uint32
	n     uint8
	class wordClass
}

var (
	dictOnce sync.Once
	dict     *wordTable
	dictSeed = maphash.MakeSeed()
)

// dictionary returns the word lists, built on first use.
func dictionary() *wordTable {
	dictOnce.Do(func() { dict = buildWordTable(wordsTxt) })
	return dict
}

// buildWordTable indexes the word lists of text (the form of wordsTxt).
func buildWordTable(text string) *wordTable {
	size := 1
	for size < 3*strings.Count(text, "\n")+1 {
		size <<= 1
	}
	t := &wordTable{text: text, slots: make([]wordSlot, size), mask: uint64(size - 1)}
	class := notListed
	// the English words in the lists' order, then by first letter and length (a stable counting
	// sort, without a slice per key grown word by word)
	var english []string
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		w := text[off:end]
		start := off
		off = end + 1
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
		if len(w) > 255 {
			panic("embedded word list: word longer than 255 bytes")
		}
		t.put(uint32(start), w, class)
		if class == commonWord || class == englishWord {
			english = append(english, w)
		}
	}
	var counts [256][256]int32
	keys := 0
	for _, w := range english {
		if counts[w[0]][len(w)]++; counts[w[0]][len(w)] == 1 {
			keys++
		}
	}
	sorted := make([]string, len(english))
	t.byStart = make(map[[2]int][]string, keys)
	next := 0
	for c := range counts {
		for n, k := range counts[c] {
			if k > 0 {
				t.byStart[[2]int{c, n}] = sorted[next : next : next+int(k)]
				next += int(k)
			}
		}
	}
	for _, w := range english {
		k := [2]int{int(w[0]), len(w)}
		t.byStart[k] = append(t.byStart[k], w)
	}
	return t
}

// put sets the class of w, found at off in the text.
func (t *wordTable) put(off uint32, w string, class wordClass) {
	for i := maphash.String(dictSeed, w) & t.mask; ; i = (i + 1) & t.mask {
		s := &t.slots[i]
		if s.class == notListed {
			*s = wordSlot{off: off, n: uint8(len(w)), class: class}
			return
		}
		if int(s.n) == len(w) && t.text[s.off:s.off+uint32(s.n)] == w {
			s.class = class // listed again: the later section wins
			return
		}
	}
}

// class says what the lists say of w (lower case).
func (t *wordTable) class(w string) wordClass {
	if len(w) > 255 {
		return notListed
	}
	for i := maphash.String(dictSeed, w) & t.mask; ; i = (i + 1) & t.mask {
		s := t.slots[i]
		if s.class == notListed {
			return notListed
		}
		if int(s.n) == len(w) && t.text[s.off:s.off+uint32(s.n)] == w {
			return s.class
		}
	}
}

// classOf says what the lists say of w (lower case).
func classOf(w string) wordClass { return dictionary().class(w) }

// classOfBytes is classOf for a word in a buffer, without a copy.
func classOfBytes(w []byte) wordClass {
	return dictionary().class(unsafe.String(unsafe.SliceData(w), len(w)))
}

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
		for _, v := range d.byStart[[2]int{int(w[0]), n}] {
			// two edits only to a frequent word of about the same length ("theirs" is not a
			// misspelling of "thefirst")
			if v == w || !withinOneEdit(w, v) && !(limit > 1 && osaDistance(w, v, limit) <= limit && d.class(v) == commonWord) {
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
