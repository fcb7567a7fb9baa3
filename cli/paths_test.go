package cli

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
)

// lintedPaths runs newslint with --format jsonl and returns the paths with findings, relative
// to dir, sorted and without duplicates, with the rules found in each.
func lintedPaths(t *testing.T, dir string, args ...string) (int, map[string][]string, string) {
	t.Helper()
	code, out, errs := run(t, dir, append([]string{"--format", "jsonl"}, args...)...)
	got := map[string][]string{}
	for _, m := range regexp.MustCompile(`"path":"([^"]+)".*?"rule":"([^"]+)"`).FindAllStringSubmatch(out, -1) {
		rel, _ := filepath.Rel(dir, m[1])
		rel = filepath.ToSlash(rel)
		got[rel] = append(got[rel], m[2])
	}
	return code, got, errs
}

func keys(m map[string][]string) string {
	var k []string
	for p := range m {
		k = append(k, p)
	}
	sort.Strings(k)
	return strings.Join(k, ",")
}

// TestGlobsRelativeToConfig: [[override]] paths and [files] excludes match relative to the
// configuration file's directory, so the same file gets the same settings whether newslint
// walks the repository, a subdirectory, or is handed the file by name (as pre-commit does).
func TestGlobsRelativeToConfig(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, config.FileName), `[files]
extend_exclude = ["feeds/old/**"]

[[override]]
paths = ["feeds/partner/**"]
[override.rules.vote-widget]
enabled = false
`, 0o644)
	partner := filepath.Join(dir, "feeds", "partner", "a.txt")
	write(t, partner, dirty, 0o644)
	write(t, filepath.Join(dir, "feeds", "other", "b.txt"), dirty, 0o644)
	old := filepath.Join(dir, "feeds", "old", "c.txt")
	write(t, old, dirty, 0o644)
	for _, c := range []struct {
		name string
		args []string
		want string
	}{
		{"walk the repository", []string{dir}, "other/b.txt"},
		{"walk a subdirectory", []string{filepath.Join(dir, "feeds")}, "other/b.txt"},
		{"walk a deeper subdirectory", []string{filepath.Join(dir, "feeds", "partner")}, ""},
		{"named files", []string{partner, filepath.Join(dir, "feeds", "other", "b.txt")}, "other/b.txt"},
		{"a named excluded file is linted", []string{old}, "old/c.txt"},
		{"unless --force-exclude", []string{"--force-exclude", old, partner}, ""},
	} {
		// run from the subdirectory: the configuration is found upwards and its directory
		// anchors the globs
		code, got, errs := lintedPaths(t, filepath.Join(dir, "feeds"), c.args...)
		if keys(got) != c.want && !(c.want == "" && len(got) == 0) {
			t.Errorf("%s: findings in %q, want %q (exit %d) %s", c.name, keys(got), c.want, code, errs)
		}
		if errs != "" && c.want != "" {
			t.Errorf("%s: stderr %s", c.name, errs)
		}
	}
	// --force-exclude with only excluded files is an empty run that is no error: pre-commit
	// hands newslint whatever was staged. Include globs apply too, so a package.json is not
	// read as a JSON array of articles.
	pkg := filepath.Join(dir, "package.json")
	write(t, pkg, `{"name": "x"}`, 0o644)
	if code, _, errs := run(t, dir, "--force-exclude", old, pkg); code != 0 || strings.Contains(errs, "warning") {
		t.Errorf("--force-exclude on excluded files: exit %d %s", code, errs)
	}
	// standard input named with --stdin-filename (relative to the working directory, here
	// feeds/) matches the same globs, as editors use it
	for name, want := range map[string]int{"partner/a.txt": 0, "other/a.txt": 1} {
		var out, errb bytes.Buffer
		code := Main([]string{"--stdin-filename", name, "-"}, Env{Stdin: strings.NewReader(dirty), Stdout: &out, Stderr: &errb,
			Dir: filepath.Join(dir, "feeds"), Getenv: func(string) string { return "" }})
		if code != want {
			t.Errorf("stdin as %s: exit %d, want %d: %s %s", name, code, want, out.String(), errb.String())
		}
	}
	if code, _, _ := run(t, dir, pkg); code != 2 {
		t.Errorf("a named package.json without --force-exclude: exit %d, want 2 (not a JSON array)", code)
	}
}

// TestGitignore: files that .gitignore lists (at the top, in a subdirectory, and in
// .git/info/exclude) are not linted when walking; --no-ignore lints them.
func TestGitignore(t *testing.T) {
	dir := t.TempDir()
	if out, err := exec.Command("git", "init", "-q", dir).CombinedOutput(); err != nil {
		t.Fatalf("git init (git is needed): %v %s", err, out)
	}
	write(t, filepath.Join(dir, ".gitignore"), "scratch/\n*.tmp.txt\n", 0o644)
	write(t, filepath.Join(dir, "data", ".gitignore"), "draft*.txt\n!draft-keep.txt\n", 0o644)
	write(t, filepath.Join(dir, ".git", "info", "exclude"), "local.txt\n", 0o644)
	for _, p := range []string{"a.txt", "scratch/b.txt", "c.tmp.txt", "data/draft1.txt", "data/draft-keep.txt", "data/d.txt", "local.txt"} {
		write(t, filepath.Join(dir, p), dirty, 0o644)
	}
	_, got, errs := lintedPaths(t, dir, dir)
	if k := keys(got); k != "a.txt,data/d.txt,data/draft-keep.txt" {
		t.Errorf("with .gitignore: findings in %s %s", k, errs)
	}
	_, got, _ = lintedPaths(t, dir, "--no-ignore", dir)
	if k := keys(got); k != "a.txt,c.tmp.txt,data/d.txt,data/draft-keep.txt,data/draft1.txt,local.txt,scratch/b.txt" {
		t.Errorf("--no-ignore: findings in %s", k)
	}
	// an ignored file named on the command line is linted, unless --force-exclude
	if _, got, _ := lintedPaths(t, dir, filepath.Join(dir, "scratch", "b.txt")); keys(got) != "scratch/b.txt" {
		t.Errorf("named ignored file: %v", got)
	}
	if _, got, _ := lintedPaths(t, dir, "--force-exclude", filepath.Join(dir, "scratch", "b.txt")); len(got) != 0 {
		t.Errorf("named ignored file with --force-exclude: %v", got)
	}
}

