package rules

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
)

// menu is a site menu as whole-page extractors keep it.
var menu = []string{"Home", "News", "World", "Business", "Sport", "Culture"}

// edition is more of a whole page's header: an edition picker and account links.
var edition = []string{"UK edition", "US edition", "Sign in", "Register", "Search", "Newsletters"}

func TestPageChrome(t *testing.T) {
	doc := func(parts ...[]string) string {
		var all []string
		for _, p := range parts {
			all = append(all, p...)
		}
		return lines(all...)
	}
	body := []string{para, para2, para}
	runCases(t, PageChrome{}, []ruleCase{
		{name: "menu before the body of a whole-page extraction", text: doc(menu, edition, body), lines: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
			fixed: doc(body)},
		// an article extractor keeps no menus: a run before the body is reported, its fix unsafe
		{name: "short run before the body of an article extraction", text: doc(menu, body), lines: []int{1, 2, 3, 4, 5, 6}, fixed: doc(menu, body)},
		{name: "footer links after the body", text: doc(body, []string{"About Us", "Contact", "Privacy Policy", "Terms of Use", "Cookie Settings"}),
			lines: []int{4, 5, 6, 7, 8}},
		{name: "headline list after the body is reported (unsafe fix)",
			text: doc(body, []string{"Markets slide as oil prices jump to a five-month high", "How the new tax rules affect small businesses",
				"Sport", "Weather", "Central bank holds rates steady for a third month"}),
			lines: []int{4, 5, 6, 7, 8}, fixed: doc(body, []string{"Markets slide as oil prices jump to a five-month high", "How the new tax rules affect small businesses",
				"Sport", "Weather", "Central bank holds rates steady for a third month"})},
		// look-alike legitimate text
		{name: "subheadings inside the body", text: doc([]string{para, "The talks"}, body, []string{"What comes next", para2, "Reactions", para})},
		{name: "a list inside the body", text: doc([]string{para, para2, "The winners:"}, menu, body)},
		{name: "list introduced by a colon", text: doc(body, []string{"Tour dates:", "Chicago", "Denver", "Dallas", "Boston", "Miami"})},
		{name: "numbered list", text: doc(body, []string{"1 cup flour", "2 eggs", "3 tbsp sugar", "1 pinch salt", "200 ml milk"})},
		{name: "short run", text: doc(menu[:4], body)},
		{name: "no body: too little prose to tell", text: doc(menu, []string{para})},
		// a headline and a lead open an article: the short lines between them and the body are
		// the article's (a squad, the names of the dead), not a page's menus
		{name: "a list after the headline and the lead",
			text: doc([]string{"Scotland name Euro 2024 squad", "",
				"Scotland manager Steve Clarke named his 26-man squad for the European Championship in Germany on Tuesday, with one uncapped midfielder the only surprise.", ""},
				[]string{"Zander Clark", "Craig Gordon", "Angus Gunn", "Liam Cooper", "Grant Hanley", "Jack Hendry", "Ryan Porteous",
					"Andy Robertson", "Anthony Ralston", "Kieran Tierney", "Billy Gilmour", "Ryan Christie", ""}, body),
			lines: []int{5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16},
			fixed: doc([]string{"Scotland name Euro 2024 squad", "",
				"Scotland manager Steve Clarke named his 26-man squad for the European Championship in Germany on Tuesday, with one uncapped midfielder the only surprise.", ""},
				[]string{"Zander Clark", "Craig Gordon", "Angus Gunn", "Liam Cooper", "Grant Hanley", "Jack Hendry", "Ryan Porteous",
					"Andy Robertson", "Anthony Ralston", "Kieran Tierney", "Billy Gilmour", "Ryan Christie", ""}, body)},
		{name: "a list after a kicker, the headline, a standfirst and the lead",
			text: doc([]string{"FOOTBALL", "Scotland name Euro 2024 squad", "Uncapped Reid the only surprise", "",
				"Scotland manager Steve Clarke named his 26-man squad for the European Championship in Germany on Tuesday, with one uncapped midfielder the only surprise.", ""},
				[]string{"Zander Clark", "Craig Gordon", "Angus Gunn", "Liam Cooper", "Grant Hanley", "Jack Hendry", "Ryan Porteous",
					"Andy Robertson", "Anthony Ralston", "Kieran Tierney", "Billy Gilmour", "Ryan Christie", ""}, body),
			lines: []int{7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18},
			fixed: doc([]string{"FOOTBALL", "Scotland name Euro 2024 squad", "Uncapped Reid the only surprise", "",
				"Scotland manager Steve Clarke named his 26-man squad for the European Championship in Germany on Tuesday, with one uncapped midfielder the only surprise.", ""},
				[]string{"Zander Clark", "Craig Gordon", "Angus Gunn", "Liam Cooper", "Grant Hanley", "Jack Hendry", "Ryan Porteous",
					"Andy Robertson", "Anthony Ralston", "Kieran Tierney", "Billy Gilmour", "Ryan Christie", ""}, body)},
		{name: "a list whose lines share one comma",
			text: doc([]string{"New Year Honours 2025: Scotland list", ""},
				[]string{"Anil Sharma, for services to medical research", "Thomas Whitcombe, for services to the maritime industry",
					"Janet Ferguson, for services to the community in Dumfries", "Kenneth Baird, for services to Scottish rugby",
					"Mhairi Campbell, for services to Gaelic broadcasting", "Sandy MacLeod, for services to mountain rescue",
					"Elizabeth Munro, for services to the Church of Scotland", "Graham Ure, for services to the fishing industry",
					"Doreen Fyfe, for services to older people in Fife", "Aileen Kerr, for services to nursing in the Highlands", ""}, body),
			lines: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12},
			fixed: doc([]string{"New Year Honours 2025: Scotland list", ""},
				[]string{"Anil Sharma, for services to medical research", "Thomas Whitcombe, for services to the maritime industry",
					"Janet Ferguson, for services to the community in Dumfries", "Kenneth Baird, for services to Scottish rugby",
					"Mhairi Campbell, for services to Gaelic broadcasting", "Sandy MacLeod, for services to mountain rescue",
					"Elizabeth Munro, for services to the Church of Scotland", "Graham Ure, for services to the fishing industry",
					"Doreen Fyfe, for services to older people in Fife", "Aileen Kerr, for services to nursing in the Highlands", ""}, body)},
	})
}

