// Package drift compares two newslint summaries (see package summary), an old crawl and a new
// one, site by site, and reports what changed beyond what chance explains: a rule that now fires
// in more (or fewer) of a site's documents, more documents that --fix would mostly delete, more
// documents without an article body, a collapse of article length, new template lines present in
// many of a site's documents, and sites that appeared or vanished.
//
// # The tests
//
// Documents are the sampling unit: findings cluster within documents (one page of menus gives
// dozens of template lines), so a test that treated findings as independent events would call
// noise drift. Each comparison is therefore a 2×2 table of documents, with and without a
// property, in the old and the new run, tested with Fisher's exact test (two-sided). A site is
// tested only when both runs hold at least Options.MinDocuments of its documents.
//
// Article length is compared with Mood's median test: documents shorter than the pooled median
// (read at a bucket bound of the length histograms) in either run.
//
// Many sites times many rules make many tests, so the p-values are adjusted with the
// Benjamini-Hochberg procedure, which keeps the expected share of false alarms among all alarms
// at Options.Alpha. Tests that could not reach Alpha whatever the data (a rule with one finding
// in total) are left out of the family, as Tarone proposed. A significant change must also be
// large enough to matter: the share of documents must move by at least Options.MinShift.
package drift

import (
	"fmt"
	"math"
	"sort"

	"github.com/newslint/newslint/summary"
)

// Schema names the JSON format of a drift report.
const Schema = "newslint-drift/1"

// Severity ranks drifts.
type Severity int

// Severities, lowest first.
const (
	None Severity = iota
	Info
	Warning
	Error
)

var severityNames = [...]string{"none", "info", "warning", "error"}

func (s Severity) String() string { return severityNames[s] }

// MarshalText writes the severity's name.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a severity's name.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	*s = v
	return err
}

// ParseSeverity reads "none", "info", "warning" or "error".
func ParseSeverity(s string) (Severity, error) {
	for i, n := range severityNames {
		if n == s {
			return Severity(i), nil
		}
	}
	return None, fmt.Errorf("unknown severity %q (want error, warning, info or none)", s)
}

// Options tune the comparison.
type Options struct {
	// Alpha is the false discovery rate of the Benjamini-Hochberg procedure.
	Alpha float64 `json:"alpha"`
	// MinDocuments is the fewest documents of a site in each run for its tests.
	MinDocuments int64 `json:"min_documents"`
	// MinShift is the smallest change in the share of documents (0 to 1) that counts as drift.
	MinShift float64 `json:"min_shift"`
	// TemplateShare is the least share of a site's new documents a new template line must be in.
	TemplateShare float64 `json:"template_share"`
	// LengthDrop is the ratio of new to old median article length at or below which the length
	// collapsed (1/LengthDrop or above: it grew, reported as info).
	LengthDrop float64 `json:"length_drop"`
}

// DefaultOptions are the options of `newslint drift`.
func DefaultOptions() Options {
	return Options{Alpha: 0.01, MinDocuments: 3, MinShift: 0.2, TemplateShare: 0.3, LengthDrop: 0.5}
}

// Kinds of drift.
const (
	KindAppeared      = "site-appeared"
	KindVanished      = "site-vanished"
	KindRule          = "rule-rate"
	KindHeavyFix      = "fix-share"
	KindBodiless      = "bodiless"
	KindArticleLength = "article-length"
	KindTemplateLine  = "template-line"
)

// Side is one run's figures of a drift.
type Side struct {
	// Documents is the site's documents in the run.
	Documents int64 `json:"documents"`
	// Hits counts the documents with the property tested (for article-length: the documents
	// shorter than Bound).
	Hits int64 `json:"hits"`
	// Share is Hits / Documents.
	Share float64 `json:"share"`
	// Value is the figure the message quotes: findings per 1,000 documents (rule-rate), the
	// share of characters --fix removes (fix-share), the median article length in characters
	// (article-length); otherwise Share.
	Value float64 `json:"value"`
}

