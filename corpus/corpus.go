// Package corpus holds the statistics that corpus-level rules gather over all files of a run
// before any file is checked: name spellings, the vocabulary the dictionary lacks, recurring
// lines. Stats are plain counts, so partial stats (per worker, per machine) merge by addition in
// any order, and they serialise to JSON for `newslint stats` and `--corpus-stats`.
package corpus

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sync"
)

// Version is the format version of serialised stats.
const Version = 1

// Stats are corpus counts. Counts are per file (a file adds at most 1 to a key) unless a field
// says otherwise.
type Stats struct {
	Version int `json:"version"`
	// Files is the number of files gathered.
	Files int `json:"files"`
	// Names counts uses (occurrences) of person-name spellings.
	Names map[string]uint32 `json:"names"`
	// Vocab counts files using each lower-case word that the dictionary lacks.
	Vocab map[string]uint32 `json:"vocab"`
	// DirFiles counts the files of each directory.
	DirFiles map[string]uint32 `json:"dir_files"`
	// Lines counts files holding each short line, keyed by a 64-bit hash of the directory and
	// the normalised line, so that memory does not grow with line length.
	Lines map[uint64]uint32 `json:"lines"`

	mu      sync.Mutex
	derived map[any]any
}

// New returns empty stats.
func New() *Stats {
	return &Stats{Version: Version, Names: map[string]uint32{}, Vocab: map[string]uint32{},
		DirFiles: map[string]uint32{}, Lines: map[uint64]uint32{}}
}

// Merge adds o's counts to s.
func (s *Stats) Merge(o *Stats) {
	s.Files += o.Files
	for k, v := range o.Names {
		s.Names[k] += v
	}
	for k, v := range o.Vocab {
		s.Vocab[k] += v
	}
	for k, v := range o.DirFiles {
		s.DirFiles[k] += v
	}
	for k, v := range o.Lines {
		s.Lines[k] += v
	}
	s.mu.Lock()
	s.derived = nil
	s.mu.Unlock()
}

// Derived returns the value build computes from s, computing it once per key. Rules use it for
// what they derive from the counts (such as which spellings are variants of which). The key is a
// comparable value of the caller's own type (a struct of the options the result depends on), so
// callers cannot collide.
func (s *Stats) Derived(key any, build func(*Stats) any) any {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.derived[key]; ok {
		return v
	}
	if s.derived == nil {
		s.derived = map[any]any{}
	}
	v := build(s)
	s.derived[key] = v
	return v
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
		return nil, fmt.Errorf("corpus stats version %d, want %d", s.Version, Version)
	}
	if s.Names == nil {
		s.Names = map[string]uint32{}
	}
	if s.Vocab == nil {
		s.Vocab = map[string]uint32{}
	}
	if s.DirFiles == nil {
		s.DirFiles = map[string]uint32{}
	}
	if s.Lines == nil {
		s.Lines = map[uint64]uint32{}
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
		s, err := Read(f)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %v", p, err)
		}
		total.Merge(s)
	}
	return total, nil
}
