package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// siteArticle is an article of one site: its own text, then the site's template line.
func siteArticle(i int) string {
	return fmt.Sprintf("Officials in district %d said on Tuesday that the new bridge would open to traffic next spring.\n\nNorthern Valley Gazette\n", i)
}

// gitRepo makes a git repository in a temporary directory and returns it with a git runner.
func gitRepo(t *testing.T) (string, func(args ...string)) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Fatal("git is needed for --changed-since")
	}
	dir := t.TempDir()
	gitc := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=t"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	gitc("init", "-q")
	return dir, gitc
}

// TestChangedSinceFromSubdirectory: run from a subdirectory of the repository with no path
// (as a user types 'newslint --changed-since main' there), --changed-since keeps the untracked
// and changed files of that directory, and corpus rules still count the unchanged files around
// them: the template line of the new file recurs in the committed ones.
func TestChangedSinceFromSubdirectory(t *testing.T) {
	dir, gitc := gitRepo(t)
	site := filepath.Join(dir, "news", "site")
	for i := 1; i <= 4; i++ {
		write(t, filepath.Join(site, fmt.Sprintf("s%d.txt", i)), siteArticle(i), 0o644)
	}
	write(t, filepath.Join(dir, "other.txt"), dirty, 0o644)
	gitc("add", ".")
	gitc("commit", "-qm", "first")
	write(t, filepath.Join(site, "new.txt"), siteArticle(5), 0o644) // untracked
	write(t, filepath.Join(site, "s2.txt"), siteArticle(2)+"veryGood! (62)\n", 0o644)
	write(t, filepath.Join(dir, "new-elsewhere.txt"), dirty, 0o644)

	t.Chdir(filepath.Join(dir, "news"))
	code, got, errs := findingsFrom(t, filepath.Join(dir, "news"), "--changed-since", "HEAD")
	want := map[string]string{"site/new.txt": "template-line", "site/s2.txt": "template-line,vote-widget"}
	if len(got) != len(want) {
		t.Errorf("findings in %q, want site/new.txt and site/s2.txt (exit %d) %s", keys(got), code, errs)
	}
	for p, rules := range want {
		if strings.Join(got[p], ",") != rules {
			t.Errorf("%s: rules %v, want %s", p, got[p], rules)
		}
	}
	// named by a relative path from a deeper directory, the same
	t.Chdir(site)
	if _, got, errs := findingsFrom(t, site, "--changed-since", "HEAD", "."); keys(got) != "new.txt,s2.txt" || strings.Join(got["new.txt"], ",") != "template-line" {
		t.Errorf("from %s: findings %v %s", site, got, errs)
	}
	// without the other files, the new file's template line is no finding: the corpus pass
	// really counted them
	if _, got, _ := findingsFrom(t, site, "--changed-since", "HEAD", "new.txt"); len(got) != 0 {
		t.Errorf("new.txt alone: findings %v", got)
	}
}

// TestCorpusRoot: --corpus-root DIR gathers the statistics of corpus rules over a walk of DIR
// while linting and reporting only the files named (what the pre-commit hooks do), whatever
// form the names take; --corpus-stats, when given, wins.
func TestCorpusRoot(t *testing.T) {
	dir := t.TempDir()
	site := filepath.Join(dir, "site")
	for i := 1; i <= 5; i++ {
		write(t, filepath.Join(site, fmt.Sprintf("s%d.txt", i)), siteArticle(i), 0o644)
	}
	one := filepath.Join(site, "s1.txt")
	if _, got, _ := findingsFrom(t, dir, one); len(got) != 0 {
		t.Errorf("one file alone: findings %v", got)
	}
	for _, c := range []struct {
		name, cwd string
		args      []string
	}{
		{"absolute paths", dir, []string{"--corpus-root", dir, one}},
		{"relative file, absolute root", site, []string{"--corpus-root", dir, "s1.txt"}},
		{"relative file and root", site, []string{"--corpus-root", "..", "s1.txt"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			t.Chdir(c.cwd)
			_, got, errs := findingsFrom(t, c.cwd, c.args...)
			if len(got) != 1 || strings.Join(got[filepath.ToSlash(mustRel(t, c.cwd, one))], ",") != "template-line" {
				t.Errorf("findings %v, want template-line in s1.txt only %s", got, errs)
			}
		})
	}
	// --corpus-root= (empty) turns it off, as pre-commit users do in args
	if _, got, _ := findingsFrom(t, dir, "--corpus-root", dir, "--corpus-root=", one); len(got) != 0 {
		t.Errorf("--corpus-root= : findings %v", got)
	}
	stats := filepath.Join(dir, "stats.json")
	if code, _, errs := run(t, dir, "stats", "-o", stats, one); code != 0 {
		t.Fatalf("stats: %d %s", code, errs)
	}
	if _, got, _ := findingsFrom(t, dir, "--corpus-stats", stats, "--corpus-root", dir, one); len(got) != 0 {
		t.Errorf("--corpus-stats did not win over --corpus-root: findings %v", got)
	}
	if code, _, errs := run(t, dir, "--corpus-root", filepath.Join(dir, "nope"), one); code != 2 || !strings.Contains(errs, "--corpus-root: ") {
		t.Errorf("missing --corpus-root: exit %d %s", code, errs)
	}
	// standard input (editors) too
	// (the site's masthead line, which no vocabulary knows, is reported as info: --fail-on info)
	code, out, errs := runStdin(t, dir, siteArticle(9), "--corpus-root", dir, "--fail-on", "info", "--stdin-filename", filepath.Join(site, "new.txt"), "--format", "jsonl", "-")
	if code != 1 || !strings.Contains(out, `"rule":"template-line"`) {
		t.Errorf("stdin with --corpus-root: exit %d %s %s", code, out, errs)
	}
}

