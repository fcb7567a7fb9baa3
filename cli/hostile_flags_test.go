package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// noTemps fails when newslint left temporary files in dir.
func noTemps(t *testing.T, dir string) {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(dir, ".newslint-tmp-*"))
	if len(m) > 0 {
		t.Errorf("temporary files left behind: %v", m)
	}
}

// TestOutputNeverDestroysBeforeChecking: a bad --output, or one that names an input, the
// baseline being read or the config, is refused before anything is written; a report file
// appears only complete, at the end.
func TestOutputNeverDestroysBeforeChecking(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "000.txt")
	notes := filepath.Join(dir, "notes.txt")
	write(t, article, dirty, 0o644)
	const keep = "my notes, not a report\n"
	write(t, notes, keep, 0o644)
	if code, _, errs := run(t, dir, "baseline", article); code != 0 {
		t.Fatalf("baseline: %d %s", code, errs)
	}
	bl := filepath.Join(dir, ".newslint-baseline.json")
	base := read(t, bl)
	cfg := filepath.Join(dir, "c.toml")
	write(t, cfg, "[rules.vote-widget]\nseverity = \"error\"\n", 0o644)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"unknown format", []string{"--output", "bogus=" + notes, "--fix", article}, "unknown format"},
		{"unknown format after a good one", []string{"--output", "sarif=" + notes, "--output", "bogus=" + filepath.Join(dir, "x.txt"), "--fix", article}, "unknown format"},
		{"report over an input", []string{"--output", "sarif=" + article, "--fix", dir}, "is an input"},
		{"report over an explicit input", []string{"--output", "json=" + notes, "--fix", notes, article}, "is an input"},
		{"report over the baseline", []string{"--output", "json=" + bl, "--baseline", bl, "--fix", article}, "baseline"},
		{"report over the config", []string{"--config", cfg, "--output", "json=" + cfg, "--fix", article}, "configuration"},
		{"two reports, one path", []string{"--output", "json=" + notes + "x", "--output", "sarif=" + notes + "x", "--fix", article}, "twice"},
		{"report in a missing directory", []string{"--output", "json=" + filepath.Join(dir, "no", "r.json"), "--fix", article}, "--output"},
		{"report over a directory", []string{"--output", "json=" + dir, "--fix", article}, "directory"},
		{"profile over an input", []string{"--cpuprofile", article, "--fix", dir}, "is an input"},
		{"profile over the baseline", []string{"--cpuprofile", bl, "--baseline", bl, "--fix", article}, "baseline"},
		{"profile over a report", []string{"--cpuprofile", notes + "y", "--output", "json=" + notes + "y", "--fix", article}, "twice"},
		{"baseline written over an input", []string{"baseline", "--baseline", article, dir}, "is an input"},
		{"output with baseline", []string{"baseline", "--output", "json=" + notes, article}, "--output"},
		{"output with standard input", []string{"--output", "json=" + notes, "-"}, "standard input"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, errs := run(t, dir, c.args...)
			if code != 2 || !strings.Contains(errs, c.want) {
				t.Errorf("exit %d, want 2 with %q; stderr: %s", code, c.want, errs)
			}
			if got := read(t, notes); got != keep {
				t.Errorf("notes.txt is now %q", got)
			}
			if got := read(t, article); got != dirty {
				t.Errorf("000.txt was changed (fixed or overwritten): %q", got)
			}
			if read(t, bl) != base {
				t.Error("the baseline was changed")
			}
			for _, p := range []string{notes + "x", notes + "y", filepath.Join(dir, "x.txt")} {
				if _, err := os.Stat(p); err == nil {
					t.Errorf("%s was created", p)
				}
			}
			noTemps(t, dir)
		})
	}
	// a good run writes its reports complete, in place of older ones
	report := filepath.Join(dir, "r.json")
	write(t, report, "old report\n", 0o644)
	if code, _, errs := run(t, dir, "--output", "json="+report, article); code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var v any
	if err := json.Unmarshal([]byte(read(t, report)), &v); err != nil {
		t.Errorf("report not valid JSON: %v", err)
	}
	noTemps(t, dir)
}

