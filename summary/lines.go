package summary

import (
	"encoding/json"
	"fmt"
	"hash/fnv"
	"sort"
	"strconv"
)

// Lines counts, per site, the documents that hold each short line, in bounded memory: a
// Misra-Gries sketch keyed by a 64-bit hash of the line. While a site has at most MaxTracked
// distinct lines the counts are exact. Beyond that the table is cut back to its KeepTracked most
// frequent lines by subtracting the count of the first line dropped from every line; the total
// subtracted is Floor. Then a listed count is a lower bound of the true count, the true count is
// at most count + Floor, and an unlisted line was seen in at most Floor documents. A line in more
// than documents/KeepTracked of the documents is never dropped.
//
// A summary file lists the KeepWritten most frequent lines; the largest count it leaves out is
// added to the written Floor, so the bounds above hold for files and for their merges, and files
// of sites with at most KeepWritten distinct lines merge exactly.
type Lines struct {
	// Floor bounds the count of any unlisted line (see above).
	Floor int64 `json:"floor"`
	// Top lists the most frequent lines, most documents first (ties by hash).
	Top []Line `json:"top"`

	m       map[uint64]*entry
	written int64 // Floor plus the largest count derive left out of Top
}

// Line is one recurring line.
type Line struct {
	// Hash is the FNV-1a 64-bit hash of Text, in hexadecimal.
	Hash string `json:"hash"`
	Text string `json:"text"`
	// Documents counts the documents holding the line (a lower bound, see Lines).
	Documents int64 `json:"documents"`
	// Share is Documents / the site's documents (derived).
	Share float64 `json:"document_share"`
}

type entry struct {
	n    int64
	text string
}

// Bounds of the template-line table.
const (
	MaxTracked  = 2000
	KeepTracked = 1000
	KeepWritten = 100
)

// HashLine is the key of a line in the table.
func HashLine(s string) uint64 {
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

func (l *Lines) addDoc(lines []string) {
	if len(lines) == 0 {
		return
	}
	if l.m == nil {
		l.m = map[uint64]*entry{}
	}
	seen := make(map[uint64]bool, len(lines))
	for _, s := range lines {
		h := HashLine(s)
		if seen[h] {
			continue
		}
		seen[h] = true
		if e := l.m[h]; e != nil {
			e.n++
		} else {
			l.m[h] = &entry{n: 1, text: s}
		}
	}
	l.prune()
}

func (l *Lines) merge(o *Lines) {
	if l.m == nil {
		l.m = map[uint64]*entry{}
	}
	l.Floor += o.Floor
	for h, e := range o.m {
		if mine := l.m[h]; mine != nil {
			mine.n += e.n
		} else {
			l.m[h] = &entry{n: e.n, text: e.text}
		}
	}
	l.prune()
}

// sorted returns the table's hashes, most documents first, ties by hash.
func (l *Lines) sorted() []uint64 {
	keys := make([]uint64, 0, len(l.m))
	for h := range l.m {
		keys = append(keys, h)
	}
	sort.Slice(keys, func(i, j int) bool {
		a, b := l.m[keys[i]].n, l.m[keys[j]].n
		if a != b {
			return a > b
		}
		return keys[i] < keys[j]
	})
	return keys
}

// prune cuts the table back to KeepTracked lines once it holds more than MaxTracked.
func (l *Lines) prune() {
	if len(l.m) <= MaxTracked {
		return
	}
	keys := l.sorted()
	cut := l.m[keys[KeepTracked]].n
	for h, e := range l.m {
		e.n -= cut
		if e.n <= 0 {
			delete(l.m, h)
		}
	}
	l.Floor += cut
}

// List returns the lines of the table, most documents first (ties by hash); Share is left 0.
func (l *Lines) List() []Line {
	if l == nil {
		return nil
	}
	keys := l.sorted()
	out := make([]Line, len(keys))
	for i, h := range keys {
		e := l.m[h]
		out[i] = Line{Hash: fmt.Sprintf("%016x", h), Text: e.text, Documents: e.n}
	}
	return out
}

// Count returns the listed count of a line and the upper bound of its true count.
func (l *Lines) Count(text string) (lower, upper int64) {
	if l == nil {
		return 0, 0
	}
	if e := l.m[HashLine(text)]; e != nil {
		return e.n, e.n + l.Floor
	}
	return 0, l.Floor
}

// derive fills Top from the table, as written to a file.
func (l *Lines) derive(docs int64) {
	l.Top = l.Top[:0]
	var dropped int64
	for _, h := range l.sorted() {
		e := l.m[h]
		if len(l.Top) >= KeepWritten {
			dropped = max(dropped, e.n)
			continue
		}
		l.Top = append(l.Top, Line{Hash: fmt.Sprintf("%016x", h), Text: e.text, Documents: e.n, Share: ratio(e.n, docs)})
	}
	if l.Top == nil {
		l.Top = []Line{}
	}
	l.written = l.Floor + dropped
}

// MarshalJSON writes the floor that holds for the lines written.
func (l *Lines) MarshalJSON() ([]byte, error) {
	type plain struct {
		Floor int64  `json:"floor"`
		Top   []Line `json:"top"`
	}
	top := l.Top
	if top == nil {
		top = []Line{}
	}
	return json.Marshal(plain{Floor: l.written, Top: top})
}

// load rebuilds the table from the lines read.
func (l *Lines) load() error {
	l.m = make(map[uint64]*entry, len(l.Top))
	for _, t := range l.Top {
		h, err := strconv.ParseUint(t.Hash, 16, 64)
		if err != nil || HashLine(t.Text) != h {
			return fmt.Errorf("template line %q: hash %q does not match its text", t.Text, t.Hash)
		}
		if t.Documents < 0 {
			return fmt.Errorf("template line %q: negative count", t.Text)
		}
		l.m[h] = &entry{n: t.Documents, text: t.Text}
	}
	return nil
}
