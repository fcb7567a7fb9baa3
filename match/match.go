// Package match finds many literal strings at once: an Aho-Corasick automaton compiled to a
// dense DFA over byte classes, so one pass over a text costs one table look-up per byte,
// however many patterns there are. A Trie of the same patterns finds those that start at a
// given position, for callers that know where a match can start. A Set only tells whether a text
// holds any of its patterns, skipping over most bytes of texts that hold none.
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
	// small is delta in 16 bits when the table fits (most automata of a few short phrases): the
	// same premultiplied states, with the top bit set on a transition into a state that reports.
	// Indexed by a uint16, it needs no bounds check, and it takes half the cache. Its upper half,
	// which a state with the top bit set indexes, leads to state 0 with the top bit set: once a
	// pattern is seen, a scan that goes on without looking stays marked (Contains).
	small  *[1 << 16]uint16
	maxLen int // the longest pattern's length
}

// New compiles patterns. With foldASCII, ASCII letters match regardless of case (other bytes
// match exactly); callers check the case they need on each match.
func New(patterns []string, foldASCII bool) *Matcher {
	m := &Matcher{patterns: patterns, fold: foldASCII}
	for _, p := range patterns {
		m.maxLen = max(m.maxLen, len(p))
	}
	n := classes(patterns, foldASCII, &m.class)
	m.nclass = n
	// trie, in the transition table itself: -1 is no child yet. The table is allocated once, at
	// its size.
	ns := countStates(patterns, &m.class)
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
	m.compact()
	return m
}

// compact stores delta in 16 bits (small) when it fits.
func (m *Matcher) compact() {
	if len(m.delta) > 1<<15 {
		return
	}
	m.small = new([1 << 16]uint16)
	for i, t := range m.delta {
		if t < 0 {
			m.small[i] = uint16(-t-1) | 1<<15
		} else {
			m.small[i] = uint16(t)
		}
	}
	// a marked state indexes below 1<<15 + len(delta) <= 1<<16: the premultiplied states are
	// below len(delta) - nclass
	for i := 1 << 15; i < 1<<16; i++ {
		m.small[i] = 1 << 15
	}
}

// classes sets class (byte → class) and returns the number of classes: every byte used in a
// pattern gets its own class (with foldASCII, both cases of a letter one class); class 0, the
// other bytes, never appears in a pattern.
func classes(patterns []string, foldASCII bool, class *[256]uint8) int {
	norm := func(b byte) byte {
		if foldASCII && b >= 'A' && b <= 'Z' {
			return b + 'a' - 'A'
		}
		return b
	}
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
		class[b] = classOf[norm(byte(b))]
	}
	return n
}

// countStates returns the number of states of the patterns' trie: one per distinct prefix,
// counted over the patterns as strings of classes, in sorted order.
func countStates(patterns []string, class *[256]uint8) int {
	keys := make([]string, 0, len(patterns))
	for _, p := range patterns {
		b := []byte(p)
		for i := range b {
			b[i] = class[b[i]]
		}
		keys = append(keys, string(b))
	}
	slices.Sort(keys)
	ns := 1
	prev := ""
	for _, p := range keys {
		k := 0
		for k < len(p) && k < len(prev) && p[k] == prev[k] {
			k++
		}
		ns += len(p) - k
		prev = p
	}
	return ns
}

// Patterns returns the compiled patterns.
func (m *Matcher) Patterns() []string { return m.patterns }