func TestPageTitle(t *testing.T) {
	runCases(t, PageTitle{}, []ruleCase{
		{name: "title repeated below", text: lines("Leaders agree to resume trade talks | World | News | Example.co.uk", "Home", "Leaders agree to resume trade talks", para),
			lines: []int{1}, fixed: lines("Home", "Leaders agree to resume trade talks", para)},
		{name: "title not repeated: unsafe replacement",
			text: lines("Browns’ defensive snap counts, stats, and notes: Week 11 - Dawgs By Nature | SB Nation", para), lines: []int{1},
			fixed: lines("Browns’ defensive snap counts, stats, and notes: Week 11 - Dawgs By Nature | SB Nation", para)},
		{name: "publication word", text: lines("Leaders agree to resume trade talks - Daily Example", "Leaders agree to resume trade talks", para),
			lines: []int{1}, fixed: lines("Leaders agree to resume trade talks", para)},
		{name: "site name after the title of a whole page", text: lines(append(append([]string{"Wild beat Sabres as Parise scores twice - Twin Cities"}, menu...),
			append(edition, "Wild beat Sabres as Parise scores twice", para, para2)...)...), lines: []int{1}},
		// look-alike legitimate text
		{name: "dash inside a headline", text: lines("Brexit - what happens next for the talks", para)},
		{name: "not the first line", text: lines(para, para2, para, "Some headline here today - Example News")},
		{name: "short head", text: lines("Opinion - Example News", para)},
		// a speaker or an agency after the dash is part of the headline
		{name: "speaker after the headline", text: lines("Pension age rise 'unavoidable' - Minister", "Pension age rise 'unavoidable'", para)},
		{name: "agency after the headline", text: lines("Lopez leads in presidential vote count - Electoral Board", para)},
	})
}

