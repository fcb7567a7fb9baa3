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
}

// Counts are one rule's counters. They only add up, so partial counts merge in any order.
type Counts struct {
	// Keys counts string keys (a name spelling, a word, a directory).
	Keys map[string]uint32 `json:"keys,omitempty"`
	// Hashes counts 64-bit hashes (of a line, say), so that memory does not grow with the
	// length of what is counted.
	Hashes map[uint64]uint32 `json:"hashes,omitempty"`
}

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
		s.Rules[rule] = c
	}
	return c
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
		n += len(c.Keys) + len(c.Hashes)
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
		for k, v := range c.Hashes {
			dst.Hashes[k] += v
		}
	}
}

// Write serialises s as JSON.
func (s *Stats) Write(w io.Writer) error {
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
