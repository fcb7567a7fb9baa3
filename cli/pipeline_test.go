package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// chromeCorpus is five articles of one directory ending in the same five menu lines: each
// file's menu is one page-chrome finding holding five template-line findings.
// chromeCorpus writes five whole-page extractions of one site: a header of ten section links
// (different in each file), the story, and a footer menu that recurs in every file, so that
// page-chrome's safe run over the footer holds five template-line findings.
func chromeCorpus(t *testing.T) string {
	dir := t.TempDir()
	for i := 1; i <= 5; i++ {
		var header strings.Builder
		for j := 0; j < 10; j++ {
			fmt.Fprintf(&header, "Section %c%d\n", 'A'+j, i)
		}
		write(t, filepath.Join(dir, fmt.Sprintf("f%d.txt", i)), header.String()+fmt.Sprintf("The council voted on Tuesday to approve budget number %d for the schools, after a debate that lasted late into the evening.\n"+
			"Members said the plan would add teachers and repair buildings across the district over the next three years.\n\n"+
			"Home\nAbout Us\nContact\nPrivacy Notice\nCookie Settings\n", i), 0o644)
	}
	return dir
}

func TestNestedFindingsFold(t *testing.T) {
	dir := chromeCorpus(t)
	code, out, errs := run(t, dir, "--format", "jsonl", dir)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 1 || len(lines) != 10 {
		t.Fatalf("exit %d, %d findings, want two per file (header and footer menus)\n%s\n%s", code, len(lines), out, errs)
	}
	var f struct {
		Rule    string `json:"rule"`
		Line    int    `json:"line"`
		Related []struct {
			Rule string `json:"rule"`
			Line int    `json:"line"`
		} `json:"related"`
	}
	json.Unmarshal([]byte(lines[1]), &f)
	if f.Rule != "page-chrome" || f.Line != 14 || len(f.Related) != 5 || f.Related[0].Rule != "template-line" || f.Related[4].Line != 18 {
		t.Errorf("footer finding of f1.txt: %s", lines[1])
	}
	_, out, _ = run(t, dir, dir)
	if strings.Count(out, "  related: ") != 25 || !strings.Contains(out, "Found 10 findings (10 warnings) in 5 of 5 files scanned.") {
		t.Errorf("text:\n%s", out)
	}
	// SARIF carries the notes as related locations, and stays valid
	_, out, _ = run(t, dir, "--format", "sarif", dir)
	schema, err := jsonschema.NewCompiler().Compile(filepath.Join("..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(doc); err != nil || strings.Count(out, `"relatedLocations"`) != 5 {
		t.Errorf("SARIF with related locations: %v\n%s", err, out)
	}
	// a baseline records the folded findings too (10 menus and 25 template lines), and hides all of them
	if code, out, errs := run(t, dir, "baseline", dir); code != 0 || !strings.Contains(out, "recorded 35 findings") {
		t.Fatalf("baseline: %d %s %s", code, out, errs)
	}
	if code, out, _ := run(t, dir, "--baseline", filepath.Join(dir, ".newslint-baseline.json"), dir); code != 0 || !strings.Contains(out, "No findings") {
		t.Errorf("with the baseline: exit %d\n%s", code, out)
	}
	// folding changes nothing in what --fix writes
	if code, _, errs := run(t, dir, "--fix", dir); code != 0 {
		t.Fatalf("--fix: %d %s", code, errs)
	}
	if got := read(t, filepath.Join(dir, "f1.txt")); strings.Contains(got, "Home") || !strings.HasSuffix(got, "three years.\n") {
		t.Errorf("after --fix: %q", got)
	}
}

// TestBaselineOnAFeed: a baseline hides the findings of a large feed record by record, --fix
// leaves them in the feed, and a new record is reported and fixed.
func TestBaselineOnAFeed(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 1500; i++ {
		fmt.Fprintf(&b, `{"id":%d,"text":"%s\nveryGood! (%d)"}`+"\n", i, cleanText, i)
	}
	p := filepath.Join(dir, "feed.jsonl")
	write(t, p, b.String(), 0o644)
	if code, out, errs := run(t, dir, "--select", "vote-widget", "baseline", p); code != 0 || !strings.Contains(out, "recorded 1500 findings") {
		t.Fatalf("baseline: %d %s %s", code, out, errs)
	}
	// a new record with a widget of its own is reported and fixed; the recorded ones are not
	feed := b.String() + `{"id":"new","text":"` + cleanText + `\nveryGood! (9999)"}` + "\n"
	write(t, p, feed, 0o644)
	bl := filepath.Join(dir, ".newslint-baseline.json")
	code, out, errs := run(t, dir, "--select", "vote-widget", "--format", "jsonl", "--baseline", bl, p)
	if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, `"record_id":"new"`) {
		t.Errorf("with the baseline: exit %d\n%s\n%s", code, out, errs)
	}
	if code, out, _ := run(t, dir, "--select", "vote-widget", "--fix", "--baseline", bl, p); code != 0 || !strings.Contains(out, "Fixed 1 finding in 1 file.") {
		t.Errorf("--fix with the baseline: exit %d\n%s", code, out)
	}
	if got := read(t, p); got != b.String()+`{"id":"new","text":"`+cleanText+`"}`+"\n" {
		t.Errorf("the feed after --fix differs in %d bytes", len(got)-len(feed))
	}
}
