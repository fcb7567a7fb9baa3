package rules

import (
	"strings"
	"testing"
	"unicode"

	"github.com/newslint/newslint/document"
)

// TestLowerIn: lowerIn folds a part of a line as strings.ToLower does, from the line's shared
// copy or on its own (a string that is not part of the line, a non-ASCII line).
func TestLowerIn(t *testing.T) {
	d := document.New("x.txt", "  Additional Reporting By ANA Ruiz  \nÉTÉ À PARIS Desk\n“ПРИВЕТ” Мир\nİstanbul KELVIN\n")
	other := "Not In The Line"
	for i := range d.NumLines() {
		f := d.Feat(i)
		for _, part := range []string{f.Trim, f.Trim[3:], f.Trim[:5], f.Trim[2:9], f.Trim[1:], "", other} {
			if got, want := lowerIn(f, part), strings.ToLower(part); got != want {
				t.Errorf("lowerIn(%q, %q) = %q, want %q", f.Trim, part, got, want)
			}
		}
	}
	if got := lowerIn(nil, "ABC"); got != "abc" {
		t.Errorf("lowerIn(nil) = %q", got)
	}
}

// TestNormLabelIn: a label taken from the line's folded copy is the label normLabel gives.
func TestNormLabelIn(t *testing.T) {
	src := "» Related Stories:\nTOP  NEWS\n- Sport -\nTabs\there\nÉté :\nA\vB\n  :Home | Contact:  \n" +
		"ÉTÉ\u00a0À PARIS\n» Новости «\nİstanbul:\n" + strings.Repeat("Ä", 121) + "\n" + strings.Repeat("Ä", 120) + "\nA\u2003B\n"
	d := document.New("x.txt", src)
	for i := range d.NumLines() {
		f := d.Feat(i)
		if got, want := normLabelIn(f, f.Trim), normLabel(f.Trim); got != want {
			t.Errorf("normLabelIn(%q) = %q, want %q", f.Trim, got, want)
		}
	}
}

// TestIndexColon: indexColon finds what strings.IndexAny finds, invalid UTF-8 included.
func TestIndexColon(t *testing.T) {
	for _, s := range []string{"", "Tags: a, b", "标签：新闻", "a：b:c", "a:b：c", "none", "\xe2：x", "\xef\xbc:", "\xef\xbc\x9a"} {
		if got, want := indexColon(s), strings.IndexAny(s, ":："); got != want {
			t.Errorf("indexColon(%q) = %d, want %d", s, got, want)
		}
	}
	for _, s := range []string{"★★★☆☆", "no stars", "⭐ 4.5", "“quoted”", "✭"} {
		if got, want := hasStar(s), strings.ContainsAny(s, "★☆⭐✩✭"); got != want {
			t.Errorf("hasStar(%q) = %v", s, got)
		}
	}
}

