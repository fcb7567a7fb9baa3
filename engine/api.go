package engine

import (
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// UnitResult is what linting one unit of text gave, for callers that schedule units themselves
// (package pipeline): the findings to report, those the filters hid, the fixed text when it
// changed (with the number of fixes that changed it), and the unit's problems.
type UnitResult struct {
	Found, Hidden []Finding
	Fixed         *string
	Applied       int
	Errors        []error
	Patch         *Patch
}

// LintUnit lints one unit of text as a run does; group is the unit's corpus group
// (corpus.GroupOf of its file's root-relative path). It writes nothing and never panics.
func LintUnit(u *input.Unit, group string, active []lint.Active, opts Options) UnitResult {
	opts.group = group
	r := lintUnit(u, active, opts)
	return UnitResult{Found: r.found, Hidden: r.hidden, Fixed: r.fixed, Applied: r.applied, Errors: r.errs, Patch: r.patch}
}

// GatherUnit adds the corpus counts of one unit, in the given group, to stats (new stats when
// stats is nil; nil is returned when no rule gathers). Unreadable units are skipped.
func GatherUnit(u *input.Unit, group string, active []lint.Active, stats *corpus.Stats) *corpus.Stats {
	return gatherUnit(u, group, active, stats)
}

// UnitGroup is the corpus group of a unit whose content has been read: the site of a record
// that names its URL (corpus.SiteGroup of input.Record.Site), else group, its file's.
func UnitGroup(u *input.Unit, group string) string {
	if rec := u.Record(); rec != nil && rec.Site != "" {
		return corpus.SiteGroup(rec.Site)
	}
	return group
}

// GroupOf is the corpus group of a file: the directory of its root-relative path, or its
// Group when the walk set one.
func GroupOf(f input.File) string {
	if f.Group() != "" {
		return f.Group()
	}
	return corpus.GroupOf(f.Rel())
}
