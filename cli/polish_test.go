package cli

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
)

// severityTree is a directory whose files come in path order a.txt, b.txt, z.txt with one
// widget finding each; the configuration makes z.txt's an error, the others warnings.
func severityTree(t *testing.T) string {
	dir := t.TempDir()
	write(t, filepath.Join(dir, ".newslint.toml"), "[[override]]\npaths = [\"z.txt\"]\n[override.rules.vote-widget]\nseverity = \"error\"\n", 0o644)
	for _, name := range []string{"a.txt", "b.txt", "z.txt"} {
		write(t, filepath.Join(dir, name), dirty, 0o644)
	}
	return dir
}

// TestSARIFCapKeepsMostSevere: with room for one result, the error of the last file is kept,
// not the warning of the first; stderr and the SARIF notification give the real counts.
func TestSARIFCapKeepsMostSevere(t *testing.T) {
	dir := severityTree(t)
	code, out, errs := run(t, dir, "--format", "sarif", "--max-results", "1", dir)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var s struct {
		Runs []struct {
			Results []struct {
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
			Invocations []struct {
				Notes []struct {
					Message struct{ Text string } `json:"message"`
				} `json:"toolExecutionNotifications"`
			} `json:"invocations"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatal(err)
	}
	res := s.Runs[0].Results
	if len(res) != 1 || res[0].Level != "error" || !strings.HasSuffix(res[0].Locations[0].PhysicalLocation.ArtifactLocation.URI, "/z.txt") {
		t.Errorf("kept %+v, want only the error of z.txt", res)
	}
	if n := s.Runs[0].Invocations[0].Notes; len(n) != 1 || !strings.HasPrefix(n[0].Message.Text, "2 results were omitted") || !strings.Contains(n[0].Message.Text, "capped at 1 ") {
		t.Errorf("notification: %+v", n)
	}
	if !strings.Contains(errs, "2 SARIF results omitted: SARIF output keeps the 1 most severe") {
		t.Errorf("stderr: %s", errs)
	}

	// the default cap is GitHub's, and the message says so rather than "cap 0"
	_, _, errs = run(t, dir, "--format", "sarif", dir)
	if strings.Contains(errs, "omitted") {
		t.Errorf("nothing is omitted under the default cap: %s", errs)
	}
}

func TestMaxResultsAboveGitHubLimitWarns(t *testing.T) {
	dir := severityTree(t)
	_, out, errs := run(t, dir, "--format", "sarif", "--max-results", "30000", dir)
	if !strings.Contains(errs, "--max-results 30000 is above GitHub code scanning's limit of 25000") || !strings.Contains(out, `"ruleId"`) {
		t.Errorf("stderr: %s", errs)
	}
	if code, _, errs := run(t, dir, "--format", "sarif", "--max-results", "-1", dir); code != 2 || !strings.Contains(errs, "--max-results must be 0") {
		t.Errorf("negative cap: exit %d %s", code, errs)
	}
}

// TestStatisticsJSONAndReportedSeverity: --statistics --format json is a JSON object of counts
// per rule, with the severities the configuration made of them.
func TestStatisticsJSONAndReportedSeverity(t *testing.T) {
	dir := severityTree(t)
	code, out, errs := run(t, dir, "--statistics", "--format", "json", dir)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var st struct {
		Files, Findings int
		Rules           map[string]struct {
			Count, Fixable int
			Severity       string
			BySeverity     map[string]int `json:"by_severity"`
		}
	}
	if err := json.Unmarshal([]byte(out), &st); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	vw := st.Rules["vote-widget"]
	if st.Files != 3 || st.Findings != 3 || vw.Count != 3 || vw.Fixable != 3 || vw.Severity != "error" ||
		vw.BySeverity["error"] != 1 || vw.BySeverity["warning"] != 2 {
		t.Errorf("statistics: %s", out)
	}
	_, out, _ = run(t, dir, "--statistics", dir)
	if !strings.Contains(out, "3  vote-widget  error/warning        3") {
		t.Errorf("text statistics:\n%s", out)
	}
	// a severity raised for every file shows as that severity
	write(t, filepath.Join(dir, ".newslint.toml"), "[rules.vote-widget]\nseverity = \"info\"\n", 0o644)
	_, out, _ = run(t, dir, "--statistics", dir)
	if !strings.Contains(out, "vote-widget      info") {
		t.Errorf("text statistics after override:\n%s", out)
	}
}

func TestEmptyFormatIsAnError(t *testing.T) {
	dir := severityTree(t)
	for _, args := range [][]string{{"--format="}, {"--format", ""}, {"--format", " "}} {
		code, out, errs := run(t, dir, append(args, dir)...)
		if code != 2 || out != "" || !strings.Contains(errs, "--format needs a value: one of text, jsonl, json") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q", args, code, out, errs)
		}
	}
}

// TestConfigErrorsSpeakTOML: a value of the wrong kind is named in TOML's words, never in Go's.
func TestConfigErrorsSpeakTOML(t *testing.T) {
	cases := []struct{ toml, want string }{
		{"[rules.vote-widget]\nseverity = 3\n", "expected a string, got an integer"},
		{"[files]\ninclude = \"*.txt\"\n", "expected an array, got a string"},
		{"[files]\ninclude = [1]\n", "expected a string, got an integer"},
		{"files = 3\n", "expected a table, got an integer"},
		{"[[override]]\npaths = 1.5\n", "expected an array, got a number"},
		{"[rules.vote-widget]\nenabled = \"yes\"\n", "expected true or false, got a string"},
	}
	for _, c := range cases {
		dir := t.TempDir()
		write(t, filepath.Join(dir, ".newslint.toml"), c.toml, 0o644)
		write(t, filepath.Join(dir, "a.txt"), clean, 0o644)
		code, _, errs := run(t, dir, dir)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", c.toml, code, errs, c.want)
		}
		for _, goWord := range []string{"int64", "float64", "slice", "struct", "[]", "interface", "destination"} {
			if strings.Contains(errs, goWord) {
				t.Errorf("%q: stderr names a Go type (%s): %s", c.toml, goWord, errs)
			}
		}
	}
}

// TestShowFixesAndExitNonZeroOnFix: after --fix, --show-fixes lists what was fixed per file
// and rule, and --exit-non-zero-on-fix fails the run although nothing remains.
func TestShowFixesAndExitNonZeroOnFix(t *testing.T) {
	dir := t.TempDir()
	a, b, c := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")
	write(t, a, clean+"veryGood! (62)\nLike (3)\n", 0o644)
	write(t, b, clean, 0o644)
	write(t, c, dirty, 0o644)

	code, out, errs := run(t, dir, "--fix", "--show-fixes", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	want := "Fixed 3 findings:\n- " + a + ":\n    2 × vote-widget\n- " + c + ":\n    1 × vote-widget\n"
	if !strings.HasSuffix(out, want) {
		t.Errorf("--show-fixes:\n%s\nwant it to end with\n%s", out, want)
	}
	if read(t, a) != clean || read(t, c) != clean {
		t.Errorf("files not fixed")
	}

	// nothing left to fix: exit 0 even with --exit-non-zero-on-fix
	code, out, _ = run(t, dir, "--fix", "--show-fixes", "--exit-non-zero-on-fix", dir)
	if code != 0 || !strings.Contains(out, "No findings fixed.") {
		t.Errorf("second run: exit %d\n%s", code, out)
	}
	write(t, c, dirty, 0o644)
	code, out, errs = run(t, dir, "--fix", "--exit-non-zero-on-fix", "--format", "json", "--show-fixes", dir)
	if code != 1 || !strings.Contains(errs, "1 × vote-widget") || !strings.Contains(out, `"files_fixed": 1`) {
		t.Errorf("--exit-non-zero-on-fix: exit %d\n%s\n%s", code, out, errs)
	}
	// standard input: the fixed text to stdout, exit 1 as it changed
	var o, e strings.Builder
	code = Main([]string{"--fix", "--exit-non-zero-on-fix", "-"}, Env{Stdin: strings.NewReader(dirty), Stdout: &o, Stderr: &e, Dir: dir, Getenv: func(string) string { return "" }})
	if code != 1 || o.String() != clean {
		t.Errorf("stdin: exit %d, %q", code, o.String())
	}
	o.Reset()
	e.Reset()
	code = Main([]string{"--fix", "--show-fixes", "--stdin-filename", "story.txt", "-"}, Env{Stdin: strings.NewReader(dirty), Stdout: &o, Stderr: &e, Dir: dir, Getenv: func(string) string { return "" }})
	if code != 0 || o.String() != clean || !strings.Contains(e.String(), "Fixed 1 finding:\n- story.txt:\n    1 × vote-widget\n") {
		t.Errorf("stdin --show-fixes: exit %d, %q\n%s", code, o.String(), e.String())
	}
	if code, _, errs := run(t, dir, "--show-fixes", dir); code != 2 || !strings.Contains(errs, "go with --fix") {
		t.Errorf("--show-fixes without --fix: exit %d %s", code, errs)
	}
}

// TestShowFixesCountsCorpusRules: the fixes of corpus rules, judged by the counts of the files
// before fixing, are listed too.
func TestShowFixesCountsCorpusRules(t *testing.T) {
	dir := t.TempDir()
	for i := 0; i < 5; i++ {
		write(t, filepath.Join(dir, "site", fmt.Sprintf("s%d.txt", i)), fmt.Sprintf("Story %d\n\nThe council approved budget number %d on Monday after a long debate that lasted several hours, officials said.\n\nRSS\n", i, i), 0o644)
	}
	code, out, errs := run(t, dir, "--fix", "--show-fixes", dir)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, "Fixed 5 findings in 5 files.") || !strings.Contains(out, "Fixed 5 findings:\n- "+filepath.Join(dir, "site", "s0.txt")+":\n    1 × template-line\n") {
		t.Errorf("--show-fixes:\n%s", out)
	}
}

// TestStdinJSONLines: --stdin-filename feed.jsonl lints the records of standard input; with
// --fix the fixed feed goes to standard output, unchanged records byte-identical.
func TestStdinJSONLines(t *testing.T) {
	dir := t.TempDir()
	rec := func(id, text string) string {
		b, _ := json.Marshal(map[string]string{"id": id, "text": text})
		return string(b) + "\n"
	}
	feed := rec("r1", dirty) + `{"text": "` + strings.TrimSuffix(strings.ReplaceAll(clean, "\n", `\n`), `\n`) + `",  "id": "r2"}` + "\n" + rec("r3", clean+"Like (3)\n")

	code, out, errs := runStdin(t, dir, feed, "--format", "jsonl", "--stdin-filename", "feeds/feed.jsonl", "-")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var f struct {
			Path     string `json:"path"`
			Rule     string `json:"rule"`
			RecordID string `json:"record_id"`
		}
		if err := json.Unmarshal([]byte(line), &f); err != nil {
			t.Fatal(err)
		}
		got = append(got, f.Path+" "+f.RecordID+" "+f.Rule)
	}
	if strings.Join(got, ";") != "feeds/feed.jsonl r1 vote-widget;feeds/feed.jsonl r3 vote-widget" {
		t.Errorf("findings: %v", got)
	}

	code, out, errs = runStdin(t, dir, feed, "--fix", "--stdin-filename", "feed.jsonl", "-")
	lines := strings.SplitAfter(out, "\n")
	if code != 0 || len(lines) != 4 || lines[0] != rec("r1", clean) || lines[1] != strings.SplitAfter(feed, "\n")[1] || lines[2] != rec("r3", clean) {
		t.Errorf("--fix: exit %d\nstdout %q\nstderr %s", code, out, errs)
	}
	if !strings.Contains(errs, "Fixed 2 findings") {
		t.Errorf("--fix report on stderr: %s", errs)
	}

	// a record whose text is not a string is named, kept, and fails the run
	code, out, errs = runStdin(t, dir, feed+`{"id":"r4","text":42}`+"\n", "--fix", "--stdin-filename", "feed.jsonl", "-")
	if code != 2 || !strings.HasSuffix(out, `{"id":"r4","text":42}`+"\n") || !strings.Contains(errs, `feed.jsonl: line 4: field "text" is a number, not a string`) {
		t.Errorf("bad record: exit %d\n%s\n%s", code, out, errs)
	}
	// --diff names the records by the given name, not by a temporary file
	code, out, _ = runStdin(t, dir, feed, "--diff", "--stdin-filename", "feed.jsonl", "-")
	if code != 1 || !strings.Contains(out, "--- feed.jsonl (record 1, r1)") || strings.Contains(out, "newslint-stdin") {
		t.Errorf("--diff: exit %d\n%s", code, out)
	}
}