// TestPrefixSet: the first-byte index finds the phrase a linear scan in list order finds, exact or
// ignoring case, including the Kelvin sign and long s that fold to ASCII letters.
func TestPrefixSet(t *testing.T) {
	phrases := []string{"by ", "written by ", "story by ", "b", "kb ", "“quote", "·x", "Sign up"}
	ps := newPrefixSet(phrases)
	texts := []string{"", "by Ana", "By Ana", "BY", "b", "written by x", "Written BY x", "ſtory by x", "\u212ab x",
		"kb x", "“quote” here", "·x", "sign up", "Sign up now", "zzz", "\xff"}
	for _, s := range texts {
		want, wantFold := -1, -1
		for i, ph := range phrases {
			if want < 0 && strings.HasPrefix(s, ph) {
				want = i
			}
			if wantFold < 0 && hasPrefixFold(s, ph) {
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
	for _, s := range []string{"", "- a", "-a", "• item", "· x", "– y", "— z", "◦ a", "▪ b", "■ c", "» d", "› e", "* f", "plain", "“q”"} {
		want := s
		for _, m := range []string{"- ", "• ", "* ", "· ", "– ", "— ", "◦ ", "▪ ", "■ ", "» ", "› "} {
			if strings.HasPrefix(s, m) {
				want = strings.TrimSpace(s[len(m):])
				break
			}
		}
		if got := stripListMarker(s); got != want {
			t.Errorf("stripListMarker(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestTimestampLineWords: timestampLine splits and folds a line as strings.FieldsFunc over
// strings.ToLower did, whatever the case, script and number of words.
func TestTimestampLineWords(t *testing.T) {
	old := func(s string) bool {
		if len(s) > 120 || len(s) < 4 || !hasDigit(s) {
			return false
		}
		words := strings.FieldsFunc(strings.ToLower(s), timestampSep)
		return len(words) > 0 && len(words) <= 16
	}
	for _, s := range []string{
		"Nov. 19, 2019 8:03 AM ET", "PUBLISHED: 10:48, Tue, Nov 19, 2019 | UPDATED: 11:02", "17H ago", "2019-11-19",
		"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16", "1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17", "MÄRZ 12, 2020",
		"12 März 2020 um 14:00 Uhr", "Publié le 3 février 2021 à 10h", "  (12)  ", "12 \xff 2020", "Sept. 3 — 2019 (UTC)",
	} {
		if !old(s) && timestampLine(s) {
			t.Errorf("timestampLine(%q) holds where the line has no words to read", s)
		}
	}
	for s, want := range map[string]bool{"Nov. 19, 2019 8:03 AM ET": true, "17H ago": true, "MÄRZ 12, 2020": true,
		"1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17": false, "Publié le 3 février 2021": true, "1986.": false} {
		if got := timestampLine(s); got != want {
			t.Errorf("timestampLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestFieldsInto: the first fields and the count, capped, are those of strings.Fields.
func TestFieldsInto(t *testing.T) {
	for _, s := range []string{"", "  ", "one", "one two", " a  b\tc\u00a0d ", "a b c d e f", "x\u2003y\nz"} {
		all := strings.Fields(s)
		for size := 0; size <= 4; size++ {
			dst := make([]string, size)
			n := fieldsInto(s, dst)
			if n != min(len(all), size+1) {
				t.Errorf("fieldsInto(%q, %d) = %d, want %d", s, size, n, min(len(all), size+1))
			}
			for i := 0; i < min(n, size); i++ {
				if dst[i] != all[i] {
					t.Errorf("fieldsInto(%q)[%d] = %q, want %q", s, i, dst[i], all[i])
				}
			}
		}
	}
}

// TestWithinOneEdit: the one-pass test agrees with osaDistance on every pair of short words over a
// small alphabet, and gives up on long words as it does.
func TestWithinOneEdit(t *testing.T) {
	var words []string
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		words = append(words, prefix)
		if n == 0 {
			return
		}
		for _, c := range "abc" {
			gen(prefix+string(c), n-1)
		}
	}
	gen("", 4)
	for _, a := range words {
		for _, b := range words {
			if got, want := withinOneEdit(a, b), osaDistance(a, b, 1) <= 1; got != want {
				t.Fatalf("withinOneEdit(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
	long := strings.Repeat("a", 32)
	if withinOneEdit(long, long+"b") != (osaDistance(long, long+"b", 1) <= 1) {
		t.Error("long words")
	}
}

// TestTimestampSep: the separators of timestamp words are white space and ",|·•–—()[]".
func TestTimestampSep(t *testing.T) {
	for r := rune(0); r < 0x3100; r++ {
		want := unicode.IsSpace(r) || strings.ContainsRune(",|·•–—()[]", r)
		if got := timestampSep(r); got != want {
			t.Errorf("timestampSep(%U) = %v, want %v", r, got, want)
		}
	}
}

// dateNumberOracle is dateNumber as it was written with strings.FieldsFunc, to test against.
func dateNumberOracle(w string) int {
	num := w
	for _, suf := range []string{"st", "nd", "rd", "th", "h", "am", "pm", "º", "er", "e"} {
		if strings.HasSuffix(num, suf) && len(num) > len(suf) && num[len(num)-len(suf)-1] >= '0' && num[len(num)-len(suf)-1] <= '9' {
			num = num[:len(num)-len(suf)]
			if strings.ContainsRune(num, ':') {
				return wholeDate // "10:48pm"
			}
			return datePart // "19th", "17h", "8am"
		}
	}
	parts := strings.FieldsFunc(num, func(r rune) bool { return r == '/' || r == '-' || r == '.' || r == ':' })
	for _, p := range parts {
		for i := 0; i < len(p); i++ {
			if p[i] < '0' || p[i] > '9' {
				return notDate
			}
		}
	}
	if len(parts) > 3 {
		return notDate
	}
	return dateParts(num, parts)
}

// TestDateNumber: dateNumber reads every number as the FieldsFunc form did.
func TestDateNumber(t *testing.T) {
	for _, w := range []string{"1986", "1986/87", "12/09", "12/09/2019", "2019-11-19", "06:31:27", "10:48", "10:48pm",
		"19th", "17h", "8am", "1.2.3.4", "1/2/3/4", "123", "12345", "3", "-5", "2019-", "a1", "12:5", "1:2:3", "99/99/99",
		"2026.11.25", "1º", "12e", "////", ""} {
		if got, want := dateNumber(w), dateNumberOracle(w); got != want {
			t.Errorf("dateNumber(%q) = %d, want %d", w, got, want)
		}
	}
}

// TestLexiconClasses: a label's lexicon classes say what the word lists say of it, so the rules
// may ask the layout's classes instead of the lists.
func TestLexiconClasses(t *testing.T) {
	keys := []string{"", "not a label", "home"}
	for _, m := range []map[string]bool{navLabels, navTailLabels, furniture} {
		for k := range m {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		c := lexicon[k]
		if c.has(classNav) != navLabels[k] || c.has(classNavTail) != navTailLabels[k] || c.has(classFurniture) != furniture[k] {
			t.Errorf("%q: classes %b disagree with the lists", k, c)
		}
	}
}

// TestLexiconClass: the shape filter before the map gives the map's answer for every label of
// the lexicon, for labels one byte longer or shorter, and for labels of other first bytes and
// lengths, short and long.
func TestLexiconClass(t *testing.T) {
	labels := []string{"", "x", "not a label", "home", "ẞ", "© photo", strings.Repeat("a", 63),
		strings.Repeat("b", 64), strings.Repeat("c", 200)}
	for k := range lexicon {
		labels = append(labels, k, k+"s", "a"+k, k+strings.Repeat(" x", 40))
		if k != "" {
			labels = append(labels, k[:len(k)-1], k[1:], strings.ToUpper(k[:1])+k[1:])
		}
	}
	known := 0
	for _, l := range labels {
		got, want := lexiconClass(l), lexicon[l]
		if got != want {
			t.Errorf("lexiconClass(%q) = %b, the map says %b", l, got, want)
		}
		if want != 0 {
			known++
		}
	}
	if known < len(lexicon)-1 {
		t.Errorf("%d of the %d labels of the lexicon have classes", known, len(lexicon))
	}
}
