package rules

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
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

func TestWrappedParagraphs(t *testing.T) {
	text := "ACME SAYS PROFIT ROSE\n" +
		"CHICAGO, March 3 - Acme Industries Inc said fourth-quarter profit rose\n" +
		"on stronger demand for its industrial pumps and lower interest costs\n" +
		"in the United States and Europe, and it expects further gains in\n" +
		"1986.\n" +
		"\n" +
		"The company said it would pay a dividend of 32 cts a share on April\n" +
		"15 to holders of record March 31, and would buy back two mln shares\n" +
		"over the next year to pay for its expansion in Asia, according to\n" +
		"Reuters.\n"
	l := computeLayout(document.New("w.txt", text))
	if l.Width < 60 || l.Width > 72 {
		t.Fatalf("wrap width %d, want about 70", l.Width)
	}
	for _, c := range []struct{ line, first, last int }{{1, 1, 4}, {4, 1, 4}, {9, 6, 9}, {0, 0, 0}} {
		if l.ParaFirst[c.line] != c.first || l.ParaLast[c.line] != c.last || !l.Prose[c.line] && c.line != 0 {
			t.Errorf("line %d: paragraph %d..%d prose %v, want %d..%d and prose", c.line+1, l.ParaFirst[c.line], l.ParaLast[c.line], l.Prose[c.line], c.first+1, c.last+1)
		}
	}
	// one paragraph per line is not wrapped
	if w := computeLayout(document.New("p.txt", lines(para, para2, para, para2, para, para2, para))).Width; w != 0 {
		t.Errorf("unwrapped paragraphs given wrap width %d", w)
	}
}

func TestDataBlocks(t *testing.T) {
	text := lines(para, "Year", "Shr 1.52 dlrs vs 1.21 dlrs", "Net 45.8 mln vs 36.1 mln", "Nine mths", "Revs 801.3 mln vs 722.9 mln",
		para2, "Hot 100", "Billboard 200", "Artist 100", "Politics (45)", "March (192)", para,
		"Saturday, March 14", "Arsenal v Everton", "Chelsea v Leeds United")
	l := computeLayout(document.New("d.txt", text))
	want := map[int]bool{1: true, 2: true, 3: true, 4: true, 5: true, 13: true, 14: true, 15: true}
	for i := range l.Data {
		if l.Data[i] != want[i] {
			t.Errorf("line %d (%q): data %v, want %v", i+1, document.New("d.txt", text).Text(i), l.Data[i], want[i])
		}
	}
}

