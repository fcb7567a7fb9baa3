// Package corpus holds the statistics that corpus-level rules gather over all files of a run
// before any file is checked (name spellings, the vocabulary the dictionary lacks, recurring
// lines), each rule's counters under its own ID. Stats are plain counts, so partial stats (per worker, per machine) merge by addition in
// any order, and they serialise to JSON for `newslint stats` and `--corpus-stats`.
package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
)

// Version is the format version of serialised stats.
const Version = 2

// Stats are corpus counts: how many files were gathered, and each corpus rule's own counters,
// keyed by the rule's ID. A rule declares what it counts by what it writes into its Counts in
// its Gather; nothing here knows what a rule counts.
type Stats struct {
	Version int `json:"version"`
	// Files is the number of files (and records) gathered.
	Files int `json:"files"`
	// Rules holds each corpus rule's counters.
	Rules map[string]*Counts `json:"rules"`
	// Pruned marks stats whose counts that cannot produce a finding were dropped: they are final
	// and must not be merged with more counts.
	Pruned bool `json:"pruned,omitempty"`

	// shared, when set, holds the hash counts of every rule (see Shared).
	shared *sharedHashes
}

// Counts are one rule's counters. They only add up, so partial counts merge in any order.
type Counts struct {
	// Keys counts string keys (a name spelling, a word, a directory).
	Keys map[string]uint32 `json:"keys,omitempty"`
	// Hashes counts 64-bit hashes (of a line, say), so that memory does not grow with the
	// length of what is counted. Hashes counted through AddHash that were seen once only are
	// kept apart (see Hash); Write, WriteBinary and Prune take them into account.
	Hashes map[uint64]uint32 `json:"hashes,omitempty"`
	// once holds the hashes AddHash saw: those not in Hashes were seen exactly once. Most
	// lines of a corpus are seen in one file only: a set of them takes about half the memory of
	// counts.
	once *hashSet
	// mu is set on counts whose hashes one pass's workers share (see Shared): it guards Hashes
	// and once.
	mu *sync.Mutex
}

// AddKey counts n more for key k. The map keeps a copy of k, never k itself: on assignment Go
// stores the key it is given in place of the equal key it holds, so counting a substring of a
// document would keep the document alive (and a reused buffer would change the key).
func (c *Counts) AddKey(k string, n uint32) {
	c.Keys[strings.Clone(k)] += n
}

// AddHash counts one more for hash k.
func (c *Counts) AddHash(k uint64) {
	if c.mu != nil {
		c.mu.Lock()
		c.addHash(k)
		c.mu.Unlock()
		return
	}
	c.addHash(k)
}

// AddHashes counts one more for each hash of ks, as AddHash does each, taking the lock of
// shared counts once.
func (c *Counts) AddHashes(ks []uint64) {
	if c.mu != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
	}
	for _, k := range ks {
		c.addHash(k)
	}
}

func (c *Counts) addHash(k uint64) {
	if n, ok := c.Hashes[k]; ok {
		c.Hashes[k] = n + 1
		return
	}
	if c.once == nil {
		c.once = &hashSet{}
	}
	if !c.once.add(k) { // the second sighting
		c.Hashes[k] = 2
		c.once.promoted++
	}
}

// Hash is the count of hash k.
func (c *Counts) Hash(k uint64) uint32 {
	if n, ok := c.Hashes[k]; ok {
		return n
	}
	if c.once.has(k) {
		return 1
	}
	return 0
}

// Singles is the number of hashes counted once that are not in Hashes.
func (c *Counts) Singles() int {
	if c.once == nil {
		return 0
	}
	return c.once.len() - c.once.promoted
}

// Settle moves the hashes counted once into Hashes, for readers of Hashes.
func (c *Counts) Settle() {
	c.once.each(func(k uint64) {
		if _, ok := c.Hashes[k]; !ok {
			c.Hashes[k] = 1
		}
	})
	c.once = nil
}

// DropSingles forgets the hashes counted once (counts that were never more than one).
func (c *Counts) DropSingles() { c.once = nil }

// New returns empty stats.
func New() *Stats {
	return &Stats{Version: Version, Rules: map[string]*Counts{}}
}

