package rules

import (
	"fmt"
	"hash/fnv"
	"math/rand"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/internal/testtext"
)

// The tests of this file compare the faster forms of a few hot functions with the plain forms
// they replace, on lines chosen to reach their corner cases.

// foldCases are lines and prefixes with the corner cases of case folding: ASCII capitals,
// non-letters that differ in bit 0x20, the Kelvin sign and the long s (which fold to ASCII
// letters), accented and Cyrillic letters, and cut or invalid UTF-8.
var foldCases = []string{
	"", "p", "P", "photo:", "PHOTO: AP", "Photo by Jane Doe", "photos:x", "Photograph: x", "phOTO credit: x",
	"(Photo: Getty)", "(PHOTO:", "\x08photo:", "[photo:", "{photo:", "@photo", "`photo",
	"Image caption The view", "image:", "IMAGE COPYRIGHT", "Bildquelle: dpa", "Crédit photo : AFP", "CRÉDIT PHOTO x",
	"Фото: ТАСС", "ФОТО ТАСС", "фото ", "\u212aredit: x", "Credit: x", "ſtarring x", "Starring x", "starring ",
	"Video: watch", "WATCH: the clip", "Gallery: ten", "gallery:", "Foto: dpa", "fotos: x", "By Jane Doe",
	"\xffphoto", "photo\xff", "cr\xc3", "cr\xc3\xa9dit photo", "K", "k", "\u212a", "s", "S", "\u017f",
	"caption:", "Caption: x", "main image credit: x", "MAIN IMAGE CREDIT:", "picture by x", "Pictures: x",
}

func TestHasPrefixFoldIsEqualFoldOfThePrefix(t *testing.T) {
	for _, s := range foldCases {
		for _, p := range foldCases {
			want := len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
			if got := hasPrefixFold(s, p); got != want {
				t.Errorf("hasPrefixFold(%q, %q) = %v, strings.EqualFold says %v", s, p, got, want)
			}
		}
	}
	// every pair of bytes, ASCII or not, against every single byte prefix and a longer one
	for a := range 256 {
		for b := range 256 {
			s := string([]byte{byte(a), byte(b)})
			for _, p := range []string{s[:1], "a", "A", "z", "@", "`", "[", "{", "\x80", "ab", "Ab", "é"} {
				want := len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
				if got := hasPrefixFold(s, p); got != want {
					t.Fatalf("hasPrefixFold(%q, %q) = %v, strings.EqualFold says %v", s, p, got, want)
				}
			}
		}
	}
}

// captionPrefixLoop is the plain form of captionKind's prefix test: every prefix in order, the
// first whose first byte may match and that t starts with (and runs past) decides.
func captionPrefixLoop(f *document.Features) (string, bool) {
	t := f.Trim
	c0 := t[0] | 0x20
	for _, pre := range captionPrefixes {
		if pre[0] != c0 && pre[0] < 0x80 {
			continue
		}
		if len(t) >= len(pre) && strings.EqualFold(t[:len(pre)], pre) && len(t) > len(pre) {
			if pre == "video:" || pre == "watch:" || pre == "gallery:" {
				if f.Words > 15 || f.EndsSentence() {
					return "", true
				}
			}
			return "caption", true
		}
	}
	return "", false
}

func TestCaptionPrefixesAreFoundAsByTheLoop(t *testing.T) {
	// captionKind takes the first prefix that matches as the only one: none may start another
	for i, a := range captionPrefixes {
		for j, b := range captionPrefixes {
			if i != j && hasPrefixFold(a, b) {
				t.Errorf("caption prefix %q starts with %q", a, b)
			}
		}
	}
	lines := append([]string{}, foldCases...)
	for _, pre := range captionPrefixes {
		lines = append(lines, pre, pre+"x", strings.ToUpper(pre)+" Jane Doe", pre+" the launch of the rocket went well on the day.",
			pre+" one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen")
	}
	for _, line := range lines {
		f := document.Measure(line)
		if f.Blank() {
			continue
		}
		want, decided := captionPrefixLoop(&f)
		got := captionKind(&f, 0)
		if decided && got != want || !decided && got == "caption" {
			t.Errorf("captionKind(%q) = %q, the loop over the prefixes says %q (decided %v)", line, got, want, decided)
		}
	}
}

