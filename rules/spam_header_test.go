package rules

import "testing"

const body = "MOSCOW (AP) — Russia’s top diplomat shrugged off U.S. claims that North Korea transferred munitions to Russia, saying Washington failed to prove it."

func TestSpamHeader(t *testing.T) {
	runCases(t, SpamHeader{}, []ruleCase{
		{name: "seed header: breadcrumb repeating the title, brand and date lines",
			text: lines("Current:Home > StocksRussian foreign minister dismisses US claims as rumors -TradeWisdom",
				"Russian foreign minister dismisses US claims as rumors", "Fastexy Exchange View", "Date:2025-04-09 06:31:27", body),
			lines: []int{1, 3, 4},
			fixed: lines("Russian foreign minister dismisses US claims as rumors", body)},
		{name: "glued site name without space and view date",
			text: lines("Current:Home > ScamsRussia’s foreign minister offers security talks as he visits Pyongyang-LoTradeCoin",
				"Russia’s foreign minister offers security talks as he visits Pyongyang", "View Date:2024-12-23 19:59:33", body),
			lines: []int{1, 3},
			fixed: lines("Russia’s foreign minister offers security talks as he visits Pyongyang", body)},
		{name: "breadcrumb whose title is not repeated becomes the title",
			text:  lines("Current:Home > StocksMarkets rally as inflation cools -TradeWisdom", "View", "Date:2025-04-09 06:31:27", body),
			lines: []int{1, 2, 3},
			fixed: lines("Markets rally as inflation cools", body)},
		{name: "plain breadcrumb",
			text:  lines("Home » News » World", body),
			lines: []int{1},
			fixed: lines(body)},
		{name: "hyphenated last word of a title is not a site name",
			text:  lines("Current:Home > WorldTalks with Kim Jong-Un end without a deal", body),
			lines: []int{1},
			fixed: lines("Talks with Kim Jong-Un end without a deal", body)},
		// look-alike legitimate text
		{name: "story starting with Home",
			text: lines("Home prices rose again in March > analysts expected a fall", body)},
		{name: "lone View without a breadcrumb or metadata",
			text: lines("View", "Fastexy Exchange View", body)},
		{name: "date line inside the body",
			text: lines(body, "Date:2025-04-09 06:31:27", body)},
		{name: "date key with a non-date value",
			text: lines("Date: Tuesday night", body)},
	})
}