func TestByline(t *testing.T) {
	runCases(t, Byline{}, []ruleCase{
		{name: "by line", text: lines("By Jeff Foust", para), lines: []int{1}, fixed: lines(para)},
		{name: "lower-case by and capitals", text: lines("by Bryan DeArdo", "By SARAH NEEDLEMAN", para), lines: []int{1, 2}},
		{name: "names and agency", text: lines("Meg Kinnard and Errin Haines, Associated Press", para), lines: []int{1}},
		{name: "timestamp before the body", text: lines("Nov. 19, 2019 8:03 am ET", para, para2), lines: []int{1}, fixed: lines(para, para2)},
		{name: "published and updated", text: lines("PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05, Tue, Nov 19, 2019", para), lines: []int{1}},
		{name: "relative time", text: lines("17H ago", para), lines: []int{1}},
		{name: "timestamp inside the body is unsafe", text: lines(para, "September 12, 2018", para2),
			lines: []int{2}, fixed: lines(para, "September 12, 2018", para2)},
		// look-alike legitimate text
		{name: "sentence starting with By", text: lines("By noon the crowd had gone home.", para)},
		{name: "by and lower-case words", text: lines("By the numbers", para)},
		{name: "names and an agency between paragraphs", text: lines(para, "Category: local reporting", "Jonas Berg and Miriam Falk, dpa", para2),
			lines: []int{3}, fixed: lines(para, "Category: local reporting", "Jonas Berg and Miriam Falk, dpa", para2)},
		{name: "a list of winners with their outlets", text: lines(para, "Investigative reporting", "Hannah Dreier, The New York Times",
			"International reporting", "Evgeniy Maloletka and Mstyslav Chernov, Associated Press", "Commentary", "Vladimir Kara-Murza, The Washington Post", para2),
			lines: []int{3, 5, 7}, fixed: lines(para, "Investigative reporting", "Hannah Dreier, The New York Times",
				"International reporting", "Evgeniy Maloletka and Mstyslav Chernov, Associated Press", "Commentary", "Vladimir Kara-Murza, The Washington Post", para2)},
		{name: "the author of a reviewed book", text: lines("A quiet novel about a loud family", "", "The Salt Road", "By Anna Keller",
			"Harbour Press, 320 pages, 18.99 pounds", "", para, para2)},
		{name: "names after a particle are subheadings", text: lines(para, "Von der Leyen", para2, "Di Maio", para, "Por Estado", para2)},
		{name: "a German byline", text: lines("Von Jonas Berg", para, para2), lines: []int{1}, fixed: lines(para, para2)},
		{name: "a byline with an outlet that opens with The", text: lines("By Jane Doe, The Times", para, para2), lines: []int{1}, fixed: lines(para, para2)},
		{name: "a headline above the article's date", text: lines("NASA delays first launch of its new moon rocket", "Nov. 19, 2019 8:03 am ET", para, para2, para),
			lines: []int{2}, fixed: lines("NASA delays first launch of its new moon rocket", para, para2, para)},
		{name: "a byline above a relative time", text: lines("By Jeff Foust", "Updated 10 min ago", para, para2), lines: []int{1, 2}, fixed: lines(para, para2)},
		{name: "a subheading in title case", text: lines(para, "By The Numbers", para2, "BY THE NUMBERS", para)},
		{name: "date inside a sentence", text: lines("The vote is on November 19, 2019 in Geneva.", para)},
		{name: "a year alone is not a timestamp", text: lines(para, "2019", para2)},
		{name: "the date of an event's box", text: lines(para, para2, "Public hearing", "Tuesday, April 8", "9.30 a.m.", "Kelthorpe Memorial Hall, Church Lane"),
			lines: []int{4, 5}, fixed: lines(para, para2, "Public hearing", "Tuesday, April 8", "9.30 a.m.", "Kelthorpe Memorial Hall, Church Lane")},
		{name: "a live report of two entries, the first one too",
			text:  lines("Storm live: thousands without power", "Updated 07:12 GMT", para, "", "Updated 09:30 GMT", para2),
			lines: []int{2, 5}, fixed: lines("Storm live: thousands without power", "Updated 07:12 GMT", para, "", "Updated 09:30 GMT", para2)},
		{name: "a time the text introduces", text: lines(para, para2, "A memorial service will be held at the Abyssinian Baptist Church at:", "Saturday, March 16, 11 a.m."),
			lines: []int{4}, fixed: lines(para, para2, "A memorial service will be held at the Abyssinian Baptist Church at:", "Saturday, March 16, 11 a.m.")},
		{name: "the dates of a timeline, the first one too",
			text: lines("Timeline: the rise and fall of a crypto empire", "", "November 2, 2022", para, "", "November 6, 2022", para2,
				"", "November 11, 2022", para, "", "December 12, 2022", para2),
			lines: []int{3, 6, 9, 12},
			fixed: lines("Timeline: the rise and fall of a crypto empire", "", "November 2, 2022", para, "", "November 6, 2022", para2,
				"", "November 11, 2022", para, "", "December 12, 2022", para2)},
	})
}

