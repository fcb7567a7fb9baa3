package match

import (
	"slices"
	"strings"
)

// Set tells whether a text contains any of its patterns, as Matcher.Contains does, without
// looking at every byte (Wu and Manber's multi-pattern search): a window slides over the text,
// and its last two bytes say how far it may move without passing over a pattern. Most windows
// of prose end in a pair found in no pattern, so the window moves by several bytes a step;
// where it cannot move, a hash of the window's last bytes says whether it may hold a pattern,
// and where it may, the patterns' Trie looks for one.
//
// The window is one byte longer than the shortest pattern: those of its length are taken to
// begin with a byte that matches any, so that one pattern shorter than the others does not cut
// every move short. Each longer pattern is found by one of its pieces of the window's length,
// the one whose bytes are the least common in prose (the least often stopped at). Patterns
// shorter than minWindow would make the window too short to skip: each is looked for on its
// own, by its first byte (for "©" and "(c)" among words, a byte rare in prose, which
// strings.IndexByte finds many bytes at a time).
//
// A Set is immutable and safe for concurrent use.
type Set struct {
	fold  bool
	short []string // patterns shorter than minWindow, folded
	// window is the length of the shortest of the other patterns plus one, 0 if there are none.
	window int
	// shift maps the last two bytes of a window (the first in the low byte) to how far the
	// window can move: at most window-1, 0 where the window may be a pattern's piece.
	shift *[1 << 16]uint8
	// tails is the set of the pieces' tailHash, a bit each.
	tails [1 << tailBits / 64]uint64
	// offsets are where the pieces begin in their patterns, each once: a piece found at i
	// means a pattern may start at i-offset. -1 is the shortest patterns' wildcard.
	offsets []int
	trie    *Trie // the patterns of minWindow bytes or more
}

const tailBits = 12

// minWindow is the shortest pattern a Set skips over text for; shorter ones are looked for on
// their own.
const minWindow = 4

// NewSet compiles patterns, with foldASCII as for New: a text contains a pattern for Contains
// when it does for New(patterns, foldASCII).Contains. Empty patterns are ignored, as by New.
func NewSet(patterns []string, foldASCII bool) *Set {
	s := &Set{fold: foldASCII}
	var long []string
	shortest := 0
	for _, p := range patterns {
		switch {
		case p == "":
		case len(p) < minWindow:
			if foldASCII {
				p = lowerASCII(p)
			}
			s.short = append(s.short, p)
		default:
			long = append(long, p)
			if shortest == 0 || len(p) < shortest {
				shortest = len(p)
			}
		}
	}
	if len(long) == 0 {
		return s
	}
	s.trie = NewTrie(long, foldASCII)
	w := shortest + 1
	s.window = w
	// A pair that occurs in no piece lets the window move past it: by w-1 bytes. A pair that
	// ends at byte j of a piece lets it move by w-1-j at most, so that the piece is not passed
	// over.
	s.shift = new([1 << 16]uint8)
	t := s.shift[:]
	t[0] = uint8(min(w-1, 255))
	for n := 1; n < len(t); n *= 2 {
		copy(t[n:], t[:n])
	}
	for _, p := range long {
		off := -1 // the shortest patterns' piece: a wildcard, then the pattern
		if len(p) >= w {
			off = bestPiece(p, w)
		}
		if !slices.Contains(s.offsets, off) {
			s.offsets = append(s.offsets, off)
		}
		piece := p[max(off, 0) : off+w]
		h := s.tailHash(strings.Repeat(" ", w-len(piece)) + piece) // the wildcard is not hashed
		s.tails[h/64] |= 1 << (h % 64)
		// piece[k] is the window's byte k+pad
		pad := w - len(piece)
		for j := 1; j < w; j++ {
			d := uint8(min(w-1-j, 255))
			first := allBytes[:]
			if j-1 >= pad {
				first = s.cases(piece[j-1-pad])
			}
			for _, a := range first {
				for _, b := range s.cases(piece[j-pad]) {
					k := uint16(a) | uint16(b)<<8
					t[k] = min(t[k], d)
				}
			}
		}
	}
	return s
}

// bestPiece returns where p's piece of w bytes begins: the piece least likely in prose, by the
// frequencies of its bytes, the last two (those that stop the window) counted twice.
func bestPiece(p string, w int) int {
	best, bestCost := 0, 0.0
	for o := 0; o+w <= len(p); o++ {
		cost := byteFreq(p[o+w-2]) * byteFreq(p[o+w-1])
		for j := 0; j < w; j++ {
			cost *= byteFreq(p[o+j])
		}
		if o == 0 || cost < bestCost {
			best, bestCost = o, cost
		}
	}
	return best
}

// byteFreq is a rough frequency of a byte in English prose, for bestPiece: letters by rank,
// the space as the commonest, other bytes rare.
func byteFreq(c byte) float64 {
	const byRank = "etaoinshrdlcumwfgypbvkjxqz"
	if c == ' ' {
		return 0.2
	}
	if l := c | 0x20; l >= 'a' && l <= 'z' {
		return 0.12 / float64(strings.IndexByte(byRank, l)+1)
	}
	return 0.001
}

