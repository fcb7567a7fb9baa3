// Package match finds many literal strings at once: an Aho-Corasick automaton compiled to a
// dense DFA over byte classes, so one pass over a text costs one table look-up per byte,
// however many patterns there are.
package match

import "slices"

// Matcher is an immutable automaton; it is safe for concurrent use.
type Matcher struct {
	patterns []string
	fold     bool
	class    [256]uint8 // byte → class; class 0 never appears in a pattern
	nclass   int
	delta    []int32 // state*nclass + class → next state, stored premultiplied by nclass
	out      []int32 // state → pattern ending here, or -1
	dict     []int32 // state → nearest state on the failure chain with an output, or -1
	emits    []bool  // state → out or dict is set: something to report
}

// New compiles patterns. With foldASCII, ASCII letters match regardless of case (other bytes
// match exactly); callers check the case they need on each match.
func New(patterns []string, foldASCII bool) *Matcher {
	m := &Matcher{patterns: patterns, fold: foldASCII}
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
	// trie, in the transition table itself: -1 is no child yet. The table is allocated once, at
	// its size: one state per distinct prefix, counted over the folded patterns in sorted order.
	folded := make([]string, 0, len(patterns))
	for _, p := range patterns {
		b := []byte(p)
		for i := range b {
			b[i] = norm(b[i])
		}
		folded = append(folded, string(b))
	}
	slices.Sort(folded)
	ns := 1
	prev := ""
	for _, p := range folded {
		k := 0
		for k < len(p) && k < len(prev) && p[k] == prev[k] {
			k++
		}
		ns += len(p) - k
		prev = p
	}
	delta := make([]int32, ns*n)
	for i := range delta {
		delta[i] = -1
	}
	out := make([]int32, 1, ns)
	out[0] = -1
	for pi, p := range patterns {
		if p == "" {
			continue
		}
		s := int32(0)
		for i := 0; i < len(p); i++ {
			c := int32(m.class[p[i]])
			nx := delta[s*int32(n)+c]
			if nx < 0 {
				nx = int32(len(out))
				out = append(out, -1)
				delta[s*int32(n)+c] = nx
			}
			s = nx
		}
		if out[s] < 0 {
			out[s] = int32(pi)
		}
	}
	m.delta = delta
	m.out = out
	m.dict = make([]int32, ns)
	fail := make([]int32, ns)
	m.dict[0] = -1
	// breadth-first, children in class order: a state's missing transitions are its failure
	// state's, whose row is complete by then (it lies nearer the root)
	queue := make([]int32, 1, ns)
	for head := 0; head < len(queue); head++ {
		s := queue[head]
		row := delta[int(s)*n : int(s)*n+n]
		for c := range row {
			t := row[c]
			var f int32 // where c leads from the failure state
			if s != 0 {
				f = delta[int(fail[s])*n+c]
			}
			if t < 0 {
				row[c] = f
				continue
			}
			fail[t] = f
			if out[f] >= 0 {
				m.dict[t] = f
			} else {
				m.dict[t] = m.dict[f]
			}
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
	return m
}

// Patterns returns the compiled patterns.
func (m *Matcher) Patterns() []string { return m.patterns }

// FindAll calls fn for every occurrence of every pattern in text, in order of end position,
// with the pattern's index and its byte range. fn returns false to stop.
func (m *Matcher) FindAll(text string, fn func(pattern, start, end int) bool) {
	n := int32(m.nclass)
	delta, class := m.delta, &m.class
	s := int32(0) // premultiplied state
	for i := 0; i < len(text); i++ {
		s = delta[s+int32(class[text[i]])]
		if s >= 0 {
			continue
		}
		s = -s - 1
		for o := s / n; o > 0; o = m.dict[o] {
			if p := m.out[o]; p >= 0 {
				end := i + 1
				if !fn(int(p), end-len(m.patterns[p]), end) {
					return
				}
			}
			if m.dict[o] < 0 {
				break
			}
		}
	}
}

// Contains reports whether any pattern occurs in text.
func (m *Matcher) Contains(text string) bool {
	found := false
	m.FindAll(text, func(int, int, int) bool { found = true; return false })
	return found
}