func TestCaption(t *testing.T) {
	runCases(t, Caption{}, []ruleCase{
		{name: "photo label", text: lines(para, "Photo: Gene J. Puskar", para2), lines: []int{2}, fixed: lines(para, para2)},
		{name: "image credit in brackets", text: lines(para, "The protests kicked off in June and have strengthened in size (Image: GETTY )", para2), lines: []int{2}},
		{name: "slash credit", text: lines(para, "Sakib Ali/Hindustan Times/Getty Images", para2), lines: []int{2}},
		{name: "credit alone", text: lines(para, "Getty Images", "Hide caption", para2), lines: []int{2, 3}},
		// look-alike legitimate text
		{name: "sentence about a photo", text: lines("The photo was taken in 1972 by a local reporter.", para)},
		{name: "URL with slashes", text: lines(para, "https://example.com/ap", para2)},
		{name: "a label line of a fact box", text: lines(para, "Display: 6.1 inches, 120Hz", "Video: 4K at 60 frames per second", "Storage: 128GB or 256GB", para2),
			lines: []int{3}, fixed: lines(para, "Display: 6.1 inches, 120Hz", "Video: 4K at 60 frames per second", "Storage: 128GB or 256GB", para2)},
		{name: "video label with a sentence", text: lines("Video: the minister explains why the plan was dropped after two years of talks.", para)},
	})
}

func TestTagList(t *testing.T) {
	runCases(t, TagList{}, []ruleCase{
		{name: "tags", text: lines(para, "Tags: Brexit, EU, Theresa May"), lines: []int{2}, fixed: lines(para)},
		{name: "filed under", text: lines(para, "Filed under: Politics | Europe"), lines: []int{2}},
		{name: "german", text: lines(para, "Schlagworte: Bundestag · Wahl"), lines: []int{2}},
		// look-alike legitimate text
		{name: "sentence after the label", text: lines(para, "Topics: the talks covered trade and security with the new government.")},
		{name: "topics between paragraphs keep an unsafe fix", text: lines(para, "Topics: the economy, immigration, foreign policy", para2),
			lines: []int{2}, fixed: lines(para, "Topics: the economy, immigration, foreign policy", para2)},
		{name: "topics the text introduces are only shown", text: lines(para, "The summit at a glance:", "Topics: defence, migration, Ukraine", para2),
			lines: []int{3}, fixed: lines(para, "The summit at a glance:", "Topics: defence, migration, Ukraine", para2)},
		{name: "tags as a word", text: lines(para, "Tags were found on the birds in 2019.")},
		{name: "topics in a fact box are flagged, their fix unsafe",
			text:  lines(para, "Topics: climate finance, carbon markets, adaptation", "Venue: Baku Olympic Stadium", "Dates: Nov. 11-22"),
			lines: []int{2}, fixed: lines(para, "Topics: climate finance, carbon markets, adaptation", "Venue: Baku Olympic Stadium", "Dates: Nov. 11-22")},
	})
}