// FindAll calls fn for every occurrence of every pattern in text, in order of end position,
// with the pattern's index and its byte range. fn returns false to stop.
func (m *Matcher) FindAll(text string, fn func(pattern, start, end int) bool) {
	n := int32(m.nclass)
	s := int32(0) // premultiplied state
	for i := 0; ; i++ {
		if i, s = m.scan(text, i, s); i == len(text) {
			return
		}
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

// scan runs the automaton over text from byte i in (premultiplied) state s up to the first byte
// that leads into a state that reports, and returns that byte's index and the state it leads
// into; or len(text) and the state at the end.
func (m *Matcher) scan(text string, i int, s int32) (int, int32) {
	var j int
	if t := m.small; t != nil {
		j, s = scan16(t[:], m.class[:], text[i:], uint16(s))
	} else {
		j, s = scan32(m.delta, m.class[:], text[i:], s)
	}
	return i + j, s
}

// scan16 is scan over the 16-bit table. The tables are passed as slices, of lengths the
// compiler knows, so that the loop checks no bounds.
func scan16(t []uint16, class []uint8, text string, s uint16) (int, int32) {
	t, class = t[:1<<16], class[:256]
	const top = 1 << 15
	i := 0
	for ; i+4 <= len(text); i += 4 { // four bytes a round: fewer loop tests
		b := text[i : i+4]
		if s = t[s+uint16(class[b[0]])]; s >= top {
			return i, int32(s &^ top)
		}
		if s = t[s+uint16(class[b[1]])]; s >= top {
			return i + 1, int32(s &^ top)
		}
		if s = t[s+uint16(class[b[2]])]; s >= top {
			return i + 2, int32(s &^ top)
		}
		if s = t[s+uint16(class[b[3]])]; s >= top {
			return i + 3, int32(s &^ top)
		}
	}
	for ; i < len(text); i++ {
		if s = t[s+uint16(class[text[i]])]; s >= 1<<15 {
			return i, int32(s &^ (1 << 15))
		}
	}
	return len(text), int32(s)
}

func scan32(delta []int32, class []uint8, text string, s int32) (int, int32) {
	class = class[:256]
	for i := 0; i < len(text); i++ {
		if s = delta[s+int32(class[text[i]])]; s < 0 {
			return i, -s - 1
		}
	}
	return len(text), s
}

// Contains reports whether any pattern occurs in text.
func (m *Matcher) Contains(text string) bool {
	if t := m.small; t != nil {
		// Each step of a scan waits for the previous one's load: two halves of a longer text,
		// scanned side by side, take little more time than one. The halves overlap by the
		// longest pattern's length less one, so each occurrence lies whole in one of them.
		if half := (len(text) + m.maxLen) / 2; len(text)-half >= 16 {
			return contains16x2(t[:], m.class[:], text[:half], text[len(text)-half:])
		}
		return contains16(t[:], m.class[:], text)
	}
	// a state that reports has a pattern ending in it (out or dict is set)
	i, _ := m.scan(text, 0, 0)
	return i < len(text)
}

// contains16 reports whether a pattern occurs in text, with the 16-bit table. Once marked, the
// state stays marked: it is tested every four bytes only.
func contains16(t []uint16, class []uint8, text string) bool {
	t, class = t[:1<<16], class[:256]
	const top = 1 << 15
	var s uint16
	i := 0
	for ; i+4 <= len(text); i += 4 {
		b := text[i : i+4]
		s = t[s+uint16(class[b[0]])]
		s = t[s+uint16(class[b[1]])]
		s = t[s+uint16(class[b[2]])]
		s = t[s+uint16(class[b[3]])]
		if s >= top {
			return true
		}
	}
	for ; i < len(text); i++ {
		s = t[s+uint16(class[text[i]])]
	}
	return s >= top
}

// contains16x2 is contains16 over a and b, of one length, side by side.
func contains16x2(t []uint16, class []uint8, a, b string) bool {
	t, class = t[:1<<16], class[:256]
	b = b[:len(a)]
	const top = 1 << 15
	var sa, sb uint16
	i := 0
	for ; i+4 <= len(a); i += 4 {
		x, y := a[i:i+4], b[i:i+4]
		sa = t[sa+uint16(class[x[0]])]
		sb = t[sb+uint16(class[y[0]])]
		sa = t[sa+uint16(class[x[1]])]
		sb = t[sb+uint16(class[y[1]])]
		sa = t[sa+uint16(class[x[2]])]
		sb = t[sb+uint16(class[y[2]])]
		sa = t[sa+uint16(class[x[3]])]
		sb = t[sb+uint16(class[y[3]])]
		if sa|sb >= top {
			return true
		}
	}
	for ; i < len(a); i++ {
		sa = t[sa+uint16(class[a[i]])]
		sb = t[sb+uint16(class[b[i]])]
	}
	return sa|sb >= top
}

// Trie finds the patterns that begin at a given position of a text, for callers that know
// where a match can start (a name at a capital letter): a walk down the patterns' trie from
// there, with nothing to build beyond the trie.
//
// The trie is a double array: the child of the state in cell s by class c is the cell
// cells[s].base+c, when that cell's check is s. A table with a row of every class for each state
// was mostly empty (the 1,037 spellings of the name list: 7,769 states, most with one child, in
// 1.7 MB that every run faulted in, twice a page as building read each before writing it, and
// whose rows near the root lay far apart); the double array holds them in 7,815 cells (94 KB).
type Trie struct {
	patterns []string
	class    [256]uint8
	cells    []trieCell
}

// trieCell is a state of a Trie in the cell of the table its parent's base and its class name.
type trieCell struct {
	base  int32 // the cell of the child by class c is base+c (classes start at 1)
	check int32 // the parent's cell; -1 for the root (cell 0) and for free cells
	out   int32 // the pattern that ends in this state (the first of equal ones), or -1
}

// NewTrie compiles patterns, with foldASCII as for New.
func NewTrie(patterns []string, foldASCII bool) *Trie {
	t := &Trie{patterns: patterns}
	nclass := classes(patterns, foldASCII, &t.class)
	// the trie as nodes, each with its list of children (most have one)
	type node struct {
		first, sibling int32 // first child, next sibling; 0 for none (the root is no one's child)
		class          uint8
		out            int32
	}
	nodes := make([]node, 1, 1+len(patterns))
	nodes[0].out = -1
	for pi, p := range patterns {
		if p == "" {
			continue
		}
		var s int32
		for i := 0; i < len(p); i++ {
			c := t.class[p[i]]
			k := nodes[s].first
			for k != 0 && nodes[k].class != c {
				k = nodes[k].sibling
			}
			if k == 0 {
				k = int32(len(nodes))
				nodes = append(nodes, node{sibling: nodes[s].first, class: c, out: -1})
				nodes[s].first = k
			}
			s = k
		}
		if nodes[s].out < 0 {
			nodes[s].out = int32(pi)
		}
	}
	// the cells, breadth first: each state's children go where the first free cells fit them
	cells := make([]trieCell, 1, len(nodes)+nclass+1)
	cells[0] = trieCell{check: -1, out: -1}
	// after[i] leads to the first free cell at i or after (a cell past the table is free): the
	// search for a place skips the cells taken, most of a dense table, at once
	after := make([]int32, 1, cap(cells))
	freeFrom := func(i int) int {
		r := i
		for r < len(after) && int(after[r]) != r {
			r = int(after[r])
		}
		for i < len(after) && int(after[i]) != i { // shorten the path for the next search
			next := int(after[i])
			after[i] = int32(r)
			i = next
		}
		return r
	}
	take := func(c int) {
		for len(cells) <= c {
			after = append(after, int32(len(cells)))
			cells = append(cells, trieCell{check: -1, out: -1})
		}
		after[c] = int32(c + 1)
	}
	take(0)
	cellOf := make([]int32, len(nodes)) // node -> cell
	queue := make([]int32, 1, len(nodes))
	var kids []int32
	for q := 0; q < len(queue); q++ {
		n := queue[q]
		kids = kids[:0]
		lo := 256
		for k := nodes[n].first; k != 0; k = nodes[k].sibling {
			kids = append(kids, k)
			lo = min(lo, int(nodes[k].class))
		}
		if len(kids) == 0 {
			continue
		}
		// the smallest class goes into a free cell, from the first on, until the others fit too
		var base int
	fit:
		for f := freeFrom(lo + 1); ; f = freeFrom(f + 1) {
			base = f - lo
			for _, k := range kids {
				if c := base + int(nodes[k].class); c < len(cells) && cells[c].check >= 0 {
					continue fit
				}
			}
			break
		}
		s := cellOf[n]
		cells[s].base = int32(base)
		for _, k := range kids {
			c := base + int(nodes[k].class)
			take(c)
			cells[c] = trieCell{check: s, out: nodes[k].out}
			cellOf[k] = int32(c)
			queue = append(queue, k)
		}
	}
	// room for base+c of every cell and class, so that a walk needs no bounds test
	maxBase := 0
	for _, c := range cells {
		maxBase = max(maxBase, int(c.base))
	}
	for len(cells) < maxBase+nclass {
		cells = append(cells, trieCell{check: -1, out: -1})
	}
	t.cells = cells
	return t
}

// Patterns returns the compiled patterns.
func (t *Trie) Patterns() []string { return t.patterns }

// At calls fn for every pattern that occurs at text[i:], shortest first, with its index and
// end. fn returns false to stop. Of equal patterns (equal after folding), only the first is
// reported, as by FindAll.
func (t *Trie) At(text string, i int, fn func(pattern, end int) bool) {
	cells, class := t.cells, &t.class
	var s int32
	for j := i; j < len(text); j++ {
		c := cells[s].base + int32(class[text[j]])
		if cells[c].check != s {
			return
		}
		if o := cells[c].out; o >= 0 && !fn(int(o), j+1) {
			return
		}
		s = c
	}
}