func mustRel(t *testing.T, base, p string) string {
	t.Helper()
	r, err := filepath.Rel(base, p)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// findingsFrom runs newslint in cwd with --format jsonl and returns the rules found per file,
// the paths relative to cwd (reported paths are relative when given so).
func findingsFrom(t *testing.T, cwd string, args ...string) (int, map[string][]string, string) {
	t.Helper()
	code, out, errs := run(t, cwd, append([]string{"--format", "jsonl"}, args...)...)
	got := map[string][]string{}
	for _, m := range regexp.MustCompile(`"path":"([^"]+)".*?"rule":"([^"]+)"`).FindAllStringSubmatch(out, -1) {
		p := m[1]
		if filepath.IsAbs(p) {
			p = mustRel(t, cwd, p)
		}
		p = filepath.ToSlash(filepath.Clean(p))
		got[p] = append(got[p], m[2])
	}
	return code, got, errs
}

// runStdin is run with standard input.
func runStdin(t *testing.T, dir, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Env{Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

// TestQuietFixOfStdinReportsWhatRemains: --fix --quiet on standard input writes the fixed text
// to standard output and the findings that remain to standard error in every machine format
// (--quiet drops the text report's summary, not the findings).
func TestQuietFixOfStdinReportsWhatRemains(t *testing.T) {
	dirty := "Home | News | Sport | Weather\n\nTalks resumed on Monday, Sergei Lavrov told reporters in Moscow after the meeting.\n"
	for _, format := range []string{"jsonl", "json", "sarif"} {
		code, out, errs := runStdin(t, t.TempDir(), dirty, "--fix", "--quiet", "--format", format, "-")
		if code == ExitError || strings.Contains(out, "Home |") || !strings.Contains(out, "Sergei Lavrov told") {
			t.Errorf("%s: exit %d, fixed text %q", format, code, out)
		}
		if format == "jsonl" {
			var f struct{ Rule string }
			if err := json.Unmarshal([]byte(errs), &f); err != nil || f.Rule != "name-spelling" || strings.Count(errs, "\n") != 1 {
				t.Errorf("%s: report %q (%v), want the name-spelling finding", format, errs, err)
			}
			continue
		}
		var doc map[string]any
		if err := json.Unmarshal([]byte(errs), &doc); err != nil || !strings.Contains(errs, "name-spelling") {
			t.Errorf("%s: report %.300q (%v), want a document with the name-spelling finding", format, errs, err)
		}
	}
}

// failingWriter fails every write, as a full disk does.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) { return 0, errors.New("no space left on device") }

// TestFixedFeedThatCannotBeWrittenKeepsTheReport: when the fixed feed cannot be written to
// standard output, the findings that remain in every record still reach standard error before
// the error (the JSON Lines report holds the lines of records done within jsonlLatency).
func TestFixedFeedThatCannotBeWrittenKeepsTheReport(t *testing.T) {
	feed := `{"url":"https://x.test/1","text":"Talks resumed on Monday, Sergei Lavrov told reporters in Moscow after the meeting."}` + "\n" +
		`{"url":"https://x.test/2","text":"Officials said on Tuesday that Kim Jong-un had inspected the new factory near the coast."}` + "\n"
	var errb bytes.Buffer
	code := Main([]string{"--stdin-filename", "feed.jsonl", "--fix", "--quiet", "--format", "jsonl", "-"},
		Env{Stdin: strings.NewReader(feed), Stdout: failingWriter{}, Stderr: &errb, Dir: t.TempDir(), Getenv: func(string) string { return "" }})
	report, msg, _ := strings.Cut(errb.String(), "newslint: writing the fixed feed")
	if code != ExitError || msg == "" || !strings.Contains(report, `"rule":"name-spelling"`) || !strings.Contains(report, `"record_id":"https://x.test/1"`) ||
		!strings.Contains(report, `"record_id":"https://x.test/2"`) {
		t.Errorf("exit %d, standard error:\n%s", code, errb.String())
	}
}

// TestStdinFixThatCannotBeWrittenFails: an editor replaces its text with what --fix writes to
// standard output, so a fixed text (or diff, or report) that could not be written exits 2 with
// the reason, never 0 or 1.
func TestStdinFixThatCannotBeWrittenFails(t *testing.T) {
	dirty := "Home | News | Sport | Weather\n\nTalks resumed on Monday, officials told reporters in Moscow after the meeting.\n"
	for _, args := range [][]string{{"--fix"}, {"--fix", "--exit-zero"}, {"--diff"}, {"--format", "jsonl"}, {}} {
		var errb bytes.Buffer
		code := Main(append(args, "-"), Env{Stdin: strings.NewReader(dirty), Stdout: failingWriter{}, Stderr: &errb,
			Dir: t.TempDir(), Getenv: func(string) string { return "" }})
		if code != ExitError || !strings.Contains(errb.String(), "no space left on device") || strings.Contains(errb.String(), "Fixed") {
			t.Errorf("%v: exit %d, standard error %q", args, code, errb.String())
		}
	}
}
