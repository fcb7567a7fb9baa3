package engine

import (
	"errors"
	"fmt"
	"strings"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/processors"
)

// unitResult is what linting one unit of text gave.
type unitResult struct {
	unit *input.Unit
	// found are the findings to report, hidden those the pipeline's filters hid.
	found, hidden []Finding
	// fixed is the text after fixing, when it changed; applied counts the fixes that changed it.
	fixed   *string
	applied int
	errs    []error
	patch   *Patch
	// lastChanged is set when fixing with the last corpus statistics (opts.Corpus) changed
	// the text, after the fixes of opts.Stages.
	lastChanged bool
}

// unitError words a problem with a unit: a record's errors name its line.
func unitError(loc input.Locator, format string, args ...any) error {
	err := fmt.Errorf(format, args...)
	if loc.IsRecord() {
		return fmt.Errorf("line %d: %w", loc.Line, err)
	}
	return err
}

// lintUnit lints one unit of text and, with Fix or Diff, fixes it; it writes nothing. With Fix,
// the findings are those left in the fixed text; otherwise those of the text as it is. It never
// panics: a rule failing on a unit leaves the unit unchanged and reports the failure.
func lintUnit(u *input.Unit, active []lint.Active, opts Options) (r unitResult) {
	r.unit = u
	defer func() {
		if p := recover(); p != nil {
			what := "file left unchanged"
			if u.Loc.IsRecord() {
				what = "record kept unchanged"
			}
			r = unitResult{unit: u, errs: []error{unitError(u.Loc, "internal error, %s: %v", what, p)}}
		}
	}()
	src, err := u.Text()
	if errors.Is(err, input.ErrSkip) {
		return r
	}
	if err == nil {
		err = document.CheckText(src)
	}
	if err != nil {
		if u.Loc.IsRecord() {
			r.errs = append(r.errs, unitError(u.Loc, "%v; record kept unchanged", err))
		} else {
			r.errs = append(r.errs, fmt.Errorf("%w; skipped", err))
		}
		return r
	}
	opts.group = UnitGroup(u, opts.group)
	var keep func(*document.Document, []lint.Diagnostic) []lint.Diagnostic
	if opts.Pipeline.Filtering() {
		keep = func(doc *document.Document, diags []lint.Diagnostic) []lint.Diagnostic {
			fs, _ := opts.Pipeline.Filter(processors.Unit{Loc: u.Loc, Doc: doc, Record: u.Record()}, placeIn(u, doc, diags, false, 0))
			out := make([]lint.Diagnostic, len(fs))
			for i := range fs {
				out[i] = fs[i].Diagnostic
			}
			return out
		}
	}
	var unsafe *bool // fix only with Fix or Diff
	if opts.Fix || opts.Diff {
		unsafe = &opts.Unsafe
	}
	if rec := u.Record(); rec != nil && rec.Lossy != "" {
		// decoding replaced what JSON cannot carry by U+FFFD: writing it back would lose it
		r.errs = append(r.errs, unitError(u.Loc, "the %q value holds %s; linted with U+FFFD in its place, record kept unchanged", rec.Field, rec.Lossy))
		unsafe = nil
	}
	var fr FixResult
	var first, last checked
	var lastChanged bool
	if s := opts.screened; s != nil && !s.full && unsafe == nil {
		// the corpus pass checked this text with the rules that need no counts; it took the
		// frame for these very bytes (screenedUnit.of), and screens valid UTF-8 only
		doc := document.NewValid(u.Loc.Path, src)
		doc.Group = opts.group
		first = checked{doc, lint.DropProtected(doc, lint.Resolve(doc, active, opts.Corpus, s.diags, s.cands))}
		fr, last = FixResult{Text: src, Converged: true}, first
	} else {
		fr, first, last, lastChanged = settleStages(u.Loc.Path, opts.group, src, active, opts, unsafe, keep)
	}
	var fixErr error
	switch {
	case !fr.Converged:
		fixErr = unitError(u.Loc, "fixes did not settle after %d passes; file left unchanged", MaxPasses)
	case fr.Text != src:
		if why := tooMuchDeleted(src, fr.Text, opts); why != "" {
			what := "file left unchanged"
			if u.Loc.IsRecord() {
				what = "record kept unchanged"
			}
			fixErr = unitError(u.Loc, "%s; %s", why, what)
			break
		}
		r.fixed, r.applied = &fr.Text, fr.Applied
		r.lastChanged = lastChanged
	}
	if doc := first.doc; doc.InvalidUTF8() >= 0 {
		line, col := doc.Position(doc.InvalidUTF8())
		r.errs = append(r.errs, unitError(u.Loc, "invalid UTF-8 at line %d, column %d; linted as is, its bytes are kept", line, col))
	}
	if fixErr != nil {
		r.errs = append(r.errs, fixErr)
	}
	shown := first
	if r.fixed != nil {
		if opts.Fix {
			shown = last
		}
		if opts.Diff {
			name := u.Loc.Path
			if u.Loc.IsRecord() {
				name = fmt.Sprintf("%s (record %d%s)", u.Loc.Path, u.Loc.Line, idSuffix(u.Loc.ID))
			}
			r.patch = &Patch{Name: name, Before: src, After: *r.fixed}
		}
	}
	fs := placeIn(u, shown.doc, shown.diags, opts.Preview, opts.Context)
	if u.Loc.IsRecord() {
		for i := range fs { // a copy, so that findings do not keep every record's text alive
			fs[i].Text = strings.Clone(fs[i].Text)
		}
	}
	fs, r.hidden = opts.Pipeline.Filter(processors.Unit{Loc: u.Loc, Doc: shown.doc, Record: u.Record()}, fs)
	markConflicts(shown.doc, fs, opts.Unsafe)
	r.found = opts.Pipeline.Process(fs)
	return r
}

// placeIn places diagnostics in unit u, whose text doc holds.
func placeIn(u *input.Unit, doc *document.Document, diags []lint.Diagnostic, preview bool, ctx int) []Finding {
	fs := Place(doc, diags, preview, ctx)
	for i := range fs {
		fs[i].Loc = u.Loc
	}
	return fs
}

func idSuffix(id string) string {
	if id == "" {
		return ""
	}
	return ", " + id
}
