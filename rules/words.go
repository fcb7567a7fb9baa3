package rules

import (
	_ "embed"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
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

// wordsIdx indexes wordsTxt (buildWordIndex; `go test ./rules -run WordIndex -update` writes
// it): an open-addressing hash table of the words and the English words by first letter and
// length. Being built ahead, it costs a run nothing: building it took 20 ms of CPU, and a map of
// the 169,000 words fifty, on the first document of every run.
//
//go:embed data/words.idx
var wordsIdx string

// wordTable is the word lists as read through wordsIdx. Layout of the index, little-endian:
// the CRC-32 of the text it indexes; the number of slots (a power of two) and the slots, a
// uint32 each (the word's offset in the text << 11 | its length << 3 | its class; 0: empty),
// probed linearly from wordHash; the number of English words (common and listed) and their
// offsets, ordered by first letter and length, in the lists' order within each; the number of
// (first letter, length) keys and, for each, the letter, the length, where its words begin among
// those offsets and how many there are.
type wordTable struct {
	text   string
	slots  []byte
	mask   uint64
	starts []byte
	keys   map[[2]int][2]int
	// recent remembers the class of words looked up lately (see class)
	recent *[recentSlots]atomic.Uint64
}

// The words a text looks up are few and recur (a news text asks about the same few thousand
// words again and again: nine look-ups in ten, on the generated benchmark corpus and on real
// articles, are of a word asked about shortly before), while the table is larger than the
// processor's caches, so that a look-up there waits for memory twice, for the slot and for the
// word's text. recent holds words of up to recentLetters letters a to z, packed five bits a
// letter (1 to 26, so that a shorter word never equals a longer one), with their class in the
// bits above, in one word each: workers share it without a lock, a look-up reads one word of a
// table the caches keep, and a word that is not there (or was overwritten by another with the
// same hash) is simply looked up in the table again.
const (
	recentBits    = 13
	recentSlots   = 1 << recentBits
	recentLetters = 12
	recentClass   = 5 * recentLetters // the class's bits start here
	// every class fits in the bits above the letters (a compile-time check)
	_ = uint(1<<(64-recentClass) - 1 - otherWord)
)

// packWord packs w as recent keeps it, or reports that it cannot be (another character than a
// to z, too long).
func packWord(w string) (uint64, bool) {
	if len(w) > recentLetters {
		return 0, false
	}
	var k uint64
	for i := 0; i < len(w); i++ {
		c := w[i] - 'a'
		if c >= 26 {
			return 0, false
		}
		k = k<<5 | uint64(c+1)
	}
	return k, true
}

var (
	dictOnce sync.Once
	dict     *wordTable
)

// dictionary returns the word lists.
func dictionary() *wordTable {
	dictOnce.Do(func() {
		idx := unsafe.Slice(unsafe.StringData(wordsIdx), len(wordsIdx)) // read only
		if dict = loadWordTable(wordsTxt, idx); dict == nil {
			// an index that does not match the text (the tests make sure it does)
			built, err := buildWordIndex(wordsTxt)
			if err != nil {
				panic("embedded word list: " + err.Error())
			}
			dict = loadWordTable(wordsTxt, built)
		}
	})
	return dict
}

// wordHash is FNV-1a, which the index is built with.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}

// buildWordIndex indexes the word lists of text (the form of wordsTxt): see wordTable.
func buildWordIndex(text string) ([]byte, error) {
	size := 1
	for size < 3*strings.Count(text, "\n")+1 {
		size <<= 1
	}
	if len(text) >= 1<<21 {
		return nil, fmt.Errorf("word list of %d bytes: offsets need more than 21 bits", len(text))
	}
	slots := make([]uint32, size)
	mask := uint64(size - 1)
	put := func(off int, w string, class wordClass) {
		for i := wordHash(w) & mask; ; i = (i + 1) & mask {
			v := slots[i]
			if v == 0 {
				slots[i] = uint32(off)<<11 | uint32(len(w))<<3 | uint32(class)
				return
			}
			if o, n := int(v>>11), int(v>>3&0xff); n == len(w) && text[o:o+n] == w {
				slots[i] = v&^7 | uint32(class) // listed again: the later section wins
				return
			}
		}
	}
	class := notListed
	var english []int // offsets, in the lists' order
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
		switch {
		case class == notListed:
			return nil, fmt.Errorf("word %q before the first section", w)
		case w == "" || len(w) > 255:
			return nil, fmt.Errorf("word %q: empty or longer than 255 bytes", w)
		}
		put(start, w, class)
		if class == commonWord || class == englishWord {
			english = append(english, start)
		}
	}
	wordAt := func(off int) string {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			return text[off:]
		}
		return text[off : off+end]
	}
	// the English words by first letter and length, in the lists' order (a stable sort)
	sort.SliceStable(english, func(i, j int) bool {
		a, b := wordAt(english[i]), wordAt(english[j])
		if a[0] != b[0] {
			return a[0] < b[0]
		}
		return len(a) < len(b)
	})
	out := binary.LittleEndian.AppendUint32(nil, crc32.ChecksumIEEE([]byte(text)))
	out = binary.LittleEndian.AppendUint32(out, uint32(size))
	for _, v := range slots {
		out = binary.LittleEndian.AppendUint32(out, v)
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(len(english)))
	for _, off := range english {
		out = binary.LittleEndian.AppendUint32(out, uint32(off))
	}
	var keys []byte
	nkeys := 0
	for i := 0; i < len(english); {
		w := wordAt(english[i])
		j := i
		for j < len(english) && wordAt(english[j])[0] == w[0] && len(wordAt(english[j])) == len(w) {
			j++
		}
		keys = append(keys, w[0], byte(len(w)))
		keys = binary.LittleEndian.AppendUint32(keys, uint32(i))
		keys = binary.LittleEndian.AppendUint32(keys, uint32(j-i))
		nkeys++
		i = j
	}
	out = binary.LittleEndian.AppendUint32(out, uint32(nkeys))
	return append(out, keys...), nil
}

