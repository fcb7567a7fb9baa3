package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/lint"
)

var update = flag.Bool("update", false, "rewrite golden files")

// run calls Main like the command line does and returns exit code, stdout and stderr.
func run(t *testing.T, dir string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Env{Stdout: &out, Stderr: &errb, Dir: dir, Getenv: func(string) string { return "" }})
	return code, out.String(), errb.String()
}

func write(t *testing.T, path, content string, mode os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), mode); err != nil {
		t.Fatal(err)
	}
}

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

const dirty = "The ministry said on Friday that the talks had made progress and would resume next month.\nveryGood! (62)\n"
const clean = "The ministry said on Friday that the talks had made progress and would resume next month.\n"

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("..", "testdata", "golden", name)
	if *update {
		write(t, path, got, 0o644)
		return
	}
	want := read(t, path)
	if got != want {
		t.Errorf("%s differs (go test ./cli -update rewrites it)\ngot:\n%s\nwant:\n%s", name, got, want)
	}
}

func TestGoldenReports(t *testing.T) {
	cfg := filepath.Join("..", config.FileName)
	in := filepath.Join("..", "testdata", "golden", "input")
	for _, c := range []struct {
		file string
		args []string
		code int
	}{
		{"text.golden", []string{"--config", cfg, in}, 1},
		{"text-quiet.golden", []string{"--config", cfg, "--quiet", in}, 1},
		{"jsonl.golden", []string{"--config", cfg, "--format", "jsonl", in}, 1},
		{"json.golden", []string{"--config", cfg, "--format", "json", in}, 1},
		{"diff.golden", []string{"--config", cfg, "--diff", in}, 1},
		{"sarif.golden", []string{"--config", cfg, "--format", "sarif", in}, 1},
		{"github.golden", []string{"--config", cfg, "--format", "github", in}, 1},
		{"junit.golden", []string{"--config", cfg, "--format", "junit", in}, 1},
		{"checkstyle.golden", []string{"--config", cfg, "--format", "checkstyle", in}, 1},
		{"gitlab.golden", []string{"--config", cfg, "--format", "gitlab", in}, 1},
		{"statistics.golden", []string{"--config", cfg, "--statistics", in}, 1},
	} {
		t.Run(c.file, func(t *testing.T) {
			code, out, errs := run(t, "", c.args...)
			if code != c.code {
				t.Errorf("exit %d, want %d; stderr: %s", code, c.code, errs)
			}
			golden(t, c.file, out)
		})
	}
}

func TestJSONLOnlyFindings(t *testing.T) {
	in := filepath.Join("..", "testdata", "golden", "input")
	_, out, _ := run(t, "", "--format", "jsonl", in)
	fields := []string{`"path":`, `"line":`, `"end_line":`, `"col":`, `"end_col":`, `"rule":`, `"severity":`, `"message":`, `"fix":`}
	n := 0
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		n++
		if !strings.HasPrefix(l, "{") || !strings.HasSuffix(l, "}") {
			t.Errorf("not one JSON object per line: %q", l)
		}
		for _, f := range fields {
			if !strings.Contains(l, f) {
				t.Errorf("line lacks %s: %s", f, l)
			}
		}
	}
	if n < 5 {
		t.Errorf("%d findings", n)
	}
}

