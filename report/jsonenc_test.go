package report

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// encodingJSON is what encoding/json writes for v, as the jsonl format wrote it before
// appendFinding: no HTML escaping, no newline.
func encodingJSON(t testing.TB, v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// oddStrings are texts whose JSON escaping differs from their bytes.
var oddStrings = []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\b\f\x00\x01\x1f\x7f",
	"<html> & 'apostrophe'", "café ünïcödé 中文", "line\u2028sep\u2029para", "bad \xff\xfe utf-8 \xc3", "emoji 😀", "\U0010FFFF"}

// TestAppendFindingIsEncodingJSON: the jsonl encoder writes what encoding/json writes, for
// findings with and without fixes, records, related findings and every kind of odd string.
func TestAppendFindingIsEncodingJSON(t *testing.T) {
	var fs []finding.Finding
	fs = append(fs, sample().Findings...)
	for i, s := range oddStrings {
		f := finding.Finding{Diagnostic: lint.Diagnostic{Rule: "rule-" + s, Severity: lint.Severity(i%3 + 1), Start: i, End: i + 5, Message: s},
			Line: i, Col: -i, EndLine: 1 << 40, EndCol: i}
		if i%2 == 0 {
			f.Fix = &lint.Fix{Safety: lint.Safety(i%3 + 1), Description: s, Edits: []lint.TextEdit{{Start: 1, End: 2, NewText: s}, {Start: 3, End: 4}}}
			f.EditPos = []finding.Span{{Line: 1, Col: 2, EndLine: 3, EndCol: 4}, {}}
		}
		if i%3 == 0 {
			f.Loc = input.Locator{Path: s, Record: i + 1, Line: i + 7, ID: s}
			f.Fix = &lint.Fix{Safety: lint.Unsafe, Description: s}
		}
		fs = append(fs, f)
	}
	for _, unsafe := range []bool{false, true} {
		for i := range fs {
			j := toJSON(oddStrings[i%len(oddStrings)], &fs[i], unsafe)
			if got, want := string(appendFinding(nil, &j)), encodingJSON(t, j); got != want {
				t.Errorf("finding %d:\n got %s\nwant %s", i, got, want)
			}
		}
	}
	j := jsonFinding{Fix: &jsonFix{}} // a fix without edits
	if got, want := string(appendFinding(nil, &j)), encodingJSON(t, j); got != want {
		t.Errorf("nil edits:\n got %s\nwant %s", got, want)
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range oddStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := string(appendJSONString(nil, s)), encodingJSON(t, s); got != want {
			t.Errorf("%q:\n got %s\nwant %s", s, got, want)
		}
	})
}
