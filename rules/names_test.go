package rules

import (
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

func TestEmbeddedNamesLoad(t *testing.T) {
	db, err := DefaultNames()
	if err != nil {
		t.Fatal(err)
	}
	if len(db.Entries) < 200 {
		t.Errorf("only %d entries; the list should cover a few hundred names", len(db.Entries))
	}
	if !strings.Contains(namesData, "CC0") {
		t.Error("names data lacks its source and licence header")
	}
}

func TestNameSpelling(t *testing.T) {
	runCases(t, NameSpelling{}, []ruleCase{
		{name: "misspelling gets the canonical spelling",
			text: lines("He met North Korean leader Kim Jung Un in September."), lines: []int{1},
			fixed: lines("He met North Korean leader Kim Jong Un in September.")},
		{name: "romanisation listed as a misspelling",
			text: lines("South Korean President Yun Suk-yeol said so."), lines: []int{1},
			fixed: lines("South Korean President Yoon Suk Yeol said so.")},
		{name: "capitals keep capitals",
			text: lines("KIM JUNG UN VISITS RUSSIA"), lines: []int{1},
			fixed: lines("KIM JONG UN VISITS RUSSIA")},
		{name: "variant is reported but not fixed by --fix",
			text: lines("Foreign Minister Sergei Lavrov met Kim Jong-un."), lines: []int{1},
			fixed: lines("Foreign Minister Sergei Lavrov met Kim Jong-un.")},
		{name: "possessive", text: lines("Kim Jung Un’s trip ended."), lines: []int{1}},
		// look-alike legitimate text
		{name: "canonical spellings", text: lines("Kim Jong Un, Sergey Lavrov and Yoon Suk Yeol met in Pyongyang.")},
		{name: "never-merge: Kim Jong Il is another person", text: lines("His father Kim Jong Il died in 2011; Kim Il Sung founded the state.")},
		{name: "never-merge: Austria and Australia, Niger and Nigeria",
			text: lines("Austria and Australia signed; Niger and Nigeria did not.")},
		{name: "part of a longer word", text: lines("The XKim Jung Unz account posted it.")},
		{name: "lower case is not a name", text: lines("the kim jung un meme spread.")},
		{name: "Columbia is not a misspelling of Colombia", text: lines("She studied at Columbia University in New York.")},
	})
}

func TestNameSpellingSeverities(t *testing.T) {
	doc := document.New("t.txt", "Kim Jung Un met Sergei Lavrov.\n")
	diags := engine.Check(doc, active(NameSpelling{}), nil)
	if len(diags) != 2 {
		t.Fatalf("%d findings", len(diags))
	}
	if diags[0].Severity != lint.Warning || diags[0].Fix.Safety != lint.Safe || !strings.Contains(diags[0].Message, `"Kim Jung Un"`) || !strings.Contains(diags[0].Message, `"Kim Jong Un"`) {
		t.Errorf("misspelling: %+v", diags[0])
	}
	if diags[1].Severity != lint.Info || diags[1].Fix.Safety != lint.Unsafe || !strings.Contains(diags[1].Message, `"Sergei Lavrov"`) || !strings.Contains(diags[1].Message, `"Sergey Lavrov"`) {
		t.Errorf("variant: %+v", diags[1])
	}
}

func TestNamesConfig(t *testing.T) {
	r, err := NameSpelling{}.WithNames(NamesConfig{
		Entries: []NameEntry{{Canonical: "Jane Exampleton", Misspellings: []string{"Jane Exampelton"}},
			{Canonical: "Kim Jong Un", Kind: "person", Misspellings: []string{"Kim Jong Oon"}}},
		Disable: []string{"Sergey Lavrov"},
	})
	if err != nil {
		t.Fatal(err)
	}
	rule := r.(lint.Rule)
	if got := flaggedLines(rule, lines("Jane Exampelton spoke.", "Sergei Lavrov spoke.", "Kim Jong Oon spoke.", "Kim Jung Un spoke.")); !slices.Equal(got, []int{1, 3}) {
		t.Errorf("flagged %v, want [1 3] (added entry, disabled entry, replaced entry)", got)
	}
	for _, bad := range []NamesConfig{
		{Entries: []NameEntry{{Canonical: ""}}},
		{Entries: []NameEntry{{Canonical: "X Y", Kind: "planet"}}},
		{Disable: []string{"Nobody Atall"}},
		{Entries: []NameEntry{{Canonical: "Kim Jong Eun", Misspellings: []string{"Kim Jong Il"}}}},
		{NeverMerge: [][]string{{"Solo"}}},
	} {
		if _, err := (NameSpelling{}).WithNames(bad); err == nil {
			t.Errorf("%+v accepted", bad)
		}
	}
}

// enCtx makes a test text English for the language identifier.
const enCtx = "The minister said on Friday that the government would publish the report next week, and that it was ready."

func TestGluedWordUsesCorpusVocabulary(t *testing.T) {
	ctx := "The minister said on Friday that the government would publish the report next week, and that it was ready."
	text := lines(ctx, "The intheworks plan saidthe minister.")
	doc := document.New("t.txt", text)
	stats := engine.SelfStats(doc, active(GluedWord{}))
	stats.Vocab["saidthe"] = 5 // the corpus uses it as a word in five files
	if diags := engine.Check(doc, active(GluedWord{}), stats); len(diags) != 0 {
		t.Errorf("a word the corpus uses was split: %+v", diags)
	}
}

func TestNameConsistency(t *testing.T) {
	many := strings.Repeat("Andrei Volkonsky spoke. ", 4)
	runCases(t, NameConsistency{}, []ruleCase{
		{name: "rare transliteration", text: lines(many, "Later Andrey Volkonsky spoke."), lines: []int{2}},
		{name: "one edit", text: lines(many, "Later Andrei Volkonskiy spoke."), lines: []int{2}},
		{name: "title before the name", text: lines(many, "Foreign Minister Andrey Volkonsky spoke."), lines: []int{2}},
		// negatives
		{name: "not dominant enough", text: lines(strings.Repeat("Andrei Volkonsky spoke. ", 2), "Andrey Volkonsky spoke.")},
		{name: "ratio not met", text: lines(many, "Andrey Volkonsky spoke. Andrey Volkonsky left.")},
		{name: "added ending is another person", text: lines(many, "His wife Andrea Volkonskaya spoke. Andrei Volkonskya too.")},
		{name: "listed names are name-spelling's", text: lines(strings.Repeat("Sergey Lavrov spoke. ", 4), "Sergei Lavrov spoke.")},
		{name: "two words differ", text: lines(many, "Andrej Volkonskij spoke.")},
		{name: "common words", text: lines(strings.Repeat("The White House said. ", 4), "The White Horse said.")},
	})
}

func TestNameConsistencyNeverMerge(t *testing.T) {
	r, err := NameConsistency{}.WithNames(NamesConfig{NeverMerge: [][]string{{"Andrei Volkonsky", "Andrey Volkonsky"}}})
	if err != nil {
		t.Fatal(err)
	}
	text := lines(strings.Repeat("Andrei Volkonsky spoke. ", 4), "Andrey Volkonsky spoke.")
	if got := flaggedLines(r.(lint.Rule), text); len(got) != 0 {
		t.Errorf("never-merge names compared: %v", got)
	}
}

func TestNameCandidates(t *testing.T) {
	var got []string
	nameCandidates("Foreign Minister Sergey Lavrov met Kim Jong-un’s envoy. The White House and North Korea. Mr. Kim left. UN Security Council.", func(_, _ int, n string) {
		got = append(got, n)
	})
	want := "Sergey Lavrov|Kim Jong-un"
	if strings.Join(got, "|") != want {
		t.Errorf("candidates %q, want %q", strings.Join(got, "|"), want)
	}
}

func BenchmarkNameAutomaton(b *testing.B) {
	db, err := DefaultNames()
	if err != nil {
		b.Fatal(err)
	}
	var sb strings.Builder
	for sb.Len() < 1<<20 {
		sb.WriteString("Russian Foreign Minister Sergey Lavrov met North Korean leader Kim Jong Un in Pyongyang on Thursday, the state news agency said. ")
		sb.WriteString("The talks, which lasted about an hour, covered security on the Korean Peninsula and trade between the two countries.\n")
	}
	text := sb.String()
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if len(db.Find(text)) == 0 {
			b.Fatal("no names found")
		}
	}
}
