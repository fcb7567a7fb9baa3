package document

import (
	"math/bits"
	"strings"
)

// Lang is the language of a document, identified by its function words.
type Lang uint8

// The languages Language tells apart; Undetermined when none clearly dominates.
const (
	Undetermined Lang = iota
	English
	German
	French
	Spanish
	Italian
	Portuguese
	Dutch
	Polish
	Russian
	Swedish
	Danish
	Norwegian
	Turkish
	Indonesian
	numLangs
)

var langCodes = [numLangs]string{"und", "en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "sv", "da", "no", "tr", "id"}

// String is the ISO 639-1 code ("und" when undetermined).
func (l Lang) String() string { return langCodes[l] }

// The most frequent function words of each language (articles, prepositions, conjunctions,
// pronouns, auxiliaries). A word may belong to several languages.
var langStopwords = [numLangs]string{
	English: "the a in and of to is was that with for are has have this from by said were which it be been not but " +
		"his her they will would an at on who after about than there what when its their had or she he",
	German: "der die das und ist nicht mit sich des dem den ein eine einer eines auf für von zu im auch es wird " +
		"wurde sind hat nach bei aus werden dass sie er wie noch über zum zur nur oder vor am haben",
	French: "le la les des et est une un du dans pour que qui sur au aux pas par ne ce il elle sont avec plus ont " +
		"été à se leur cette mais ou son sa ses lors selon été",
	Spanish: "el la los las y en del que por con una un para es se no su al como más fue pero sus lo ha este " +
		"esta entre también desde sobre han muy",
	Italian: "il la di che e è per un una del della in con non sono gli le al da dei alla si ha nel anche più " +
		"come delle dello nella degli questo stato su lo chi ma dal sul gli",
	Portuguese: "o a os as de do da dos das e em um uma que para com não no na por se foi mais ao é seu sua " +
		"pelo pela também entre já",
	Dutch: "de het een en van is dat op te zijn niet met voor in die er aan ook als bij door naar werd hij " +
		"worden heeft maar om nog wordt deze",
	Polish: "i w z na się nie to do że jest o jak od po co za tak przez ale jego tym był dla oraz są może " +
		"już tylko roku",
	Russian: "и в не на что с по он как это из за к от для был его о также но у она они так было при уже",
	Swedish: "och att det som en på är av för med till den har inte om ett var jag han de vi sig från kan " +
		"efter också",
	Danish: "og at det er en til på af med for den har ikke som de et var fra han sig kan efter også vil " +
		"blev",
	Norwegian: "og i det er en til på av med for som har ikke de et var fra han seg kan etter også vil ble",
	Turkish:   "ve bir bu için ile da de olarak olan çok daha gibi ama en değil sonra kadar ise",
	Indonesian: "yang dan di itu dengan untuk tidak ini dari dalam akan pada juga ke karena adalah oleh " +
		"telah bahwa",
}

// stopLangs maps a lower-case function word to the set of languages it marks (bit l for Lang l).
var stopLangs = func() map[string]uint32 {
	m := map[string]uint32{}
	for l, words := range langStopwords {
		for _, w := range strings.Fields(words) {
			m[w] |= 1 << l
		}
	}
	return m
}()

// stopTable is stopLangs as an open-addressing table probed by a hash of the lower-cased word,
// which Language consults for every word it samples: cheaper than a map look-up, no allocation.
type stopEntry struct {
	word string
	set  uint32
}

const stopTableBits = 11

var (
	stopTable  [1 << stopTableBits]stopEntry
	stopMaxLen int // the longest function word, in bytes
)

func init() {
	for w, set := range stopLangs {
		i := stopHash(w)
		for stopTable[i].word != "" {
			i = (i + 1) & (1<<stopTableBits - 1)
		}
		stopTable[i] = stopEntry{w, set}
		stopMaxLen = max(stopMaxLen, len(w))
	}
}

func stopHash[S string | []byte](w S) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h >> (32 - stopTableBits)
}

// stopSet is stopLangs[w] for a lower-case w.
func stopSet[S string | []byte](w S) uint32 {
	if len(w) > stopMaxLen || len(w) == 0 {
		return 0
	}
	for i := stopHash(w); ; i = (i + 1) & (1<<stopTableBits - 1) {
		e := &stopTable[i]
		if e.word == "" {
			return 0
		}
		if e.word == string(w) {
			return e.set
		}
	}
}

// asciiStops is stopLangs for the function words written in ASCII letters, keyed by
// asciiKey: the table Language consults for most words it samples. Each entry packs a key (six
// letters at most: 48 bits) with the number of its set of languages in asciiStopSets above it, at
// the slot asciiStopHash gives, which no other key shares (a perfect hash: one load and no
// probing, whatever the word); empty slots are 0, which no key is. A sample counts the words of
// each set by its number (langCount.bySet) and the languages of the sets once, when it decides:
// a word then costs one increment and no branch on whether it is a function word, nor a loop
// over its languages (which no branch predictor guesses on running text).
const (
	asciiStopBits = 12
	asciiKeyBits  = 48
)

