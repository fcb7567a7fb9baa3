package match

import (
	"math/rand"
	"reflect"
	"sort"
	"testing"
)

// TestNewTables: the automaton built in its transition table is the one the trie of maps built:
// the same states, transitions, outputs and dictionary links, for random pattern lists and a
// list of names with shared prefixes and non-ASCII letters.
func TestNewTables(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	alpha := "abAB .é"
	word := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alpha[r.Intn(len(alpha))]
		}
		return string(b)
	}
	lists := [][]string{
		{"Kim Jong Un", "Kim Jong-un", "Kim", "Erdoğan", "Erdogan", "Jong", "", "he", "she", "his", "hers"},
		{"cookie", "©", "copyright", "(c)", "reserv", "privacy", "terms", "защищены"},
	}
	for range 300 {
		var pats []string
		for range 1 + r.Intn(10) {
			pats = append(pats, word(r.Intn(6)))
		}
		lists = append(lists, pats)
	}
	for i, pats := range lists {
		for _, fold := range []bool{false, true} {
			got, want := New(pats, fold), newOracle(pats, fold)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("list %d %q (fold %v): tables differ", i, pats, fold)
			}
		}
	}
}

// newOracle is New as it was first written, with a trie of maps, to test against.
func newOracle(patterns []string, foldASCII bool) *Matcher {
	m := &Matcher{patterns: patterns, fold: foldASCII}
	for _, p := range patterns {
		m.maxLen = max(m.maxLen, len(p))
	}
	norm := func(b byte) byte {
		if foldASCII && b >= 'A' && b <= 'Z' {
			return b + 'a' - 'A'
		}
		return b
	}
	// byte classes: every byte used in a pattern gets its own class
	var used [256]bool
	for _, p := range patterns {
		for i := 0; i < len(p); i++ {
			used[norm(p[i])] = true
		}
	}
	n := 1
	var classOf [256]uint8
	for b := 0; b < 256; b++ {
		if used[b] {
			classOf[b] = uint8(n)
			n++
		}
	}
	for b := 0; b < 256; b++ {
		m.class[b] = classOf[norm(byte(b))]
	}
	m.nclass = n
	// trie
	type node struct {
		next map[uint8]int32
	}
	nodes := []node{{next: map[uint8]int32{}}}
	out := []int32{-1}
	for pi, p := range patterns {
		if p == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := m.class[p[i]]
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{next: map[uint8]int32{}})
				out = append(out, -1)
				nodes[s].next[c] = nx
			}
			s = nx
		}
		if out[s] < 0 {
			out[s] = int32(pi)
		}
	}
	ns := len(nodes)
	m.delta = make([]int32, ns*n)
	m.out = out
	m.dict = make([]int32, ns)
	fail := make([]int32, ns)
	m.dict[0] = -1
	// breadth-first: fill the DFA row of each state from its failure state's row
	queue := []int32{0}
	for len(queue) > 0 {
		s := queue[0]
		queue = queue[1:]
		row := m.delta[int(s)*n : int(s)*n+n]
		if s != 0 {
			copy(row, m.delta[int(fail[s])*n:int(fail[s])*n+n])
		}
		keys := make([]int, 0, len(nodes[s].next))
		for c := range nodes[s].next {
			keys = append(keys, int(c))
		}
		sort.Ints(keys)
		for _, ci := range keys {
			c := uint8(ci)
			t := nodes[s].next[c]
			if s == 0 {
				fail[t] = 0
			} else {
				fail[t] = m.delta[int(fail[s])*n+int(c)]
			}
			f := fail[t]
			if out[f] >= 0 {
				m.dict[t] = f
			} else {
				m.dict[t] = m.dict[f]
			}
			row[c] = t
			queue = append(queue, t)
		}
	}
	// premultiply the transitions so that a step is one load and one add
	m.emits = make([]bool, ns)
	for st := 0; st < ns; st++ {
		m.emits[st] = m.out[st] >= 0 || m.dict[st] >= 0
	}
	// transitions into a state that reports are stored negated (minus one), so the scan tests
	// the sign instead of looking the state up
	for i, t := range m.delta {
		m.delta[i] = t * int32(n)
		if m.emits[t] {
			m.delta[i] = -m.delta[i] - 1
		}
	}
	m.compact()
	return m
}
