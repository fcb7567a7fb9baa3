package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/newslint/newslint/report"
)

func TestSARIFValidatesAgainstSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	schema, err := c.Compile(filepath.Join("..", "testdata", "sarif", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range []string{filepath.Join("..", "testdata", "golden", "input"), filepath.Join("..", "testdata", "seeds", "input")} {
		_, out, errs := run(t, "", "--format", "sarif", in)
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(out))
		if err != nil {
			t.Fatalf("%s: output is not JSON: %v\n%s", in, err, errs)
		}
		if err := schema.Validate(doc); err != nil {
			t.Errorf("%s: SARIF output does not validate: %v", in, err)
		}
		var s struct {
			Runs []struct {
				Results []struct {
					PartialFingerprints map[string]string `json:"partialFingerprints"`
					Fixes               []any             `json:"fixes"`
				} `json:"results"`
				ColumnKind string `json:"columnKind"`
			} `json:"runs"`
		}
		json.Unmarshal([]byte(out), &s)
		if len(s.Runs) != 1 || len(s.Runs[0].Results) == 0 || s.Runs[0].ColumnKind != "unicodeCodePoints" {
			t.Fatalf("%s: unexpected SARIF shape", in)
		}
		if s.Runs[0].Results[0].PartialFingerprints["newslint/v1"] == "" || len(s.Runs[0].Results[0].Fixes) == 0 {
			t.Errorf("%s: results need fingerprints and fixes", in)
		}
	}
}

func TestSARIFCapIsAnnounced(t *testing.T) {
	in := filepath.Join("..", "testdata", "golden", "input")
	_, out, errs := run(t, "", "--format", "sarif", "--max-results", "2", in)
	if strings.Count(out, `"ruleId"`) != 2 || !strings.Contains(out, "results were omitted") || !strings.Contains(errs, "SARIF results omitted") {
		t.Errorf("cap not announced:\nstderr: %s", errs)
	}
}

func TestFingerprintsSurviveLineMoves(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	fp := func() string {
		_, out, _ := run(t, dir, "--format", "gitlab", p)
		var issues []struct {
			Fingerprint string `json:"fingerprint"`
		}
		if err := json.Unmarshal([]byte(out), &issues); err != nil || len(issues) != 1 {
			t.Fatalf("gitlab output: %v\n%s", err, out)
		}
		return issues[0].Fingerprint
	}
	write(t, p, dirty, 0o644)
	a := fp()
	write(t, p, "Officials said more on Monday, adding that the vote would be held in May after all.\n"+dirty, 0o644)
	if b := fp(); a != b {
		t.Errorf("fingerprint changed when the finding moved down a line: %s vs %s", a, b)
	}
}

func TestGitHubEscapingAndStepSummary(t *testing.T) {
	if got := report.EscapeProperty("a%b\r\nc:d,e"); got != "a%25b%0D%0Ac%3Ad%2Ce" {
		t.Errorf("property escaping: %s", got)
	}
	dir := t.TempDir()
	write(t, filepath.Join(dir, "x,y:z.txt"), "Exclusive offer\n"+dirty, 0o644)
	cfg := filepath.Join(dir, "c.toml")
	write(t, cfg, "[[custom]]\nid = \"promo\"\nkind = \"existence\"\nseverity = \"error\"\npatterns = [\"Exclusive offer\"]\nmessage = \"100% promo\"\n", 0o644)
	summary := filepath.Join(dir, "summary.md")
	var out, errb strings.Builder
	code := Main([]string{"--config", cfg, "--format", "github", filepath.Join(dir, "x,y:z.txt")},
		Env{Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(k string) string {
			if k == "GITHUB_STEP_SUMMARY" {
				return summary
			}
			return ""
		}})
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 2 || !strings.HasPrefix(lines[0], "::error ") || !strings.HasPrefix(lines[1], "::warning ") {
		t.Errorf("most severe first, one command per finding:\n%s", out.String())
	}
	if !strings.Contains(lines[0], "x%2Cy%3Az.txt") || !strings.HasSuffix(lines[0], "::100%25 promo") {
		t.Errorf("escaping: %s", lines[0])
	}
	md := read(t, summary)
	if !strings.Contains(md, "| `promo` | error | 1 | 0 |") || !strings.Contains(md, "| `vote-widget` | warning | 1 | 1 |") {
		t.Errorf("step summary:\n%s", md)
	}
}

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	b := filepath.Join(dir, "b.txt")
	write(t, a, dirty, 0o644)
	write(t, b, dirty, 0o644)
	if code, out, errs := run(t, dir, "baseline", dir); code != 0 || !strings.Contains(out, "recorded 2 findings") {
		t.Fatalf("baseline: %d %s %s", code, out, errs)
	}
	bl := filepath.Join(dir, ".newslint-baseline.json")
	if code, out, _ := run(t, dir, "--baseline", bl, dir); code != 0 || !strings.Contains(out, "No findings") {
		t.Errorf("recorded findings not hidden: %d\n%s", code, out)
	}
	// an edit elsewhere moves the finding: still hidden; a new finding is reported
	write(t, a, "A new first paragraph was added to the story on Tuesday, the editors said.\n"+dirty+"Like (3)\n", 0o644)
	code, out, errs := run(t, dir, "--format", "jsonl", "--baseline", bl, dir)
	if code != 1 || strings.Count(out, "\n") != 1 || !strings.Contains(out, "Like (3)") {
		t.Errorf("after the edit: exit %d\n%s\n%s", code, out, errs)
	}
	// --fix fixes the new finding and leaves the recorded ones as they are
	code, _, errs = run(t, dir, "--fix", "--baseline", bl, dir)
	if code != 0 || read(t, b) != dirty || strings.Contains(read(t, a), "Like (3)") || !strings.Contains(read(t, a), "veryGood") {
		t.Errorf("--fix with --baseline: exit %d, a.txt %q, b.txt %q\n%s", code, read(t, a), read(t, b), errs)
	}
	if strings.Contains(errs, "no longer match") {
		t.Errorf("entries reported stale after --fix left them: %s", errs)
	}
	// an entry whose text is gone is reported stale
	write(t, b, clean, 0o644)
	if _, _, errs := run(t, dir, "--baseline", bl, dir); !strings.Contains(errs, "1 entry in "+bl+" no longer match") {
		t.Errorf("stale entries not reported: %s", errs)
	}
	// the baseline and config files are never linted
	write(t, filepath.Join(dir, ".newslint.toml"), "", 0o644)
	write(t, filepath.Join(dir, "x.md"), read(t, bl), 0o644)
	os.Remove(filepath.Join(dir, "x.md"))
	_, out, _ = run(t, dir, "--format", "jsonl", dir)
	if strings.Contains(out, "baseline") || strings.Contains(out, ".newslint.toml") {
		t.Errorf("own files linted:\n%s", out)
	}
}

