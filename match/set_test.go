package match

import (
	"math/rand"
	"strings"
	"testing"
)

// legalWords are literals of the kind a Set is for: a few words and marks, some short, some
// non-ASCII, of which prose lines rarely hold any.
var legalWords = []string{"cookie", "©", "copyright", "(c)", "reserv", "vorbehalten", "réservés", "защищены",
	"Защищены", "版权", "privacy", "terms", "impressum", "mentions l", "aviso legal", "agreement", "конфиденциальности"}

// checkSet compares Set.Contains with the automaton's Contains on text.
func checkSet(t testing.TB, set *Set, m *Matcher, text string) {
	t.Helper()
	if got, want := set.Contains(text), m.Contains(text); got != want {
		t.Fatalf("patterns %q fold %v: Contains(%q) = %v, the automaton says %v", m.Patterns(), m.fold, text, got, want)
	}
}

// TestSetEveryPatternEverywhere: each pattern, in each case, at every offset of fillers of
// every length, is found; fillers made of the patterns' own letters and their near misses are
// not.
func TestSetEveryPatternEverywhere(t *testing.T) {
	misses := []string{"cooki", "ookie", "copyrigh", "(c", "c)", "( c)", "reser", "©"[:1], "©"[1:], "terms"[:4], "term s",
		"mentions", "aviso  legal", "agreemen", "版", "权", "защищен", "ЗАЩИЩЕНЫ", "r\xc3", "\xa9"}
	for _, fold := range []bool{false, true} {
		set, m := NewSet(legalWords, fold), New(legalWords, fold)
		for n := 0; n <= 60; n++ {
			for _, fill := range []string{"x", " ", "e", "er", "Sergio reserves the right"} {
				blank := strings.Repeat(fill, n/len(fill)+1)[:n]
				checkSet(t, set, m, blank)
				for _, p := range append(misses, legalWords...) {
					for _, q := range []string{p, strings.ToUpper(p), strings.ToUpper(p[:1]) + p[1:]} {
						for k := 0; k <= n; k++ {
							checkSet(t, set, m, blank[:k]+q+blank[k:])
						}
					}
				}
			}
		}
	}
}

// TestSetRandom: random pattern sets over a small alphabet, with short, long and repeated
// patterns (and sets of long ones only), on random texts dense in their pieces.
func TestSetRandom(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	alpha := "abcAB (é©"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.Intn(len(alpha))]
		}
		return string(b)
	}
	for n := range 3000 {
		var pats []string
		for range 1 + r.Intn(8) {
			if n%3 == 0 { // long patterns only: a window of more than nine bytes
				pats = append(pats, word(9+r.Intn(12)))
			} else {
				pats = append(pats, word(r.Intn(9)))
			}
		}
		fold := r.Intn(2) == 0
		set, m := NewSet(pats, fold), New(pats, fold)
		for range 30 {
			var b strings.Builder
			for range r.Intn(6) {
				if r.Intn(3) == 0 {
					b.WriteString(pats[r.Intn(len(pats))])
				} else {
					b.WriteString(word(r.Intn(12)))
				}
			}
			checkSet(t, set, m, b.String())
		}
	}
}

// TestSetShifts: the skip table lets the window (one byte longer than the shortest pattern)
// move by its length less one over pairs that occur in no pattern, less over those that do, and
// not at all where a pattern can start in the window's first two bytes.
func TestSetShifts(t *testing.T) {
	set := NewSet([]string{"terms", "cookie", "©"}, true)
	if set.window != 6 || len(set.short) != 1 {
		t.Fatalf("window %d, short %q", set.window, set.short)
	}
	for pair, want := range map[string]uint8{"xy": 5, "xt": 4, " T": 4, "te": 3, "TE": 3, "er": 2, "rm": 1, "ms": 0,
		"co": 4, "oo": 3, "ok": 2, "ki": 1, "ie": 0, "IE": 0, "\xc2\xa9": 5} {
		if got := set.shift[uint16(pair[0])|uint16(pair[1])<<8]; got != want {
			t.Errorf("shift %q = %d, want %d", pair, got, want)
		}
	}
}

func FuzzSetContains(f *testing.F) {
	f.Add("cookie|©|terms|(c)", "read the TERMS of use", true)
	f.Add("abc|b|abcdef", "xxabcdxx", false)
	f.Fuzz(func(t *testing.T, pats, text string, fold bool) {
		ps := strings.Split(pats, "|")
		checkSet(t, NewSet(ps, fold), New(ps, fold), text)
		checkSet(t, NewSet(legalWords, fold), New(legalWords, fold), text)
	})
}

// BenchmarkSetContains looks for legal phrases in lines of prose that hold none, with the
// automaton and with the Set.
func BenchmarkSetContains(b *testing.B) {
	line := "The talks, which lasted about an hour, covered security on the peninsula and trade between the two countries, " +
		"officials said on Tuesday, adding that further meetings were expected before the end of the year."
	m, set := New(legalWords, true), NewSet(legalWords, true)
	b.Run("automaton", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			if m.Contains(line) {
				b.Fatal("found")
			}
		}
	})
	b.Run("set", func(b *testing.B) {
		b.SetBytes(int64(len(line)))
		for b.Loop() {
			if set.Contains(line) {
				b.Fatal("found")
			}
		}
	})
}
