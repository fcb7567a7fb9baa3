package rules

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

func TestVoteWidget(t *testing.T) {
	runCases(t, VoteWidget{}, []ruleCase{
		{name: "veryGood", text: lines(para, "veryGood! (62)"), lines: []int{2}, fixed: lines(para)},
		{name: "reaction buttons", text: lines(para, "Like (12) Dislike (3)"), lines: []int{2}},
		{name: "emoji counter", text: lines(para, "👍 34 👎 2"), lines: []int{2}},
		{name: "counter likes", text: lines(para, "3 likes"), lines: []int{2}},
		{name: "counter views", text: lines("1.2K views", para), lines: []int{1}},
		{name: "rating prompt", text: lines(para, "Rate this article"), lines: []int{2}},
		{name: "helpful prompt", text: lines(para, "Was this helpful? Yes No"), lines: []int{2}},
		{name: "stars", text: lines(para, "★★★★☆"), lines: []int{2}},
		{name: "widget after the last sentence of a line",
			text: lines("Lavrov also told reporters that he supports regular talks. veryGood! (62)"), lines: []int{1},
			fixed: lines("Lavrov also told reporters that he supports regular talks.")},
		// look-alike legitimate text
		{name: "count inside a sentence", text: lines("The video got 1.2K views in an hour, its producer said.")},
		{name: "parenthesised count in a sentence", text: lines("Like (many) others, he left the party in 2019 (3 years ago).")},
		{name: "numbered clause", text: lines(para, "Article 5 (2)")},
		{name: "question in the body", text: lines(para, "Was this the right decision? Many in the party doubt it.")},
		{name: "count at the end of a sentence", text: lines("The vote passed with a clear majority (62).")},
		{name: "comments button", text: lines(para, "Comments (12)"), lines: []int{2}},
		{name: "stars alone are a review's verdict: unsafe", text: lines("The Quiet Harbour, by Ann Lee", "★★★★☆", para, para2),
			lines: []int{2}, fixed: lines("The Quiet Harbour, by Ann Lee", "★★★★☆", para, para2)},
		{name: "stars after a rating prompt", text: lines(para, "Rate this article", "★★★★☆"), lines: []int{2, 3}, fixed: lines(para)},
		// a bare "Label (N)" is a team's score heading a box score, a party's seats, a category's
		// count: a widget only outside the article in a whole-page extraction
		{name: "box score heading", text: lines("Celtics rally past Heat", "", para, "", "MIAMI (104)",
			"Butler 6-14 4-5 17, Adebayo 10-17 4-6 24, Herro 7-18 4-4 19, Rozier 5-12 0-0 12.", "", "BOSTON (112)",
			"Tatum 13-24 8-9 38, Brown 9-18 3-4 22, Porzingis 5-11 2-2 13.", "", para2)},
		{name: "a vote's tally", text: lines(para, "Yes (143)", "No (9)", "Abstentions (25)", para2)},
		{name: "seats won", text: lines(para, "", "Labour (412)", "Conservatives (121)", "Liberal Democrats (72)", "", para2)},
		{name: "archive counts outside a page's article", text: pageDump(lines("Novembro (113)", "Outubro (217)", "Setembro (193)")),
			lines: []int{22, 23, 24}},
	})
	// stars alone outside a whole page are a guess: info
	diags := engine.Check(document.New("t.txt", lines("The Quiet Harbour, by Ann Lee", "★★★★☆", para, para2)), active(VoteWidget{}), nil)
	if len(diags) != 1 || diags[0].Severity != lint.Info {
		t.Errorf("stars alone: %+v", diags)
	}
}

// TestTallyLookIsBounded: inTally looks at most maxTally lines away, so that a page of
// thousands of buttons is read in linear time (it looked through the whole run from each line).
func TestTallyLookIsBounded(t *testing.T) {
	buttons := strings.Repeat("Like (3)\n", maxTally+1)
	near := document.New("t.txt", "Abstentions (25)\n"+buttons)
	if !inTally(near, 1) || !inTally(near, maxTally) {
		t.Error("a count with another label within reach is not a tally")
	}
	if inTally(near, maxTally+1) {
		t.Errorf("line %d looked further than %d lines", maxTally+1, maxTally)
	}
}

// pageDump is a whole-page extraction: twelve menu lines, a headline, three paragraphs, then tail.
func pageDump(tail string) string {
	return lines("Home", "News", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture",
		"Opinion", "Video", "", "Talks in Geneva make progress", "", para, "", para2, "", para) + "\n" + tail
}
