package rules

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

func TestGluedWord(t *testing.T) {
	ctx := enCtx
	runCases(t, GluedWord{}, []ruleCase{
		{name: "stated that", text: lines(ctx, "The president statedthat talks would resume."), lines: []int{2},
			fixed: lines(ctx, "The president stated that talks would resume.")},
		{name: "according to", text: lines(ctx, "It is growing, accordingto the ministry."), lines: []int{2}},
		{name: "said the", text: lines(ctx, "Officials saidthe plan was final."), lines: []int{2}},
		{name: "approved by", text: lines(ctx, "The budget was approvedby the council on Monday."), lines: []int{2},
			fixed: lines(ctx, "The budget was approved by the council on Monday.")},
		// compounds and other things that must never be split
		{name: "compound words", text: lines(ctx, "However, nevertheless, a breakthrough: the lockdown livestream, a cyberattack on the chatbot, whereas into onto cannot.")},
		{name: "names, URLs, hashtags, e-mail", text: lines(ctx, "Statedthat Inc. said https://example.com/statedthat and #saidthe and press@saidthe.org agree.")},
		{name: "apostrophes", text: lines(ctx, "They didn’t say; it isn't over.")},
		{name: "not English", text: lines("Die Regierung hat damit begonnen, die neuen Regeln umzusetzen, sagte der Minister am Freitag in Berlin.")},
		{name: "English words of the larger lists",
			text: lines(ctx, "The grantor signed; the multiplexor failed; she attaches the files to todays report.")},
		{name: "a lower-case surname written with a capital elsewhere",
			text: lines(ctx, "Councillor Ann Hillby said the vote was close.", "Critics said hillby had misjudged the mood.")},
		{name: "a lower-case proper name from the lists", text: lines(ctx, "The fieldon estate was sold.")},
		{name: "foreign words", text: lines(ctx, "The festival, known locally as the evento, drew a crowd; singers called it aliento.")},
		{name: "misspellings are not glues",
			text: lines(ctx, "The vote is due tomarrow, after the withdrawl of the bill.")},
		{name: "a term the document writes twice",
			text: lines(ctx, "Call indexof on the list; indexof returns the position of the item.")},
		{name: "in quotes, brackets or code", text: lines(ctx, "Edit \"thatfile\" first, then run searchdecl(thisblock) and set [fromtree] again.")},
		{name: "event handler names", text: lines(ctx, "The page sets an onerror handler before the script loads.")},
		{name: "compounds with by", text: lines(ctx, "The Liberals won the seat in Monday's byelection, and Congress said the bypoll had been marred by violence.")},
		{name: "a word the document only writes in lower case is still checked",
			text: lines(ctx, "The lawsuit was filedby the union."), lines: []int{2}},
	})
	// a glue outside plain running text (a label, a line with markup) gets an unsafe fix
	for _, text := range []string{lines(ctx, "icon stepfor"), lines(ctx, "The budget was approvedby the council [on Monday] in Riga.")} {
		diags := engine.Check(document.New("t.txt", text), active(GluedWord{}), nil)
		if len(diags) != 1 || diags[0].Fix.Safety != lint.Unsafe {
			t.Errorf("%q: want one finding with an unsafe fix, got %+v", text, diags)
		}
	}
	// the same glue in a French document is left alone
	fr := "Le ministre a déclaré vendredi que les discussions reprendraient la semaine prochaine, selon un communiqué."
	runCases(t, GluedWord{}, []ruleCase{{name: "French document", text: lines(fr, "Le texte statedthat est en anglais.")}})
}

func TestNearWord(t *testing.T) {
	for _, c := range []struct{ w, a, b string }{{"tomarrow", "to", "marrow"}, {"withdrawl", "with", "drawl"}} {
		if !misspelt(c.w, c.a, c.b) {
			t.Errorf("%s not taken for a misspelling", c.w)
		}
	}
	for _, c := range []struct{ w, a, b string }{{"accordingto", "according", "to"}, {"statedthat", "stated", "that"}, {"saidthe", "said", "the"}, {"thefirst", "the", "first"}} {
		if misspelt(c.w, c.a, c.b) {
			t.Errorf("%s taken for a misspelling of %q", c.w, nearWord(c.w, func(string) bool { return false }))
		}
	}
}

func BenchmarkGluedWord(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("The talks, which lasted about an hour, covered security on the Korean Peninsula and trade between the two countries, the agency said.\n")
		sb.WriteString("Officials from both countries declined to give details of the proposals, citing the sensitivity of the negotiations.\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		doc := document.New("t.txt", text)
		if len(engine.Check(doc, active(GluedWord{}), nil)) != 0 {
			b.Fatal("findings in clean text")
		}
	}
}

// BenchmarkWordRules runs the three word and name rules, with their corpus pass, over 1 MiB of
// English text.
func BenchmarkWordRules(b *testing.B) {
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un in Pyongyang on Thursday, the state news agency said. ")
		sb.WriteString("The talks, which lasted about an hour, covered security on the Korean Peninsula and trade between the two countries.\n")
	}
	text := sb.String()
	rules := append(append(active(GluedWord{}), active(NameConsistency{})...), active(NameSpelling{})...)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		doc := document.New("t.txt", text)
		if len(engine.Check(doc, rules, engine.SelfStats(doc, rules))) != 0 {
			b.Fatal("findings in clean text")
		}
	}
}

