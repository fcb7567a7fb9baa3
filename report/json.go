package report

import (
	"encoding/json"
	"io"

	"github.com/newslint/newslint/finding"
)

// jsonReporter prints one JSON document: findings, per-file errors and a summary.
type jsonReporter struct {
	w        io.Writer
	o        Options
	findings []jsonFinding
	errors   []jsonError
}

type jsonError struct {
	Path    string `json:"path"`
	Message string `json:"message"`
}

type jsonSummary struct {
	Files             int            `json:"files"`
	FilesWithFindings int            `json:"files_with_findings"`
	Findings          int            `json:"findings"`
	BySeverity        map[string]int `json:"by_severity"`
	ByRule            map[string]int `json:"by_rule"`
	Fixable           int            `json:"fixable"`
	UnsafeFixable     int            `json:"unsafe_fixable"`
	Fixed             int            `json:"fixed"`
	FilesFixed        int            `json:"files_fixed"`
	Errors            int            `json:"errors"`
	Suppressed        int            `json:"suppressed,omitempty"`
}

func (r *jsonReporter) File(res *finding.Result) error {
	for i := range res.Findings {
		r.findings = append(r.findings, toJSON(res.File.Path, &res.Findings[i], r.o.Unsafe))
	}
	for _, e := range res.Errors {
		r.errors = append(r.errors, jsonError{res.File.Path, e.Error()})
	}
	return nil
}

func (r *jsonReporter) Finish(s *Summary) error {
	js := jsonSummary{Files: s.Files, FilesWithFindings: s.FilesWithFindings, Findings: s.Findings,
		BySeverity: map[string]int{}, ByRule: map[string]int{}, Fixable: s.Fixable,
		UnsafeFixable: s.UnsafeFixable, Fixed: s.Fixed, FilesFixed: s.FilesFixed, Errors: s.Errors,
		Suppressed: s.Suppressed}
	for k, v := range s.BySeverity {
		js.BySeverity[k.String()] = v
	}
	for k, v := range s.ByRule {
		js.ByRule[k] = v.Count
	}
	if r.findings == nil {
		r.findings = []jsonFinding{}
	}
	if r.errors == nil {
		r.errors = []jsonError{}
	}
	enc := json.NewEncoder(r.w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(struct {
		Tool     string        `json:"tool"`
		Version  string        `json:"version"`
		Findings []jsonFinding `json:"findings"`
		Errors   []jsonError   `json:"errors"`
		Summary  jsonSummary   `json:"summary"`
		// UnusedIgnores are [[ignore]] entries that suppressed nothing (as ruff's unused noqa).
		UnusedIgnores []UnusedIgnore `json:"unused_ignores,omitempty"`
	}{"newslint", r.o.Version, r.findings, r.errors, js, s.Unused})
}
