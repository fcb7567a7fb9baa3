package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
)

// TestJSONStreamsTheSameDocument: the streamed json report is byte for byte what one
// json.Encoder call over the whole document writes, with no findings, with several files, with
// errors, HTML characters and unused ignores.
func TestJSONStreamsTheSameDocument(t *testing.T) {
	withErr := &finding.Result{File: input.NewFile("b <&> c.txt", "", ""), Errors: []error{errors.New("bad <UTF-8> & more")}, Last: true}
	empty := &finding.Result{File: input.NewFile("empty.txt", "", ""), Last: true}
	for name, rs := range map[string][]*finding.Result{
		"none":   {empty},
		"one":    {sample()},
		"many":   {sample(), empty, withErr, sample()},
		"errors": {withErr},
	} {
		o := Options{Version: "1.2.3 <dev>", Unsafe: true}
		var b bytes.Buffer
		rep, _ := New("json", &b, o)
		sum := NewSummary(false, true)
		var findings []jsonFinding
		var errs []jsonError
		for _, r := range rs {
			sum.Add(r)
			if err := rep.File(r); err != nil {
				t.Fatal(err)
			}
			for i := range r.Findings {
				findings = append(findings, toJSON(r.File.Path(), &r.Findings[i], true))
			}
			for _, e := range r.Errors {
				errs = append(errs, jsonError{r.File.Path(), e.Error()})
			}
		}
		if name == "many" {
			sum.Unused = []UnusedIgnore{{Config: ".newslint.toml", Line: 3, Message: "suppressed nothing"}}
		}
		if err := rep.Finish(sum); err != nil {
			t.Fatal(err)
		}
		if findings == nil {
			findings = []jsonFinding{}
		}
		if errs == nil {
			errs = []jsonError{}
		}
		js := jsonSummary{Files: sum.Files, FilesWithFindings: sum.FilesWithFindings, Findings: sum.Findings,
			BySeverity: map[string]int{}, ByRule: map[string]int{}, Fixable: sum.Fixable,
			UnsafeFixable: sum.UnsafeFixable, Errors: sum.Errors}
		for k, v := range sum.BySeverity {
			js.BySeverity[k.String()] = v
		}
		for k, v := range sum.ByRule {
			js.ByRule[k] = v.Count
		}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		enc.Encode(struct {
			Tool          string         `json:"tool"`
			Version       string         `json:"version"`
			Findings      []jsonFinding  `json:"findings"`
			Errors        []jsonError    `json:"errors"`
			Summary       jsonSummary    `json:"summary"`
			UnusedIgnores []UnusedIgnore `json:"unused_ignores,omitempty"`
		}{"newslint", o.Version, findings, errs, js, sum.Unused})
		if b.String() != want.String() {
			t.Errorf("%s: streamed\n%s\nwant\n%s", name, b.String(), want.String())
		}
	}
}