// TestNonArticleFilesAndMarkdown: well-known non-article files and tool folders are not linted
// by default, and in Markdown, front matter, fenced code and link reference definitions are
// never reported or changed, by any rule, while the prose around them is fixed.
func TestNonArticleFilesAndMarkdown(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"README.md", "LICENSE.txt", "CHANGELOG.md", "docs/CONTRIBUTING.md", "NOTICE",
		".venv/lib/python3.11/site-packages/pkg/top_level.txt", "node_modules/pkg/readme.md", "vendor/x/notes.txt", "__pycache__/x.txt"} {
		write(t, filepath.Join(dir, p), dirty, 0o644)
	}
	md := `---
title: Talks resume
Tags: Politics, Economy, Trade
---
The ministry said on Friday that the talks had made progress and would resume next month.

` + "```text" + `
veryGood! (62)
Related
Leaders agree to resume trade talks next month
Markets rally as inflation cools in the euro area
Storm leaves thousands without power across the coast
` + "```" + `

[Related]: https://example.com/related "Read more"
veryGood! (62)

Officials from both sides declined to comment on the details of the draft agreement.
`
	article := filepath.Join(dir, "articles", "a.md")
	write(t, article, md, 0o644)
	write(t, filepath.Join(dir, "articles", "b.txt"), md, 0o644) // the same text as plain text
	_, got, errs := lintedPaths(t, dir, dir)
	if k := keys(got); k != "articles/a.md,articles/b.txt" {
		t.Errorf("linted %s, want only the articles %s", k, errs)
	}
	if r := strings.Join(got["articles/a.md"], ","); r != "vote-widget" {
		t.Errorf("a.md: rules %s, want only the widget outside the code block", r)
	}
	if len(got["articles/b.txt"]) < 3 {
		t.Errorf("b.txt (plain text) should be linted line by line: %v", got["articles/b.txt"])
	}
	if code, _, errs := run(t, dir, "--fix", "--unsafe-fixes", article); code != 0 {
		t.Fatalf("--fix: exit %d %s", code, errs)
	}
	want := strings.Replace(md, "\"Read more\"\nveryGood! (62)\n", "\"Read more\"\n", 1)
	if got := read(t, article); got != want {
		t.Errorf("--fix changed more than the widget line:\n%s", got)
	}
	// named on the command line, a read-me is linted: the default excludes apply to walks
	_, got, _ = lintedPaths(t, dir, filepath.Join(dir, "README.md"))
	if keys(got) != "README.md" {
		t.Errorf("named README.md: %v", got)
	}
}

// TestEmptyInput: a directory without a file to lint is a warning that names the include globs
// and what was there, and exit 2, unless --allow-empty.
func TestEmptyInput(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "feed", "a.json"), `[{"text": "x"}]`, 0o644)
	write(t, filepath.Join(dir, "feed", "b.json"), `[{"text": "x"}]`, 0o644)
	write(t, filepath.Join(dir, "feed", "c.html"), "<p>x</p>", 0o644)
	feed := filepath.Join(dir, "feed")
	code, _, errs := run(t, dir, feed)
	if code != 2 {
		t.Errorf("empty run: exit %d, want 2", code)
	}
	for _, want := range []string{feed + ": no file to lint", `"**/*.txt"`, "matched nothing", "2 .json, 1 .html", `add "**/*.json"`, "--allow-empty"} {
		if !strings.Contains(errs, want) {
			t.Errorf("warning lacks %q:\n%s", want, errs)
		}
	}
	if code, out, errs := run(t, dir, "--allow-empty", feed); code != 0 || !strings.Contains(errs, "no file to lint") || !strings.Contains(out, "0 files") {
		t.Errorf("--allow-empty: exit %d %s %s", code, out, errs)
	}
	// with JSON arrays included, the same directory is linted
	write(t, filepath.Join(dir, config.FileName), "[files]\ninclude = [\"**/*.json\"]\n", 0o644)
	if code, _, errs := run(t, dir, feed); code != 0 || errs != "" {
		t.Errorf("with **/*.json: exit %d %s", code, errs)
	}
	// one empty directory among others is warned about, and the run goes on
	write(t, filepath.Join(dir, "texts", "a.txt"), clean, 0o644)
	write(t, filepath.Join(dir, config.FileName), "", 0o644)
	if code, _, errs := run(t, dir, feed, filepath.Join(dir, "texts")); code != 0 || !strings.Contains(errs, feed+": no file to lint") {
		t.Errorf("mixed run: exit %d %s", code, errs)
	}
	// everything excluded is said so
	write(t, filepath.Join(dir, "only", "README.md"), dirty, 0o644)
	if code, _, errs := run(t, dir, filepath.Join(dir, "only")); code != 2 || !strings.Contains(errs, "1 file left out by exclude globs") {
		t.Errorf("all excluded: exit %d %s", code, errs)
	}
}
