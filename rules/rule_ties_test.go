package rules

import (
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

// A footer menu that starts with a line nav-leak deletes on its own ("Search"): page-chrome's run
// starts after it, so that the fixes of both rules apply in one pass, before the header is gone
// and the page no longer looks like a whole-page extraction.
func TestPageChromeLeavesTiesToOtherRules(t *testing.T) {
	menu := []string{"Sign in", "Subscribe", "Home", "News", "World", "Business", "Sport", "Culture", "Opinion", "Weather", "Podcasts"}
	body := []string{
		"The regional parliament approved the budget on Thursday by a narrow margin after a long debate.",
		"Opposition members said the plan cut too deeply into spending on rural schools and clinics.",
		"The finance minister said the cuts were needed to keep the deficit within the limits agreed with lenders.",
	}
	footer := []string{"Search", "Africa", "Americas", "Asia", "Europe", "Middle East", "Oceania"}
	text := lines(append(append(append([]string{}, menu...), body...), footer...)...)
	var act []lint.Active
	for _, r := range []lint.Rule{NavLeak{}, PageChrome{}, Byline{}} {
		act = append(act, active(r)...)
	}
	doc := document.New("t.txt", text)
	diags := engine.Check(doc, act, nil)
	var fixes []*lint.Fix
	for _, d := range diags {
		if d.Fix != nil && d.Fix.Safety == lint.Safe {
			fixes = append(fixes, d.Fix)
		}
	}
	// (a fix inside another one's lines, such as "Subscribe" in the header menu, is dropped for it)
	out, _, _ := engine.ApplyFixes(text, fixes)
	if want := lines(body...); out != want {
		t.Errorf("after one pass:\n%s\nwant:\n%s", out, want)
	}
}
