package report

import (
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// DefaultMaxResults is GitHub code scanning's limit of results per run.
const DefaultMaxResults = 25000

// sarifReporter keeps, encoded, at most the capped number of results: the most severe ones
// (errors before warnings before notes, and among equals those first in path order), written in
// path order at the end. Its memory is bounded by the cap, not by the number of findings.
type sarifReporter struct {
	w     io.Writer
	o     Options
	cap   *severityCap
	index map[string]int
}

var sarifLevel = severityNames{"error", "warning", "note"}.of

// sarifURI is a relative URI for a relative path, a file URI for an absolute one.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if filepath.IsAbs(path) {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	p = strings.TrimPrefix(p, "./")
	return (&url.URL{Path: p}).String()
}

func region(line, col, endLine, endCol int) map[string]any {
	return map[string]any{"startLine": line, "startColumn": col, "endLine": endLine, "endColumn": endCol}
}

func (r *sarifReporter) File(res *finding.Result) error {
	if r.index == nil {
		r.index = map[string]int{}
		for i, rule := range r.o.Rules {
			r.index[rule.Meta().ID] = i
		}
	}
	if r.cap == nil {
		r.cap = newSeverityCap(r.o.MaxResults)
	}
	fps := finding.Fingerprints(res)
	uri := sarifURI(res.File.Path())
	for i := range res.Findings {
		f := &res.Findings[i]
		if !r.cap.wants(f.Severity) {
			r.cap.omit()
			continue
		}
		result := map[string]any{
			"ruleId":  f.Rule,
			"level":   sarifLevel(f.Severity),
			"message": map[string]any{"text": f.Message},
			"locations": []any{map[string]any{"physicalLocation": map[string]any{
				"artifactLocation": map[string]any{"uri": uri},
				"region":           region(f.FileSpan()),
			}}},
			"partialFingerprints": map[string]any{"newslint/v1": fps[i]},
		}
		if idx, ok := r.index[f.Rule]; ok {
			result["ruleIndex"] = idx
		}
		if len(f.Related) > 0 {
			var rel []any
			for j := range f.Related {
				g := &f.Related[j]
				text := fmt.Sprintf("[%s] %s", g.Rule, g.Message)
				if g.Loc.IsRecord() {
					text = fmt.Sprintf("[%s] %s (record text line %d, column %d)", g.Rule, g.Message, g.Line, g.Col)
				}
				rel = append(rel, map[string]any{
					"id":      j,
					"message": map[string]any{"text": text},
					"physicalLocation": map[string]any{
						"artifactLocation": map[string]any{"uri": uri},
						"region":           region(g.FileSpan()),
					},
				})
			}
			result["relatedLocations"] = rel
		}
		if f.Loc.IsRecord() {
			result["message"] = map[string]any{"text": fmt.Sprintf("%s (record text line %d, column %d)", f.Message, f.Line, f.Col)}
		}
		if f.Fix != nil && f.Fix.Safety != lint.DisplayOnly && !f.Loc.IsRecord() {
			var reps []any
			for j, e := range f.Fix.Edits {
				p := f.EditPos[j]
				reps = append(reps, map[string]any{
					"deletedRegion":   region(p.Line, p.Col, p.EndLine, p.EndCol),
					"insertedContent": map[string]any{"text": e.NewText},
				})
			}
			result["fixes"] = []any{map[string]any{
				"description":     map[string]any{"text": fmt.Sprintf("%s (%s fix)", f.Fix.Description, f.Fix.Safety)},
				"artifactChanges": []any{map[string]any{"artifactLocation": map[string]any{"uri": uri}, "replacements": reps}},
			}}
		}
		raw, err := marshalCompact(result)
		if err != nil {
			return err
		}
		r.cap.add(f.Severity, raw)
	}
	return nil
}

func (r *sarifReporter) Finish(s *Summary) error {
	var rules []any
	for _, rule := range r.o.Rules {
		m := rule.Meta()
		rules = append(rules, map[string]any{
			"id":                   m.ID,
			"name":                 m.ID,
			"shortDescription":     map[string]any{"text": m.Summary},
			"fullDescription":      map[string]any{"text": oneLine(m.Doc)},
			"help":                 map[string]any{"text": oneLine(m.Doc) + " Run 'newslint rule " + m.ID + "' for examples and options."},
			"defaultConfiguration": map[string]any{"level": sarifLevel(m.Severity)},
			"properties":           map[string]any{"fixable": m.Fixable},
		})
	}
	if r.cap == nil {
		r.cap = newSeverityCap(r.o.MaxResults)
	}
	results := r.cap.kept()
	invocation := map[string]any{"executionSuccessful": s.FilesWithError == 0}
	var notes []any
	if r.Omitted() > 0 {
		notes = append(notes, map[string]any{"level": "warning", "message": map[string]any{"text": fmt.Sprintf(
			"%d results were omitted: SARIF output is capped at %d results (--max-results), the most severe kept", r.Omitted(), r.cap.max)}})
	}
	if len(notes) > 0 {
		invocation["toolExecutionNotifications"] = notes
	}
	doc := map[string]any{
		"$schema": "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json",
		"version": "2.1.0",
		"runs": []any{map[string]any{
			"tool": map[string]any{"driver": map[string]any{
				"name": "newslint", "version": r.o.Version, "informationUri": "https://github.com/newslint/newslint",
				"rules": rules,
			}},
			"columnKind":  "unicodeCodePoints",
			"invocations": []any{invocation},
			"results":     resultsMarker,
		}},
	}
	return writeWithResults(r.w, doc, results)
}

// Omitted is how many results the cap left out.
func (r *sarifReporter) Omitted() int {
	if r.cap == nil {
		return 0
	}
	return r.cap.omitted
}

// Cap is the most results the report holds.
func (r *sarifReporter) Cap() int { return capOf(r.o.MaxResults) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
