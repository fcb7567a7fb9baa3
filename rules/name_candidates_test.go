package rules

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
)

// TestNameCandidatesOracle: nameCandidates, which skips runs of lower-case words, finds the
// candidates the straightforward reading of every word finds, on texts of names, titles,
// sentence starts, hyphenated and glued words, digits and non-ASCII capitals.
func TestNameCandidatesOracle(t *testing.T) {
	pieces := []string{"Sergey", "Lavrov", "Kim", "Jong-un", "Jong", "Un", "Mr", "Mr.", "President", "The", "the",
		"met", "said", "and", "in", "New", "York", "Ángela", "Şahin", "ÖZIL", "Ödegaard", "von", "der", "Leyen",
		"McDonald", "O’Brien", "UN", "NATO", "X", "A", "Volkonsky", "Andrei", "Andrey", "Big", "House", "white",
		"7Up", "B2", "2020", "Al-Sisi", "al-Sisi", "-", "Jean-Luc", "foo-Bar", "Über", "über", "日本", "Москва", "Путин",
		"Prime", "Minister", "Sir", "Dr", "Spokesperson", "Archbishop", "St", "Ayatollah", "Agent", "Agents", "Kapitan", "\u212Aing",
		// longer than nameRun's folding buffer, ASCII and not
		"Wolfeschlegelsteinhausenbergerdorff", "Counterrevolutionariesnesslessly", "Ｗｏｌｆｅｓｃｈｌｅｇｅｌ"}
	seps := []string{" ", " ", " ", " ", "  ", ", ", ". ", "\n", "\t", "-", "’s ", ": ", "\" ", "“", "” ", "(", ") ", "1", "é"}
	r := rand.New(rand.NewSource(7))
	found := 0
	for range 4000 {
		var b strings.Builder
		for range r.Intn(30) {
			b.WriteString(pieces[r.Intn(len(pieces))])
			b.WriteString(seps[r.Intn(len(seps))])
		}
		text := b.String()
		words := document.Words(text, nil)
		var got, want []string
		nameCandidates(text, words, func(s, e int, n string) { got = append(got, fmt.Sprint(s, e, n)) })
		nameCandidatesOracle(text, words, func(s, e int, n string) { want = append(want, fmt.Sprint(s, e, n)) })
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Fatalf("text %q:\ngot  %q\nwant %q", text, got, want)
		}
		found += len(got)
	}
	if found < 1000 {
		t.Errorf("only %d candidates: the texts test little", found)
	}
}

// TestNameCandidatesAllocateNothing: the run and its words stay on the stack. nameCandidates
// runs on every English document; a field that leaks (such as the name, a slice of the text)
// takes the whole run to the heap with it, which the compiler does not say unless asked.
func TestNameCandidatesAllocateNothing(t *testing.T) {
	text := "Prime Minister Kim Jong-un met Sergey Lavrov and Andrei Volkonsky in New York. The talks ended."
	words := document.Words(text, nil)
	n := 0
	fn := func(s, e int, name string) { n++ }
	if a := testing.AllocsPerRun(100, func() { nameCandidates(text, words, fn) }); a != 0 {
		t.Errorf("nameCandidates allocates %.0f times a call; want 0", a)
	}
	if n == 0 {
		t.Error("no candidates: the text tests nothing")
	}
}

// TestIsNameTitle: the shape filter before the map gives the map's answer for every title, for
// words one letter longer or shorter, and for words of other first letters.
func TestIsNameTitle(t *testing.T) {
	words := []string{"", "x", "mrs", "mister", "spokespersons", strings.Repeat("a", 70)}
	for w := range nameTitles {
		words = append(words, w, w+"s", w[:len(w)-1], "z"+w[1:], "q"+w)
	}
	titles := 0
	for _, w := range words {
		got, want := isNameTitle([]byte(w)), nameTitles[w]
		if got != want {
			t.Errorf("isNameTitle(%q) = %v, the map says %v", w, got, want)
		}
		if got {
			titles++
		}
	}
	if titles < len(nameTitles) {
		t.Errorf("%d of the %d titles found", titles, len(nameTitles))
	}
}

// nameCandidatesOracle is nameCandidates as first written: every word read, a closure for
// each step.
func nameCandidatesOracle(text string, words []document.Word, fn func(start, end int, name string)) {
	var toks []oracleTok // runs of capitalised name words separated by single spaces
	var lower []byte
	// title and word tests on the lower-case form, without allocating a string, once a token
	low := func(t *oracleTok) (title, word bool) {
		if !t.looked {
			lower = document.AppendLower(lower[:0], text[t.start:t.end])
			c := classOfBytes(lower)
			t.looked, t.title, t.word = true, nameTitles[string(lower)], c == commonWord || c == englishWord
		}
		return t.title, t.word
	}
	flush := func() {
		// dropping leading words never makes a run longer: fewer than two words are no name
		for len(toks) >= 2 {
			title, word := low(&toks[0])
			// titles, and a common word that is capitalised because it starts a sentence
			if !title && !(word && sentenceStart(text, toks[0].start)) {
				break
			}
			toks = toks[1:]
		}
		if n := len(toks); n >= 2 && n <= 3 {
			start, end := toks[0].start, toks[n-1].end
			plain := true
			for i := range toks {
				title, word := low(&toks[i])
				if title {
					plain = true
					break
				}
				if !word {
					plain = false
				}
			}
			if !plain {
				fn(start, end, text[start:end])
			}
		}
		toks = toks[:0]
	}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w.Has(document.LowerCase) && !w.Has(document.HyphenAfter) {
			flush() // a lower-case word alone, most words: no capital
			continue
		}
		// a name word: words joined by hyphens, the first with a capital, some letter lower case
		j, hasLower := i, w.Has(document.LowerCase) || w.Has(document.Capitalised)
		for j+1 < len(words) && words[j].Has(document.HyphenAfter) {
			j++
			hasLower = hasLower || words[j].Has(document.LowerCase) || words[j].Has(document.Capitalised)
		}
		start, end := int(w.Start), int(words[j].End)
		i = j
		first, _ := utf8.DecodeRuneInString(text[start:])
		capital := unicode.IsUpper(first) && hasLower && end-start >= 2 &&
			!(start > 0 && isDigit(text[start-1])) && !(end < len(text) && isDigit(text[end]))
		if !capital {
			flush()
			continue
		}
		if n := len(toks); n > 0 && !(toks[n-1].end == start-1 && text[start-1] == ' ') {
			flush()
		}
		toks = append(toks, oracleTok{start: start, end: end})
		if end < len(text) && text[end] != ' ' {
			flush() // only a single space continues a run
		}
	}
	flush()
}

// oracleTok is nameTok as first written.
type oracleTok struct {
	start, end          int
	looked, title, word bool
}

// TestFoldAccents: foldAccents, which leaves ASCII alone, folds as the replacer does.
func TestFoldAccents(t *testing.T) {
	for _, s := range []string{"", "Lavrov", "kh-ey oo", "Erdoğan", "Demirtaş", "Zelenskyy’s", "ÅSA", "é", "x\xff", "日本 Łódź"} {
		if got, want := foldAccents(s), accentFold.Replace(s); got != want {
			t.Errorf("foldAccents(%q) = %q, want %q", s, got, want)
		}
	}
	// the fast path holds while every key is non-ASCII
	for i := 0; i < len(accentPairs); i += 2 {
		if k := accentPairs[i]; k[0] < utf8.RuneSelf {
			t.Errorf("accent key %q is ASCII", k)
		}
	}
}
