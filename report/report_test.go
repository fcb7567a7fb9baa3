package report

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// sample is a file with a run of page chrome (lines 3-5) that holds a template line (line 4),
// folded into it as a related note, and a widget line after it.
func sample() *finding.Result {
	loc := input.Locator{Path: "news/a.txt"}
	inner := finding.Finding{Diagnostic: lint.Diagnostic{Rule: "template-line", Severity: lint.Warning, Start: 40, End: 52,
		Message: "line repeated in 9 of 10 files", Fix: &lint.Fix{Safety: lint.Safe, Description: "delete the line", Edits: []lint.TextEdit{{Start: 40, End: 53}}}},
		Loc: loc, Line: 4, Col: 1, EndLine: 4, EndCol: 13, Text: "Subscribe now", EditPos: []finding.Span{{Line: 4, Col: 1, EndLine: 5, EndCol: 1}},
		Conflict: "not applied in the same pass: overlaps a fix applied before it"}
	outer := finding.Finding{Diagnostic: lint.Diagnostic{Rule: "page-chrome", Severity: lint.Warning, Start: 30, End: 70,
		Message: "page chrome (3 lines)", Fix: &lint.Fix{Safety: lint.Safe, Description: "delete the lines", Edits: []lint.TextEdit{{Start: 30, End: 71}}}},
		Loc: loc, Line: 3, Col: 1, EndLine: 5, EndCol: 10, Text: "Menu\nSubscribe now\nShare it", EditPos: []finding.Span{{Line: 3, Col: 1, EndLine: 6, EndCol: 1}},
		Related: []finding.Finding{inner}}
	widget := finding.Finding{Diagnostic: lint.Diagnostic{Rule: "vote-widget", Severity: lint.Info, Start: 80, End: 90, Message: "rating widget"},
		Loc: loc, Line: 7, Col: 1, EndLine: 7, EndCol: 11, Text: "Like (3)"}
	return &finding.Result{File: input.NewFile("news/a.txt", "", ""), Findings: []finding.Finding{outer, widget}, Last: true}
}

