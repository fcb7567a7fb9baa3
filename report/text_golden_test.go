package report

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

var updateGolden = flag.Bool("update", false, "rewrite the text reporter's golden files")

// previewResults are findings with every part of a text report: previews with context,
// deleted, inserted and paired lines (short, long, with a change far to the right, non-ASCII),
// a missing final newline, more changed lines than are shown, fixes of each safety, conflicts,
// related findings and records.
func previewResults() []*finding.Result {
	long := strings.Repeat("The council met on Tuesday to discuss the budget for the coming year. ", 4)
	hunks := []diff.Hunk{
		{OldStart: 3, OldLines: 3, NewStart: 3, NewLines: 2, Lines: []diff.Line{
			{Op: diff.Equal, Text: "First paragraph of the story."},
			{Op: diff.Delete, Text: "Subscribe to our newsletter!"},
			{Op: diff.Equal, Text: "Second paragraph, with “quotes” and é.", NoNewline: true},
		}},
		{OldStart: 10, OldLines: 2, NewStart: 9, NewLines: 2, Lines: []diff.Line{
			{Op: diff.Delete, Text: "Kim Jong Un met the delegation in Pyongyang."},
			{Op: diff.Delete, Text: long + "end"},
			{Op: diff.Insert, Text: "Kim Jong-un met the delegation in Pyongyang."},
			{Op: diff.Insert, Text: long + "END"},
		}},
		{OldStart: 20, OldLines: 1, NewStart: 20, NewLines: 1, Lines: []diff.Line{
			{Op: diff.Delete, Text: "caf\xe9 \xff\xfe au lait, \xed\xa0\x80 bad bytes"},
			{Op: diff.Insert, Text: "café \xff\xfe au lait, \xed\xa0\x80 bad bytes"},
		}},
		{OldStart: 0, OldLines: 0, NewStart: 1, NewLines: 1, Lines: []diff.Line{
			{Op: diff.Insert, Text: "Добавленная строка"},
		}},
		{OldStart: 120000, OldLines: 1, NewStart: 119999, NewLines: 0, Lines: []diff.Line{
			{Op: diff.Delete, Text: long},
		}},
	}
	var many []diff.Line
	for i := range 20 {
		many = append(many, diff.Line{Op: diff.Delete, Text: "menu item " + strings.Repeat("x", i)})
	}
	hunks = append(hunks, diff.Hunk{OldStart: 40, OldLines: 20, NewStart: 39, NewLines: 0, Lines: many})
	loc := input.Locator{Path: "news/b.txt"}
	rec := input.Locator{Path: "feed.jsonl", Record: 2, Line: 5, ID: "id-7"}
	var fs []finding.Finding
	for i, h := range hunks {
		f := finding.Finding{Diagnostic: lint.Diagnostic{Rule: "rule-" + string(rune('a'+i)), Severity: lint.Severity(i%3 + 1),
			Message: "message " + strings.Repeat("é", i)}, Loc: loc, Line: i + 1, Col: i*3 + 1, Preview: []diff.Hunk{h}}
		if i%2 == 0 || i == 1 {
			f.Fix = &lint.Fix{Safety: lint.Safety(i%3 + 1), Description: "fix it"}
		}
		if i == 1 {
			f.Conflict = "not applied in the same pass: overlaps a fix applied before it"
			f.Loc = rec
			f.Related = []finding.Finding{{Diagnostic: lint.Diagnostic{Rule: "inner", Severity: lint.Info, Message: "inside"},
				Loc: rec, Line: 2, Col: 3}}
		}
		fs = append(fs, f)
	}
	return []*finding.Result{sample(), {File: input.NewFile("news/b.txt", "", ""), Findings: fs, Last: true},
		{File: input.NewFile("empty.txt", "", ""), Last: true}}
}

// TestTextGolden: the text report of previewResults, with and without colours, widths and
// unsafe fixes, is the one in testdata.
func TestTextGolden(t *testing.T) {
	for name, o := range map[string]Options{
		"plain":  {},
		"color":  {Color: true},
		"narrow": {Width: 50, Unsafe: true},
		"fixed":  {Color: true, Width: 200, Fix: true},
	} {
		got := render(t, "text", o, previewResults()...)
		path := "testdata/text-" + name + ".golden"
		if *updateGolden {
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if got != string(want) {
			t.Errorf("%s: text report differs from %s:\n%s", name, path, got)
		}
	}
}

// BenchmarkText renders findings with previews, as a run without colours does.
func BenchmarkText(b *testing.B) {
	rs := previewResults()
	rep := newText(discard{}, Options{})
	for b.Loop() {
		for _, r := range rs {
			if err := rep.File(r); err != nil {
				b.Fatal(err)
			}
		}
	}
}
