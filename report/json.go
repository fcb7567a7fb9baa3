package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/newslint/newslint/finding"
)

// jsonReporter prints one JSON document: findings, per-file errors and a summary. The findings
// array is written as results come, so that memory does not grow with the number of findings;
// the document is the same as json.Encoder with a two-space indent would write.
type jsonReporter struct {
	w       io.Writer
	o       Options
	bw      *bufio.Writer
	started bool
	n       int // findings written
	errors  []jsonError
	buf     bytes.Buffer
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

// start writes the head of the document, up to the opening of the findings array.
func (r *jsonReporter) start() error {
	if r.started {
		return nil
	}
	r.started = true
	r.bw = bufio.NewWriterSize(r.w, 64<<10)
	r.bw.WriteString("{\n  \"tool\": \"newslint\",\n  \"version\": ")
	if err := r.encode(r.o.Version, "  "); err != nil {
		return err
	}
	_, err := r.bw.WriteString(",\n  \"findings\": [")
	return err
}

// encode writes v as json.Encoder would at the given indentation, without a final newline.
func (r *jsonReporter) encode(v any, prefix string) error {
	r.buf.Reset()
	enc := json.NewEncoder(&r.buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent(prefix, "  ")
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := r.bw.Write(bytes.TrimSuffix(r.buf.Bytes(), []byte("\n")))
	return err
}

func (r *jsonReporter) File(res *finding.Result) error {
	if err := r.start(); err != nil {
		return err
	}
	for i := range res.Findings {
		sep := ",\n    "
		if r.n == 0 {
			sep = "\n    "
		}
		r.n++
		r.bw.WriteString(sep)
		if err := r.encode(toJSON(res.File.Path(), &res.Findings[i], r.o.Unsafe), "    "); err != nil {
			return err
		}
	}
	for _, e := range res.Errors {
		r.errors = append(r.errors, jsonError{res.File.Path(), e.Error()})
	}
	return nil
}

func (r *jsonReporter) Finish(s *Summary) error {
	if err := r.start(); err != nil {
		return err
	}
	if r.n > 0 {
		r.bw.WriteString("\n  ")
	}
	r.bw.WriteString("],\n  \"errors\": ")
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
	if r.errors == nil {
		r.errors = []jsonError{}
	}
	if err := r.encode(r.errors, "  "); err != nil {
		return err
	}
	r.bw.WriteString(",\n  \"summary\": ")
	if err := r.encode(js, "  "); err != nil {
		return err
	}
	// unused_ignores: [[ignore]] entries that suppressed nothing (as ruff's unused noqa)
	if len(s.Unused) > 0 {
		r.bw.WriteString(",\n  \"unused_ignores\": ")
		if err := r.encode(s.Unused, "  "); err != nil {
			return err
		}
	}
	r.bw.WriteString("\n}\n")
	return r.bw.Flush()
}
