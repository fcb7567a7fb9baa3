package rules

import (
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// TestPageChromeFollowsNavLeakConfiguration: a label a user adds to nav-leak makes its list
// nav-leak's, so page-chrome leaves the run after it alone, as it does for built-in labels.
func TestPageChromeFollowsNavLeakConfiguration(t *testing.T) {
	text := "Trade ministers from both countries agreed on Friday to resume formal talks next month, officials said.\n" +
		"The talks are expected to focus on tariffs on steel and farm goods, though neither side gave details.\n" +
		"Both sides will meet again in Geneva in the spring, according to the ministry of trade and industry.\n" +
		"\n" +
		"Elsewhere on the site\n" +
		"Home\nNews\nWorld\nBusiness\nSport\nCulture\n"
	doc := document.New("t.txt", text)
	chromeLines := func(navOpts *navOptions) []int {
		act := []lint.Active{{Rule: PageChrome{}, Severity: lint.Warning, Options: PageChrome{}.NewOptions()}}
		if navOpts != nil {
			act = append(act, lint.Active{Rule: NavLeak{}, Severity: lint.Warning, Options: navOpts})
		}
		var lines []int
		for _, d := range lint.Run(doc, act, nil) {
			if d.Rule == "page-chrome" {
				l, _ := doc.Position(d.Start)
				lines = append(lines, l)
			}
		}
		return lines
	}
	if got := chromeLines(nil); len(got) != 1 || got[0] != 5 {
		t.Fatalf("without the label, page-chrome should report the run from line 5, got %v", got)
	}
	opts := NavLeak{}.NewOptions().(*navOptions)
	opts.Labels = []string{"Elsewhere on the site"}
	if got := chromeLines(opts); len(got) != 0 {
		t.Errorf("with nav-leak configured to own %q, page-chrome reported lines %v", opts.Labels[0], got)
	}
}

func TestLayoutZones(t *testing.T) {
	doc := document.New("t.txt", "Home\nMenu\n"+
		"Trade ministers from both countries agreed on Friday to resume formal talks next month.\n"+
		"Short line\n"+
		"The talks are expected to focus on tariffs on steel and farm goods, officials said.\n"+
		"Footer\n")
	l := computeLayout(doc)
	if l.ProseFirst != 2 || l.ProseLast != 4 || l.BodyFirst != 2 || l.BodyLast != 4 {
		t.Fatalf("prose %d..%d body %d..%d, want 2..4 and 2..4", l.ProseFirst, l.ProseLast, l.BodyFirst, l.BodyLast)
	}
	if !l.HeaderZone(1) || l.HeaderZone(2) || !l.FooterZone(5) || l.FooterZone(4) || !l.Outside(5) || l.Outside(3) {
		t.Error("zones disagree with the prose bounds")
	}
	if l.Labels[0] != "home" || l.Classes[0] != 0 {
		t.Errorf("line 1: label %q class %b, want \"home\" and no class", l.Labels[0], l.Classes[0])
	}
	if c := computeLayout(document.New("t.txt", "Read more:\n")).Classes[0]; !c.has(classNav) || !c.has(classLink) {
		t.Errorf("\"Read more:\" has classes %b, want nav and link", c)
	}
}
