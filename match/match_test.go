package match

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"
)

type hit struct{ p, s, e int }

func collect(m *Matcher, text string) []hit {
	var out []hit
	m.FindAll(text, func(p, s, e int) bool { out = append(out, hit{p, s, e}); return true })
	sort.Slice(out, func(i, j int) bool {
		if out[i].s != out[j].s {
			return out[i].s < out[j].s
		}
		return out[i].p < out[j].p
	})
	return out
}

// naive finds every occurrence by brute force, the oracle for the automaton.
func naive(patterns []string, text string, fold bool) []hit {
	t := text
	if fold {
		t = asciiLower(text)
	}
	var out []hit
	for s := 0; s < len(t); s++ {
		for p, pat := range patterns {
			q := pat
			if fold {
				q = asciiLower(pat)
			}
			if q != "" && strings.HasPrefix(t[s:], q) {
				out = append(out, hit{p, s, s + len(q)})
			}
		}
	}
	return out
}

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 32
		}
	}
	return string(b)
}

func TestFindAll(t *testing.T) {
	pats := []string{"he", "she", "his", "hers", "Kim Jong Un", "Jong", "Erdoğan"}
	m := New(pats, true)
	text := "ushers said KIM JONG UN met Erdoğan; his herself"
	got := collect(m, text)
	want := naive(pats, text, true)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("got %v\nwant %v", got, want)
	}
	if !m.Contains("a she b") || m.Contains("xyz abc") {
		t.Error("Contains")
	}
	exact := New([]string{"Un"}, false)
	if exact.Contains("UN") {
		t.Error("case folded without foldASCII")
	}
}

func TestFindAllRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	alpha := "abAB ."
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.Intn(len(alpha))]
		}
		return string(b)
	}
	for round := 0; round < 200; round++ {
		var pats []string
		for i := 0; i < 1+r.Intn(8); i++ {
			pats = append(pats, word(1+r.Intn(4)))
		}
		text := word(r.Intn(60))
		fold := round%2 == 0
		m := New(pats, fold)
		got, want := collect(m, text), naive(pats, text, fold)
		// duplicate patterns report the first index only; drop the others from the oracle
		seen := map[string]int{}
		for i, p := range pats {
			k := p
			if fold {
				k = asciiLower(p)
			}
			if _, ok := seen[k]; !ok {
				seen[k] = i
			}
		}
		var w2 []hit
		for _, h := range want {
			k := pats[h.p]
			if fold {
				k = asciiLower(k)
			}
			if seen[k] == h.p {
				w2 = append(w2, h)
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(w2) {
			t.Fatalf("patterns %q text %q fold %v:\ngot  %v\nwant %v", pats, text, fold, got, w2)
		}
	}
}

// firstOnly keeps the hits of the first of equal patterns (equal after folding with fold), the
// one the automaton reports.
func firstOnly(pats []string, fold bool, hits []hit) []hit {
	key := func(p string) string {
		if fold {
			return asciiLower(p)
		}
		return p
	}
	first := map[string]int{}
	for i, p := range pats {
		if _, ok := first[key(p)]; !ok {
			first[key(p)] = i
		}
	}
	var out []hit
	for _, h := range hits {
		if first[key(pats[h.p])] == h.p {
			out = append(out, h)
		}
	}
	return out
}

// randomCase returns patterns and a text over an alphabet of both cases, punctuation and the
// bytes of non-ASCII letters (é, ğ, ж, and a lone continuation byte), so that patterns overlap,
// nest and share prefixes and suffixes.
func randomCase(r *rand.Rand, npats, maxLen, textLen int) ([]string, string) {
	alpha := []string{"a", "b", "A", "B", "z", " ", ".", "-", "é", "ğ", "ж", "\xa9", "\xc3"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(alpha[r.Intn(len(alpha))])
		}
		return b.String()
	}
	pats := make([]string, npats)
	for i := range pats {
		pats[i] = word(r.Intn(maxLen + 1))
	}
	var text strings.Builder
	for text.Len() < textLen {
		if r.Intn(3) == 0 {
			text.WriteString(pats[r.Intn(len(pats))]) // plant a pattern
		} else {
			text.WriteString(word(1 + r.Intn(3)))
		}
	}
	return pats, text.String()
}