// TestBaselineWrittenAtomically runs 'newslint baseline' (and a run with --output) with a file
// size limit too small for the new file: the write fails, and the old file is intact.
func TestBaselineWrittenAtomically(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), dirty, 0o644)
	if code, _, errs := run(t, dir, "baseline", dir); code != 0 {
		t.Fatalf("baseline: %d %s", code, errs)
	}
	bl := filepath.Join(dir, ".newslint-baseline.json")
	old := read(t, bl)
	var many strings.Builder
	for i := 0; i < 60; i++ {
		many.WriteString("The ministry said on Friday that the talks had made progress and would resume next month.\n")
		many.WriteString("veryGood! (" + strings.Repeat("1", i%9+1) + ")\n")
	}
	for _, n := range []string{"b.txt", "c.txt", "d.txt", "e.txt", "f.txt", "g.txt"} {
		write(t, filepath.Join(dir, n), many.String(), 0o644)
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Fatal("bash is needed for ulimit")
	}
	// 2 KB: the new baseline (some 30 KB) cannot be written
	cmd := exec.Command(bash, "-c", `ulimit -f 2; exec "$0" baseline "$1"`, os.Args[0], dir)
	cmd.Env = append(os.Environ(), "NEWSLINT_TEST_MAIN=1")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err == nil {
		t.Fatalf("baseline under a 2 KB file size limit succeeded:\n%s", out)
	}
	if got := read(t, bl); got != old {
		t.Errorf("the old baseline was damaged (%d bytes, was %d):\n%.200s", len(got), len(old), got)
	}
	var v any
	if err := json.Unmarshal([]byte(read(t, bl)), &v); err != nil {
		t.Errorf("baseline no longer JSON: %v", err)
	}
	// the same for a report: the old one stays whole when the new one cannot be written
	report := filepath.Join(dir, "r.json")
	write(t, report, "[]\n", 0o644)
	cmd = exec.Command(bash, "-c", `ulimit -f 2; exec "$0" --output json="$1" "$2"`, os.Args[0], report, dir)
	cmd.Env = append(os.Environ(), "NEWSLINT_TEST_MAIN=1")
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Fatalf("--output under a 2 KB file size limit succeeded:\n%.500s", out)
	}
	if got := read(t, report); got != "[]\n" {
		t.Errorf("the old report was damaged: %.200q", got)
	}
}

// TestDoubleDashEndsFlags: after "--" every argument is a path, flags and subcommand names too;
// a revision that looks like an option is refused before git sees it.
func TestDoubleDashEndsFlags(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "002.txt")
	write(t, a, dirty, 0o644)
	code, _, errs := run(t, dir, "--", a, "-fix")
	if code != 2 || !strings.Contains(errs, "-fix") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	if read(t, a) != dirty {
		t.Error("-fix after -- turned on --fix")
	}
	// "--" as the value of a flag is not the end of flags
	if code, _, errs := run(t, dir, "--stdin-filename", "--", "--fix", a); code != 0 || read(t, a) != clean {
		t.Errorf("--stdin-filename --: exit %d %s", code, errs)
	}
	write(t, a, dirty, 0o644)
	// a file named like a subcommand
	write(t, filepath.Join(dir, "rules"), dirty, 0o644)
	t.Chdir(dir)
	code, out, errs := run(t, dir, "--format", "jsonl", "--", "rules")
	if code != 1 || !strings.Contains(out, "vote-widget") {
		t.Errorf("-- rules: exit %d\n%s\n%s", code, out, errs)
	}

	gitc := func(args ...string) {
		cmd := exec.Command("git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=t"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	gitc("init", "-q")
	gitc("add", ".")
	gitc("commit", "-qm", "first")
	x := filepath.Join(dir, "x")
	write(t, x, "keep me\n", 0o644)
	for _, rev := range []string{"--output=" + x, "-p", ""} {
		code, _, errs := run(t, dir, "--changed-since="+rev, dir)
		if code != 2 || !strings.Contains(errs, "--changed-since") {
			t.Errorf("--changed-since=%s: exit %d %s", rev, code, errs)
		}
	}
	if read(t, x) != "keep me\n" {
		t.Error("--changed-since passed an option to git")
	}
}

// TestNonRegularFilesRefused: devices and FIFOs named on the command line are refused as they
// are inside directories, at once.
func TestNonRegularFilesRefused(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	// /dev/null stands for every device: /dev/zero would exhaust memory where it is not refused
	for _, p := range []string{"/dev/null", fifo} {
		done := make(chan struct{})
		var code int
		var errs string
		go func() {
			code, _, errs = run(t, dir, p)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			// unblock the readers stuck on the FIFO, then fail
			for {
				if f, err := os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
					f.Close()
				}
				select {
				case <-done:
					t.Fatalf("%s: newslint did not return", p)
				case <-time.After(100 * time.Millisecond):
				}
			}
		}
		if code != 2 || !strings.Contains(errs, "not a regular file") {
			t.Errorf("%s: exit %d, stderr %s", p, code, errs)
		}
	}
}