// plainLineKey is lineKey spelled out: FNV-1a of the directory, a zero byte and the line with
// each run of blanks before a character as one space (trailing blanks dropped).
func plainLineKey(dir, line string) uint64 {
	folded := strings.TrimSuffix(regexp.MustCompile(`[ \t\r]+`).ReplaceAllString(line, " "), " ")
	h := fnv.New64a()
	h.Write([]byte(dir + "\x00" + folded))
	return h.Sum64()
}

func TestLineKeyIsFNVOfTheFoldedLine(t *testing.T) {
	for _, dir := range []string{"", "wire", "site/news", "records of example.com"} {
		for _, line := range []string{"", " ", "Sign up", "Sign  up", " Sign\tup ", "Sign \t\r up\r", "Über uns", "3 hours ago", "\r\n", "a\nb"} {
			if got, want := lineKey(dir, line), plainLineKey(dir, line); got != want {
				t.Errorf("lineKey(%q, %q) = %x, want %x", dir, line, got, want)
			}
			if got, want := lineKeyIn(dirKey(dir), line), plainLineKey(dir, line); got != want {
				t.Errorf("lineKeyIn(dirKey(%q), %q) = %x, want %x", dir, line, got, want)
			}
		}
	}
}

// TestQuoteIsStrconvQuote compares quote and appendQuote with strconv on the lines of testdata
// and on random strings of printable and unprintable ASCII, quotes, backslashes, runes beyond
// ASCII that strconv prints or escapes (spaces beyond ASCII, format characters) and invalid UTF-8.
func TestQuoteIsStrconvQuote(t *testing.T) {
	texts := testtext.Texts(t, "../testdata")
	var lines []string
	for _, text := range texts {
		lines = append(lines, strings.Split(text, "\n")...)
	}
	parts := []string{"a", "Z", " ", "~", "\"", "\\", "'", "\t", "\x00", "\x1f", "\x7f", "é", "—", "“", "”", "…", "₩",
		"Ж", "中", "😀", "\u00a0", "\u2002", "\u3000", "\u200b", "\u2028", "\ufeff", "\u00ad", "\ufffd", "\xff", "\xc3", "\xe2\x80",
		"\xed\xa0\x80", "\U0010ffff"}
	lines = append(lines, testtext.Mixes(rand.New(rand.NewSource(3)), parts, 50000, 11)...)
	for _, s := range lines {
		want := strconv.Quote(s)
		if got := quote(s); got != want {
			t.Fatalf("quote(%q) = %s, want %s", s, got, want)
		}
		if got := string(appendQuote([]byte("x"), s)); got != "x"+want {
			t.Fatalf("appendQuote(x, %q) = %s, want x%s", s, got, want)
		}
	}
}

func TestQuotedMessagesAreSprintfQ(t *testing.T) {
	// messages quote with strconv.Quote, which is what %q prints for a string
	for _, s := range append(foldCases, "tab\there", "quote \" and \\", "\u2028", "emoji 😀", "bell \a") {
		if got, want := "line "+strconv.Quote(s), fmt.Sprintf("line %q", s); got != want {
			t.Errorf("strconv.Quote(%q) = %s, Sprintf %%q gives %s", s, got, want)
		}
	}
}

// plainGlueAffix is glueAffix as map look-ups of every suffix and prefix of two to five letters.
func plainGlueAffix(w string) bool {
	for n := 2; n <= 5 && n < len(w); n++ {
		if gluedRight[w[len(w)-n:]] || gluedLeft[w[:n]] {
			return true
		}
	}
	return false
}