func TestExitCodes(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "clean.txt"), clean, 0o644)
	write(t, filepath.Join(dir, "dirty.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "bin.txt"), "abc\x00def", 0o644)
	infoCfg := filepath.Join(dir, "info.toml")
	write(t, infoCfg, "[rules.vote-widget]\nseverity = \"info\"\n", 0o644)
	badCfg := filepath.Join(dir, "bad.toml")
	write(t, badCfg, "[rules.vote-widget]\nsevrity = \"info\"\n", 0o644)
	c := filepath.Join(dir, "clean.txt")
	d := filepath.Join(dir, "dirty.txt")
	for _, tc := range []struct {
		name   string
		args   []string
		code   int
		stderr string
	}{
		{"clean", []string{c}, 0, ""},
		{"findings", []string{d}, 1, ""},
		{"exit-zero", []string{"--exit-zero", d}, 0, ""},
		{"info never fails by default", []string{"--config", infoCfg, d}, 0, ""},
		{"fail-on info", []string{"--config", infoCfg, "--fail-on", "info", d}, 1, ""},
		{"fail-on error", []string{"--fail-on", "error", d}, 0, ""},
		{"ignore the rule", []string{"--ignore", "vote-widget", d}, 0, ""},
		{"select another rule", []string{"--select", "nav-leak", d}, 0, ""},
		{"missing path", []string{filepath.Join(dir, "nope.txt")}, 2, "no such file"},
		{"binary file", []string{filepath.Join(dir, "bin.txt")}, 2, "binary file"},
		{"bad config key", []string{"--config", badCfg, d}, 2, "bad.toml:2: rules.vote-widget.sevrity: unknown key"},
		{"missing config", []string{"--config", filepath.Join(dir, "none.toml"), d}, 2, "none.toml"},
		{"bad flag", []string{"--frobnicate", d}, 2, "frobnicate"},
		{"bad format", []string{"--format", "xml", d}, 2, "unknown format"},
		{"bad fail-on", []string{"--fail-on", "fatal", d}, 2, "unknown severity"},
		{"unknown rule in select", []string{"--select", "nope", d}, 2, `unknown rule "nope"`},
		{"fix and diff", []string{"--fix", "--diff", d}, 2, "exclude each other"},
		{"diff with changes", []string{"--diff", d}, 1, ""},
		{"diff without changes", []string{"--diff", c}, 0, ""},
		{"flags after paths", []string{d, "--exit-zero"}, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, _, errs := run(t, dir, tc.args...)
			if code != tc.code {
				t.Errorf("exit %d, want %d (stderr %q)", code, tc.code, errs)
			}
			if tc.stderr != "" && !strings.Contains(errs, tc.stderr) {
				t.Errorf("stderr %q lacks %q", errs, tc.stderr)
			}
		})
	}
	if read(t, d) != dirty {
		t.Error("a run without --fix changed a file")
	}
}

