package engine

import (
	"strings"
	"testing"
)

const wrappedArticle = `The harbour bridge reopened to traffic on Monday morning after
eleven weeks of repairs, the city council said in a statement that
thanked residents for their patience during the works.

Engineers replaced the old suspension cables and repainted the deck,
and the council said the bridge would now last another forty years
before it needed work of the same size again.
`

func TestProseRunesOfWrappedParagraphs(t *testing.T) {
	flat := strings.ReplaceAll(strings.ReplaceAll(wrappedArticle, "\n\n", "\x00"), "\n", " ")
	flat = strings.ReplaceAll(flat, "\x00", "\n\n")
	if got, want := proseRunes(wrappedArticle), proseRunes(flat); got != want || want == 0 {
		t.Errorf("wrapped article: %d prose characters, unwrapped %d", got, want)
	}
	for _, c := range []struct{ name, text string }{
		{"menu", "Home\nNews\nSport\nWeather\n"},
		{"two lines of their own", "Previous Post: Free scooter and motorcycle training days\nNext Post: Motorcycle cleaner and power wash for the winter\n"},
		{"headline list", "Council approves the new riverside park plan for next year\nSchools to stay open for another week in the northern region\nMarket traders protest over the planned rise in stall rents\n"},
	} {
		if got := proseRunes(c.text); got != 0 {
			t.Errorf("%s: %d prose characters, want 0", c.name, got)
		}
	}
}

// A hard-wrapped page whose fixes delete a long menu (most of its characters) but none of its
// article text is fixed; deleting the article's paragraphs is still refused.
func TestDeleteCapMeasuresWrappedArticleText(t *testing.T) {
	menu := strings.Repeat("Section link\n", 80)
	page := menu + "\n" + wrappedArticle
	if why := tooMuchDeleted(page, wrappedArticle, Options{}); why != "" {
		t.Errorf("deleting the menu refused: %s", why)
	}
	if why := tooMuchDeleted(page, menu, Options{}); why == "" {
		t.Error("deleting most of the wrapped article text allowed")
	}
}