// Drift is one change at one site.
type Drift struct {
	Site string `json:"site"`
	Kind string `json:"kind"`
	// Rule is the rule of a rule-rate drift.
	Rule string `json:"rule,omitempty"`
	// Line is the text of a template-line drift.
	Line string `json:"line,omitempty"`
	// Bound is the length (characters) article-length counts documents below.
	Bound int `json:"bound,omitempty"`
	// Direction is "up" or "down" ("appeared" and "vanished" for sites).
	Direction string   `json:"direction"`
	Severity  Severity `json:"severity"`
	Old       Side     `json:"old"`
	New       Side     `json:"new"`
	// PValue is the p-value of Fisher's exact test, QValue the Benjamini-Hochberg adjusted one
	// (both absent for sites that appeared or vanished).
	PValue  *float64 `json:"p_value,omitempty"`
	QValue  *float64 `json:"q_value,omitempty"`
	Message string   `json:"message"`
}

// Site statuses.
const (
	StatusSame     = "same"
	StatusDrifted  = "drifted"
	StatusAppeared = "appeared"
	StatusVanished = "vanished"
	StatusTooFew   = "too-few-documents"
)

// SiteResult is the verdict on one site.
type SiteResult struct {
	Site         string   `json:"site"`
	Status       string   `json:"status"`
	Severity     Severity `json:"severity"`
	OldDocuments int64    `json:"old_documents"`
	NewDocuments int64    `json:"new_documents"`
	Drifts       int      `json:"drifts"`
}

// Run describes one of the summaries compared.
type Run struct {
	Label     string `json:"label,omitempty"`
	Documents int64  `json:"documents"`
	Sites     int    `json:"sites"`
}

// Report is the result of a comparison.
type Report struct {
	Schema  string  `json:"schema"`
	Old     Run     `json:"old"`
	New     Run     `json:"new"`
	Options Options `json:"options"`
	// Tests is the size of the multiple-comparison family.
	Tests int `json:"tests"`
	// Severity is the highest severity of any drift ("none" without drift).
	Severity Severity `json:"severity"`
	// Sites lists every site of either run, by severity, then name.
	Sites []SiteResult `json:"sites"`
	// Drifts lists the drifts by severity, then site, kind, rule and line.
	Drifts []Drift `json:"drifts"`
}

// SiteSeverity returns the severity of a site's drift (None for unknown sites).
func (r *Report) SiteSeverity(site string) Severity {
	for _, s := range r.Sites {
		if s.Site == site {
			return s.Severity
		}
	}
	return None
}

// candidate is a drift awaiting its multiple-comparison verdict.
type candidate struct {
	Drift
	p, pmin float64
	// severity decides the drift's severity once it is significant (nil: not a drift)
	severity func() Severity
}