func TestChangedSince(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed for --changed-since")
	}
	dir := t.TempDir()
	gitc := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=t"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	gitc("init", "-q")
	write(t, filepath.Join(dir, "old.txt"), dirty, 0o644)
	gitc("add", ".")
	gitc("commit", "-qm", "first")
	write(t, filepath.Join(dir, "new.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "old.txt"), dirty, 0o644)
	_, out, errs := run(t, dir, "--format", "jsonl", "--changed-since", "HEAD", dir)
	if !strings.Contains(out, "new.txt") || strings.Contains(out, "old.txt") {
		t.Errorf("--changed-since HEAD linted:\n%s\n%s", out, errs)
	}
	if code, _, errs := run(t, dir, "--changed-since", "no-such-rev", dir); code != 2 || !strings.Contains(errs, "--changed-since") {
		t.Errorf("bad revision: %d %s", code, errs)
	}
}

func TestOutputFlag(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	write(t, p, dirty, 0o644)
	sarif := filepath.Join(dir, "out.sarif")
	junit := filepath.Join(dir, "out.xml")
	code, out, errs := run(t, dir, "--format", "jsonl", "--output", "sarif="+sarif, "--output", "junit="+junit, p)
	if code != 1 || !strings.Contains(out, `"rule":"vote-widget"`) {
		t.Fatalf("exit %d %s %s", code, out, errs)
	}
	if !strings.Contains(read(t, sarif), `"version": "2.1.0"`) || !strings.Contains(read(t, junit), "<testsuites>") {
		t.Error("--output files not written")
	}
	if code, _, errs := run(t, dir, "--output", "sarif", p); code != 2 || !strings.Contains(errs, "FORMAT=PATH") {
		t.Errorf("bad --output: %d %s", code, errs)
	}
}

// TestProgressOnlyOnTerminals runs newslint under script(1), which gives it a terminal: the
// progress line appears there, and never in a pipe.
func TestProgressOnlyOnTerminals(t *testing.T) {
	scriptBin, err := exec.LookPath("script")
	if err != nil {
		t.Fatal("script(1) from util-linux is needed to give newslint a terminal")
	}
	dir := t.TempDir()
	for i := 0; i < 400; i++ {
		write(t, filepath.Join(dir, fmt.Sprintf("f%03d.txt", i)), clean, 0o644)
	}
	self, _ := os.Executable()
	cmd := exec.Command(scriptBin, "-qec", self+" --no-color "+dir+" >/dev/null", "/dev/null")
	cmd.Env = append(os.Environ(), "NEWSLINT_TEST_MAIN=1", "CI=")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	if !strings.Contains(string(out), "400/400 files") {
		t.Errorf("no progress line on a terminal: %q", out)
	}
	piped := selfExec("--no-color", dir)
	piped.Env = append(piped.Env, "CI=")
	out, _ = piped.CombinedOutput()
	if strings.Contains(string(out), "files,") || strings.Contains(string(out), "ETA") {
		t.Errorf("progress line in a pipe: %q", out)
	}
}
