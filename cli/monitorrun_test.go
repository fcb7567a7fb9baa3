package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestSummaryAndCompareOnALintRun: --summary writes what 'newslint summary' writes, and
// --compare prints what 'newslint drift' prints, exiting 1 on drift even when --fix left no
// finding.
func TestSummaryAndCompareOnALintRun(t *testing.T) {
	dir := t.TempDir()
	story := "The council approved the budget on Tuesday after a debate that lasted late into the evening, officials said.\n" +
		"Members said the plan would add teachers and repair buildings across the district over the next three years.\n"
	for i := 0; i < 6; i++ {
		name := string(rune('a'+i)) + ".txt"
		write(t, filepath.Join(dir, "old", "example.com", name), story, 0o644)
		write(t, filepath.Join(dir, "old", "steady.org", name), story, 0o644)
		write(t, filepath.Join(dir, "new", "example.com", name), story+"veryGood! (62)\nLike (3)\n", 0o644)
		write(t, filepath.Join(dir, "new", "steady.org", name), story, 0o644)
	}
	abs := func(p string) string { return filepath.Join(dir, p) }

	// a lint run's summary is the summary command's (but for its creation time)
	code, out, errs := run(t, dir, "--summary", abs("old.json"), abs("old"))
	if code != 0 || !strings.Contains(out, "No findings") {
		t.Fatalf("--summary: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, dir, "summary", "-o", "old-cmd.json", "old"); code != 0 {
		t.Fatalf("summary: %d %s", code, errs)
	}
	if a, b := withoutCreated(t, read(t, abs("old.json"))), withoutCreated(t, read(t, abs("old-cmd.json"))); a != b {
		t.Errorf("--summary differs from 'newslint summary':\n%s\n%s", a, b)
	}

	// the same crawl again: no drift, exit 0
	code, out, errs = run(t, dir, "--compare", abs("old.json"), abs("old"))
	if code != 0 || !strings.Contains(out, "newslint drift:") {
		t.Errorf("--compare with itself: exit %d\n%s\n%s", code, out, errs)
	}

	// the new crawl: example.com drifted; --fix removes every finding, the drift still fails
	code, out, errs = run(t, dir, "--fix", "--compare", abs("old.json"), "--summary", abs("new.json"), abs("new"))
	if code != 1 {
		t.Errorf("--compare on drift: exit %d\n%s\n%s", code, out, errs)
	}
	if _, _, errs := run(t, dir, "drift", "old.json", "new.json"); errs != "" {
		t.Fatal(errs)
	}
	_, want, _ := run(t, dir, "drift", "old.json", "new.json")
	if !strings.HasSuffix(out, "\n"+want) || !strings.Contains(want, "example.com") || strings.Contains(want, "steady.org  ") {
		t.Errorf("--compare output:\n%s\nwant it to end with 'newslint drift' output:\n%s", out, want)
	}
	var s struct {
		Sites map[string]struct {
			Documents int `json:"documents"`
		} `json:"sites"`
	}
	if err := json.Unmarshal([]byte(read(t, abs("new.json"))), &s); err != nil || s.Sites["example.com"].Documents != 6 {
		t.Errorf("new.json: %v %+v", err, s)
	}
	// with a machine-readable report on stdout, the drift goes to stderr
	code, out, errs = run(t, dir, "--format", "json", "--exit-zero", "--compare", abs("old.json"), abs("new"))
	if code != 0 || !json.Valid([]byte(out)) || !strings.Contains(errs, "newslint drift:") {
		t.Errorf("--format json --compare: exit %d\n%s\n%s", code, out, errs)
	}
	// refused: standard input, --diff, a missing summary
	for _, args := range [][]string{
		{"--summary", abs("x.json"), "-"},
		{"--diff", "--compare", abs("old.json"), abs("new")},
		{"--compare", abs("missing.json"), abs("new")},
	} {
		if code, _, errs := run(t, dir, args...); code != 2 || errs == "" {
			t.Errorf("%q: exit %d %s", args, code, errs)
		}
	}
}

// withoutCreated is a summary file without its creation time.
func withoutCreated(t *testing.T, js string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "created")
	b, _ := json.Marshal(m)
	return string(b)
}
