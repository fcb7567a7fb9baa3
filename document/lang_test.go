package document

import (
	"strings"
	"testing"

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
// for words that are none.
func TestStopSets(t *testing.T) {
	words := []string{"zebra", "Thee", "x", "Tambem", "abcdefghijklmn"}
	for w := range stopLangs {
		words = append(words, w, strings.ToUpper(w), strings.Title(w))
	}
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