// plainSplitGlued is splitGlued with the map look-ups alone.
func plainSplitGlued(w string) (string, string, bool) {
	var left, right string
	n := 0
	for i := 2; i <= len(w)-2; i++ {
		a, b := w[:i], w[i:]
		ok := gluedRight[b] && len(a) >= 4 || gluedLeft[a] && len(b) >= 4
		if !ok || !isCommonWord(a) || !isCommonWord(b) {
			continue
		}
		if b == "in" && isWord(w+"g") {
			continue
		}
		n++
		left, right = a, b
	}
	return left, right, n == 1
}

func TestGlueAffixAndSplitAreThePlainLookUps(t *testing.T) {
	var words []string
	for _, g := range append(byLength(gluedRight), byLength(gluedLeft)...) {
		for _, x := range []string{"", "a", "xy", "tho", "house", "statedthat", "zz", g} {
			words = append(words, x+g, g+x, x+g+x)
		}
	}
	words = append(words, "accordingto", "saidthe", "ofthe", "thecity", "whoopin", "within", "another", "thesis", "zzzzz", "abcde")
	// random words, most of which start and end with pairs that no function word has
	rng := rand.New(rand.NewSource(7))
	for range 50000 {
		b := make([]byte, 5+rng.Intn(10))
		for i := range b {
			b[i] = "etaoinshrdlucmfwypvbgkjqxz"[rng.Intn(10+rng.Intn(17))]
		}
		words = append(words, string(b))
	}
	for _, w := range words {
		if len(w) < 5 {
			continue
		}
		if got, want := glueAffix(w), plainGlueAffix(w); got != want {
			t.Errorf("glueAffix(%q) = %v, want %v", w, got, want)
		}
		a, b, ok := splitGlued(w)
		wa, wb, wok := plainSplitGlued(w)
		if a != wa || b != wb || ok != wok {
			t.Errorf("splitGlued(%q) = %q %q %v, want %q %q %v", w, a, b, ok, wa, wb, wok)
		}
	}
}

func TestPrefixSetsFindWhatTheLinearScanFinds(t *testing.T) {
	lists := [][]string{captionPrefixes, bylinePrefixes, widgetPhrases, promptOpeners, furniturePrefixes,
		{"", "x"}, {"\u212aelvin", "kilo", "\u017fs", "ss", "k\u212a", "s\u017f", "“q", "\xffbad", "Фото", "é", "\ufffdx", "\xc3x", "Ǆa", "ǅa", "ilo"}}
	var texts []string
	for _, l := range lists {
		for _, ph := range l {
			texts = append(texts, ph, strings.ToUpper(ph)+" x", strings.ToLower(ph), ph[:len(ph)/2])
		}
	}
	texts = append(texts, foldCases...)
	texts = append(texts, "\ufffdx", "\xffx", "\xc3x", "\xc3", "ǆa", "Ǆa", "ǅA", "\u212ak x", "\u017fs x", "\u212aILO", "\u017f\u017f", "SS", "фото: x", "\xff", "\xffbad x", "É", "é", "İLO x", "İ")
	// ASCII openings cut short or followed by letters beyond ASCII, whose lower case may be
	// longer (İ) or shorter than the letter, and invalid bytes (folded to U+FFFD)
	for _, ph := range widgetPhrases {
		for _, cut := range []int{1, len(ph) / 2, len(ph) - 1, len(ph)} {
			for _, tail := range []string{"", "İ", "\u212a", "ÉTÉ", "\xff", " x"} {
				texts = append(texts, strings.ToUpper(ph[:cut])+tail, ph[:cut]+tail, "Deixe Um Coment"+tail)
			}
		}
	}
	for _, l := range lists {
		ps := newPrefixSet(l)
		for _, s := range texts {
			folded := 0
			if got, want := ps.firstLower(s, func(t string) string { folded++; return strings.ToLower(t) }), ps.first(strings.ToLower(s)); got != want {
				t.Errorf("firstLower(%q) = %d, want %d", s, got, want)
			}
			if folded > 1 || folded == 1 && s != "" && utf8.ValidString(s) && len(s) == utf8.RuneCountInString(s) {
				t.Errorf("firstLower(%q) folded the text %d times", s, folded)
			}
			want, wantFold := -1, -1
			for i, ph := range l {
				if want < 0 && strings.HasPrefix(s, ph) {
					want = i
				}
				if wantFold < 0 && len(s) >= len(ph) && strings.EqualFold(s[:len(ph)], ph) {
					wantFold = i
				}
			}
			if got := ps.first(s); got != want {
				t.Errorf("first(%q) = %d, want %d", s, got, want)
			}
			if got := ps.firstFold(s); got != wantFold {
				t.Errorf("firstFold(%q) = %d, want %d", s, got, wantFold)
			}
		}
	}
}

