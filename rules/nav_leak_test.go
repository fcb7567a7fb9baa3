package rules

import "testing"

func TestNavLeak(t *testing.T) {
	runCases(t, NavLeak{}, []ruleCase{
		{name: "read more block inside the body keeps the next paragraph",
			text: lines(para, "READ MORE",
				"600 days into the war, Russia’s assault on a key eastern Ukraine city appears to be weakening",
				"Russian President Putin and Chinese leader Xi meet in Beijing and call for close policy coordination",
				para2),
			lines: []int{2, 3, 4},
			fixed: lines(para, para2)},
		{name: "labelled lists at the end, with list markers",
			text: lines(para, para2, "Related", "- Trump issues order to ban transgender troops from serving openly",
				"- ESPN launches sportsbook in move to cash in on sports betting boom", "Ranking",
				"- EU reaches deal to reduce highly polluting methane gas emissions", "- Minibus taxi crashes head on with truck in Zimbabwe",
				"Recommendation", "-", "Review: 'Mutant Mayhem' is the movie we always dreamed of", "-",
				"USPS leaders forecast it would break even this year. It just lost $6.5 billion.", "-",
				"27-Year-Old Analyst Disappears After Attending Zeds Dead Concert in NYC"),
			lines: []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
			fixed: lines(para, para2)},
		{name: "ranking of data rows at the end is flagged, its fix unsafe",
			text: lines(para, "", para2, "", "Ranking", "", "1. Jannik Sinner (ITA) 11,180 points", "2. Carlos Alcaraz (ESP) 9,990",
				"3. Alexander Zverev (GER) 7,015", "4. Novak Djokovic (SRB) 6,210", "5. Taylor Fritz (USA) 5,050"),
			lines: []int{5, 6, 7, 8, 9, 10, 11},
			fixed: lines(para, "", para2, "", "Ranking", "", "1. Jannik Sinner (ITA) 11,180 points", "2. Carlos Alcaraz (ESP) 9,990",
				"3. Alexander Zverev (GER) 7,015", "4. Novak Djokovic (SRB) 6,210", "5. Taylor Fritz (USA) 5,050")},
		{name: "a link label in a fact box", text: lines(para, "Less: 12 per cent", "More: 31 per cent", "About the same: 57 per cent", para2),
			lines: []int{3}, fixed: lines(para, "Less: 12 per cent", "More: 31 per cent", "About the same: 57 per cent", para2)},
		{name: "a long sentence after a link label is the text's",
			text: lines(para, "Read more: The state's interactive map of harmful algal bloom advisories is updated every Friday and lists all water bodies under a warning.", para2)},
		{name: "comment form footer with blank lines, no final newline",
			text:  para + "\n\nLeave a Reply\n\nYour email address will not be published. Required fields are marked *\n\nBack to top button",
			lines: []int{3, 4, 5, 6, 7},
			fixed: para},
		{name: "labelled link line",
			text:  lines(para, "SEE MORE: Hong Kong protests: 800 students under siege in university", para2),
			lines: []int{2},
			fixed: lines(para, para2)},
		{name: "advertisement line inside the body",
			text:  lines(para, "Advertisement", para2),
			lines: []int{2},
			fixed: lines(para, para2)},
		{name: "you may also like at the end",
			text: lines(para, para2, "You may also like:", "Markets slide as oil prices jump to a five-month high",
				"How the new tax rules affect small businesses"),
			lines: []int{3, 4, 5}},
		{name: "other language label",
			text:  lines(para, "Leggi anche", "Il governo approva la nuova legge sul lavoro", para2),
			lines: []int{2, 3}},
		// look-alike legitimate text
		{name: "story whose first word is Related",
			text: lines("Related talks between the two ministries will resume in May, officials said.", para)},
		{name: "quote containing read more",
			text: lines(para, "“Read more books,” the minister told the students at the ceremony.", para2)},
		{name: "quoted read more as a line",
			text: lines(para, "“Read more”", para2), lines: nil},
		{name: "bullet list that is part of the article",
			text: lines(para, "The plan includes:", "- Higher taxes on tobacco and alcohol", "- A new fund for rural schools",
				"- Cuts to fuel subsidies over three years", "The measures take effect in May, the finance minister said on Monday.")},
		{name: "bullet list at the end of the article",
			text: lines(para, para2, "The plan includes:", "- Higher taxes on tobacco and alcohol", "- A new fund for rural schools",
				"- Cuts to fuel subsidies over three years")},
		{name: "headline-case sentence inside the body",
			text: lines(para, "Officials Say Talks Will Resume Next Week", para2)},
		{name: "tail label word used as a subheading in the body",
			text: lines(para, "Recommendation", "- Raise the minimum wage over two years", "- Expand training programmes for young workers", para2)},
		{name: "tail list ending in a paragraph is not a list",
			text: lines(para, "Recommendation", "Markets slide as oil prices jump to a five-month high",
				"How the new tax rules affect small businesses", para2)},
		{name: "read more label followed by prose only",
			text:  lines(para, "Read more", para2),
			lines: []int{2}},
		{name: "copyright line",
			text:  lines(para, "© 2024 Example Media. All rights reserved."),
			lines: []int{2}},
		{name: "all rights reserved inside a long sentence stays",
			text: lines(para, "The company said it had all rights reserved under the 2019 contract, which it would defend in court if needed, a spokeswoman said.")},
	})
}

func TestNavLeakOptions(t *testing.T) {
	r := NavLeak{}
	o := r.NewOptions().(*navOptions)
	o.Labels = []string{"Elsewhere on the site"}
	o.Furniture = []string{"Sign in to comment"}
	if err := o.Validate(); err != nil {
		t.Fatal(err)
	}
	if k := classifyLabel(normLabel("Elsewhere on the site:"), o); k != anyLabel {
		t.Errorf("configured label not recognised: %v", k)
	}
	if k := classifyLabel(normLabel("Elsewhere on the site:"), r.NewOptions().(*navOptions)); k != notLabel {
		t.Errorf("label recognised without configuration: %v", k)
	}
	o.MinTailItems = 0
	if err := o.Validate(); err == nil {
		t.Error("min_tail_items = 0 accepted")
	}
}
