package rules

import "testing"

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
	})
}