var (
	asciiStops   [1 << asciiStopBits]uint64
	asciiStopLen int    // the longest ASCII function word, at most 6 bytes
	asciiStopMul uint64 // the multiplier of asciiStopHash: asciiStopSeed, unless the words changed
	// asciiStopSets are the sets of languages of the ASCII function words, numbered from 1 (0:
	// no function word, the empty set)
	asciiStopSets = []uint32{0}
)

// maxStopSets bounds the number of distinct sets of languages of ASCII function words (45 now).
const maxStopSets = 64

// asciiStopSeed is a multiplier that perfectMul found for the function words: start-up needs no
// search (after a change of the words, TestStopHashIsPerfect prints the new one).
const asciiStopSeed = 0x9e3779b984b7cbbf

func init() {
	if numLangs > 64-asciiKeyBits {
		panic("document: the languages of a function word do not fit above its key")
	}
	var keys []uint64
	var sets []uint32
	for w, set := range stopLangs {
		if !isASCIIWord(w) {
			continue
		}
		if len(w) > asciiKeyBits/8 {
			panic("document: ASCII function word longer than 6 bytes: " + w)
		}
		keys, sets = append(keys, asciiKey(w)), append(sets, set)
		asciiStopLen = max(asciiStopLen, len(w))
	}
	asciiStopMul = perfectMul(keys, asciiStopSeed)
	ids := map[uint32]uint64{}
	for i, key := range keys {
		id, ok := ids[sets[i]]
		if !ok {
			id = uint64(len(asciiStopSets))
			ids[sets[i]] = id
			asciiStopSets = append(asciiStopSets, sets[i])
		}
		asciiStops[asciiStopHash(key)] = key | id<<asciiKeyBits
	}
	if len(asciiStopSets) > maxStopSets {
		panic("document: more sets of languages of ASCII function words than maxStopSets")
	}
}

// perfectMul returns mul if it hashes keys (asciiStopHash) to distinct slots, or else the
// first odd multiplier that does in a pseudo-random sequence started from it.
func perfectMul(keys []uint64, mul uint64) uint64 {
	used := make([]uint64, 1<<asciiStopBits) // the try (from 1) that last used a slot
	for try := uint64(1); ; try++ {
		ok := true
		for _, k := range keys {
			h := k * mul >> (64 - asciiStopBits)
			if used[h] == try {
				ok = false
				break
			}
			used[h] = try
		}
		if ok {
			return mul
		}
		mul ^= mul << 13 // xorshift: multipliers that differ in their high bits, not by two
		mul ^= mul >> 7
		mul ^= mul << 17
		mul |= 1
	}
}

func isASCIIWord(w string) bool {
	for i := 0; i < len(w); i++ {
		if !isASCIILetter(w[i]) {
			return false
		}
	}
	return w != ""
}

// asciiKey packs w, one to eight ASCII letters, folded to lower case, into a word (little-endian,
// zero bytes after it; the table's empty entries have key 0).
func asciiKey(w string) uint64 {
	var k uint64
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i]|0x20)
	}
	return k
}

// keyMask[n] keeps the first n bytes of a word (n at most 8; the rest pads the table for an
// index without bounds check).
var keyMask = [16]uint64{0, 0xff, 0xffff, 0xffffff, 0xffffffff, 0xffffffffff, 0xffffffffffff, 0xffffffffffffff, 0xffffffffffffffff}

// load64 reads the first eight bytes of s, little-endian (one load).
func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func asciiStopHash(key uint64) uint64 {
	return key * asciiStopMul >> (64 - asciiStopBits)
}

// stopSetKey is stopLangs of the word whose asciiKey is key (of at most eight letters).
func stopSetKey(key uint64) uint32 {
	return asciiStopSets[stopIDKey(key)]
}

// stopIDKey is the number in asciiStopSets of the set of languages of the word whose asciiKey is
// key (of at most eight letters), 0 for a word that is no function word.
func stopIDKey(key uint64) uint64 {
	e := asciiStops[asciiStopHash(key)]
	// without a branch: d is 0 for the entry's own key, and other is then 0 (else 1)
	d := e&(1<<asciiKeyBits-1) ^ key
	other := (d | -d) >> 63
	return e >> asciiKeyBits & (other - 1)
}

// stopSetASCII is stopSet of the lower-case form of w, a word of ASCII letters.
func stopSetASCII(w string) uint32 {
	if len(w) > asciiStopLen {
		return 0
	}
	return stopSetKey(asciiKey(w))
}

// langSample bounds the work of Language: the first words of a document decide.
const (
	langSampleWords = 1000
	langSampleBytes = 64 << 10
	// proseWords is the fewest words of a line of running text; shorter lines (menus, headings,
	// link lists of scraped pages) only count when a document has too little running text.
	proseWords = 8
)

// Language identifies the language of text by the share of each language's function words among
// its first words (those of lines of running text, when there are enough of them): the language
// with the most, if they make at least 15% of the words (at least eight words in all) and clearly
// more than any other language's.
func Language(text string) Lang {
	s := sampleText(text)
	return s.decide()
}