func TestFixKeepsConventionsAndIsIdempotent(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]struct{ in, want string }{
		"crlf-bom-nofinal.txt": {
			"\ufeffThe ministry said on Friday that the talks had made progress and would resume.\r\nveryGood! (62)\r\nOfficials declined to give details of the proposals, citing the sensitivity of the talks.\r\nLike (3)",
			"\ufeffThe ministry said on Friday that the talks had made progress and would resume.\r\nOfficials declined to give details of the proposals, citing the sensitivity of the talks.",
		},
		"lf-final.txt": {dirty, clean},
	}
	for name, c := range cases {
		write(t, filepath.Join(dir, name), c.in, 0o640)
	}
	code, _, errs := run(t, dir, "--fix", dir)
	if code != 0 {
		t.Fatalf("--fix exit %d: %s", code, errs)
	}
	for name, c := range cases {
		p := filepath.Join(dir, name)
		if got := read(t, p); got != c.want {
			t.Errorf("%s after --fix:\n%q\nwant\n%q", name, got, c.want)
		}
		st, _ := os.Stat(p)
		if st.Mode().Perm() != 0o640 {
			t.Errorf("%s: mode %v, want 0640", name, st.Mode().Perm())
		}
	}
	before := map[string]string{}
	for name := range cases {
		before[name] = read(t, filepath.Join(dir, name))
	}
	code, out, _ := run(t, dir, "--fix", dir)
	if code != 0 || !strings.Contains(out, "No findings") {
		t.Errorf("second --fix: exit %d, output %q", code, out)
	}
	for name := range cases {
		if read(t, filepath.Join(dir, name)) != before[name] {
			t.Errorf("%s: second --fix changed the file", name)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(cases) {
		t.Errorf("temporary files left behind: %d entries", len(entries))
	}
}

func TestFixReportsWhatRemains(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	write(t, p, "Exclusive offer\n"+dirty, 0o644)
	cfg := filepath.Join(dir, "c.toml")
	write(t, cfg, "[[custom]]\nid = \"promo\"\nkind = \"existence\"\npatterns = [\"Exclusive offer\"]\n", 0o644)
	code, out, _ := run(t, dir, "--config", cfg, "--fix", p)
	if code != 1 {
		t.Errorf("exit %d with an unfixable finding left", code)
	}
	if !strings.Contains(out, "Fixed 1 finding in 1 file.") || !strings.Contains(out, "[promo]") || !strings.Contains(out, "1 finding remaining") {
		t.Errorf("output:\n%s", out)
	}
}

func TestUnsafeFixes(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	text := "The grey sky over the grey sea turned gray at dusk, the forecaster said on Friday.\n"
	write(t, p, text, 0o644)
	cfg := filepath.Join(dir, "c.toml")
	write(t, cfg, "[[custom]]\nid = \"colour\"\nkind = \"consistency\"\neither = [[\"grey\", \"gray\"]]\n", 0o644)
	if code, out, _ := run(t, dir, "--config", cfg, p); code != 1 || !strings.Contains(out, "1 fixable with --unsafe-fixes") {
		t.Errorf("exit %d:\n%s", code, out)
	}
	run(t, dir, "--config", cfg, "--fix", p)
	if read(t, p) != text {
		t.Error("--fix applied an unsafe fix")
	}
	if code, _, _ := run(t, dir, "--config", cfg, "--fix", "--unsafe-fixes", p); code != 0 {
		t.Errorf("--unsafe-fixes exit %d", code)
	}
	if !strings.Contains(read(t, p), "turned grey") {
		t.Error("--unsafe-fixes did not apply the fix")
	}
}

func TestDiffWritesNothing(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	write(t, p, dirty, 0o644)
	code, out, _ := run(t, dir, "--diff", p)
	if code != 1 {
		t.Errorf("exit %d", code)
	}
	if !strings.Contains(out, "-veryGood! (62)") || !strings.HasPrefix(out, "--- ") {
		t.Errorf("diff output:\n%s", out)
	}
	if read(t, p) != dirty {
		t.Error("--diff wrote the file")
	}
}

func TestWalkHonoursConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, config.FileName), "[files]\ninclude = [\"**/*.txt\"]\nexclude = [\"skip/**\"]\n", 0o644)
	write(t, filepath.Join(dir, "a.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "sub", "b.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "skip", "c.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "d.md"), dirty, 0o644)
	write(t, filepath.Join(dir, ".git", "e.txt"), dirty, 0o644)
	code, out, errs := run(t, dir, "--format", "jsonl", "--config", filepath.Join(dir, config.FileName), dir)
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var paths []string
	for _, m := range regexp.MustCompile(`"path":"([^"]+)"`).FindAllStringSubmatch(out, -1) {
		rel, _ := filepath.Rel(dir, m[1])
		paths = append(paths, rel)
	}
	if strings.Join(paths, ",") != "a.txt,sub/b.txt" {
		t.Errorf("linted %v", paths)
	}
	// the configuration is found from the working directory when --config is absent
	if _, _, errs := run(t, dir, filepath.Join(dir, "a.txt")); errs != "" {
		t.Errorf("stderr %q", errs)
	}
}

func TestSubcommands(t *testing.T) {
	code, out, _ := run(t, "", "rules")
	if code != 0 {
		t.Fatalf("rules exit %d", code)
	}
	for _, r := range config.Default().Rules() {
		if !strings.Contains(out, r.Meta().ID) {
			t.Errorf("rules table lacks %s", r.Meta().ID)
		}
	}
	code, out, _ = run(t, "", "rule", "nav-leak")
	if code != 0 || !strings.Contains(out, "\nExample\n") || !strings.Contains(out, "+++ example.txt (fixed)") || !strings.Contains(out, "min_tail_items") {
		t.Errorf("rule nav-leak: exit %d\n%s", code, out)
	}
	if code, _, errs := run(t, "", "rule", "nope"); code != 2 || !strings.Contains(errs, "unknown rule") {
		t.Errorf("rule nope: exit %d %s", code, errs)
	}
	dir := t.TempDir()
	if code, _, _ := run(t, dir, "init"); code != 0 {
		t.Fatalf("init exit %d", code)
	}
	if read(t, filepath.Join(dir, config.FileName)) != config.DefaultTOML {
		t.Error("init wrote something else than the defaults")
	}
	if code, _, errs := run(t, dir, "init"); code != 2 || !strings.Contains(errs, "already exists") {
		t.Errorf("second init: exit %d %s", code, errs)
	}
	if code, out, _ := run(t, "", "--version"); code != 0 || !strings.HasPrefix(out, "newslint ") {
		t.Errorf("--version: %d %q", code, out)
	}
	if code, out, _ := run(t, "", "--help"); code != 0 || !strings.Contains(out, "--fix") || !strings.Contains(out, "Exit codes") {
		t.Errorf("--help: %d %q", code, out)
	}
}

// TestSeeds checks the seed files: --fix must turn each into its expected form (trailing blank
// lines ignored) and the clean seed must give no findings.
func TestSeeds(t *testing.T) {
	src := filepath.Join("..", "testdata", "seeds")
	dir := t.TempDir()
	names, _ := filepath.Glob(filepath.Join(src, "input", "*.txt"))
	if len(names) != 5 {
		t.Fatalf("%d seed files", len(names))
	}
	for _, n := range names {
		write(t, filepath.Join(dir, filepath.Base(n)), read(t, n), 0o644)
	}
	if code, out, _ := run(t, dir, "--format", "jsonl", filepath.Join(dir, "001.txt")); code != 0 || out != "" {
		t.Errorf("clean seed: exit %d, findings:\n%s", code, out)
	}
	_, out, _ := run(t, dir, "--format", "jsonl", filepath.Join(dir, "003.txt"))
	for _, want := range []string{
		`"severity":"info","message":"\"Kim Jong-un\" is a variant spelling of \"Kim Jong Un\""`,
		`"severity":"info","message":"\"Sergei Lavrov\" is a variant spelling of \"Sergey Lavrov\""`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("003.txt findings lack %s:\n%s", want, out)
		}
	}
	run(t, dir, "--fix", dir)
	for _, n := range names {
		base := filepath.Base(n)
		want := strings.TrimRight(read(t, filepath.Join(src, "expected", base)), "\n \t")
		got := strings.TrimRight(read(t, filepath.Join(dir, base)), "\n \t")
		if got != want {
			t.Errorf("%s after --fix differs from expected:\n%s", base, got)
		}
	}
}

// TestREADMERuleTable keeps the README's rule table equal to the one generated from the
// registered rules' metadata; go test ./cli -update rewrites it.
func TestREADMERuleTable(t *testing.T) {
	path := filepath.Join("..", "README.md")
	readme := read(t, path)
	start := strings.Index(readme, "\n## Rules\n\n| rule |")
	if start < 0 {
		t.Fatal("README has no ## Rules section starting with the rule table")
	}
	start += len("\n## Rules\n\n")
	end := start + strings.Index(readme[start:], "\n\n") + 1
	want := ruleTable(config.Default().Rules())
	if got := readme[start:end]; got != want {
		if *update {
			write(t, path, readme[:start]+want+readme[end:], 0o644)
			return
		}
		t.Errorf("README rule table differs from the registered rules; run go test ./cli -update\n--- got\n%s--- want\n%s", got, want)
	}
}

func ruleTable(rs []lint.Rule) string {
	var b strings.Builder
	b.WriteString("| rule | severity | fixable | finds |\n| --- | --- | --- | --- |\n")
	for _, r := range rs {
		m := r.Meta()
		fix := "no"
		if m.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", m.ID, m.Severity, fix, strings.ReplaceAll(m.Summary, "|", "\\|"))
	}
	return b.String()
}