// tailHash hashes the last w-1 bytes of a window of w that begins at b[0] (w-1 >= 4): the
// four from b[1] and the last four (all of them up to w-1 = 8), folded with fold by setting 0x20
// in each (which also merges a few other bytes: a false hit costs only a look in the trie).
func (s *Set) tailHash(b string) uint32 {
	w := s.window
	x := uint64(load32(b[1:])) | uint64(load32(b[w-4:]))<<32
	if s.fold {
		x |= 0x2020202020202020
	}
	return uint32(x * 0x9E3779B97F4A7C15 >> (64 - tailBits))
}

func load32(b string) uint32 {
	b = b[:4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

var allBytes = func() (b [256]byte) {
	for i := range b {
		b[i] = byte(i)
	}
	return b
}()

// cases returns the bytes that match c: both cases of an ASCII letter with fold, else c alone.
func (s *Set) cases(c byte) []byte {
	if s.fold && (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
		return []byte{c | 0x20, c &^ 0x20}
	}
	return []byte{c}
}

// Contains reports whether any pattern occurs in text.
func (s *Set) Contains(text string) bool {
	for _, p := range s.short {
		if c := p[0]; s.fold && c >= 'a' && c <= 'z' {
			if s.containsLetter(text, p) {
				return true
			}
		} else if i := strings.IndexByte(text, c); i >= 0 && s.containsShort(text[i:], p) {
			return true
		}
	}
	w := s.window
	if w == 0 || len(text) < w-1 {
		return false
	}
	// the windows cover the shortest patterns from their second byte on
	if s.trie.startsAt(text, 0) {
		return true
	}
	// A window is text[i+2-w : i+2], named by i, its next to last byte. Each step waits for
	// the previous one's loads: two halves of a longer text, scanned side by side, take little
	// more time than one. The first half has the windows that start before mid. (The loops
	// test 0 <= i and i < len-1 so that the compiler sees the reads in bounds.)
	i := w - 2
	if len(text) >= 4*w {
		mid := (len(text) - w + 1) / 2
		j := mid + w - 2
		a := text[:j+1] // the first half's windows end in it
		shift := s.shift[:]
		for {
			for 0 <= i && i < len(a)-1 && 0 <= j && j < len(text)-1 {
				d, e := shift[uint16(a[i])|uint16(a[i+1])<<8], shift[uint16(text[j])|uint16(text[j+1])<<8]
				if d == 0 || e == 0 {
					break
				}
				i, j = i+int(d), j+int(e)
			}
			if i >= len(a)-1 || j >= len(text)-1 {
				break
			}
			// a pattern may be in one of the windows, or both: look, and move by one
			if s.shift[uint16(a[i])|uint16(a[i+1])<<8] == 0 && s.startsIn(text, i+2-w) ||
				s.shift[uint16(text[j])|uint16(text[j+1])<<8] == 0 && s.startsIn(text, j+2-w) {
				return true
			}
			i, j = s.next(a, i), s.next(text, j)
		}
		if s.skip(text, i, len(a)-1) {
			return true
		}
		i = j
	}
	return s.skip(text, i, len(text)-1)
}

// next returns where the window named by i moves in text (at least one byte).
func (s *Set) next(text string, i int) int {
	return i + int(max(s.shift[uint16(text[i])|uint16(text[i+1])<<8], 1))
}

// skip reports whether a pattern is in one of the windows of text from the one named by i
// (Contains) to the one before end.
func (s *Set) skip(text string, i, end int) bool {
	shift, w := s.shift[:], s.window
	a := text[:end+1]
	for 0 <= i && i < len(a)-1 {
		d := shift[uint16(a[i])|uint16(a[i+1])<<8]
		if d == 0 {
			if s.startsIn(text, i+2-w) {
				return true
			}
			d = 1
		}
		i += int(d)
	}
	return false
}

// startsIn reports whether a pattern occurs in text whose piece is the window that begins at
// text[i].
func (s *Set) startsIn(text string, i int) bool {
	h := s.tailHash(text[i:])
	if s.tails[h/64]&(1<<(h%64)) == 0 {
		return false
	}
	for _, o := range s.offsets {
		if i >= o && s.trie.startsAt(text, i-o) {
			return true
		}
	}
	return false
}

// containsShort reports whether text, which begins with p's first byte, contains p, a folded
// pattern shorter than minWindow.
func (s *Set) containsShort(text, p string) bool {
	for {
		if s.hasPrefix(text, p) {
			return true
		}
		i := strings.IndexByte(text[1:], p[0])
		if i < 0 {
			return false
		}
		text = text[1+i:]
	}
}

// containsLetter is containsShort for a pattern that begins with a letter, with fold: the
// letter's two cases.
func (s *Set) containsLetter(text, p string) bool {
	for i := 0; i+len(p) <= len(text); i++ {
		if text[i]|0x20 == p[0] && s.hasPrefix(text[i:], p) {
			return true
		}
	}
	return false
}

// hasPrefix reports whether text begins with p, a folded pattern.
func (s *Set) hasPrefix(text, p string) bool {
	if len(text) < len(p) {
		return false
	}
	for i := 0; i < len(p); i++ {
		c := text[i]
		if s.fold && c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != p[i] {
			return false
		}
	}
	return true
}

func lowerASCII(p string) string {
	b := []byte(p)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// startsAt reports whether a pattern begins at text[i:].
func (t *Trie) startsAt(text string, i int) bool {
	cells, class := t.cells, &t.class
	var s int32
	for j := i; j < len(text); j++ {
		c := cells[s].base + int32(class[text[j]])
		if cells[c].check != s {
			return false
		}
		if cells[c].out >= 0 {
			return true
		}
		s = c
	}
	return false
}