func TestJobsBounded(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	write(t, a, dirty, 0o644)
	if code, _, errs := run(t, dir, "--jobs", "-3", a); code != 2 || !strings.Contains(errs, "--jobs") {
		t.Errorf("--jobs -3: exit %d %s", code, errs)
	}
	code, out, errs := run(t, dir, "--format", "jsonl", "--jobs", "1000000", a)
	if code != 1 || !strings.Contains(out, "vote-widget") || !strings.Contains(errs, "--jobs 1000000") || !strings.Contains(errs, "using") {
		t.Errorf("--jobs 1000000: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, dir, "--jobs", "2", a); code != 1 || errs != "" {
		t.Errorf("--jobs 2: exit %d %s", code, errs)
	}
}

// TestEmptyRunsAreErrors: a root that is a symbolic link to a directory is walked; a run that
// finds no file under the paths it was given says so and exits 2, unless --allow-empty.
func TestEmptyRunsAreErrors(t *testing.T) {
	base := t.TempDir()
	real := filepath.Join(base, "real")
	write(t, filepath.Join(real, "a.txt"), dirty, 0o644)
	link := filepath.Join(base, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, base, "--format", "jsonl", link)
	if code != 1 || !strings.Contains(out, filepath.Join(link, "a.txt")) {
		t.Errorf("symlinked root: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, base, "--fix", link+string(filepath.Separator)); code != 0 || read(t, filepath.Join(real, "a.txt")) != clean {
		t.Errorf("symlinked root with a slash, --fix: exit %d %s", code, errs)
	}
	empty := filepath.Join(base, "empty")
	write(t, filepath.Join(empty, "notes.csv"), "a,b\n", 0o644)
	code, _, errs = run(t, base, empty)
	if code != 2 || !strings.Contains(errs, "no files") || !strings.Contains(errs, "--allow-empty") {
		t.Errorf("empty run: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, base, "baseline", "--baseline", filepath.Join(base, "b.json"), empty); code != 2 || !strings.Contains(errs, "no files") {
		t.Errorf("baseline of an empty directory: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, base, "stats", empty); code != 2 || !strings.Contains(errs, "no files") {
		t.Errorf("stats of an empty directory: exit %d %s", code, errs)
	}
	if code, out, errs := run(t, base, "--allow-empty", empty); code != 0 || !strings.Contains(out, "No findings") {
		t.Errorf("--allow-empty: exit %d %s %s", code, out, errs)
	}
}

// TestCustomRegexHoles: a custom rule that could match empty text, or that nests too deeply
// once wrapped, is a configuration error naming the file, line and key; no run starts.
func TestCustomRegexHoles(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	write(t, a, clean, 0o644)
	deep := strings.Repeat("(", 999) + "x" + strings.Repeat(")", 999)
	for _, pat := range []string{`Sponsored|`, `.*`, `\b`, deep} {
		cfg := filepath.Join(dir, "c.toml")
		spec, _ := json.Marshal(pat)
		write(t, cfg, "# custom rules\n[[custom]]\nid = \"ads\"\nkind = \"existence\"\nmatch = \"phrase\"\nregex = true\nfix = \"delete-line\"\npatterns = ["+string(spec)+"]\n", 0o644)
		code, out, errs := run(t, dir, "--config", cfg, "--fix", a)
		if code != 2 || !strings.Contains(errs, cfg+":8: custom[1].patterns") {
			t.Errorf("%.20s: exit %d\n%s\n%s", pat, code, out, errs)
		}
		if read(t, a) != clean {
			t.Errorf("%.20s: the file was changed", pat)
		}
	}
}

// TestGzipHeaderKeptAndPaddingAccepted: --fix keeps the gzip header's name and time, and reads
// files gzip accepts with zero padding after the stream.
func TestGzipHeaderKeptAndPaddingAccepted(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt.gz")
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Name = "a.txt"
	zw.ModTime = time.Date(2021, 3, 4, 5, 6, 7, 0, time.UTC)
	zw.Comment = "crawl 17"
	zw.Write([]byte(dirty))
	zw.Close()
	padded := append(b.Bytes(), make([]byte, 1024)...)
	if err := os.WriteFile(p, padded, 0o644); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, dir, "--fix", p); code != 0 {
		t.Fatalf("--fix of a zero-padded .gz: exit %d %s", code, errs)
	}
	zr, err := gzip.NewReader(bytes.NewReader([]byte(read(t, p))))
	if err != nil {
		t.Fatal(err)
	}
	if zr.Name != "a.txt" || !zr.ModTime.Equal(zw.ModTime) || zr.Comment != "crawl 17" {
		t.Errorf("header after --fix: name %q, time %v, comment %q", zr.Name, zr.ModTime, zr.Comment)
	}
	var got bytes.Buffer
	got.ReadFrom(zr)
	if got.String() != clean {
		t.Errorf("content after --fix: %q", got.String())
	}
	// not gzip at all: one "gzip:" in the message
	bad := filepath.Join(dir, "b.txt.gz")
	write(t, bad, "plain text\n", 0o644)
	if code, _, errs := run(t, dir, bad); code != 2 || strings.Count(errs, "gzip") != 1 {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	// garbage after the padding is still an error
	write(t, bad, string(append(padded, 'x')), 0o644)
	if code, _, errs := run(t, dir, bad); code != 2 || !strings.Contains(errs, "gzip") {
		t.Errorf("garbage after padding: exit %d, stderr %s", code, errs)
	}
}

// TestNullTextField: a text field that is null or not a string is named as such.
func TestNullTextField(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.jsonl")
	write(t, p, `{"id":1,"text":null}`+"\n"+`{"id":2,"text":42}`+"\n"+`{"id":3,"title":"x"}`+"\n", 0o644)
	code, _, errs := run(t, dir, p)
	for _, want := range []string{`line 1: field "text" is null, not a string`, `line 2: field "text" is a number, not a string`, "line 3: no text field"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	if code != 2 {
		t.Errorf("exit %d", code)
	}
}

// TestGitHubOutputsSurviveHostileNames: file names with newlines, backticks, control
// characters and invalid UTF-8 keep the annotations one per line and the step summary's table
// rows intact.
func TestGitHubOutputsSurviveHostileNames(t *testing.T) {
	dir := t.TempDir()
	names := []string{"new\nline.txt", "back`tick.txt", "esc\x1b[31mred.txt", "bad\xffutf8.txt", "pipe|``x``.txt"}
	for _, n := range names {
		write(t, filepath.Join(dir, n), "Buy\x07now\n"+dirty, 0o644)
	}
	cfg := filepath.Join(dir, "c.toml")
	write(t, cfg, "[[custom]]\nid = \"promo\"\nkind = \"existence\"\nmatch = \"phrase\"\npatterns = [\"Buy\\u0007now\"]\nmessage = \"found {match}\"\n", 0o644)
	summary := filepath.Join(dir, "summary.md")
	var out, errb strings.Builder
	code := Main([]string{"--config", cfg, "--ignore", "template-line", "--format", "github", dir},
		Env{Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(k string) string {
			if k == "GITHUB_STEP_SUMMARY" {
				return summary
			}
			return ""
		}})
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 2*len(names) {
		t.Errorf("%d lines for %d annotations:\n%s", len(lines), 2*len(names), out.String())
	}
	for _, l := range lines {
		if !strings.HasPrefix(l, "::") {
			t.Errorf("not a workflow command: %q", l)
		}
		for _, r := range l {
			if r < 0x20 || r == 0x7f || r == 0xfffd {
				t.Errorf("control character or replacement %U in %q", r, l)
			}
		}
		if !utf8Valid(l) {
			t.Errorf("invalid UTF-8 in %q", l)
		}
	}
	if !strings.Contains(out.String(), `::found Buy\x07now`) || !strings.Contains(out.String(), `bad\xffutf8.txt`) {
		t.Errorf("control characters not shown as escapes:\n%s", out.String())
	}
	md := read(t, summary)
	rows := 0
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "| `") && strings.HasSuffix(l, " | 2 |") {
			rows++
			if strings.Count(strings.ReplaceAll(l, `\|`, ""), "|") != 3 {
				t.Errorf("row with a broken cell: %q", l)
			}
			if !utf8Valid(l) || strings.ContainsAny(l, "\x1b\x07") {
				t.Errorf("raw control character or invalid UTF-8 in %q", l)
			}
		}
	}
	if rows != len(names) {
		t.Errorf("%d file rows, want %d:\n%s", rows, len(names), md)
	}
	if !strings.Contains(md, "| ``"+filepath.Join(dir, "back`tick.txt")+"`` |") {
		t.Errorf("backtick not fenced:\n%s", md)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }

// TestInitForce: --force is a flag like the others, so 'newslint init --force' overwrites.
func TestInitForce(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, ".newslint.toml")
	write(t, p, "# mine\n", 0o644)
	if code, _, errs := run(t, dir, "init"); code != 2 || !strings.Contains(errs, "already exists") || read(t, p) != "# mine\n" {
		t.Errorf("init over a config: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, dir, "init", "--force"); code != 0 || read(t, p) == "# mine\n" {
		t.Errorf("init --force: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, dir, "init", "extra"); code != 2 || !strings.Contains(errs, "usage") {
		t.Errorf("init extra: exit %d %s", code, errs)
	}
}

// TestFixNeverDeletesMostOfADocument: fixes that would delete more than --max-delete-share
// (default half) of a file or record leave it unchanged, with a message and exit 2; the flag
// raises the limit.
func TestFixNeverDeletesMostOfADocument(t *testing.T) {
	dir := t.TempDir()
	mostly := "The talks resumed.\nveryGood! (62)\nveryGood! (17)\nLike (3)\nShare this article\n"
	p := filepath.Join(dir, "a.txt")
	write(t, p, mostly, 0o644)
	feed := filepath.Join(dir, "feed.jsonl")
	recs := `{"id":1,"text":"The talks resumed.\nveryGood! (62)\nveryGood! (17)\nLike (3)"}` + "\n" +
		`{"id":2,"text":"The ministry said on Friday that the talks had made progress.\nveryGood! (62)"}` + "\n"
	write(t, feed, recs, 0o644)
	code, _, errs := run(t, dir, "--fix", p, feed)
	if code != 2 || !strings.Contains(errs, "a.txt: fixes would delete") || !strings.Contains(errs, "more than --max-delete-share 0.5 allows; file left unchanged") ||
		!strings.Contains(errs, "feed.jsonl: line 1: fixes would delete") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	if read(t, p) != mostly {
		t.Errorf("a.txt was fixed: %q", read(t, p))
	}
	want := strings.SplitAfter(recs, "\n")[0] + `{"id":2,"text":"The ministry said on Friday that the talks had made progress."}` + "\n"
	if got := read(t, feed); got != want {
		t.Errorf("feed.jsonl: %q", got)
	}
	if code, _, errs := run(t, dir, "--diff", p); code != 2 || !strings.Contains(errs, "fixes would delete") {
		t.Errorf("--diff: exit %d %s", code, errs)
	}
	if code, _, errs := run(t, dir, "--fix", "--max-delete-share", "1", p, feed); code != 0 {
		t.Errorf("--max-delete-share 1: exit %d %s", code, errs)
	}
	if got := read(t, p); got != "The talks resumed.\n" {
		t.Errorf("with --max-delete-share 1: %q", got)
	}
	if code, _, errs := run(t, dir, "--fix", "--max-delete-share", "0", p); code != 2 || !strings.Contains(errs, "--max-delete-share must be") {
		t.Errorf("--max-delete-share 0: exit %d %s", code, errs)
	}
}

// asNobody runs this test binary as newslint under uid 65534 when the tests run as root (a
// copy it may execute, in dir), else as the current user.
func asNobody(t *testing.T, dir string, args ...string) (int, string) {
	t.Helper()
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		bin := filepath.Join(dir, "newslint.test")
		src, err := os.ReadFile(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(bin, src, 0o755); err != nil {
			t.Fatal(err)
		}
		defer os.Remove(bin)
		cmd = exec.Command(bin, args...)
		cmd.Env = append(os.Environ(), "NEWSLINT_TEST_MAIN=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	} else {
		cmd = selfExec(args...)
	}
	out, err := cmd.CombinedOutput()
	if ee, ok := err.(*exec.ExitError); ok {
		return ee.ExitCode(), string(out)
	} else if err != nil {
		t.Fatal(err)
	}
	return 0, string(out)
}

// TestFileMetadataKept: --fix keeps setuid, setgid and sticky bits and extended attributes,
// refuses to split hard links (--fix-hard-links rewrites in place, keeping them) and leaves
// files the user may not write alone (--fix-read-only rewrites them).
func TestFileMetadataKept(t *testing.T) {
	dir := t.TempDir()
	bits := filepath.Join(dir, "bits.txt")
	write(t, bits, dirty, 0o644)
	if err := os.Chmod(bits, 0o644|os.ModeSetuid|os.ModeSetgid|os.ModeSticky); err != nil {
		t.Fatal(err)
	}
	xa := filepath.Join(dir, "xattr.txt")
	write(t, xa, dirty, 0o644)
	if err := unix.Setxattr(xa, "user.newslint.source", []byte("wire feed"), 0); err != nil {
		t.Fatalf("no user extended attributes here: %v", err)
	}
	linked, other := filepath.Join(dir, "linked.txt"), filepath.Join(dir, "other-name.txt")
	write(t, linked, dirty, 0o644)
	if err := os.Link(linked, other); err != nil {
		t.Fatal(err)
	}
	code, _, errs := run(t, dir, "--fix", bits, xa, linked)
	if code != 2 || !strings.Contains(errs, "linked.txt: not fixed: it has 2 hard links, and replacing it would split them (--fix-hard-links rewrites it in place)") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	if st, _ := os.Stat(bits); read(t, bits) != clean || st.Mode() != 0o644|os.ModeSetuid|os.ModeSetgid|os.ModeSticky {
		t.Errorf("bits.txt: mode %v, %q", st.Mode(), read(t, bits))
	}
	val := make([]byte, 64)
	if n, err := unix.Getxattr(xa, "user.newslint.source", val); read(t, xa) != clean || err != nil || string(val[:n]) != "wire feed" {
		t.Errorf("xattr.txt: attribute %q %v, %q", val[:n], err, read(t, xa))
	}
	if read(t, linked) != dirty {
		t.Error("a hard-linked file was rewritten without --fix-hard-links")
	}
	if code, _, errs := run(t, dir, "--fix", "--fix-hard-links", linked); code != 0 {
		t.Errorf("--fix-hard-links: exit %d %s", code, errs)
	}
	a, _ := os.Stat(linked)
	b, _ := os.Stat(other)
	if read(t, other) != clean || !os.SameFile(a, b) {
		t.Error("--fix-hard-links did not fix the file in place for both names")
	}
	noTemps(t, dir)

	// a read-only file, for a user who may write the directory
	ro := t.TempDir()
	os.Chmod(ro, 0o777)
	os.Chmod(filepath.Dir(ro), 0o755)
	p := filepath.Join(ro, "ro.txt")
	write(t, p, dirty, 0o444)
	if code, out := asNobody(t, ro, "--fix", p); code != 2 || !strings.Contains(out, "ro.txt: not fixed: it is read-only for you (--fix-read-only rewrites it)") {
		t.Errorf("read-only: exit %d, %s", code, out)
	}
	if read(t, p) != dirty {
		t.Error("a read-only file was rewritten")
	}
	if code, out := asNobody(t, ro, "--fix", "--fix-read-only", p); code != 0 || read(t, p) != clean {
		t.Errorf("--fix-read-only: exit %d, %s", code, out)
	}
}

// TestStaleTempsAndSignals: temporary files a killed run left (of a process that is gone, or
// of an older version and more than an hour old) are removed by the next --fix in their
// directory; those of a running process stay. SIGTERM and SIGINT remove the temporary files of
// fixes under way and exit 143 and 130, leaving every file as it was or fully fixed.
func TestStaleTempsAndSignals(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), dirty, 0o644)
	gone := exec.Command("true")
	if err := gone.Run(); err != nil {
		t.Fatal(err)
	}
	dead := filepath.Join(dir, fmt.Sprintf(".newslint-tmp-p%d-a.txt-123", gone.Process.Pid))
	old := filepath.Join(dir, ".newslint-tmp-a.txt-456")
	young := filepath.Join(dir, ".newslint-tmp-b.txt-789")
	alive := filepath.Join(dir, ".newslint-tmp-p1-a.txt-321") // init runs
	for _, p := range []string{dead, old, young, alive} {
		write(t, p, "partial", 0o600)
	}
	os.Chtimes(old, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour))
	if code, _, errs := run(t, dir, "--fix", dir); code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	for p, want := range map[string]bool{dead: false, old: false, young: true, alive: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: kept %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
	for _, p := range []string{young, alive} {
		os.Remove(p)
	}

	var para strings.Builder
	for i := 0; i < 3000; i++ {
		para.WriteString("The ministry said on Friday that the talks had made progress and would resume next month.\n")
	}
	orig := para.String() + "veryGood! (62)\n" + para.String()
	fixed := para.String() + para.String()
	const n = 40
	for i := 0; i < n; i++ {
		write(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)), orig, 0o644)
	}
	for _, sig := range []struct {
		s    syscall.Signal
		code int
	}{{syscall.SIGTERM, 143}, {syscall.SIGINT, 130}} {
		cmd := selfExec("--fix", "--quiet", "--jobs", "2", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
		cmd.Process.Signal(sig.s)
		err := cmd.Wait()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		}
		if code != sig.code {
			t.Errorf("%v: exit %d, want %d", sig.s, code, sig.code)
		}
		noTemps(t, dir)
		for i := 0; i < n; i++ {
			if got := read(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i))); got != orig && got != fixed {
				t.Fatalf("%v: f%02d.txt is neither the original nor the fixed text", sig.s, i)
			}
		}
		for i := 0; i < n; i++ {
			write(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)), orig, 0o644)
		}
	}
}