func TestTimestampsAreDatesOrTimes(t *testing.T) {
	for s, want := range map[string]bool{
		"Nov. 19, 2019 8:03 am ET": true, "2019-11-19": true, "19.11.2019": true, "10:48": true, "17H ago": true,
		"Sun Nov 24": true, "1986.": false, "1986/87 1985/86": false, "02-751-1500": false, "2019": false, "November 7.": true,
	} {
		if got := timestampLine(s); got != want {
			t.Errorf("timestampLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFooterDump: a body followed by a long footer of short lines is a footer dump; the same
// footer with the article going on in paragraphs after it (a series of profiles, each a few
// short lines and an answer in several paragraphs) is not.
func TestFooterDump(t *testing.T) {
	body := para + "\n" + para2 + "\n" + para + "\n"
	var footer string
	for i := 0; i < 30; i++ {
		footer += "Section link\n"
	}
	if l := computeLayout(document.New("t.txt", body+footer)); !l.FooterDump() || l.PageDump() {
		t.Errorf("body and footer: FooterDump %v, PageDump %v, want true, false (tail %d)", l.FooterDump(), l.PageDump(), l.Tail)
	}
	// a long footer may hold a few long summaries: one paragraph for every ten lines is allowed
	long := footer + footer + para + "\n" + para2 + "\n" + para + "\n"
	if l := computeLayout(document.New("t.txt", body+long)); !l.FooterDump() || l.ParasAfter != 3 {
		t.Errorf("long footer with three paragraphs: FooterDump %v (tail %d, %d paragraphs after), want true", l.FooterDump(), l.Tail, l.ParasAfter)
	}
	profiles := ""
	for i := 0; i < 6; i++ {
		profiles += "Anna Keller\nPhoto:\nprivate archive\nAccount: @annakeller\nVote for Anna on the last page\n" +
			"Her recipe for a quick supper\nWhat made you start?\n" + para2 + "\n" + para + "\n"
	}
	if l := computeLayout(document.New("t.txt", body+footer+profiles)); l.FooterDump() || l.BodyLast != 2 || l.ParasAfter != 12 {
		t.Errorf("paragraphs after the body: FooterDump %v, body ends on line %d, %d paragraphs after, want false, 2, 12", l.FooterDump(), l.BodyLast, l.ParasAfter)
	}
}

// TestWrapWidthAmongHeadlines: a whole page hard-wrapped at 72 columns whose many stand-alone
// headlines happen to be long: the headlines (a blank line after each) say nothing about how
// paragraphs go on, and the wrap is still found.
func TestWrapWidthAmongHeadlines(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 20; i++ {
		b.WriteString("Regional council approves new budget for schools and clinics in the north\n\n")
	}
	b.WriteString("The regional parliament approved the budget on Thursday by a narrow\n" +
		"margin after a long debate that ran late into the night, with several\n" +
		"amendments rejected by the governing coalition.\n\n" +
		"Opposition members said the plan cut too deeply into spending on rural\n" +
		"schools and clinics, and promised to campaign against it before the\n" +
		"elections in the spring.\n\n" +
		"The finance minister said the cuts were needed to keep the deficit within\n" +
		"the limits agreed with lenders, and that spending would rise again once\n" +
		"growth returned.\n")
	if l := computeLayout(document.New("t.txt", b.String())); l.Width < 68 || l.Width > 74 {
		t.Errorf("wrap width %d, want about 72", l.Width)
	}
}

// TestBodyNotOneGiantLine: a page's metadata may hold the whole article on one line; the
// article's paragraphs, not that line, are the body.
func TestBodyNotOneGiantLine(t *testing.T) {
	var b strings.Builder
	for i := 0; i < 6; i++ {
		b.WriteString(para + "\n" + para2 + "\n")
	}
	b.WriteString("Share\nFacebook\nTwitter\nEmail\nPrint\nMore\n")
	b.WriteString(strings.Repeat(para+" ", 30) + "\n")
	b.WriteString("Home\nNews\n")
	l := computeLayout(document.New("t.txt", b.String()))
	if l.BodyFirst != 0 || l.BodyLast != 11 {
		t.Errorf("body %d..%d, want 0..11 (the paragraphs)", l.BodyFirst, l.BodyLast)
	}
}

// TestCookieBannerIsNotTheBody: a consent box's long sentences read like prose, but they are
// the site's: the article's paragraphs are the body.
func TestCookieBannerIsNotTheBody(t *testing.T) {
	text := lines(para, para2, para,
		"Share", "Facebook", "Twitter", "Email", "Print", "More",
		"This website uses cookies to improve your experience while you navigate through the website, and to show you advertising that fits your interests across the many sites and apps of our partners.",
		"We use cookies and other tracking technologies to improve your browsing experience on our site, show personalized content and targeted ads, analyze site traffic, and understand where our audience is coming from.",
		"This website uses cookies to improve your experience. By continuing to browse, you agree to our use of cookies, which you can change at any time in the settings of your browser or on this page.",
		"Necessary cookies are absolutely essential for the website to function properly, and this category only includes cookies that ensure basic functionalities and security features of the website.")
	l := computeLayout(document.New("t.txt", text))
	if l.BodyFirst != 0 || l.BodyLast != 2 {
		t.Errorf("body %d..%d, want 0..2 (the article)", l.BodyFirst, l.BodyLast)
	}
}

func TestDatedRow(t *testing.T) {
	for s, want := range map[string]bool{
		"June 9 – West Palm Beach, FL @ Coral Sky Amphitheatre": true,
		"12 March: first reading in the upper house":            true,
		"Oct. 3 | Phoenix, Ak-Chin Pavilion":                    true,
		"9. Juni – Konzerthaus Berlin":                          true,
		"November 2019":                                         false, // an archive link
		"March 3 was the day the talks began":                   false, // a sentence
		"Nov 18 52 photos":                                      false,
	} {
		if got := datedRow(s); got != want {
			t.Errorf("datedRow(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestTeaserClusterIsNotTheBody: a list of other stories (headline, author, date and a summary
// of a few sentences, again and again) can hold more text than a short article; its paragraphs
// all stand apart, and the article, whose paragraphs stand together, is the body.
func TestTeaserClusterIsNotTheBody(t *testing.T) {
	var ls []string
	ls = append(ls, para, para2, para, "Share", "Facebook", "Twitter", "Email", "Print", "More", "Opinion")
	for i := 0; i < 6; i++ {
		ls = append(ls, "Ministers clash over the future of rural rail lines", "Anna Keller", "Tuesday November 19, 2026",
			"The transport committee heard on Tuesday that three branch lines could close within five years unless the regions paid more of their costs, and members of both parties said the plan would cut off whole valleys.")
	}
	l := computeLayout(document.New("t.txt", lines(ls...)))
	if l.BodyFirst != 0 || l.BodyLast != 2 {
		t.Errorf("body %d..%d, want 0..2 (the article)", l.BodyFirst, l.BodyLast)
	}
	// with no other cluster, a teaser-shaped text is the body all the same
	l = computeLayout(document.New("t.txt", lines(ls[10:]...)))
	if l.BodyFirst < 0 {
		t.Error("a text of teaser shape alone has no body")
	}
}

// TestLayoutOfReusedArrays: a layout computed in the arrays of a released document's layout is
// the layout computed afresh, whatever the sizes of the documents before it.
func TestLayoutOfReusedArrays(t *testing.T) {
	names, _ := filepath.Glob("../testdata/eval/dev/*/*.txt")
	if len(names) < 20 {
		t.Fatalf("%d texts", len(names))
	}
	names = names[:40]
	texts := []string{"", "one line", strings.Repeat("A short line\n", 200)}
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		texts = append(texts, string(b))
	}
	var fresh []*Layout
	for _, text := range texts {
		fresh = append(fresh, computeLayout(document.New("a.txt", text))) // never released
	}
	for round := range 2 {
		for i, text := range texts {
			d := document.New("a.txt", text)
			if got := computeLayout(d); !reflect.DeepEqual(got, fresh[i]) {
				t.Fatalf("round %d, text %d (%d bytes): the layout differs from one computed afresh", round, i, len(text))
			}
			d.Release()
		}
	}
}
