package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

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

// TestLowerHeadDecidesPrefixes: lowering only the head of a line tells whether the lowered line
// begins with a prefix as lowering all of it does, with runes whose lower case is longer (İ) or
// shorter (the Kelvin sign), invalid bytes and a cut inside a rune.
func TestLowerHeadDecidesPrefixes(t *testing.T) {
	alphabet := []string{"a", "B", "İ", "K", "\u212a", "ẞ", "Σ", "\xff", "\xe2\x82", "当", "：", " ", ":",
		"Ω", "ǅ", "h", "O", "M", "E", "x", "C", "u", "r", "e", "n", "t"}
	prefixes := append(slices.Clone(breadcrumbPrefixes), "home", "i̇", "k", "kk", "kkh", "ss")
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(30); n > 0; n-- {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		for _, p := range prefixes {
			if want := strings.HasPrefix(strings.ToLower(s), p); strings.HasPrefix(lowerHead(s, len(p)), p) != want {
				t.Fatalf("lowerHead(%q, %d) begins with %q: %v, want %v", s, len(p), p, !want, want)
			}
		}
	}
	for _, s := range []string{"CURRENT POSITION: Home > News", "Current:Home", "当前位置：首页", "HOME » News"} {
		if got := lowerHead(s, maxBreadcrumbPrefix); !strings.HasPrefix(strings.ToLower(s), got) {
			t.Errorf("lowerHead(%q) = %q, not the head of its lower case", s, got)
		}
	}
}
