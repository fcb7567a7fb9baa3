// Package baseline records the findings of a legacy corpus so that later runs report only new
// ones. Entries are keyed by rule, path and a hash of the flagged text with white space folded,
// not by line number, so they survive edits elsewhere in a file.
package baseline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/newslint/newslint/atomicfile"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/processors"
)

// FileName is the default baseline file.
const FileName = ".newslint-baseline.json"

// Version is the format version.
const Version = 1

// Entry is one recorded finding (Count times in the same file with the same text).
type Entry struct {
	Rule  string `json:"rule"`
	Path  string `json:"path"`
	Hash  string `json:"hash"`
	Count int    `json:"count"`
	// Text is an excerpt of the flagged text, for people reading the file.
	Text string `json:"text"`
}

type file struct {
	Version int     `json:"version"`
	Entries []Entry `json:"entries"`
}

type key struct{ rule, path, hash string }

// Set is a loaded baseline. It is a pipeline filter: the findings it records are hidden before
// fixing, so --fix leaves them as they are.
type Set struct {
	dir     string
	entries map[key]*Entry
	left    map[key]int
	linted  map[string]bool
	// count is how many findings of a key each unit may hide; read-only once loaded.
	count map[key]int
	// cwd makes relative paths absolute without asking the system on every call.
	cwd string
}

func textHash(s string) string {
	h := sha256.Sum256([]byte(finding.NormText(s)))
	return hex.EncodeToString(h[:12])
}

// rel expresses path relative to dir, with slashes, so a baseline works from any working
// directory.
func rel(dir, path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.ToSlash(path)
	}
	r, err := filepath.Rel(dir, abs)
	if err != nil {
		return filepath.ToSlash(abs)
	}
	return filepath.ToSlash(r)
}

// Load reads a baseline file.
func Load(path string) (*Set, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f file
	if err := json.Unmarshal(raw, &f); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, want %d", path, f.Version, Version)
	}
	abs, _ := filepath.Abs(path)
	cwd, _ := os.Getwd()
	s := &Set{dir: filepath.Dir(abs), entries: map[key]*Entry{}, left: map[key]int{}, linted: map[string]bool{},
		count: map[key]int{}, cwd: cwd}
	for i := range f.Entries {
		e := &f.Entries[i]
		k := key{e.Rule, e.Path, e.Hash}
		s.entries[k] = e
		s.left[k] += e.Count
		s.count[k] += e.Count
	}
	return s, nil
}

func (s *Set) rel(path string) string {
	if !filepath.IsAbs(path) && s.cwd != "" {
		path = filepath.Join(s.cwd, path)
	}
	return rel(s.dir, path)
}

// Hide implements processors.Filter: in each unit of text (a file, or one record of a JSON Lines
// or JSON file), as many findings of a rule and text as the baseline recorded for the file are
// hidden, the first ones in text order.
func (s *Set) Hide(u processors.Unit, fs []finding.Finding) []bool {
	out := make([]bool, len(fs))
	p := s.rel(u.Loc.Path)
	var used map[key]int
	for i := range fs {
		k := key{fs[i].Rule, p, textHash(fs[i].Text)}
		n := s.count[k]
		if n == 0 {
			continue
		}
		if used == nil {
			used = map[key]int{}
		}
		if used[k] < n {
			used[k]++
			out[i] = true
		}
	}
	return out
}

// Seen implements processors.Tracker: it counts the findings hidden in a reported result, for
// Stale.
func (s *Set) Seen(r *finding.Result) {
	p := s.rel(r.File.Path())
	s.linted[p] = true
	for i := range r.Suppressed {
		f := &r.Suppressed[i]
		s.left[key{f.Rule, p, textHash(f.Text)}]--
	}
}

// Stale returns the entries of linted files that no finding matched any more (fixed, or the
// text changed), sorted by path.
func (s *Set) Stale() []Entry {
	var out []Entry
	for k, n := range s.left {
		if n > 0 && s.linted[k.path] {
			e := *s.entries[k]
			e.Count = n
			out = append(out, e)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Path != out[j].Path {
			return out[i].Path < out[j].Path
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// Writer accumulates findings into a new baseline.
type Writer struct {
	dir     string
	entries map[key]*Entry
}

// NewWriter starts a baseline that will be written to path.
func NewWriter(path string) *Writer {
	abs, _ := filepath.Abs(path)
	return &Writer{dir: filepath.Dir(abs), entries: map[key]*Entry{}}
}

// Add records the findings of one file, related notes included: the baseline hides findings
// before they are folded.
func (w *Writer) Add(r *finding.Result) {
	p := rel(w.dir, r.File.Path())
	for _, f := range finding.Flatten(r.Findings) {
		k := key{f.Rule, p, textHash(f.Text)}
		if e, ok := w.entries[k]; ok {
			e.Count++
			continue
		}
		ex := finding.NormText(f.Text)
		if r := []rune(ex); len(r) > 80 {
			ex = string(r[:80]) + "…"
		}
		w.entries[k] = &Entry{Rule: f.Rule, Path: p, Hash: k.hash, Count: 1, Text: ex}
	}
}

// Len is the number of recorded findings.
func (w *Writer) Len() int {
	n := 0
	for _, e := range w.entries {
		n += e.Count
	}
	return n
}

// Write saves the baseline, sorted for stable diffs. The file is replaced atomically: a failed
// write (a full disk) leaves the previous baseline intact.
func (w *Writer) Write(path string) error {
	f := file{Version: Version, Entries: []Entry{}}
	for _, e := range w.entries {
		f.Entries = append(f.Entries, *e)
	}
	sort.Slice(f.Entries, func(i, j int) bool {
		a, b := f.Entries[i], f.Entries[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Hash < b.Hash
	})
	raw, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		return err
	}
	return atomicfile.WriteFile(path, append(raw, '\n'))
}
