package processors

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

func placed(rule string, line, endLine, endCol int) finding.Finding {
	return finding.Finding{Diagnostic: lint.Diagnostic{Rule: rule}, Line: line, Col: 1, EndLine: endLine, EndCol: endCol}
}

// TestIgnoresSpansAndRecords: a text pattern matches one of the lines a finding spans (not the
// line its span ends at the start of), or their text together; record entries match the id,
// url or link of the record; entries that hid something are not unused.
func TestIgnoresSpansAndRecords(t *testing.T) {
	base := t.TempDir()
	path := filepath.Join(base, "feeds", "a.txt")
	doc := document.New(path, "Intro line\nShare this\non Facebook\nNext line\n")
	contains := func(s string) func(string) bool { return func(l string) bool { return strings.Contains(l, s) } }
	g := NewIgnores(base, []IgnoreEntry{
		{Paths: []string{"feeds/*.txt"}, Rules: []string{"nav-leak"}, Line: contains("this\non Face")}, // across lines
		{Paths: []string{"feeds/*.txt"}, Rules: []string{"caption"}, Line: contains("Next line")},      // the line after a span
		{Paths: []string{"**"}, Record: "https://example.com/x"},
		{Paths: []string{"other/**"}},
	}, "", nil)
	u := Unit{Loc: input.Locator{Path: path}, Doc: doc}
	fs := []finding.Finding{placed("nav-leak", 2, 3, 11), placed("caption", 2, 4, 1), placed("caption", 4, 4, 5)}
	if got := g.Hide(u, fs); !slices.Equal(got, []bool{true, false, true}) {
		t.Errorf("Hide = %v, want [true false true]", got)
	}
	rec := &input.Record{Raw: []byte(`{"id": 7, "url": "https://example.com/x", "text": "Intro line"}`)}
	ru := Unit{Loc: input.Locator{Path: path, Record: 2, Line: 2, ID: "7"}, Doc: document.New(path, "Intro line\n"), Record: rec}
	if got := g.Hide(ru, []finding.Finding{placed("byline", 1, 1, 5)}); !got[0] {
		t.Error("the record entry does not match the record's url")
	}
	if got := g.Unused(); !slices.Equal(got, []int{3}) {
		t.Errorf("Unused = %v, want [3]", got)
	}
}

// TestIgnoresRecordField: the record field lists rules (a string for one, "*" for all);
// unknown IDs and values that are no list are noted once per record.
func TestIgnoresRecordField(t *testing.T) {
	known := func(id string) bool { return id == "a" || id == "b" }
	g := NewIgnores(t.TempDir(), nil, "skip", known)
	fs := []finding.Finding{placed("a", 1, 1, 2), placed("b", 1, 1, 2)}
	for _, c := range []struct {
		raw  string
		want []bool
	}{
		{`{"skip": ["a"]}`, []bool{true, false}},
		{`{"skip": "b"}`, []bool{false, true}},
		{`{"skip": ["*"]}`, []bool{true, true}},
		{`{"skip": ["c"]}`, []bool{false, false}},
		{`{"skip": 3}`, []bool{false, false}},
		{`{"other": ["a"], "text": "skip"}`, []bool{false, false}},
	} {
		u := Unit{Loc: input.Locator{Path: "f.jsonl", Record: 1, Line: 4}, Record: &input.Record{Raw: []byte(c.raw)}}
		if got := g.Hide(u, fs); !slices.Equal(got, c.want) {
			t.Errorf("%s: Hide = %v, want %v", c.raw, got, c.want)
		}
		g.Hide(u, fs) // a second pass of the fix loop notes nothing new
	}
	probs := g.FieldProblems()
	if len(probs) != 2 || probs[0].Rule != "3" || !probs[0].NotList || probs[1].Rule != "c" || probs[1].NotList {
		t.Errorf("FieldProblems = %+v", probs)
	}
}