func render(t *testing.T, format string, o Options, rs ...*finding.Result) string {
	t.Helper()
	var b bytes.Buffer
	rep, err := New(format, &b, o)
	if err != nil {
		t.Fatal(err)
	}
	sum := NewSummary(o.Fix, o.Unsafe)
	for _, r := range rs {
		sum.Add(r)
		if err := rep.File(r); err != nil {
			t.Fatal(err)
		}
	}
	if err := rep.Finish(sum); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestTextShowsRelatedNotes(t *testing.T) {
	got := render(t, "text", Options{}, sample())
	want := `news/a.txt:3:1: warning [page-chrome] page chrome (3 lines)
  fix (safe, --fix): delete the lines
  related: news/a.txt:4:1: warning [template-line] line repeated in 9 of 10 files
news/a.txt:7:1: info [vote-widget] rating widget

Found 2 findings (1 warning, 1 info) in 1 of 1 file scanned.
1 fixable with --fix.
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestTextRecordsAndErrors(t *testing.T) {
	r := sample()
	r.Findings = r.Findings[1:]
	r.Findings[0].Loc = input.Locator{Path: "feed.jsonl", Record: 3, Line: 3, ID: "42"}
	r.File = input.NewFile("feed.jsonl", "", "")
	r.Errors = []error{errors.New("line 2: malformed record")}
	got := render(t, "text", Options{}, r)
	if !strings.HasPrefix(got, "feed.jsonl[line 3, 42]:7:1: info [vote-widget] rating widget\n") ||
		!strings.Contains(got, "1 file could not be fully processed") {
		t.Errorf("got\n%s", got)
	}
}

func TestJSONCarriesRelated(t *testing.T) {
	line := strings.SplitN(render(t, "jsonl", Options{}, sample()), "\n", 2)[0]
	var f jsonFinding
	if err := json.Unmarshal([]byte(line), &f); err != nil {
		t.Fatal(err)
	}
	if f.Rule != "page-chrome" || len(f.Related) != 1 || f.Related[0].Rule != "template-line" || f.Related[0].Line != 4 ||
		f.Related[0].Fix == nil || !f.Related[0].Fix.Applicable || f.Related[0].Fix.Edits[0].End.Offset != 53 {
		t.Errorf("jsonl: %s", line)
	}
	if strings.Contains(strings.SplitN(render(t, "jsonl", Options{}, sample()), "\n", 3)[1], "related") {
		t.Error("a finding without related notes has a related key")
	}
	var doc struct {
		Findings []jsonFinding `json:"findings"`
		Summary  jsonSummary   `json:"summary"`
	}
	if err := json.Unmarshal([]byte(render(t, "json", Options{}, sample())), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 2 || len(doc.Findings[0].Related) != 1 || doc.Summary.Findings != 2 || doc.Summary.Fixable != 1 {
		t.Errorf("json: %+v", doc)
	}
}

func TestSARIFRelatedLocations(t *testing.T) {
	var doc struct {
		Runs []struct {
			Results []struct {
				RuleID           string `json:"ruleId"`
				RelatedLocations []struct {
					ID      int `json:"id"`
					Message struct {
						Text string `json:"text"`
					} `json:"message"`
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
						Region struct {
							StartLine int `json:"startLine"`
							EndColumn int `json:"endColumn"`
						} `json:"region"`
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
				Fingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(render(t, "sarif", Options{}, sample())), &doc); err != nil {
		t.Fatal(err)
	}
	res := doc.Runs[0].Results
	if len(res) != 2 || len(res[0].RelatedLocations) != 1 || len(res[1].RelatedLocations) != 0 {
		t.Fatalf("results %+v", res)
	}
	rl := res[0].RelatedLocations[0]
	if rl.Message.Text != "[template-line] line repeated in 9 of 10 files" || rl.PhysicalLocation.ArtifactLocation.URI != "news/a.txt" ||
		rl.PhysicalLocation.Region.StartLine != 4 || rl.PhysicalLocation.Region.EndColumn != 13 {
		t.Errorf("related location %+v", rl)
	}
	// the cap counts results, not related notes
	out := render(t, "sarif", Options{MaxResults: 1}, sample())
	if strings.Count(out, `"ruleId"`) != 1 || !strings.Contains(out, "1 results were omitted") {
		t.Errorf("capped:\n%s", out)
	}
}

// TestFingerprintsIgnoreFolding: folding a finding into a related note changes no fingerprint of
// the findings that remain.
func TestFingerprintsIgnoreFolding(t *testing.T) {
	folded := sample()
	outer := folded.Findings[0]
	// a second template line, after the chrome, with the same text as the folded one
	later := outer.Related[0]
	later.Start, later.End, later.Line, later.Related = 100, 112, 9, nil
	folded.Findings = append(folded.Findings, later)
	flat := &finding.Result{File: folded.File, Findings: finding.Flatten(folded.Findings)}
	if len(flat.Findings) != 4 || flat.Findings[1].Rule != "template-line" {
		t.Fatalf("flattened: %+v", flat.Findings)
	}
	ff, fl := finding.Fingerprints(folded), finding.Fingerprints(flat)
	if ff[0] != fl[0] || ff[1] != fl[2] || ff[2] != fl[3] {
		t.Errorf("fingerprints changed by folding:\n%v\n%v", ff, fl)
	}
	if fl[1] == fl[3] {
		t.Error("two equal findings share a fingerprint")
	}
}

func TestOtherFormatsShowOuterFindings(t *testing.T) {
	for format, want := range map[string][]string{
		"github":     {"::warning file=news/a.txt,line=3,endLine=5,col=1,endColumn=10,title=newslint page-chrome::page chrome (3 lines)", "::notice file=news/a.txt,line=7"},
		"gitlab":     {`"check_name": "page-chrome"`, `"begin": 3`, `"check_name": "vote-widget"`},
		"junit":      {`<testcase name="news/a.txt" classname="newslint">`, `message="3:1: page chrome (3 lines)" type="page-chrome"`},
		"checkstyle": {`<error line="3" column="1" severity="warning" message="page chrome (3 lines)" source="newslint.page-chrome">`},
	} {
		got := render(t, format, Options{}, sample())
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s lacks %s:\n%s", format, w, got)
			}
		}
		if strings.Contains(got, "template-line") {
			t.Errorf("%s shows the folded finding on its own:\n%s", format, got)
		}
	}
}