// TestWordTableIsTheLists: the word table says of every line of the lists, and of words they
// lack, what a map filled line by line says (a word listed twice takes its last section), and
// lists the English words by first letter and length in the lists' order.
func TestWordTableIsTheLists(t *testing.T) {
	want := map[string]wordClass{}
	wantStart := map[[2]int][]string{}
	class := notListed
	for _, w := range strings.Split(strings.TrimSuffix(wordsTxt, "\n"), "\n") {
		switch w {
		case "%common", "%words", "%upper", "%other":
			class = map[string]wordClass{"%common": commonWord, "%words": englishWord, "%upper": upperWord, "%other": otherWord}[w]
			continue
		}
		want[w] = class
		if class == commonWord || class == englishWord {
			k := [2]int{int(w[0]), len(w)}
			wantStart[k] = append(wantStart[k], w)
		}
	}
	if len(want) < 150000 {
		t.Fatalf("only %d words", len(want))
	}
	d := dictionary()
	for w, c := range want {
		if got := d.class(w); got != c {
			t.Fatalf("%q: class %d, want %d", w, got, c)
		}
	}
	for _, w := range []string{"", "statedthat", "accordingto", "zzzzq", strings.Repeat("a", 300), "The", "%common"} {
		if got := d.class(w); got != want[w] {
			t.Errorf("%q: class %d, want %d", w, got, want[w])
		}
	}
	gotStart := map[[2]int][]string{}
	for k := range wantStart {
		d.eachStart(byte(k[0]), k[1], func(w string) bool {
			gotStart[k] = append(gotStart[k], w)
			return true
		})
	}
	if !reflect.DeepEqual(gotStart, wantStart) || len(d.keys) != len(wantStart) {
		t.Error("the English words by first letter and length differ from the lists' order")
	}
	// a word listed in two sections takes the later one
	idx, err := buildWordIndex("%common\nsaid\nthat\n%other\nsaid\n")
	if err != nil {
		t.Fatal(err)
	}
	small := loadWordTable("%common\nsaid\nthat\n%other\nsaid\n", idx)
	if small.class("said") != otherWord || small.class("that") != commonWord || small.class("the") != notListed {
		t.Errorf("small table: %d %d %d", small.class("said"), small.class("that"), small.class("the"))
	}
	var said []string
	small.eachStart('s', 4, func(w string) bool { said = append(said, w); return true })
	if len(said) != 1 || said[0] != "said" {
		t.Errorf("small table's words of s and 4 letters: %v", said)
	}
	if loadWordTable("%common\nsaid\n", idx) != nil {
		t.Error("an index loaded for another text")
	}
}

// TestRecentWordsAgreeWithTheTable: the words recent remembers have the class the table gives,
// whether a look-up finds them there or not: every listed word, and words that are not, asked
// twice, by several goroutines at once (in their own orders, so that they overwrite each other's
// slots), on a table of its own. Words recent cannot hold (letters beyond a to z, longer than
// twelve letters) are looked up in the table.
func TestRecentWordsAgreeWithTheTable(t *testing.T) {
	d := dictionary()
	idx, err := buildWordIndex(d.text)
	if err != nil {
		t.Fatal(err)
	}
	own := loadWordTable(d.text, idx)
	if own == nil || own.recent == nil {
		t.Fatal("no table, or one without recent words")
	}
	words := []string{"statedthat", "accordingto", "zzzzq", "x", "abcdefghijkl", "abcdefghijklm", "don't", "café", "the"}
	for _, w := range strings.Split(strings.TrimSuffix(d.text, "\n"), "\n") {
		if !strings.HasPrefix(w, "%") {
			words = append(words, w, w+"s", "q"+w)
		}
	}
	packed := 0
	for _, w := range words {
		if _, ok := packWord(w); ok {
			packed++
		}
	}
	if packed < len(words)*3/4 {
		t.Fatalf("only %d of %d words fit in recent", packed, len(words))
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for round := range 2 {
				for i := range words {
					w := words[(i*(2*g+1)+round*7)%len(words)]
					if got, want := own.class(w), own.lookUp(w); got != want {
						errs <- fmt.Sprintf("%q: class %d, table %d", w, got, want)
						return
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
	// a short word never shares a key with a longer one
	a, _ := packWord("a")
	aa, _ := packWord("aa")
	if a == aa || a == 0 {
		t.Errorf("packWord: a %x, aa %x", a, aa)
	}
}

// TestWordIndexIsUpToDate: the embedded index is the index of the embedded word list (go test
// ./rules -run WordIndex -update rewrites it), and the run uses it as it is.
func TestWordIndexIsUpToDate(t *testing.T) {
	built, err := buildWordIndex(wordsTxt)
	if err != nil {
		t.Fatal(err)
	}
	// -update is the golden tests' flag, of the same test binary
	if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
		if err := os.WriteFile("data/words.idx", built, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if wordsIdx != string(built) {
		t.Fatal("data/words.idx is not the index of data/words.txt: run go test ./rules -run WordIndex -update")
	}
	if loadWordTable(wordsTxt, []byte(wordsIdx)) == nil {
		t.Fatal("the embedded index does not load")
	}
}