func TestSpaceLeadStartsEveryNonASCIISpace(t *testing.T) {
	var lead [256]bool
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if unicode.IsSpace(r) {
			lead[utf8.AppendRune(nil, r)[0]] = true
		}
	}
	if lead != spaceLead {
		t.Errorf("spaceLead is not the set of first bytes of non-ASCII white space")
	}
}

// plainSingleSpaced decodes every non-ASCII byte, as singleSpaced did before spaceLead.
func plainSingleSpaced(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return false
			}
			continue
		}
		switch s[i] {
		case '\t', '\r', '\n', '\v', '\f':
			return false
		case ' ':
			if i > 0 && s[i-1] == ' ' {
				return false
			}
		}
	}
	return true
}

func TestSingleSpacedDecodesWhatMatters(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "a  b", "a b", " a", "a\u00a0b", "a\u0085b", "a\u2009b", "a\u3000b", "a\u1680b", "a\u202fb",
		"a\u2060b", "日本 語", "\xc2", "\xe2\x80", "\xe2\x80\x8b", "Über uns", "\u00a0", "x\vy", "x\fy", "tab\t")
	for b := range 256 {
		cases = append(cases, string([]byte{'a', byte(b), 'b'}), string([]byte{byte(b), 0xa0}), string([]byte{0xe2, 0x80, byte(b)}))
	}
	for _, s := range cases {
		if got, want := singleSpaced(s), plainSingleSpaced(s); got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestSingleSpacedLongLines: the eight-byte steps find what the byte loop finds, with the
// space, control byte or non-ASCII letter at every offset of longer lines, across the steps'
// boundaries.
func TestSingleSpacedLongLines(t *testing.T) {
	inserts := []string{"  ", " ", "\t", "\n", "\x01", "\x1f", "\u00a0", "é", " \u00a0", "\u2009", "\u3000", "\x7f", "~"}
	base := "Headline words on a line of text, read here"
	r := rand.New(rand.NewSource(11))
	falses := 0
	for k := range 20000 {
		s := base[:r.Intn(len(base)+1)]
		for range 1 + k%3 {
			at := r.Intn(len(s) + 1)
			s = s[:at] + inserts[r.Intn(len(inserts))] + s[at:]
		}
		got, want := singleSpaced(s), plainSingleSpaced(s)
		if got != want {
			t.Fatalf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
		if !want {
			falses++
		}
	}
	if falses < 5000 {
		t.Errorf("only %d lines not single-spaced: the test reads little", falses)
	}
}

func TestTrimDecorationIsTrimFunc(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "", ":", " : ", "» Home «", "-- Sport --", "[Video]", "•", "• News •", "\u00a0News\u00a0", "→ More",
		"Tags:", "：标签：", "(1)", "x\xff", "\xffx", "\xff", "·", "—", "a—", "—a", "\u3000x\u3000", "\t#tag\n")
	for b := range 256 {
		cases = append(cases, string([]byte{byte(b)}), string([]byte{byte(b), 'x', byte(b)}), string([]byte{':', byte(b)}))
	}
	for _, s := range cases {
		if got, want := trimDecoration(s), strings.TrimFunc(s, isDecoration); got != want {
			t.Errorf("trimDecoration(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestNextFieldSplitsAsStringsFields(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "", " ", "a", " a ", "a b", "a  b\tc\n", "Net profit 4.1 mln vs 3.7 mln", "VIP\u00a0: 60,000",
		"a\u0085b", "a\u2003b\u3000c", "\u3000", "\xc2", "\xc2\xa0", "x\xe2\x80", "\xe2\x80\x83x", "\xd0\xc2\xa0y", "日本 語 ",
		"\xff \xfe", "a\u200bb", "\u1680a\u1680")
	for b := range 256 {
		cases = append(cases, string([]byte{'a', byte(b), 'b'}), string([]byte{byte(b), ' ', 0xc2, 0xa0, byte(b)}),
			string([]byte{0xe2, byte(b), 0x80, ' ', 'x'}))
	}
	for _, s := range cases {
		var got []string
		for i := 0; ; {
			start, end := nextField(s, i)
			if start == end {
				if start != len(s) {
					t.Errorf("nextField(%q, %d) ends at %d, not at the end", s, i, start)
				}
				break
			}
			got = append(got, s[start:end])
			i = end
		}
		if want := strings.Fields(s); !slices.Equal(got, want) {
			t.Errorf("fields of %q = %q, strings.Fields gives %q", s, got, want)
		}
		var dst [3]string
		n := fieldsInto(s, dst[:])
		want := strings.Fields(s)
		if n != min(len(want), len(dst)+1) {
			t.Errorf("fieldsInto(%q) = %d, want %d", s, n, min(len(want), len(dst)+1))
		}
		for k := 0; k < min(n, len(dst)); k++ {
			if dst[k] != want[k] {
				t.Errorf("fieldsInto(%q)[%d] = %q, want %q", s, k, dst[k], want[k])
			}
		}
	}
}

// plainTimestampLine is timestampLine as it read all the words before judging any.
func plainTimestampLine(s string) bool {
	if len(s) > 120 || len(s) < 4 || !hasDigit(s) {
		return false
	}
	words := strings.FieldsFunc(strings.ToLower(s), timestampSep)
	if len(words) == 0 || len(words) > 16 {
		return false
	}
	digits, marks, strong := 0, 0, false
	for _, w := range words {
		w = strings.Trim(w, ".:;")
		if w == "" || w == "-" || w == "/" {
			continue
		}
		if hasDigit(w) {
			k := dateNumber(w)
			if k == notDate {
				return false
			}
			digits++
			strong = strong || k == wholeDate
			continue
		}
		if !dateWords[w] {
			return false
		}
		switch w {
		case "at", "on", "de", "du", "le", "el", "um", "às", "alle", "om", "à", "a", "la", "of", "the", "last", "stand":
		default:
			marks++
		}
	}
	return digits > 0 && (marks > 0 || strong)
}

func TestTimestampLineReadsWordsAsTheyEnd(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "Nov. 19, 2019 8:03 AM ET", "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:02", "17H ago",
		"2019-11-19", "Updated 3 hours ago", "3 hours ago", "on 12 March", "the 12", "last 12", "at 10:30", "12 - 13",
		"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17", "MÄRZ 12, 2020",
		"12 März 2020 um 14:00 Uhr", "Publié le 3 février 2021 à 10h", "  (12)  ", "12 \xff 2020", "Sept. 3 — 2019 (UTC)",
		"Net profit 4.1 mln vs 3.7 mln", "Arsenal 2 Chelsea 1", "1986.", ":: 12 ::", "- 2020 -", "/ 5 /", "2020", "12:00",
		"Monday 12:00", "12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 12 May", "May 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",
		"١٢ مارس ٢٠٢٠", "１２:００ Uhr", "Mai ٣", "Updated", "March", "x 12")
	for _, s := range cases {
		if got, want := timestampLine(s), plainTimestampLine(s); got != want {
			t.Errorf("timestampLine(%q) = %v, the plain reading says %v", s, got, want)
		}
		f := document.Measure(s)
		if got, want := timestampLineIn(&f, f.Trim), plainTimestampLine(f.Trim); got != want {
			t.Errorf("timestampLineIn(%q) = %v, the plain reading says %v", s, got, want)
		}
	}
}

// plainRuns is runs with an array of its own for each run.
func plainRuns(d *document.Document, lay *Layout, in, owned func(int) bool, minRun int) [][]int {
	var out [][]int
	var cur []int
	prev := -1
	lastNonBlank := -1
	flush := func() {
		if len(cur) >= minRun && !listOfText(d, lay, prev, cur) && !(prev >= 0 && owned(prev)) {
			out = append(out, cur)
			cur = nil
			return
		}
		cur = nil
	}
	for i := 0; i < d.NumLines(); i++ {
		if d.Feat(i).Blank() {
			continue
		}
		if in(i) {
			if len(cur) == 0 {
				prev = lastNonBlank
			}
			cur = append(cur, i)
		} else {
			flush()
		}
		lastNonBlank = i
	}
	flush()
	return out
}

func TestRunsShareOneArrayAsIfEachHadItsOwn(t *testing.T) {
	var b strings.Builder
	lines := []string{"Home", "News", "Sport", "", "Weather", "Contents:", "1. One", "2. Two", "3. Three", "Politics",
		"The minister said on Friday that the talks would resume next month after a long pause.", "World", "Business"}
	for k := 0; k < 40; k++ {
		b.WriteString(lines[(k*7)%len(lines)] + "\n")
	}
	d := document.New("x.txt", b.String())
	lay := computeLayout(d)
	for seed := uint32(1); seed < 200; seed++ {
		in := func(i int) bool { return (uint32(i)*2654435761^seed)%7 < 5 }
		owned := func(i int) bool { return (uint32(i)*40503+seed)%11 == 0 }
		for minRun := 1; minRun <= 4; minRun++ {
			got, want := runs(d, lay, in, owned, minRun), plainRuns(d, lay, in, owned, minRun)
			if len(got) != len(want) {
				t.Fatalf("seed %d, minRun %d: %d runs, want %d", seed, minRun, len(got), len(want))
			}
			for k := range got {
				if !slices.Equal(got[k], want[k]) {
					t.Fatalf("seed %d, minRun %d: run %d is %v, want %v", seed, minRun, k, got[k], want[k])
				}
			}
		}
	}
}

func TestNavKindsAreTheLabelsClasses(t *testing.T) {
	text := "Home\nRelated\nMore from the desk\nTags\n\nRead more: The vote was delayed again\nTrending\n" +
		"The council approved the budget on Tuesday after a long debate, the mayor said.\nSee also\nFollow us\n"
	d := document.New("x.txt", text)
	lay := computeLayout(d)
	for _, opts := range []*navOptions{NavLeak{}.NewOptions().(*navOptions), {Labels: []string{"Trending"}, TailLabels: []string{"Follow us"}}} {
		a := analyseNav(d, lay, opts)
		seen := map[labelKind]bool{}
		for i := 0; i < d.NumLines(); i++ {
			want := classifyLabelOf(lay.Labels[i], lay.Classes[i], opts)
			if a.kinds[i] != want {
				t.Errorf("line %d %q: kind %d, classifyLabelOf says %d", i, d.Text(i), a.kinds[i], want)
			}
			seen[want] = true
		}
		if !seen[anyLabel] || !seen[tailLabel] || !seen[notLabel] {
			t.Errorf("the document should hold every kind of line, holds %v", seen)
		}
	}
}

// TestLexiconClassesAreTheirLists: a label's class stands for membership in its list, so the
// rules that ask the class instead of the list must find the same labels.
func TestLexiconClassesAreTheirLists(t *testing.T) {
	for _, c := range []struct {
		class labelClass
		list  map[string]bool
	}{{classCredit, creditLines}, {classVote, votePhrases}} {
		for w := range c.list {
			if !lexicon[w].has(c.class) {
				t.Errorf("%q lacks class %d", w, c.class)
			}
		}
		for w, cl := range lexicon {
			if cl.has(c.class) && !c.list[w] {
				t.Errorf("%q has class %d but is not in its list", w, c.class)
			}
		}
	}
}

func TestIndexColonFindsTheFirstColonOfEitherWidth(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "", ":", "：", "a:b：c", "a：b:c", "\xef:", "\xef\xbc:", "\xef\xbc\x9a:", ":\xef\xbc\x9a",
		"标签：新闻", "Tags: a, b", "\xef\xbb\xbfTitle: x", "x\xef\xbc", "ab\xef\xbc\x9a")
	for b := range 256 {
		cases = append(cases, string([]byte{byte(b), 0xef, 0xbc, 0x9a, ':'}), string([]byte{':', byte(b), 0xef}))
	}
	for _, s := range cases {
		if got, want := indexColon(s), strings.IndexAny(s, ":："); got != want {
			t.Errorf("indexColon(%q) = %d, strings.IndexAny says %d", s, got, want)
		}
	}
}

func TestSpaceVIsContains(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "", "v", " v", "v ", "vv", " vv", "a v b", "Arsenal v Chelsea", "Team A vs. Team B", "avb", "a  v",
		"vvv v", "\tv", "x v", "reviewed", "over v", "vv v")
	for _, s := range cases {
		if got, want := spaceV(s), strings.Contains(s, " v"); got != want {
			t.Errorf("spaceV(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestContainsSpacedIsContains(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "", " ", "contributed ", " contributed ", "x contributed ", "xcontributed ", "contributed  contributed ",
		"jane doe contributed reporting.", "jane doe contributed", "a  contributed x", "contributed xcontributed contributed y",
		"ccontributed contributed ", "\tcontributed ", "contributedcontributed ")
	for _, s := range cases {
		for _, w := range []string{"contributed ", "c", "cc", "contributed"} {
			if got, want := containsSpaced(s, w), strings.Contains(s, " "+w); got != want {
				t.Errorf("containsSpaced(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// TestNormLabelInOfParts: a label taken from a part of a line (up to a colon, as nav-leak's link
// lines and tag-list read them) is the label normLabel gives the part.
func TestNormLabelInOfParts(t *testing.T) {
	src := "Read more: Floods hit the coast\nTAGS: news, sport\nRelated  Stories: x\n» See Also: y\nÉté : été\n" +
		"Schlagwörter: a, b\nİstanbul: x\nTabs\there: x\nTeme：x\n标签：新闻\n\u00a0Tags:\u00a0a\nA\vB: c\nMore\u2003from: d\n" +
		"Ä Ö Ü: x\nK\u212aelvin: x\n\xffbad: x\n"
	d := document.New("x.txt", src)
	for i := range d.NumLines() {
		f := d.Feat(i)
		for j := 0; j <= len(f.Trim); j++ {
			if j < len(f.Trim) && !utf8.RuneStart(f.Trim[j]) {
				continue
			}
			part := f.Trim[:j]
			if got, want := normLabelIn(f, part), normLabel(part); got != want {
				t.Errorf("normLabelIn(%q) = %q, want %q", part, got, want)
			}
		}
	}
}

// plainIsByline is isByline with the comma found by strings.LastIndexByte alone.
func plainIsByline(f *document.Features) bool {
	t := f.Trim
	if creditLineIn(f, t) || contactLineIn(f, t) {
		return true
	}
	if k := bylinePrefixSet.firstFold(t); k >= 0 {
		return namesOnly(t[len(bylinePrefixes[k]):], 6)
	}
	if i := strings.LastIndexByte(t, ','); i > 0 {
		if agencies[strings.ToLower(strings.TrimSpace(t[i+1:]))] {
			return namesOnly(t[:i], 8)
		}
	}
	return false
}

func TestIsBylineAsThePlainForm(t *testing.T) {
	cases := append([]string{}, foldCases...)
	cases = append(cases, "By Jeff Foust", "Alan Fram and Zeke Miller, AP", ", AP", ",AP", "Jane Doe,", "Jane Doe, Reuters, AP",
		"Jane Doe, the mayor", "JANE DOE, REUTERS", "Jane Doe, Associated Press", "Keith Bradsher contributed reporting.",
		"@annakeller", "jane@example.com", "no comma here", "Paris, France")
	for _, s := range cases {
		f := document.Measure(s)
		if f.Blank() {
			continue
		}
		if got, want := isByline(&f), plainIsByline(&f); got != want {
			t.Errorf("isByline(%q) = %v, the plain form says %v", s, got, want)
		}
	}
}

// plainFurnitureLineOf is furnitureLineOf with the prefixes scanned in order and the matcher
// asked whatever the label's length.
func plainFurnitureLineOf(norm string, class labelClass, f *document.Features, o *navOptions) bool {
	if class.has(classFurniture) || containsFold(o.Furniture, norm) {
		return true
	}
	if f.Words > 40 {
		return false
	}
	for _, pre := range furniturePrefixes {
		if strings.HasPrefix(norm, pre) {
			return true
		}
	}
	if f.Words > 20 || !furnitureMatcher.Contains(norm) {
		return false
	}
	if f.Words < 8 || strings.Contains(norm, "©") || strings.Contains(norm, "copyright") || strings.Contains(norm, "(c)") {
		return true
	}
	for _, phrase := range furnitureContains {
		if strings.HasPrefix(norm, phrase) {
			return !goesOn(norm, phrase, sentenceRest)
		}
	}
	return false
}

func TestFurnitureLineOfAsThePlainForm(t *testing.T) {
	lines := append([]string{}, foldCases...)
	for _, p := range append(append([]string{}, furnitureContains...), furniturePrefixes...) {
		lines = append(lines, p, p[:len(p)-1], "x "+p, p+" of the site", "© 2026 "+p, "The label said "+p+" by the artist would revert to her estate.")
	}
	lines = append(lines, "版权所有", "版权所", "We use cookies.", "Home", "Sign up", "all rights")
	opts := NavLeak{}.NewOptions().(*navOptions)
	for _, line := range lines {
		f := document.Measure(line)
		norm := normLabel(f.Trim)
		if norm == "" {
			continue
		}
		class := lexicon[norm]
		if got, want := furnitureLineOf(norm, class, &f, opts), plainFurnitureLineOf(norm, class, &f, opts); got != want {
			t.Errorf("furnitureLineOf(%q) = %v, the plain form says %v", norm, got, want)
		}
	}
}

// TestClipMsgIsTheRuneCut: clipMsg says what cutting the text's runes says, around 60 runes and
// 60 bytes, with letters beyond ASCII, invalid bytes alone and in runs, and U+FFFD itself.
func TestClipMsgIsTheRuneCut(t *testing.T) {
	plain := func(s string) string {
		r := []rune(s)
		if len(r) > 60 {
			return string(r[:60]) + "…"
		}
		return s
	}
	parts := []string{"a", "é", "✓", "\xff", "\xc3", "\ufffd", " ", "𝄞"}
	rng := rand.New(rand.NewSource(5))
	cases := []string{"", strings.Repeat("a", 60), strings.Repeat("a", 61), strings.Repeat("é", 31), strings.Repeat("é", 61),
		strings.Repeat("a", 59) + "\xff\xff", strings.Repeat("a", 60) + "\xff"}
	for range 3000 {
		var b strings.Builder
		for range 40 + rng.Intn(50) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := clipMsg(s), plain(s); got != want {
			t.Fatalf("clipMsg(%q) = %q, want %q", s, got, want)
		}
	}
}
