// Package summary aggregates per-document measurements of a newslint run into per-site and
// overall statistics: documents, bytes, findings per rule, characters --fix would remove,
// documents without an article body, the distribution of article lengths and the template lines
// that recur across a site's documents.
//
// Every statistic is a count, a sum or a histogram of counts, so summaries of shards of a corpus
// merge by addition, in any order, into the summary of the whole corpus. The one exception is
// the template-line table, a bounded sketch (see Lines): its listed counts are exact while a site
// has few distinct short lines, and lower bounds with a known error beyond.
//
// A summary serialises to JSON with the schema "newslint-summary/1" (see docs/monitoring.md and
// Summary); derived figures (rates per 1,000 documents, shares, medians) are written for the
// convenience of readers and recomputed from the counts when a summary is read back.
package summary

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
)

// Schema names the JSON format of a summary. A change that removes or renames a field, or
// changes its meaning, gets a new number; new fields may be added within a version.
const Schema = "newslint-summary/1"

// DocStats is what one document contributes to a summary. The engine fills one per linted text
// (a plain file, or one record of a JSON Lines or JSON file); MeasureText fills the fields that
// depend on the text alone.
type DocStats struct {
	// Site is the site the document belongs to (see Site, HostOf and DirSite); "" counts as
	// Unknown.
	Site string
	// Bytes is the size of the text in bytes.
	Bytes int
	// Chars is the length of the text in characters (code points).
	Chars int
	// ArticleChars counts the characters of the text's prose lines (see MeasureText): a
	// measure of the article body that whole-page chrome does not inflate much.
	ArticleChars int
	// Bodiless marks a document with too little prose to hold an article (ArticleChars below
	// MinArticleChars).
	Bodiless bool
	// RemovedChars is how many characters --fix would remove (characters removed minus
	// characters inserted, never negative).
	RemovedChars int
	// Findings counts the findings of each rule in the document.
	Findings map[string]int
	// TemplateLines are the distinct normalised short lines of the document, candidates for
	// site furniture (see MeasureText).
	TemplateLines []string
}

// Unknown is the site of documents whose site cannot be told.
const Unknown = "(unknown)"

// Summary is the aggregate of a run.
type Summary struct {
	// Schema is always Schema.
	Schema string `json:"schema"`
	// Label names the run (a crawl date, a shard), for reports and trend lines; optional.
	Label string `json:"label,omitempty"`
	// Created is when the summary was written (RFC 3339), optional.
	Created string `json:"created,omitempty"`
	// Overall aggregates all documents. Its template-line table stays empty: template lines are
	// counted per site.
	Overall *Stats `json:"overall"`
	// Sites aggregates the documents of each site.
	Sites map[string]*Stats `json:"sites"`
}

// New returns an empty summary.
func New() *Summary {
	return &Summary{Schema: Schema, Overall: newStats(), Sites: map[string]*Stats{}}
}

// Add counts one document.
func (s *Summary) Add(d DocStats) {
	site := d.Site
	if site == "" {
		site = Unknown
	}
	st := s.Sites[site]
	if st == nil {
		st = newStats()
		s.Sites[site] = st
	}
	st.add(&d, true)
	s.Overall.add(&d, false)
}

// Merge adds the counts of o to s. Merging is commutative and associative for every count; see
// Lines for the template-line table.
func (s *Summary) Merge(o *Summary) {
	if s.Label == "" {
		s.Label = o.Label
	}
	s.Overall.merge(o.Overall)
	for name, st := range o.Sites {
		mine := s.Sites[name]
		if mine == nil {
			mine = newStats()
			s.Sites[name] = mine
		}
		mine.merge(st)
	}
}

// SiteNames returns the sites in alphabetical order.
func (s *Summary) SiteNames() []string {
	names := make([]string, 0, len(s.Sites))
	for n := range s.Sites {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// WriteJSON writes the summary as indented JSON, derived figures included.
func (s *Summary) WriteJSON(w io.Writer) error {
	s.Schema = Schema
	s.Overall.derive()
	for _, st := range s.Sites {
		st.derive()
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(s)
}

// Read parses a summary written by WriteJSON.
func Read(r io.Reader) (*Summary, error) {
	var s Summary
	dec := json.NewDecoder(r)
	if err := dec.Decode(&s); err != nil {
		return nil, fmt.Errorf("not a newslint summary: %w", err)
	}
	if s.Schema != Schema {
		return nil, fmt.Errorf("summary schema is %q, want %q", s.Schema, Schema)
	}
	if s.Overall == nil {
		s.Overall = newStats()
	}
	if s.Sites == nil {
		s.Sites = map[string]*Stats{}
	}
	for name, st := range s.Sites {
		if st == nil {
			return nil, fmt.Errorf("summary: site %q has no statistics", name)
		}
		if err := st.load(); err != nil {
			return nil, fmt.Errorf("summary: site %q: %w", name, err)
		}
	}
	if err := s.Overall.load(); err != nil {
		return nil, fmt.Errorf("summary: overall: %w", err)
	}
	return &s, nil
}

// ReadFile reads a summary file.
func ReadFile(path string) (*Summary, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	s, err := Read(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return s, nil
}

// WriteFile writes the summary to path.
func (s *Summary) WriteFile(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := s.WriteJSON(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// MergeFiles reads summary files and merges them, in the order given.
func MergeFiles(paths []string) (*Summary, error) {
	out := New()
	for _, p := range paths {
		s, err := ReadFile(p)
		if err != nil {
			return nil, err
		}
		out.Merge(s)
	}
	return out, nil
}