// For returns rule's counters to add to, creating them on first use. A Gather of one worker
// calls it on that worker's own Stats.
func (s *Stats) For(rule string) *Counts {
	c := s.Rules[rule]
	if c == nil {
		c = &Counts{Keys: map[string]uint32{}, Hashes: map[uint64]uint32{}}
		if s.shared != nil {
			h := s.shared.of(rule)
			c.Hashes, c.once, c.mu = h.Hashes, h.once, &h.mu
		}
		s.Rules[rule] = c
	}
	return c
}

// sharedHashes are the hash counts of each rule that the stats of one pass's workers share.
type sharedHashes struct {
	mu    sync.Mutex
	rules map[string]*sharedTable
}

type sharedTable struct {
	mu     sync.Mutex
	Hashes map[uint64]uint32
	once   *hashSet
}

func (sh *sharedHashes) of(rule string) *sharedTable {
	sh.mu.Lock()
	defer sh.mu.Unlock()
	t := sh.rules[rule]
	if t == nil {
		t = &sharedTable{Hashes: map[uint64]uint32{}, once: &hashSet{}}
		sh.rules[rule] = t
	}
	return t
}

// Shared returns n empty stats for the n workers of one pass: each counts its own keys, but
// their hash counts (the large part: a count per distinct line) are one table, which AddHash
// locks, so that the workers neither hold a copy each nor need a second table to merge into.
// Merging them into one another adds the keys only; Detach the merged stats before use.
func Shared(n int) []*Stats {
	sh := &sharedHashes{rules: map[string]*sharedTable{}}
	parts := make([]*Stats, n)
	for i := range parts {
		parts[i] = New()
		parts[i].shared = sh
	}
	return parts
}

// Detach makes stats from Shared, all merged into s, stats of their own: the hash counts are
// no longer locked, and no other stats share them.
func (s *Stats) Detach() {
	s.shared = nil
	for _, c := range s.Rules {
		c.mu = nil
	}
}

var empty = &Counts{}

// Of returns rule's counters to read: empty ones when the rule gathered nothing. It never
// changes s, so checking passes may call it concurrently.
func (s *Stats) Of(rule string) *Counts {
	if c := s.Rules[rule]; c != nil {
		return c
	}
	return empty
}

// Size is the number of counts s holds, keys and hashes of every rule.
func (s *Stats) Size() int {
	n := 0
	for _, c := range s.Rules {
		n += len(c.Keys) + len(c.Hashes) + c.Singles()
	}
	return n
}

// Merge adds o's counts to s.
func (s *Stats) Merge(o *Stats) {
	s.Files += o.Files
	s.Pruned = s.Pruned || o.Pruned
	for rule, c := range o.Rules {
		dst := s.For(rule)
		for k, v := range c.Keys {
			dst.Keys[k] += v
		}
		if c.mu != nil && c.mu == dst.mu {
			continue // the same table
		}
		if dst.mu != nil {
			dst.mu.Lock()
		}
		for k, v := range c.Hashes {
			if dst.once.has(k) {
				if _, counted := dst.Hashes[k]; !counted { // a single of dst: one more
					v++
					dst.once.promoted++
				}
			}
			dst.Hashes[k] += v
		}
		c.once.each(func(k uint64) {
			if _, counted := c.Hashes[k]; !counted {
				dst.addHash(k)
			}
		})
		if dst.mu != nil {
			dst.mu.Unlock()
		}
	}
}

// settle moves every rule's hashes counted once into its Hashes.
func (s *Stats) settle() {
	for _, c := range s.Rules {
		c.Settle()
	}
}

// Write serialises s as JSON.
func (s *Stats) Write(w io.Writer) error {
	s.settle()
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(s)
}

// Read parses serialised stats.
func Read(r io.Reader) (*Stats, error) {
	s := New()
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(s); err != nil {
		return nil, err
	}
	if s.Version != Version {
		return nil, fmt.Errorf("corpus stats version %d, want %d: gather them again with this newslint (newslint stats)", s.Version, Version)
	}
	if s.Rules == nil {
		s.Rules = map[string]*Counts{}
	}
	for _, c := range s.Rules {
		if c.Keys == nil {
			c.Keys = map[string]uint32{}
		}
		if c.Hashes == nil {
			c.Hashes = map[uint64]uint32{}
		}
	}
	return s, nil
}

// ReadFiles reads and merges stats files.
func ReadFiles(paths []string) (*Stats, error) {
	total := New()
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			return nil, err
		}
		s, err := ReadAny(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		total.Merge(s)
	}
	return total, nil
}
