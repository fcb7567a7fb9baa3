package document

import (
	"strings"
	"testing"
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