// TestFixRelativePaths: a run given relative paths from its working directory (".", "sub",
// "sub/b.txt") fixes them: the roots --fix may write in are resolved from it.
func TestFixRelativePaths(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "sub", "b.txt"), dirty, 0o644)
	for _, args := range [][]string{{"--fix", "sub/b.txt"}, {"--fix", "."}} {
		cmd := selfExec(args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%v: %v\n%s", args, err, out)
		}
	}
	for _, p := range []string{"a.txt", "sub/b.txt"} {
		if read(t, filepath.Join(dir, p)) != clean {
			t.Errorf("%s not fixed", p)
		}
	}
}

// TestReaderOfTheReportGoesAway: `newslint --fix | head` closes the report's pipe while files
// are being fixed; the run ends as on SIGTERM, exit 141 (128 + SIGPIPE), without temporary
// files, every file either as it was or fully fixed.
func TestReaderOfTheReportGoesAway(t *testing.T) {
	src, _ := filepath.Glob("../testdata/eval/dev/html-text/*.txt")
	if len(src) < 20 {
		t.Fatalf("want the dev set's html-text pages, found %d", len(src))
	}
	dir, want := t.TempDir(), t.TempDir()
	orig := map[string]string{}
	for k := 0; k < 3; k++ {
		for _, p := range src {
			name := fmt.Sprintf("%d-%s", k, filepath.Base(p))
			orig[name] = read(t, p)
			write(t, filepath.Join(dir, name), orig[name], 0o644)
			write(t, filepath.Join(want, name), orig[name], 0o644)
		}
	}
	if out, err := selfExec("--fix", "--quiet", "--exit-zero", want).CombinedOutput(); err != nil {
		t.Fatalf("fixing a copy: %v\n%s", err, out)
	}
	cmd := selfExec("--fix", "--jobs", "2", dir)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 100)
	if _, err := io.ReadFull(out, buf); err != nil {
		t.Fatalf("no report: %v", err)
	}
	out.Close()
	err = cmd.Wait()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	}
	if code != 141 || !strings.Contains(stderr.String(), "broken pipe") {
		t.Errorf("exit %d, want 141; stderr %q", code, stderr.String())
	}
	noTemps(t, dir)
	fixed := 0
	for name, o := range orig {
		got := read(t, filepath.Join(dir, name))
		switch got {
		case o:
		case read(t, filepath.Join(want, name)):
			fixed++
		default:
			t.Fatalf("%s is neither the original nor the fixed text", name)
		}
	}
	t.Logf("%d of %d files fixed before the pipe closed", fixed, len(orig))
}
