package summary

import (
	"fmt"
	"math"
	"sort"
)

// Stats aggregates a set of documents (a site, or all of them). The fields without "derived" in
// their comment are counts that merge by addition; derived fields are recomputed from them when
// a summary is written or read.
type Stats struct {
	Documents int64 `json:"documents"`
	Bytes     int64 `json:"bytes"`
	// Chars counts characters (code points) of all texts.
	Chars int64 `json:"chars"`
	// RemovedChars counts the characters --fix would remove.
	RemovedChars int64 `json:"removed_chars"`
	// RemovedShare is RemovedChars / Chars (derived).
	RemovedShare float64 `json:"removed_share"`
	// ArticleChars counts the characters of prose lines.
	ArticleChars int64 `json:"article_chars"`
	// Bodiless counts documents with too little prose to hold an article.
	Bodiless int64 `json:"bodiless"`
	// BodilessShare is Bodiless / Documents (derived).
	BodilessShare float64 `json:"bodiless_share"`
	// ArticleLength is the distribution of ArticleChars per document.
	ArticleLength Histogram `json:"article_length"`
	// FixShare counts documents by the share of their characters --fix would remove, in tenths:
	// FixShare[i] holds the documents with a share in [i/10, (i+1)/10), FixShare[9] also those
	// with a share of 1.
	FixShare [10]int64 `json:"fix_share"`
	// Rules holds the findings of each rule that found anything.
	Rules map[string]*RuleStats `json:"rules"`
	// TemplateLines are the most frequent short lines of a site (empty for Overall).
	TemplateLines *Lines `json:"template_lines,omitempty"`
}

// RuleStats counts one rule's findings.
type RuleStats struct {
	// Findings counts the findings.
	Findings int64 `json:"findings"`
	// Documents counts the documents with at least one finding.
	Documents int64 `json:"documents"`
	// SumSquares sums the squares of the per-document finding counts: with Findings and the
	// number of documents it gives the variance of the count per document, which the drift
	// test needs to tell a real change from the clustering of findings in documents.
	SumSquares int64 `json:"sum_squares"`
	// Per1000 is Findings per 1,000 documents of the site (derived).
	Per1000 float64 `json:"per_1000_documents"`
	// DocumentShare is Documents / the site's documents (derived).
	DocumentShare float64 `json:"document_share"`
}

// HeavyFixShare is the share of characters --fix removes from a document at and above which
// the document counts as mostly boilerplate (see Stats.HeavyFix).
const HeavyFixShare = 0.2

// HeavyFix counts the documents of which --fix would remove at least HeavyFixShare of the
// characters.
func (s *Stats) HeavyFix() int64 {
	var n int64
	for i := int(math.Round(HeavyFixShare * 10)); i < len(s.FixShare); i++ {
		n += s.FixShare[i]
	}
	return n
}

func newStats() *Stats {
	return &Stats{Rules: map[string]*RuleStats{}}
}

func (s *Stats) add(d *DocStats, lines bool) {
	s.Documents++
	s.Bytes += int64(d.Bytes)
	s.Chars += int64(d.Chars)
	removed := max(0, min(d.RemovedChars, d.Chars))
	s.RemovedChars += int64(removed)
	s.ArticleChars += int64(d.ArticleChars)
	if d.Bodiless {
		s.Bodiless++
	}
	s.ArticleLength.Add(d.ArticleChars)
	tenth := 0
	if d.Chars > 0 {
		tenth = min(9, removed*10/d.Chars)
	}
	s.FixShare[tenth]++
	for rule, n := range d.Findings {
		if n <= 0 {
			continue
		}
		r := s.Rules[rule]
		if r == nil {
			r = &RuleStats{}
			s.Rules[rule] = r
		}
		r.Findings += int64(n)
		r.Documents++
		r.SumSquares += int64(n) * int64(n)
	}
	if lines {
		if s.TemplateLines == nil {
			s.TemplateLines = &Lines{}
		}
		s.TemplateLines.addDoc(d.TemplateLines)
	}
}

func (s *Stats) merge(o *Stats) {
	if o == nil {
		return
	}
	s.Documents += o.Documents
	s.Bytes += o.Bytes
	s.Chars += o.Chars
	s.RemovedChars += o.RemovedChars
	s.ArticleChars += o.ArticleChars
	s.Bodiless += o.Bodiless
	s.ArticleLength.Merge(&o.ArticleLength)
	for i := range s.FixShare {
		s.FixShare[i] += o.FixShare[i]
	}
	for rule, r := range o.Rules {
		mine := s.Rules[rule]
		if mine == nil {
			mine = &RuleStats{}
			s.Rules[rule] = mine
		}
		mine.Findings += r.Findings
		mine.Documents += r.Documents
		mine.SumSquares += r.SumSquares
	}
	if o.TemplateLines != nil {
		if s.TemplateLines == nil {
			s.TemplateLines = &Lines{}
		}
		s.TemplateLines.merge(o.TemplateLines)
	}
}

// derive fills the derived fields.
func (s *Stats) derive() {
	s.RemovedShare = ratio(s.RemovedChars, s.Chars)
	s.BodilessShare = ratio(s.Bodiless, s.Documents)
	s.ArticleLength.Median = s.ArticleLength.Quantile(0.5)
	for _, r := range s.Rules {
		r.Per1000 = round3(1000 * ratio(r.Findings, s.Documents))
		r.DocumentShare = ratio(r.Documents, s.Documents)
	}
	if s.TemplateLines != nil {
		s.TemplateLines.derive(s.Documents)
	}
}

// load checks a statistics block read from JSON and rebuilds its in-memory forms.
func (s *Stats) load() error {
	if s.Rules == nil {
		s.Rules = map[string]*RuleStats{}
	}
	for name, r := range s.Rules {
		if r == nil {
			return fmt.Errorf("rule %q has no counts", name)
		}
	}
	if s.TemplateLines != nil {
		if err := s.TemplateLines.load(); err != nil {
			return err
		}
	}
	var fix int64
	for _, n := range s.FixShare {
		fix += n
	}
	if fix != s.Documents {
		return fmt.Errorf("fix_share counts %d documents, documents is %d", fix, s.Documents)
	}
	if s.ArticleLength.Total() != s.Documents {
		return fmt.Errorf("article_length counts %d documents, documents is %d", s.ArticleLength.Total(), s.Documents)
	}
	s.derive()
	return nil
}

// RuleNames returns the rules with findings, most findings first.
func (s *Stats) RuleNames() []string {
	names := make([]string, 0, len(s.Rules))
	for n := range s.Rules {
		names = append(names, n)
	}
	sort.Slice(names, func(i, j int) bool {
		a, b := s.Rules[names[i]], s.Rules[names[j]]
		if a.Findings != b.Findings {
			return a.Findings > b.Findings
		}
		return names[i] < names[j]
	})
	return names
}

// FindingsTotal counts the findings of all rules.
func (s *Stats) FindingsTotal() int64 {
	var n int64
	for _, r := range s.Rules {
		n += r.Findings
	}
	return n
}

func ratio(a, b int64) float64 {
	if b == 0 {
		return 0
	}
	return round6(float64(a) / float64(b))
}

func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }
func round3(x float64) float64 { return math.Round(x*1e3) / 1e3 }