// TestScanWidths: the 16-bit table reports what the 32-bit one does, and both what brute force
// finds; Contains agrees.
func TestScanWidths(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	for round := range 430 {
		pats, text := randomCase(r, 1+r.Intn(12), 5, r.Intn(200))
		fold := round%2 == 0
		m := New(pats, fold)
		if m.small == nil {
			t.Fatalf("patterns %q: no 16-bit table", pats)
		}
		wide := *m
		wide.small = nil
		want := firstOnly(pats, fold, naive(pats, text, fold))
		for name, mm := range map[string]*Matcher{"16-bit": m, "32-bit": &wide} {
			if got := collect(mm, text); fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("%s: patterns %q text %q fold %v:\ngot  %v\nwant %v", name, pats, text, fold, got, want)
			}
			if got := mm.Contains(text); got != (len(want) > 0) {
				t.Fatalf("%s: patterns %q text %q fold %v: Contains %v", name, pats, text, fold, got)
			}
		}
	}
}

// TestLargeAutomaton: an automaton too large for the 16-bit table finds what brute force does.
func TestLargeAutomaton(t *testing.T) {
	r := rand.New(rand.NewSource(4))
	pats, text := randomCase(r, 1000, 12, 5000)
	for _, fold := range []bool{false, true} {
		m := New(pats, fold)
		if m.small != nil {
			t.Fatalf("%d table entries in 16 bits", len(m.delta))
		}
		want := firstOnly(pats, fold, naive(pats, text, fold))
		if got := collect(m, text); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("fold %v: %d hits, want %d", fold, len(got), len(want))
		}
		if !m.Contains(text) || m.Contains("qqqq") {
			t.Fatal("Contains")
		}
	}
}

// TestTrieAt: the trie reports, at each position, the occurrences the automaton reports that
// start there, shortest first, for a few patterns and for thousands.
func TestTrieAt(t *testing.T) {
	r := rand.New(rand.NewSource(5))
	for round := range 430 {
		pats, text := randomCase(r, 1+r.Intn(12), 5, r.Intn(200))
		if round >= 400 {
			// many patterns: states with many children share a dense table
			pats, text = randomCase(r, 300+r.Intn(3000), 12, 2000)
		}
		if round == 0 {
			pats, text = []string{"Kim Jong Un", "KIM", "kim jong", "Jong", "", "Erdoğan"}, "Kim Jong Un; KIM JONG UN, kim jong-un, Erdoğan ERDOĞAN"
		}
		fold := round%2 == 0
		tr := NewTrie(pats, fold)
		var got []hit
		for i := 0; i <= len(text); i++ {
			tr.At(text, i, func(p, end int) bool {
				if n := len(got); n > 0 && got[n-1].s == i && got[n-1].e >= end {
					t.Fatalf("at %d: end %d after %d", i, end, got[n-1].e)
				}
				got = append(got, hit{p, i, end})
				return true
			})
		}
		want := collect(New(pats, fold), text) // by start, then pattern index
		sort.SliceStable(got, func(i, j int) bool {
			if got[i].s != got[j].s {
				return got[i].s < got[j].s
			}
			return got[i].p < got[j].p
		})
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("patterns %q text %q fold %v:\ngot  %v\nwant %v", pats, text, fold, got, want)
		}
	}
	// fn stops the walk
	tr := NewTrie([]string{"a", "ab", "abc"}, false)
	n := 0
	tr.At("abc", 0, func(int, int) bool { n++; return false })
	if n != 1 {
		t.Errorf("%d calls after fn returned false", n)
	}
}

// BenchmarkContains looks for a few legal phrases in lines of prose that hold none, as a
// layout analysis does line by line, with the 16-bit table and the 32-bit one.
func BenchmarkContains(b *testing.B) {
	m := New([]string{"cookie", "©", "copyright", "(c)", "reserv", "privacy", "terms", "impressum", "agreement", "защищены"}, true)
	line := "The talks, which lasted about an hour, covered security on the peninsula and trade between the two countries."
	wide := *m
	wide.small = nil
	for name, mm := range map[string]*Matcher{"16bit": m, "32bit": &wide} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(line)))
			for b.Loop() {
				if mm.Contains(line) {
					b.Fatal("found")
				}
			}
		})
	}
}

// TestContainsEverywhere: Contains finds a pattern wherever it lies in texts of every length,
// across the middle where a long text is cut in two halves.
func TestContainsEverywhere(t *testing.T) {
	pats := []string{"cookie", "©", "all rights reserved", "(c)", "защищены"}
	for _, fold := range []bool{false, true} {
		m := New(pats, fold)
		for n := 0; n <= 90; n++ {
			blank := strings.Repeat("x", n)
			if m.Contains(blank) {
				t.Fatalf("found in %q", blank)
			}
			for _, p := range pats {
				for k := 0; k+len(p) <= n; k++ {
					text := blank[:k] + p + blank[k+len(p):]
					if !m.Contains(text) {
						t.Fatalf("fold %v: %q not found in %q", fold, p, text)
					}
				}
			}
		}
	}
}