// Compare compares old and new.
func Compare(old, new *summary.Summary, opt Options) *Report {
	r := &Report{Schema: Schema, Options: opt,
		Old: Run{Label: old.Label, Documents: old.Overall.Documents, Sites: len(old.Sites)},
		New: Run{Label: new.Label, Documents: new.Overall.Documents, Sites: len(new.Sites)},
	}
	sites := map[string]bool{}
	for s := range old.Sites {
		sites[s] = true
	}
	for s := range new.Sites {
		sites[s] = true
	}
	names := make([]string, 0, len(sites))
	for s := range sites {
		names = append(names, s)
	}
	sort.Strings(names)

	var cands []candidate
	results := map[string]*SiteResult{}
	for _, name := range names {
		o, n := old.Sites[name], new.Sites[name]
		res := &SiteResult{Site: name, Status: StatusSame}
		results[name] = res
		switch {
		case o == nil || o.Documents == 0:
			res.NewDocuments = n.Documents
			res.Status = StatusAppeared
			sev := Info
			r.Drifts = append(r.Drifts, Drift{Site: name, Kind: KindAppeared, Direction: "appeared", Severity: sev,
				New: Side{Documents: n.Documents}, Message: fmt.Sprintf("site appeared with %d documents", n.Documents)})
			continue
		case n == nil || n.Documents == 0:
			res.OldDocuments = o.Documents
			res.Status = StatusVanished
			sev := Info
			if o.Documents >= opt.MinDocuments {
				sev = Warning
			}
			r.Drifts = append(r.Drifts, Drift{Site: name, Kind: KindVanished, Direction: "vanished", Severity: sev,
				Old: Side{Documents: o.Documents}, Message: fmt.Sprintf("site vanished (it had %d documents)", o.Documents)})
			continue
		}
		res.OldDocuments, res.NewDocuments = o.Documents, n.Documents
		if o.Documents < opt.MinDocuments || n.Documents < opt.MinDocuments {
			res.Status = StatusTooFew
			continue
		}
		cands = append(cands, siteCandidates(name, o, n, opt)...)
	}

	// the multiple-comparison family: every test that could reach Alpha
	var ps []float64
	var family []int
	for i, c := range cands {
		if c.pmin <= opt.Alpha {
			family = append(family, i)
			ps = append(ps, c.p)
		}
	}
	r.Tests = len(family)
	qs := benjaminiHochberg(ps)
	for j, i := range family {
		c := &cands[i]
		if qs[j] > opt.Alpha {
			continue
		}
		sev := c.severity()
		if sev == None {
			continue
		}
		d := c.Drift
		p, q := c.p, qs[j]
		d.PValue, d.QValue = &p, &q
		d.Severity = sev
		d.Message += fmt.Sprintf(" (p=%s, q=%s)", fmtP(p), fmtP(q))
		r.Drifts = append(r.Drifts, d)
	}

	for _, d := range r.Drifts {
		res := results[d.Site]
		res.Drifts++
		res.Severity = max(res.Severity, d.Severity)
		if res.Status == StatusSame {
			res.Status = StatusDrifted
		}
		r.Severity = max(r.Severity, d.Severity)
	}
	for _, name := range names {
		r.Sites = append(r.Sites, *results[name])
	}
	sort.SliceStable(r.Sites, func(i, j int) bool { return r.Sites[i].Severity > r.Sites[j].Severity })
	sort.SliceStable(r.Drifts, func(i, j int) bool {
		a, b := r.Drifts[i], r.Drifts[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Site != b.Site {
			return a.Site < b.Site
		}
		if a.Kind != b.Kind {
			return a.Kind < b.Kind
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Line < b.Line
	})
	if r.Sites == nil {
		r.Sites = []SiteResult{}
	}
	if r.Drifts == nil {
		r.Drifts = []Drift{}
	}
	return r
}

func side(docs, hits int64, value float64) Side {
	s := Side{Documents: docs, Hits: hits, Value: value}
	if docs > 0 {
		s.Share = round(float64(hits)/float64(docs), 6)
	}
	return s
}

func round(x float64, digits int) float64 {
	p := math.Pow(10, float64(digits))
	return math.Round(x*p) / p
}

// shiftSeverity grades a significant change of a share of documents: nothing below
// opt.MinShift, info when it fell (fewer findings is rarely a problem), warning when it rose,
// error when it rose by at least half of all documents or from (almost) nothing to a third.
func shiftSeverity(o, n Side, opt Options) func() Severity {
	return func() Severity {
		shift := n.Share - o.Share
		switch {
		case math.Abs(shift) < opt.MinShift:
			return None
		case shift < 0:
			return Info
		case shift >= 0.5 || o.Share <= 0.05 && n.Share >= 1.0/3:
			return Error
		}
		return Warning
	}
}

// ruleSeverity grades a significant change of a rule's findings: by the share of documents with
// findings (see shiftSeverity) or, when that share moved little, by the rate: a warning when
// the findings per document at least doubled and rose by one per document or more (info when
// they fell as much).
func ruleSeverity(o, n Side, opt Options) func() Severity {
	shift := shiftSeverity(o, n, opt)
	return func() Severity {
		if s := shift(); s != None {
			return s
		}
		or, nr := o.Value/1000, n.Value/1000
		switch {
		case nr >= 2*or && nr-or >= 1:
			return Warning
		case or >= 2*nr && or-nr >= 1:
			return Info
		}
		return None
	}
}

func siteCandidates(site string, o, n *summary.Stats, opt Options) []candidate {
	var out []candidate
	// add tests a share of documents with Fisher's exact test
	add := func(d Drift, sev func() Severity) {
		d.Site = site
		d.Direction = "up"
		if d.New.Share < d.Old.Share {
			d.Direction = "down"
		}
		p := fisher(d.Old.Hits, d.Old.Documents-d.Old.Hits, d.New.Hits, d.New.Documents-d.New.Hits)
		pmin := fisherMin(d.Old.Documents, d.New.Documents, d.Old.Hits+d.New.Hits)
		out = append(out, candidate{Drift: d, p: p, pmin: pmin, severity: sev})
	}

	rules := map[string]bool{}
	for r := range o.Rules {
		rules[r] = true
	}
	for r := range n.Rules {
		rules[r] = true
	}
	ruleNames := make([]string, 0, len(rules))
	for r := range rules {
		ruleNames = append(ruleNames, r)
	}
	sort.Strings(ruleNames)
	for _, rule := range ruleNames {
		var oh, of, osq, nh, nf, nsq int64
		if x := o.Rules[rule]; x != nil {
			oh, of, osq = x.Documents, x.Findings, x.SumSquares
		}
		if x := n.Rules[rule]; x != nil {
			nh, nf, nsq = x.Documents, x.Findings, x.SumSquares
		}
		os := side(o.Documents, oh, round(1000*float64(of)/float64(o.Documents), 1))
		ns := side(n.Documents, nh, round(1000*float64(nf)/float64(n.Documents), 1))
		verb := "rose"
		if ns.Share < os.Share {
			verb = "fell"
		}
		if ns.Value < os.Value {
			verb = "fell"
		}
		msg := fmt.Sprintf("%s %s: in %d of %d documents, was %d of %d (%s findings per 1,000 documents, was %s)",
			rule, verb, nh, n.Documents, oh, o.Documents, fmtNum(ns.Value), fmtNum(os.Value))
		dir := "up"
		if nf*o.Documents < of*n.Documents {
			dir = "down"
		}
		p, pmin := rateTest(of, osq, o.Documents, nf, nsq, n.Documents)
		out = append(out, candidate{Drift: Drift{Site: site, Kind: KindRule, Rule: rule, Direction: dir, Old: os, New: ns, Message: msg},
			p: p, pmin: pmin, severity: ruleSeverity(os, ns, opt)})
	}

	{
		os := side(o.Documents, o.HeavyFix(), round(float64(o.RemovedChars)/float64(max(1, o.Chars)), 6))
		ns := side(n.Documents, n.HeavyFix(), round(float64(n.RemovedChars)/float64(max(1, n.Chars)), 6))
		verb := "rose"
		if ns.Share < os.Share {
			verb = "fell"
		}
		msg := fmt.Sprintf("documents that --fix would cut by %d%% or more %s: %d of %d, was %d of %d (%s of all characters removed, was %s)",
			int(summary.HeavyFixShare*100), verb, ns.Hits, ns.Documents, os.Hits, os.Documents, pct(ns.Value), pct(os.Value))
		add(Drift{Kind: KindHeavyFix, Old: os, New: ns, Message: msg}, shiftSeverity(os, ns, opt))
	}
	{
		os := side(o.Documents, o.Bodiless, 0)
		ns := side(n.Documents, n.Bodiless, 0)
		os.Value, ns.Value = os.Share, ns.Share
		verb := "rose"
		if ns.Share < os.Share {
			verb = "fell"
		}
		msg := fmt.Sprintf("documents without an article body %s: %d of %d, was %d of %d", verb, ns.Hits, ns.Documents, os.Hits, os.Documents)
		add(Drift{Kind: KindBodiless, Old: os, New: ns, Message: msg}, shiftSeverity(os, ns, opt))
	}
	{
		// Mood's median test, at the bucket bound nearest below the pooled median
		var pooled summary.Histogram
		pooled.Merge(&o.ArticleLength)
		pooled.Merge(&n.ArticleLength)
		om, nm := o.ArticleLength.Quantile(0.5), n.ArticleLength.Quantile(0.5)
		_, bound := pooled.BelowCount(pooled.Quantile(0.5))
		if bound > 0 {
			ob, _ := o.ArticleLength.BelowCount(float64(bound))
			nb, _ := n.ArticleLength.BelowCount(float64(bound))
			os, ns := side(o.Documents, ob, om), side(n.Documents, nb, nm)
			verb, dir := "collapsed", "down"
			if nm > om {
				verb, dir = "grew", "up"
			}
			msg := fmt.Sprintf("article length %s: median %s characters, was %s (%d of %d documents under %s characters, was %d of %d)",
				verb, fmtNum(nm), fmtNum(om), nb, n.Documents, fmtNum(float64(bound)), ob, o.Documents)
			sev := func() Severity {
				switch {
				case om > 0 && nm <= opt.LengthDrop*om:
					return Error
				case nm > 0 && opt.LengthDrop > 0 && om <= opt.LengthDrop*nm:
					return Info
				}
				return None
			}
			out = append(out, candidate{Drift: Drift{Site: site, Kind: KindArticleLength, Bound: bound, Direction: dir,
				Old: os, New: ns, Message: msg}, severity: sev,
				p: fisher(ob, o.Documents-ob, nb, n.Documents-nb), pmin: fisherMin(o.Documents, n.Documents, ob+nb)})
		}
	}
	if n.TemplateLines != nil {
		for _, l := range n.TemplateLines.List() {
			if float64(l.Documents) < opt.TemplateShare*float64(n.Documents) {
				continue
			}
			// the old count is taken at its upper bound, so the sketch's error cannot fake drift
			_, oc := o.TemplateLines.Count(l.Text)
			oc = min(oc, o.Documents)
			os, ns := side(o.Documents, oc, 0), side(n.Documents, l.Documents, 0)
			os.Value, ns.Value = os.Share, ns.Share
			msg := fmt.Sprintf("new template line %q in %d of %d documents, was in %d of %d", l.Text, l.Documents, n.Documents, oc, o.Documents)
			sev := func() Severity {
				if ns.Share-os.Share < opt.MinShift {
					return None
				}
				return Warning
			}
			add(Drift{Kind: KindTemplateLine, Line: l.Text, Old: os, New: ns, Message: msg}, sev)
		}
	}
	return out
}

func fmtP(p float64) string {
	if p < 0.001 {
		return fmt.Sprintf("%.1e", p)
	}
	return fmt.Sprintf("%.3f", p)
}

func pct(x float64) string { return fmt.Sprintf("%.1f%%", 100*x) }

// fmtNum writes a figure with thousands separators and at most one decimal.
func fmtNum(x float64) string {
	neg := x < 0
	x = math.Abs(x)
	whole := int64(x)
	frac := int64(math.Round((x - float64(whole)) * 10))
	if frac == 10 {
		whole, frac = whole+1, 0
	}
	s := fmt.Sprint(whole)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if frac > 0 {
		s += fmt.Sprintf(".%d", frac)
	}
	if neg {
		s = "-" + s
	}
	return s
}