// sampleText counts the function words of the lines Language samples of text.
func sampleText(text string) (s langSampler) {
	if len(text) > langSampleBytes {
		text = text[:langSampleBytes]
	}
	var ws []Word
	for len(text) > 0 && s.prose.words < langSampleWords {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		ws = Words(line, ws)
		s.line(line, ws, len(line))
	}
	return s
}

// languageOfWords is Language(d.Src) for a document of at most langSampleBytes whose words
// (Words of d.Src) are known: the words of each line are those starting in it, since no word
// spans a line end (nor starts in a byte-order mark).
func languageOfWords(d *Document, words []Word) Lang {
	s := sampleWords(d, words)
	return s.decide()
}

// sampleWords is sampleText for a document whose words are known.
func sampleWords(d *Document, words []Word) (s langSampler) {
	for _, l := range d.Lines {
		if s.prose.words >= langSampleWords {
			break
		}
		words = words[s.line(d.Src, words, l.End):]
	}
	return s
}

// langSampler counts the function words of the lines Language samples.
type langSampler struct {
	prose, all langCount
	buf        [16]byte
}

// line counts the function words of one line, whose words are those of ws (offsets into text)
// that start before end, and returns how many words it has.
func (s *langSampler) line(text string, ws []Word, end int) int {
	c := &s.all
	if len(ws) >= proseWords && int(ws[proseWords-1].Start) < end {
		c = &s.prose
	} else if s.all.words >= langSampleWords {
		n := 0
		for n < len(ws) && int(ws[n].Start) < end {
			n++
		}
		return n
	}
	maxLen := asciiStopLen
	n := len(ws)
	for j, w := range ws {
		if int(w.Start) >= end {
			n = j
			break
		}
		l := int(w.End - w.Start)
		if w.Flags&ASCII == 0 {
			if l <= 12 {
				if ww := w.In(text); w.Flags&LowerCase != 0 && !titleCased(ww) {
					c.add(stopSet(ww)) // its own lower-case form
				} else {
					c.add(stopSet(AppendLower(s.buf[:0], ww)))
				}
			}
			continue
		}
		if l > maxLen {
			continue
		}
		// the word's key in one load when eight bytes follow its start
		var key uint64
		if st := int(w.Start); st+8 <= len(text) {
			key = (load64(text[st:st+8]) | 0x2020202020202020) & keyMask[l&15]
		} else {
			key = asciiKey(w.In(text))
		}
		c.bySet[stopIDKey(key)&(maxStopSets-1)]++
	}
	c.words += n
	return n
}

// titleCased reports whether w may hold a title-case letter (ǅ, ᾈ and the like, the only runes
// that are not upper case and yet change in lower case): its UTF-8 starts with 0xC7, or with
// 0xE1 0xBE or 0xE1 0xBF. A word without capitals and without them is its own lower-case form
// (TestLowerCaseWordsFoldToThemselves).
func titleCased(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c == 0xC7 || c == 0xE1 && i+1 < len(w) && (w[i+1] == 0xBE || w[i+1] == 0xBF) {
			return true
		}
	}
	return false
}

// add counts a function word of the languages of set.
func (c *langCount) add(set uint32) {
	for ; set != 0; set &= set - 1 {
		c.counts[bits.TrailingZeros32(set)]++
	}
}

func (s *langSampler) decide() Lang {
	prose, all := &s.prose, &s.all
	prose.fold()
	all.fold()
	if prose.words >= 40 {
		return prose.decide()
	}
	for l := range all.counts {
		all.counts[l] += prose.counts[l]
	}
	all.words += prose.words
	return all.decide()
}

type langCount struct {
	words  int
	counts [numLangs]int
	// bySet counts ASCII function words by the number of their set of languages (asciiStopSets;
	// 0 counts the other words), until fold adds them to counts
	bySet [maxStopSets]int32
}

// fold adds the words counted by set to the counts of their languages.
func (c *langCount) fold() {
	for id, n := range c.bySet[1:len(asciiStopSets)] {
		for set := asciiStopSets[id+1]; set != 0; set &= set - 1 {
			c.counts[bits.TrailingZeros32(set)] += int(n)
		}
	}
	c.bySet = [maxStopSets]int32{}
}

func (c *langCount) decide() Lang {
	if c.words < 8 {
		return Undetermined
	}
	best, second := Undetermined, 0
	for l := Lang(1); l < numLangs; l++ {
		switch {
		case best == Undetermined || c.counts[l] > c.counts[best]:
			if best != Undetermined {
				second = max(second, c.counts[best])
			}
			best = l
		default:
			second = max(second, c.counts[l])
		}
	}
	n := c.counts[best]
	if n == 0 || n*100 < c.words*15 || n*5 < second*6 {
		return Undetermined
	}
	return best
}

// LanguageOf is the Language of d, computed once per document.
func LanguageOf(d *Document) Lang {
	return d.memo(langMemo, func() any {
		if len(d.Src) > langSampleBytes {
			return Language(d.Src)
		}
		// the words are needed anyway by the rules that ask for the language
		return languageOfWords(d, WordsOf(d))
	}).(Lang)
}