// loadWordTable reads the index idx of text, or returns nil when it is not an index of text.
func loadWordTable(text string, idx []byte) *wordTable {
	u32 := func() (uint32, bool) {
		if len(idx) < 4 {
			return 0, false
		}
		v := binary.LittleEndian.Uint32(idx)
		idx = idx[4:]
		return v, true
	}
	sum, ok := u32()
	if !ok || sum != crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(text), len(text))) {
		return nil
	}
	size, ok := u32()
	if !ok || size == 0 || size&(size-1) != 0 || uint64(len(idx)) < 4*uint64(size) {
		return nil
	}
	t := &wordTable{text: text, slots: idx[:4*size], mask: uint64(size - 1), keys: map[[2]int][2]int{},
		recent: new([recentSlots]atomic.Uint64)}
	idx = idx[4*size:]
	n, ok := u32()
	if !ok || uint64(len(idx)) < 4*uint64(n) {
		return nil
	}
	t.starts, idx = idx[:4*n], idx[4*n:]
	nkeys, ok := u32()
	if !ok || uint64(len(idx)) != 10*uint64(nkeys) {
		return nil
	}
	for ; len(idx) >= 10; idx = idx[10:] {
		begin, count := binary.LittleEndian.Uint32(idx[2:]), binary.LittleEndian.Uint32(idx[6:])
		if uint64(begin)+uint64(count) > uint64(n) {
			return nil
		}
		t.keys[[2]int{int(idx[0]), int(idx[1])}] = [2]int{int(begin), int(count)}
	}
	return t
}

// class says what the lists say of w (lower case).
func (t *wordTable) class(w string) wordClass {
	if len(w) == 0 || len(w) > 255 {
		return notListed
	}
	k, ok := packWord(w)
	if !ok || t.recent == nil {
		return t.lookUp(w)
	}
	slot := &t.recent[k*0x9E3779B97F4A7C15>>(64-recentBits)]
	if e := slot.Load(); e&(1<<recentClass-1) == k {
		return wordClass(e >> recentClass)
	}
	c := t.lookUp(w)
	slot.Store(k | uint64(c)<<recentClass)
	return c
}

// lookUp is class, from the table itself.
func (t *wordTable) lookUp(w string) wordClass {
	for i := wordHash(w) & t.mask; ; i = (i + 1) & t.mask {
		v := binary.LittleEndian.Uint32(t.slots[4*i:])
		if v == 0 {
			return notListed
		}
		if o, n := v>>11, v>>3&0xff; int(n) == len(w) && t.text[o:o+n] == w {
			return wordClass(v & 7)
		}
	}
}

// eachStart calls fn with the English words (common and listed) of first letter c and length
// n, in the lists' order, until fn returns false.
func (t *wordTable) eachStart(c byte, n int, fn func(string) bool) {
	r, ok := t.keys[[2]int{int(c), n}]
	if !ok {
		return
	}
	for k := r[0]; k < r[0]+r[1]; k++ {
		off := binary.LittleEndian.Uint32(t.starts[4*k:])
		if !fn(t.text[off : off+uint32(n)]) {
			return
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
	found := ""
	for n := len(w) - 1; n <= len(w)+1 && found == ""; n++ {
		d.eachStart(w[0], n, func(v string) bool {
			// two edits only to a frequent word of about the same length ("theirs" is not a
			// misspelling of "thefirst"); the look-up is cheaper than the distance, and most
			// words are not frequent
			if v == w || !withinOneEdit(w, v) && !(limit > 1 && d.class(v) == commonWord && osaDistance(w, v, limit) <= limit) {
				return true
			}
			if !keep(v) {
				found = v
				return false
			}
			return true
		})
	}
	return found
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

// "on" is not among them: "onerror", "onclose", "ondata" are the names of event handlers; nor is
// "by", which English writes compounds with ("byelection" in Canada, "bypoll" in India, "bylane").
var gluedLeft = set("the", "to", "of", "and", "in", "at", "for", "with", "that", "this", "from",
	"said", "says", "was", "were", "has", "have", "had", "their", "his", "her", "its", "which")