func TestTableDebris(t *testing.T) {
	runCases(t, TableDebris{}, []ruleCase{
		{name: "cell fragments", text: lines(para, "Player |", "57% |", "35 |"), lines: []int{2, 3, 4}, fixed: lines(para)},
		// look-alike legitimate text
		{name: "markdown table", text: lines("| Player | Snaps |", "|---|---|", "| Smith | 57 |")},
		{name: "sentence ending in a pipe", text: lines(para, "1 tackle (1 combined). |")},
		{name: "long cell", text: lines(para, "The team played its best game of the season |")},
		{name: "a pipe of the shell in an indented code block", text: lines(para, "", "    docker compose logs web |", "      grep -c error", "", para2)},
	})
}

func TestTimestampLine(t *testing.T) {
	for _, s := range []string{"September 12, 2018", "Nov. 19, 2019 8:03 am ET", "November 19, 2019 at 1:56 pm", "Sun Dec 8", "17H ago",
		"12/09/2018", "2 hours ago", "Updated: 10:48, Tue, Nov 19, 2019", "19. November 2019, 10:48 Uhr"} {
		if !timestampLine(s) {
			t.Errorf("%q not read as a timestamp", s)
		}
	}
	for _, s := range []string{"2019", "May the best team win", "The Sun", "On Monday he left", "Section 3", "March for Our Lives 2018 rally", "1 cup flour"} {
		if timestampLine(s) {
			t.Errorf("%q read as a timestamp", s)
		}
	}
	if strings.Contains("x", "y") {
		t.Fatal()
	}
}

func TestTemplateLine(t *testing.T) {
	r := TemplateLine{}
	docs := map[string]string{}
	subheads := []string{"The vote", "What comes next", "Reactions", "Background", "The budget", "Costs"}
	for i := 0; i < 6; i++ {
		docs[fmt.Sprintf("site/a%d.txt", i)] = lines(fmt.Sprintf("Story %d: the council approved the budget on Monday after a debate that lasted %d hours, officials said.", i, i+2),
			"Sign up for our newsletter", subheads[i], fmt.Sprintf("Updated %d hours ago", i+1),
			"Qtr", fmt.Sprintf("Shr %d cts vs 9 cts", 10+i), fmt.Sprintf("Net profit %d.%d mln vs %d.1 mln", i+3, i, i+2),
			"Year", fmt.Sprintf("Shr %d cts vs 38 cts", 40+i))
	}
	docs["other/b.txt"] = lines("Sign up for our newsletter", para)
	stats := corpus.New()
	for p, text := range docs {
		r.Gather(document.New(p, text), r.NewOptions(), stats)
	}
	check := func(path string) []int {
		doc := document.New(path, docs[path])
		var got []int
		for _, d := range engine.Check(doc, active(r), stats) {
			l, _ := doc.Position(d.Start)
			got = append(got, l)
		}
		return got
	}
	// the repeated line; not the subheadings, the prose, lines that differ in their numbers (numbers
	// are content), nor a recurring heading next to data rows ("Year" in an earnings table)
	if got := check("site/a0.txt"); !slices.Equal(got, []int{2}) {
		t.Errorf("site/a0.txt: flagged %v, want [2]", got)
	}
	// in another directory the same line is counted apart
	if got := check("other/b.txt"); len(got) != 0 {
		t.Errorf("other/b.txt: flagged %v", got)
	}
	// without corpus stats the rule is silent
	doc := document.New("site/a0.txt", docs["site/a0.txt"])
	if d := engine.Check(doc, active(r), nil); len(d) != 0 {
		t.Errorf("flagged without corpus: %v", d)
	}
	if lineKey("d", "Updated  3 hours ago") != lineKey("d", "Updated 3 hours ago") || lineKey("d", "Updated 3 hours ago") == lineKey("d", "Updated 7 hours ago") ||
		lineKey("d", "x") == lineKey("e", "x") {
		t.Error("lineKey must fold white space, keep digits and separate directories")
	}
}

