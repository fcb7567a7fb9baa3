// Package processors is what happens to findings between the rules and the reporters, in ordered
// stages as golangci-lint's result processors: filters (the baseline, suppressions) hide
// findings before anything is fixed, then stages reshape what remains of each unit of text
// (folding nested findings into related notes, sorting). The cap of SARIF output, which keeps the
// most severe results, lives with that reporter (report/sarifcap.go).
//
// The engine runs the filters on every pass of the fix loop, so a hidden finding is never fixed,
// and runs the stages on the findings of each unit once it is settled. Rules assign severities
// (from the configuration, per path) before the pipeline starts.
package processors

import (
	"slices"
	"strings"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
)

// Unit is what a filter sees of one unit of text besides its findings.
type Unit struct {
	// Loc is where the unit is: its file, and for a record its number, line and id.
	Loc input.Locator
	// Doc is the text as it stands on this pass of the fix loop, for filters that match the
	// lines findings are on.
	Doc *document.Document
	// Record is the JSON object of a record (nil for a whole file), for filters that read
	// other fields of it.
	Record *input.Record
}

// Filter hides findings of one unit of text: a hidden finding is neither fixed nor reported.
// The engine asks on every pass of the fix loop and from several goroutines, so Hide must be
// safe for concurrent use and depend only on the unit and its findings (given in text order).
type Filter interface {
	// Hide returns, for each finding, whether it is hidden.
	Hide(u Unit, fs []finding.Finding) []bool
}

// Tracker is a filter that keeps account of what it hid in the end, to report stale baseline
// entries or unused suppressions. Seen is called with every result as it is reported, in
// order, from one goroutine; r.Suppressed holds what the filters hid in it.
type Tracker interface {
	Seen(r *finding.Result)
}

// Stage reshapes the findings of one unit of text, once fixing is done.
type Stage interface {
	// Name identifies the stage in messages and docs.
	Name() string
	// Process returns the findings to pass on, given those of one unit in text order. It owns
	// fs: it may reorder, change or overwrite its elements and return a part of it.
	Process(fs []finding.Finding) []finding.Finding
}

// Pipeline is the ordered filters and stages of a run. The zero value (and nil) passes findings
// through unchanged.
type Pipeline struct {
	// Filters run first, before fixing.
	Filters []Filter
	// Stages run in order on what the filters kept.
	Stages []Stage
}

// New returns a pipeline with the given filters (nil ones are left out) and stages.
func New(filters []Filter, stages ...Stage) *Pipeline {
	p := &Pipeline{Stages: stages}
	for _, f := range filters {
		if f != nil {
			p.Filters = append(p.Filters, f)
		}
	}
	return p
}

// Filtering reports whether the pipeline has any filter.
func (p *Pipeline) Filtering() bool { return p != nil && len(p.Filters) > 0 }

// Filter splits the findings of one unit into those kept and those a filter hides.
func (p *Pipeline) Filter(u Unit, fs []finding.Finding) (kept, hidden []finding.Finding) {
	if !p.Filtering() {
		return fs, nil
	}
	gone := make([]bool, len(fs))
	for _, f := range p.Filters {
		for i, h := range f.Hide(u, fs) {
			gone[i] = gone[i] || h
		}
	}
	kept = fs[:0:0]
	for i := range fs {
		if gone[i] {
			hidden = append(hidden, fs[i])
		} else {
			kept = append(kept, fs[i])
		}
	}
	return kept, hidden
}

// Process runs the stages over the findings of one unit.
func (p *Pipeline) Process(fs []finding.Finding) []finding.Finding {
	if p == nil {
		return fs
	}
	for _, s := range p.Stages {
		fs = s.Process(fs)
	}
	return fs
}

// Seen passes a reported result to the filters that keep account.
func (p *Pipeline) Seen(r *finding.Result) {
	if p == nil {
		return
	}
	for _, f := range p.Filters {
		if t, ok := f.(Tracker); ok {
			t.Seen(r)
		}
	}
}

// Sort orders the findings of a unit by position, then rule: the order rules report in, made
// explicit so that later stages and reporters can rely on it.
type Sort struct{}

// Name implements Stage.
func (Sort) Name() string { return "sort" }

// Process implements Stage.
func (Sort) Process(fs []finding.Finding) []finding.Finding {
	slices.SortStableFunc(fs, func(a, b finding.Finding) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return fs
}
