package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"testing"
	"time"

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

// countingWriter counts the writes it takes; after failAfter of them, each fails.
type countingWriter struct {
	bytes.Buffer
	writes, failAfter int
}

func (w *countingWriter) Write(p []byte) (int, error) {
	w.writes++
	if w.failAfter > 0 && w.writes > w.failAfter {
		return 0, errors.New("disk full")
	}
	return w.Buffer.Write(p)
}

// TestJSONLWritesInChunks: the JSON Lines report of many files is each finding's object on its
// own line, in order, as json.Marshal encodes it, written in chunks of about jsonlChunk bytes
// rather than once per file, the rest by Finish; a failed write is reported and not retried.
func TestJSONLWritesInChunks(t *testing.T) {
	clock := time.Unix(1e9, 0)
	defer func(old func() time.Time) { now = old }(now)
	now = func() time.Time { return clock } // time stands still: only size makes the report write
	var w countingWriter
	rep, _ := New("jsonl", &w, Options{Unsafe: true})
	var want bytes.Buffer
	files := 1999
	for i := range files {
		r := sample()
		r.File = input.NewFile(fmt.Sprintf("site/%04d <&>.txt", i), "", "")
		if err := rep.File(r); err != nil {
			t.Fatal(err)
		}
		for j := range r.Findings {
			line, err := json.Marshal(toJSON(r.File.Path(), &r.Findings[j], true))
			if err != nil {
				t.Fatal(err)
			}
			want.Write(bytes.ReplaceAll(bytes.ReplaceAll(bytes.ReplaceAll(line, []byte(`\u003c`), []byte("<")), []byte(`\u003e`), []byte(">")), []byte(`\u0026`), []byte("&")))
			want.WriteByte('\n')
		}
	}
	if w.Len() >= want.Len() {
		t.Fatalf("all %d bytes written before Finish", w.Len())
	}
	if err := rep.Finish(nil); err != nil {
		t.Fatal(err)
	}
	if w.String() != want.String() {
		t.Fatalf("report differs from the findings one per line:\n%.600s\nwant\n%.600s", w.String(), want.String())
	}
	// the first file's lines go at once (the report has not written yet), then chunks
	if most := want.Len()/jsonlChunk + 2; w.writes > most || w.writes < 3 {
		t.Errorf("%d writes for %d bytes of %d files, want 3 to %d", w.writes, want.Len(), files, most)
	}

	// a reader following the report sees a file's lines once jsonlLatency has passed since the
	// last write, however few they are
	var slow countingWriter
	rep, _ = New("jsonl", &slow, Options{})
	for i, step := range []time.Duration{0, jsonlLatency / 2, jsonlLatency / 4, jsonlLatency, 0} {
		clock = clock.Add(step)
		before := slow.Len()
		if err := rep.File(sample()); err != nil {
			t.Fatal(err)
		}
		if wrote := slow.Len() > before; wrote != (i == 0 || i == 3) {
			t.Errorf("file %d, %v after the one before: wrote %v", i, step, wrote)
		}
	}
	if err := rep.Finish(nil); err != nil || slow.writes != 3 {
		t.Errorf("Finish: %v, %d writes in all, want 3", err, slow.writes)
	}

	broken := countingWriter{failAfter: 1}
	rep, _ = New("jsonl", &broken, Options{})
	var err error
	for i := 0; i < files && err == nil; i++ {
		err = rep.File(sample())
	}
	if err == nil {
		err = rep.Finish(nil)
	}
	if err == nil || broken.writes != 2 {
		t.Errorf("failed write: error %v after %d writes, want disk full after 2", err, broken.writes)
	}
	if rep.Finish(nil) == nil {
		t.Errorf("Finish after a failed write reports no error")
	}
}
