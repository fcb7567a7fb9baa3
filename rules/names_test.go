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
	en := func(ls ...string) string { return lines(append([]string{enCtx}, ls...)...) }
	runCases(t, NameSpelling{}, []ruleCase{
		{name: "misspelling gets the canonical spelling",
			text: en("He met North Korean leader Kim Jung Un in September."), lines: []int{2},
			fixed: en("He met North Korean leader Kim Jong Un in September.")},
		{name: "romanisation listed as a misspelling",
			text: en("South Korean President Yun Suk-yeol said so."), lines: []int{2},
			fixed: en("South Korean President Yoon Suk Yeol said so.")},
		{name: "capitals keep capitals",
			text: en("KIM JUNG UN VISITS RUSSIA"), lines: []int{2},
			fixed: en("KIM JONG UN VISITS RUSSIA")},
		{name: "variant is reported but not fixed by --fix",
			text: en("Foreign Minister Sergei Lavrov met Kim Jong-un."), lines: []int{2},
			fixed: en("Foreign Minister Sergei Lavrov met Kim Jong-un.")},
		{name: "possessive", text: en("Kim Jung Un’s trip ended."), lines: []int{2}},
		// look-alike legitimate text
		{name: "canonical spellings", text: en("Kim Jong Un, Sergey Lavrov and Yoon Suk Yeol met in Pyongyang.")},
		{name: "never-merge: Kim Jong Il is another person", text: en("His father Kim Jong Il died in 2011; Kim Il Sung founded the state.")},
		{name: "never-merge: Austria and Australia, Niger and Nigeria",
			text: en("Austria and Australia signed; Niger and Nigeria did not.")},
		{name: "part of a longer word", text: en("The XKim Jung Unz account posted it.")},
		{name: "joined by a hyphen to a longer word", text: en("The pro-Kim Jung Un account posted it.")},
		{name: "lower case is not a name", text: en("the kim jung un meme spread.")},
		{name: "Columbia is not a misspelling of Colombia", text: en("She studied at Columbia University in New York.")},
	})
}

// TestNameSpellingOtherLanguagesAndEras: spellings that are standard in another language, era
// or house style are never given a safe fix, and documents in other languages are left alone.
func TestNameSpellingOtherLanguagesAndEras(t *testing.T) {
	de := "Die Regierung hat am Freitag mitgeteilt, dass die Gespräche in der nächsten Woche fortgesetzt werden, sagte der Sprecher."
	fr := "Le ministre a déclaré vendredi que les discussions reprendraient la semaine prochaine, selon un communiqué publié par le gouvernement."
	runCases(t, NameSpelling{}, []ruleCase{
		{name: "German exonyms in a German document",
			text: lines(de, "Der Präsident flog von Teheran über Odessa nach Addis Abeba und traf Kim Jung Un.")},
		{name: "French document", text: lines(fr, "Le dirigeant Kim Jung Un a rencontré Sergueï Lavrov à Pyongyang.")},
	})
	// In English, older names and other styles are variants at most: reported, never fixed by --fix.
	for _, text := range []string{
		"The delegation flew from Kiev to Odessa on Monday before travelling on to Burma.",
		"The crown prince, Mohammed bin Zayid, met the visitors in Abu Dhabi.",
		"JP Morgan Chase said its profit rose in the quarter.",
		"Former president Hasan Rouhani said so; Sheik Hasina agreed.",
		"Open AI released a new model on Tuesday.",
		// spellings of other real places and people, and house styles without accents
		"The chipmaker will expand its plant in Huwei, a township in Yunlin County.",
		"The supplier runs a factory in Johannesberg, a small municipality near Aschaffenburg.",
		"The 2004 romantic comedy starred the actress Kim Jung Eun.",
		"Mexican President Andres Manuel Lopez Obrador said so on Monday.",
		"The Huthis fired a missile at the ship; the Zaporizhia plant lost power.",
		"The economist Riadh Zghal spoke in Tunis; the delegation later flew to Pyeongyang.",
		"Former Chicago Fed chief Moskow warns on rate cuts.",
		// a spelling cited between quotation marks of its own
		"The leaflet misspelled the prime minister's name as \"Kim Jung Un\" twice.",
		"KCNA refers to him as “Yun Suk-yeol” in its English-language dispatches.",
	} {
		doc := lines(enCtx, text)
		for _, d := range engine.Check(document.New("t.txt", doc), active(NameSpelling{}), nil) {
			if d.Fix != nil && d.Fix.Safety == lint.Safe {
				t.Errorf("%q: safe fix %q", text, d.Message)
			}
		}
	}
	// A proper name that holds a variant spelling is left alone.
	runCases(t, NameSpelling{}, []ruleCase{
		{name: "Riyad Bank is a bank", text: lines(enCtx, "Shares of Riyad Bank rose 2% in early trade.")},
		{name: "a misspelling inside a longer proper name", text: lines(enCtx, "He joined the Bejing Institute of Technology in 2010.")},
		{name: "a variant place name alone is reported", text: lines(enCtx, "The meeting was held in Riyad on Sunday."), lines: []int{2}},
	})
}

