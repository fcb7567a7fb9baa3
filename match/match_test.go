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