// TestTemplateLineSparesWhatStoriesShare: the lines that a site's stories share as text (the
// closing facts of briefs, a column's salutation, a section heading before sentences in an
// article extractor's output, a fixture, a divider of wire copy, the key dates of a trial that
// its follow-up stories repeat) recur as often as its furniture, and stay.
func TestTemplateLineSparesWhatStoriesShare(t *testing.T) {
	r := TemplateLine{}
	teams := []string{"Knicks", "Bulls", "Hawks", "Magic", "Nets"}
	docs := map[string]string{}
	for i := 0; i < 5; i++ {
		docs[fmt.Sprintf("site/brief%d.txt", i)] = lines(fmt.Sprintf("Crash closes Route %d", i+9), "",
			fmt.Sprintf("A car and a truck collided on Route %d near the river bridge on Tuesday morning, closing both lanes for %d hours, police said.", i+9, i+2), "",
			"No one was injured.", "", "Police are investigating.", "", "Share this story")
		docs[fmt.Sprintf("site/column%d.txt", i)] = lines(fmt.Sprintf("Ask Marlene: question %d", i), "", "Dear Marlene,", "",
			fmt.Sprintf("Every August my tomatoes number %d crack open just as they start to ripen, and I water them every single evening.", i), "",
			"Share this story")
		docs[fmt.Sprintf("site/game%d.txt", i)] = lines(fmt.Sprintf("Celtics beat the %s", teams[i]), "",
			fmt.Sprintf("Jayson Tatum scored %d points and the Boston Celtics beat the %s on Wednesday night for their fifth straight win.", 30+i, teams[i]), "",
			"UP NEXT", "", fmt.Sprintf("%s: Host the New York Knicks on Friday night.", teams[i]), "", "Share this story")
		docs[fmt.Sprintf("site/preview%d.txt", i)] = lines(fmt.Sprintf("Millbrook eyes title number %d", i), "",
			fmt.Sprintf("The Millbrook boys basketball team enters the sectional tournament as the No. %d seed after its best season in years.", i+1), "",
			"Friday: Millbrook vs. Hudson Falls", "", "Share this story")
		docs[fmt.Sprintf("site/wire%d.txt", i)] = lines(fmt.Sprintf("Storm cuts power to %d,000 homes", i+3), "",
			fmt.Sprintf("A storm cut power to %d,000 homes across the region on Monday, and crews worked through the night to restore it.", i+3), "",
			"___", "", "Share this story")
	}
	for i := 0; i < 5; i++ {
		docs[fmt.Sprintf("site/trial%d.txt", i)] = lines(fmt.Sprintf("Fraud trial hears from witness %d", i+1), "",
			fmt.Sprintf("A former finance director told the court on day %d of the trial that she had warned the board about the accounts in 2020.", i+3), "",
			"Key dates in the case", "June 2021 - Regulators raid the firm's offices", "March 2022 - Smith is charged",
			"January 2025 - Trial opens at Southwark Crown Court", "", "Share this story")
	}
	stats := corpus.New()
	for p, text := range docs {
		r.Gather(document.New(p, text), r.NewOptions(), stats)
	}
	// the site's furniture goes, and only it
	for p, text := range docs {
		got := engine.Fix(p, text, active(r), false, stats).Text
		if want := strings.TrimSuffix(text, "\n\nShare this story\n") + "\n"; got != want {
			t.Errorf("%s: after fix\n%q\nwant\n%q", p, got, want)
		}
	}
}