func TestNameSpellingSeverities(t *testing.T) {
	doc := document.New("t.txt", lines(enCtx, "Kim Jung Un met Sergei Lavrov."))
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
	if got := flaggedLines(rule, lines(enCtx, "Jane Exampelton spoke.", "Sergei Lavrov spoke.", "Kim Jong Oon spoke.", "Kim Jung Un spoke.")); !slices.Equal(got, []int{2, 4}) {
		t.Errorf("flagged %v, want [2 4] (added entry, disabled entry, replaced entry)", got)
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

func TestGluedWordUsesCorpusVocabulary(t *testing.T) {
	ctx := "The minister said on Friday that the government would publish the report next week, and that it was ready."
	text := lines(ctx, "The intheworks plan saidthe minister.")
	doc := document.New("t.txt", text)
	stats := engine.SelfStats(doc, active(GluedWord{}))
	stats.For(gluedWordID).Keys["saidthe"] = 5 // the corpus uses it as a word in five files
	if diags := engine.Check(doc, active(GluedWord{}), stats); len(diags) != 0 {
		t.Errorf("a word the corpus uses was split: %+v", diags)
	}
}

// enCtx makes a test text English for the language identifier.
const enCtx = "The minister said on Friday that the government would publish the report next week, and that it was ready."

func TestNameConsistency(t *testing.T) {
	many := enCtx + " " + strings.Repeat("Andrei Volkonsky spoke. ", 4)
	runCases(t, NameConsistency{}, []ruleCase{
		{name: "rare transliteration", text: lines(many, "Later Andrey Volkonsky spoke."), lines: []int{2}},
		{name: "one edit", text: lines(many, "Later Andrei Volkonskiy spoke."), lines: []int{2}},
		{name: "title before the name", text: lines(many, "Foreign Minister Andrey Volkonsky spoke."), lines: []int{2}},
		{name: "accents added to the dominant spelling",
			text: lines(enCtx, strings.Repeat("Selahattin Demirtaş spoke. ", 4), "Selahattin Demirtas spoke."), lines: []int{3}},
		{name: "accents alone, the name ending in a vowel",
			text: lines(enCtx, strings.Repeat("President Sebastian Piñera spoke. ", 4), "President Sebastian Pinera spoke."), lines: []int{3}},
		// negatives
		{name: "not dominant enough", text: lines(enCtx, strings.Repeat("Andrei Volkonsky spoke. ", 2), "Andrey Volkonsky spoke.")},
		{name: "ratio not met", text: lines(many, "Andrey Volkonsky spoke. Andrey Volkonsky left.")},
		{name: "added ending is another person", text: lines(many, "His wife Andrea Volkonskaya spoke. Andrei Volkonskya too.")},
		{name: "listed names are name-spelling's", text: lines(enCtx, strings.Repeat("Sergey Lavrov spoke. ", 4), "Sergei Lavrov spoke.")},
		{name: "two words differ", text: lines(many, "Andrej Volkonskij spoke.")},
		{name: "common words", text: lines(enCtx, strings.Repeat("The White House said. ", 4), "The White House said. The White Horse said.")},
		{name: "not English", text: lines("Der Minister sagte am Freitag, dass die Regierung den Bericht in der nächsten Woche veröffentlichen werde.",
			strings.Repeat("Andrei Volkonsky sprach. ", 4), "Andrey Volkonsky sprach.")},
	})
}

// TestNameConsistencyDifferentEntities: spellings a letter apart that name different people or
// companies, German nouns and correct accents are never merged.
func TestNameConsistencyDifferentEntities(t *testing.T) {
	rep := func(s string) string { return strings.Repeat(s+" ", 4) }
	runCases(t, NameConsistency{}, []ruleCase{
		{name: "one letter in a short company name",
			text: lines(enCtx, rep("Shares of Intel Corp rose."), "Shares of Itel Corp fell.")},
		{name: "one letter in a short surname",
			text: lines(enCtx, rep("Analyst Jonas Gould said so."), "Analyst Jonas Gull said so.")},
		{name: "a letter apart, five letters",
			text: lines(enCtx, rep("The insurer Gelco Partners grew."), "The insurer Geico Partners grew.")},
		{name: "another person with a similar surname",
			text: lines(enCtx, rep("Commissioner Charles Rose spoke."), "Commissioner Charles Rule spoke.")},
		{name: "a different legal form",
			text: lines(enCtx, rep("Lending by Marbleton Holdings Ltd rose."), "Lending by Marbleton Holdings Inc rose.")},
		{name: "different initials",
			text: lines(enCtx, rep("Writer John A. Pemberworth spoke."), "Writer John B. Pemberworth spoke.")},
		{name: "a y/i spelling of a short surname is another family",
			text: lines(enCtx, rep("Officer Laura Smyth spoke."), "Officer Laura Smith spoke.")},
		{name: "diacritics are never stripped",
			text: lines(enCtx, rep("Selahattin Demirtas spoke."), "Selahattin Demirtaş spoke.")},
		{name: "German nouns and adjective phrases are not names",
			text: lines("Die Regierung hat am Freitag mitgeteilt, dass die Gespräche in der nächsten Woche fortgesetzt werden.",
				rep("Im Juni kam es zum Offenen Brief."), "Im Juli kam es zum Offenem Brief.")},
		{name: "an English word is not a misspelt name",
			text: lines(enCtx, rep("Servers with Intel Xeon Platium chips."), "Servers with Intel Xeon Platinum chips.")},
		{name: "a capitalised English word is not a misspelt name",
			text: lines(enCtx, rep("Clocks run on Arabia Standard Time."), "Clocks run on Arabic Standard Time.")},
		{name: "sentence-initial common words are not names",
			text: lines(enCtx, rep("Later Volkonsky spoke."), "Latter Volkonsky spoke.")},
		{name: "a final vowel makes a sister's name",
			text: lines(enCtx, rep("Chairman Daniele Ferraro spoke."), "His sister Daniela Ferraro will join the board.")},
	})
}

func TestNameConsistencyNeverMerge(t *testing.T) {
	r, err := NameConsistency{}.WithNames(NamesConfig{NeverMerge: [][]string{{"Andrei Volkonsky", "Andrey Volkonsky"}}})
	if err != nil {
		t.Fatal(err)
	}
	text := lines(enCtx, strings.Repeat("Andrei Volkonsky spoke. ", 4), "Andrey Volkonsky spoke.")
	if got := flaggedLines(r.(lint.Rule), text); len(got) != 0 {
		t.Errorf("never-merge names compared: %v", got)
	}
}

func TestNameCandidates(t *testing.T) {
	var got []string
	text := "Foreign Minister Sergey Lavrov met Kim Jong-un’s envoy. The White House and North Korea. Mr. Kim left. UN Security Council."
	nameCandidates(text, document.Words(text, nil), func(_, _ int, n string) {
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

// TestNamesListSharedByConfiguration: the rules that take [names] share one list per
// configuration, and another configuration gets its own.
func TestNamesListSharedByConfiguration(t *testing.T) {
	a := NamesConfig{Entries: []NameEntry{{Canonical: "Zenobia Quillfeather", Variants: []string{"Zenobia Quilfeather"}}}}
	b := NamesConfig{Disable: []string{"Kim Jong Un"}}
	r1, err := NameSpelling{}.WithNames(a)
	if err != nil {
		t.Fatal(err)
	}
	r2, _ := NameConsistency{}.WithNames(a)
	r3, _ := NameSpelling{}.WithNames(b)
	db := func(r any) *NameDB {
		switch r := r.(type) {
		case NameSpelling:
			return r.names()
		case NameConsistency:
			return r.names()
		}
		return nil
	}
	if db(r1) != db(r2) || db(r1) == db(r3) {
		t.Errorf("lists: spelling %p, consistency %p, other configuration %p", db(r1), db(r2), db(r3))
	}
	if !db(r1).Known("Zenobia Quilfeather") || db(r3).Known("Zenobia Quilfeather") {
		t.Error("a configuration's entries went to the other's list")
	}
}
