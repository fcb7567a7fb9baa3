package document

import (
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/newslint/newslint/internal/testtext"
)

const en = "The minister said on Friday that the government would publish the report next week, and that it was ready."

func TestLanguage(t *testing.T) {
	for _, c := range []struct {
		text string
		want Lang
	}{
		{en, English},
		{"Die Regierung hat am Freitag mitgeteilt, dass die Gespräche in der nächsten Woche fortgesetzt werden, sagte der Sprecher.", German},
		{"Le ministre a déclaré vendredi que les discussions reprendraient la semaine prochaine, selon un communiqué publié par le gouvernement.", French},
		{"El ministro dijo el viernes que las conversaciones se reanudarán la próxima semana, según un comunicado del gobierno.", Spanish},
		{"Il ministro ha detto venerdì che i colloqui riprenderanno la prossima settimana, secondo una nota del governo.", Italian},
		{"O ministro disse na sexta-feira que as negociações serão retomadas na próxima semana, segundo um comunicado do governo.", Portuguese},
		{"De minister zei vrijdag dat de gesprekken volgende week worden hervat, zo staat in een verklaring van de regering.", Dutch},
		{"Minister powiedział w piątek, że rozmowy zostaną wznowione w przyszłym tygodniu, jak wynika z komunikatu rządu.", Polish},
		{"Министр заявил в пятницу, что переговоры возобновятся на следующей неделе, говорится в сообщении правительства и не только.", Russian},
		{"Home News Sport", Undetermined},
		// menus and headings do not outvote the running text
		{strings.Repeat("Accueil\nSport\nCulture\nMonde\n", 30) + en + " " + en + " " + en + " " + en, English},
	} {
		if got := Language(c.text); got != c.want {
			t.Errorf("Language(%.40q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestLanguageOfUsesTheDocumentsWords checks that LanguageOf, which counts the words the
// document has already split, says what Language says of the text, on every text of testdata
// and on texts cut anywhere (the last line without its end, words cut short).
func TestLanguageOfUsesTheDocumentsWords(t *testing.T) {
	texts := testtext.Texts(t, "../testdata")
	if len(texts) < 50 {
		t.Fatalf("only %d texts under testdata", len(texts))
	}
	langs := map[Lang]int{}
	for i, text := range texts {
		for _, cut := range []int{len(text), len(text) / 2, len(text)/3 + i%7, 17} {
			cut = min(cut, len(text))
			s := text[:cut]
			got, want := LanguageOf(New("x.txt", s)), Language(s)
			if got != want {
				t.Errorf("text %d cut at %d: LanguageOf = %v, Language = %v", i, cut, got, want)
			}
			langs[want]++
		}
	}
	if langs[English] == 0 || len(langs) < 3 {
		t.Errorf("languages seen: %v; want English and others", langs)
	}
}

// TestStopSets: the table look-ups say what stopLangs says, for function words in any case and
// for words that are none: every word of up to three letters, and the words one letter away from
// a function word (changed, added or dropped), which share most of its key.
func TestStopSets(t *testing.T) {
	words := []string{"zebra", "Thee", "x", "Tambem", "abcdefghijklmn"}
	for w := range stopLangs {
		words = append(words, w, strings.ToUpper(w), strings.Title(w))
		for i := 0; i <= len(w); i++ {
			if i < len(w) {
				words = append(words, w[:i]+w[i+1:])
			}
			for c := byte('a'); c <= 'z'; c++ {
				words = append(words, w[:i]+string(c)+w[i:])
				if i < len(w) {
					words = append(words, w[:i]+string(c)+w[i+1:])
				}
			}
		}
	}
	var short func(prefix string)
	short = func(prefix string) {
		if prefix != "" {
			words = append(words, prefix)
		}
		if len(prefix) < 3 {
			for c := byte('a'); c <= 'z'; c++ {
				short(prefix + string(c))
			}
		}
	}
	short("")
	for _, w := range words {
		want := stopLangs[strings.ToLower(w)]
		if got := stopSet([]byte(strings.ToLower(w))); got != want {
			t.Errorf("stopSet(%q) = %b, want %b", w, got, want)
		}
		ascii := true
		for i := 0; i < len(w); i++ {
			ascii = ascii && isASCIILetter(w[i])
		}
		if got := stopSetASCII(w); ascii && got != want {
			t.Errorf("stopSetASCII(%q) = %b, want %b", w, got, want)
		}
	}
}

// TestStopHashIsPerfect: the stored multiplier (asciiStopSeed) sends every ASCII function word to a slot of its
// own, so that a run does not search for one at start-up (after a change of the function words,
// set asciiStopMul to what this test prints); and the search finds one from a multiplier that
// sends them all to one slot. A word that lands in a function word's slot is none.
func TestStopHashIsPerfect(t *testing.T) {
	var keys []uint64
	for w := range stopLangs {
		if isASCIIWord(w) {
			keys = append(keys, asciiKey(w))
		}
	}
	if got := perfectMul(keys, asciiStopSeed); got != asciiStopSeed {
		t.Errorf("asciiStopSeed %#x is no perfect hash of the function words: set it to %#x", uint64(asciiStopSeed), got)
	}
	// a word in a function word's slot is told apart by its key
	rng := rand.New(rand.NewSource(3))
	for found := 0; found < 200; {
		b := make([]byte, 1+rng.Intn(6))
		for i := range b {
			b[i] = byte('a' + rng.Intn(26))
		}
		w := string(b)
		if e := asciiStops[asciiStopHash(asciiKey(w))]; e == 0 || stopLangs[w] != 0 {
			continue
		}
		found++
		if got := stopSetASCII(w); got != 0 {
			t.Errorf("stopSetASCII(%q), a word in the slot of a function word, = %b, want 0", w, got)
		}
	}
	mul := perfectMul(keys, 1)
	slots := map[uint64]bool{}
	for _, k := range keys {
		h := k * mul >> (64 - asciiStopBits)
		if slots[h] {
			t.Fatalf("perfectMul from 1 gave %#x, which sends two keys to slot %d", mul, h)
		}
		slots[h] = true
	}
}

// sampleRef is what Language counts, as first written: each line's words looked up, folded by
// strings.ToLower, in stopLangs.
func sampleRef(text string) (prose, all langCount) {
	text = text[:min(len(text), langSampleBytes)]
	for _, line := range strings.SplitAfter(text, "\n") {
		if prose.words >= langSampleWords {
			break
		}
		ws := Words(line, nil)
		c := &all
		if len(ws) >= proseWords {
			c = &prose
		} else if all.words >= langSampleWords {
			continue
		}
		for _, w := range ws {
			c.words++
			if w.Len() > 12 {
				continue
			}
			set := stopLangs[strings.ToLower(w.In(line))]
			for l := Lang(1); l < numLangs; l++ {
				if set&(1<<l) != 0 {
					c.counts[l]++
				}
			}
		}
	}
	return prose, all
}

// agrees folds s's counts by set into its counts of languages and compares them with prose and
// all's.
func (s *langSampler) agrees(prose, all langCount) bool {
	s.prose.fold()
	s.all.fold()
	return s.prose == prose && s.all == all
}

// TestSamplesAgreeWithReference: both ways of sampling count what the reference counts, on every
// text of testdata and on random texts of function words in any case, other words, long words,
// letters beyond ASCII, short and long lines ended by LF or CRLF, with or without a byte-order
// mark.
func TestSamplesAgreeWithReference(t *testing.T) {
	texts := testtext.Texts(t, "../testdata")
	var parts []string
	for w := range stopLangs {
		parts = append(parts, w, strings.ToUpper(w), strings.Title(w))
	}
	slices.Sort(parts)
	parts = append(parts, "zebra", "Minister", "abcdefgh", "abcdefghijklm", "ÉTÉ", "İ", "ẞ", "Straße", "Ѐ", "x1", "l’", "co-op",
		"ǅemal", "ǆemal", "ᾈ", "ᾀ", "что", "Что", "ЧТО", "чтО", "ǲ", "ῼ")
	rng := rand.New(rand.NewSource(7))
	for i := range 3000 {
		var b strings.Builder
		if i%5 == 0 {
			b.WriteString(BOM)
		}
		for range rng.Intn(400) {
			b.WriteString(parts[rng.Intn(len(parts))])
			switch rng.Intn(12) {
			case 0:
				b.WriteString("\n")
			case 1:
				b.WriteString(".\r\n")
			case 2:
				b.WriteString(", ")
			default:
				b.WriteString(" ")
			}
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		prose, all := sampleRef(text)
		if s := sampleText(text); !s.agrees(prose, all) {
			t.Fatalf("sampleText(%.100q) = %v %v, want %v %v", text, s.prose, s.all, prose, all)
		}
		if len(text) > langSampleBytes {
			continue
		}
		if s := sampleWords(New("x.txt", text), Words(text, nil)); !s.agrees(prose, all) {
			t.Fatalf("sampleWords(%.100q) = %v %v, want %v %v", text, s.prose, s.all, prose, all)
		}
	}
}

// TestLowerCaseWordsFoldToThemselves: every letter (words are made of letters only) that is
// not upper case but changes in lower case is one that titleCased finds, so a word without
// capitals (LowerCase) and without those is its own lower-case form, which the sampler looks
// up without folding it. (Roman numerals and circled letters fold too, but are no letters.)
func TestLowerCaseWordsFoldToThemselves(t *testing.T) {
	n := 0
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if r >= 0xD800 && r <= 0xDFFF || !isLetter(r) || isUpper(r) || lowerRune(r) == r {
			continue
		}
		n++
		if !titleCased(string(r)) {
			t.Errorf("%U %c folds to %c but is not upper case, and titleCased misses it", r, r, lowerRune(r))
		}
	}
	if n == 0 {
		t.Error("no title-case letter found: the test looks at nothing")
	}
	for _, w := range []string{"что", "été", "x", "\u00e1\u00bf"} {
		if titleCased(w) {
			t.Errorf("titleCased(%q)", w)
		}
	}
}
