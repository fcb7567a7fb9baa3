package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
)

const widgetLine = "veryGood! (62)"

// withWidget is an article with a rating widget on line 3 (vote-widget flags it).
const withWidget = "The ministry said on Friday that the talks had made progress and would resume next month.\n\n" + widgetLine + "\n"

// summaryOf decodes the summary and unused entries of a --format json report.
func summaryOf(t *testing.T, out string) (sum map[string]any, unused []map[string]any) {
	t.Helper()
	var doc struct {
		Summary map[string]any   `json:"summary"`
		Unused  []map[string]any `json:"unused_ignores"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	return doc.Summary, doc.Unused
}

// TestIgnoreEntries: [[ignore]] entries suppress by path glob (relative to the configuration
// file's directory, wherever newslint runs from), rule, line text (literal or regex) and
// record id; suppressed findings are counted in the summary and never fixed.
func TestIgnoreEntries(t *testing.T) {
	for _, c := range []struct {
		name, entry string
		want        string // files with findings left, relative to dir/feeds
	}{
		{"whole file, one rule", `paths = ["feeds/partner/a.txt"]
rules = ["vote-widget"]`, "other/b.txt,partner/c.txt"},
		{"glob and all rules", `paths = ["feeds/partner/**"]
rules = ["all"]`, "other/b.txt"},
		{"another rule does not suppress", `paths = ["feeds/**"]
rules = ["nav-leak"]`, "other/b.txt,partner/a.txt,partner/c.txt"},
		{"literal text, white space folded", `paths = ["**"]
rules = ["vote-widget"]
text = "veryGood!   (62)"`, "partner/c.txt"},
		{"regex text", `paths = ["**"]
rules = ["vote-widget"]
text = '^very\w+! \(\d+\)$'
regex = true`, "partner/c.txt"},
		{"text of another line", `paths = ["**"]
rules = ["vote-widget"]
text = "The ministry said"`, "other/b.txt,partner/a.txt,partner/c.txt"},
		{"globs are relative to the configuration, not to the walked directory", `paths = ["partner/**"]
rules = ["all"]`, "other/b.txt,partner/a.txt,partner/c.txt"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			write(t, filepath.Join(dir, config.FileName), "[[ignore]]\n"+c.entry+"\n", 0o644)
			write(t, filepath.Join(dir, "feeds", "partner", "a.txt"), withWidget, 0o644)
			write(t, filepath.Join(dir, "feeds", "other", "b.txt"), withWidget, 0o644)
			write(t, filepath.Join(dir, "feeds", "partner", "c.txt"), strings.Replace(withWidget, widgetLine, "Excellent! (12)", 1), 0o644)
			// run from the feeds directory, walking it: the configuration above anchors the globs
			sub := filepath.Join(dir, "feeds")
			_, got, errs := lintedPaths(t, sub, sub)
			if keys(got) != c.want {
				t.Errorf("findings in %q, want %q\n%s", keys(got), c.want, errs)
			}
			code, out, errs := run(t, sub, "--format", "json", sub)
			sum, _ := summaryOf(t, out)
			wantSupp := 3 - len(strings.Split(c.want, ","))
			if got, _ := sum["suppressed"].(float64); int(got) != wantSupp {
				t.Errorf("summary suppressed %v, want %d (exit %d) %s", sum["suppressed"], wantSupp, code, errs)
			}
			// --fix leaves suppressed findings alone: a suppressed finding is never fixed
			_, out, _ = run(t, sub, "--fix", sub)
			for _, f := range []string{"partner/a.txt", "other/b.txt"} {
				kept := strings.Contains(read(t, filepath.Join(sub, f)), widgetLine)
				if suppressed := !strings.Contains(c.want, f); kept != suppressed {
					t.Errorf("after --fix, %s kept the widget: %v, want %v", f, kept, suppressed)
				}
			}
			if wantSupp > 0 && !strings.Contains(out, "suppressed)") {
				t.Errorf("text summary lacks the suppressed count:\n%s", out)
			}
		})
	}
}

// TestIgnoreRecord: an [[ignore]] entry with record = id suppresses findings of that record of
// a JSON Lines file only; the newslint_ignore field of a record (or the field [input]
// ignore_field names) suppresses the rules it lists in that record.
func TestIgnoreRecord(t *testing.T) {
	rec := func(id, extra string) string {
		b, _ := json.Marshal(withWidget)
		return `{"id":"` + id + `","text":` + string(b) + extra + "}\n"
	}
	dir := t.TempDir()
	feed := filepath.Join(dir, "feed.jsonl")
	write(t, feed, rec("r1", "")+rec("r2", "")+rec("r3", `,"newslint_ignore":["vote-widget"]`)+
		rec("r4", `,"newslint_ignore":["*"]`)+rec("r5", `,"newslint_ignore":["nav-leak"]`)+
		rec("r6", `,"skip":["vote-widget"]`)+rec("r7", `,"newslint_ignore":["vote-widgte"]`), 0o644)
	write(t, filepath.Join(dir, config.FileName), `[[ignore]]
paths = ["feed.jsonl"]
rules = ["vote-widget"]
record = "r2"
`, 0o644)
	ids := func(out string) string {
		var got []string
		for _, m := range regexp.MustCompile(`"record_id":"([^"]+)"`).FindAllStringSubmatch(out, -1) {
			got = append(got, m[1])
		}
		return strings.Join(got, ",")
	}
	vw := []string{"--select", "vote-widget", "--format", "jsonl"} // the widget line recurs: template-line too
	_, out, errs := run(t, dir, append(vw, feed)...)
	if got := ids(out); got != "r1,r5,r6,r7" {
		t.Errorf("records with findings %q, want r1,r5,r6,r7\n%s\n%s", got, out, errs)
	}
	if !strings.Contains(errs, `feed.jsonl:7: newslint_ignore: unknown rule "vote-widgte" (did you mean vote-widget?`) {
		t.Errorf("a typo in a record's ignore field is not reported: %s", errs)
	}
	// the field's name is configurable, and "" turns it off
	write(t, filepath.Join(dir, config.FileName), "[input]\nignore_field = \"skip\"\n", 0o644)
	if _, out, _ := run(t, dir, append(vw, feed)...); ids(out) != "r1,r2,r3,r4,r5,r7" {
		t.Errorf("ignore_field = \"skip\": findings in %q", ids(out))
	}
	write(t, filepath.Join(dir, config.FileName), "[input]\nignore_field = \"\"\n", 0o644)
	if _, out, _ := run(t, dir, append(vw, feed)...); ids(out) != "r1,r2,r3,r4,r5,r6,r7" {
		t.Errorf("ignore_field = \"\": findings in %q", ids(out))
	}
	// --fix keeps suppressed records as they are
	write(t, filepath.Join(dir, config.FileName), "", 0o644)
	run(t, dir, "--select", "vote-widget", "--fix", feed)
	got := strings.Split(strings.TrimSpace(read(t, feed)), "\n")
	for i, want := range []bool{false, false, true, true, false, false, false} {
		if kept := strings.Contains(got[i], widgetLine); kept != want {
			t.Errorf("after --fix, record %d kept the widget: %v, want %v", i+1, kept, want)
		}
	}
}

// TestIgnoreConfigErrors: bad [[ignore]] entries are configuration errors naming the file, the
// line and the key.
func TestIgnoreConfigErrors(t *testing.T) {
	for _, c := range []struct{ entry, want string }{
		{`rules = ["vote-widget"]`, ":1: ignore[1].paths: an ignore entry needs paths"},
		{`paths = ["a.txt"]`, ":1: ignore[1].rules: an ignore entry needs rules"},
		{"paths = [\"a.txt\"]\nrules = [\"vote-widgte\"]", `:3: ignore[1].rules: unknown rule "vote-widgte" (did you mean vote-widget?`},
		{"paths = [\"a.txt\"]\nrules = [\"all\", \"nav-leak\"]", `:3: ignore[1].rules: "all" stands for every rule`},
		{"paths = [\"a[.txt\"]\nrules = \"all\"", `:2: ignore[1].paths: bad glob "a[.txt"`},
		{"paths = \"a.txt\"\nrules = \"all\"\ntext = \"  \"", ":4: ignore[1].text: an empty text matches every line"},
		{"paths = \"a.txt\"\nrules = \"all\"\nregex = true\ntext = 'x*'", `:5: ignore[1].text: pattern "x*" can match empty text`},
		{"paths = \"a.txt\"\nrules = \"all\"\nregex = true\ntext = '(x'", `:5: ignore[1].text: pattern "(x"`},
		{"paths = \"a.txt\"\nrules = \"all\"\nregex = true", ":4: ignore[1].regex: regex = true needs a text pattern"},
		{"paths = \"a.txt\"\nrules = \"all\"\ntext = 3", ":4: ignore[1].text: must be a string"},
		{"paths = \"a.txt\"\nrules = [1]", ":3: ignore[1].rules: must be a string or a list of strings"},
		{"paths = \"a.txt\"\nrules = \"all\"\nrecord = 7", ":4: ignore[1].record: must be the id or url"},
		{"paths = \"a.txt\"\nrules = \"all\"\nline = 7", ":4: ignore.line: unknown key"},
	} {
		dir := t.TempDir()
		cfg := filepath.Join(dir, config.FileName)
		write(t, cfg, "[[ignore]]\n"+c.entry+"\n", 0o644)
		write(t, filepath.Join(dir, "a.txt"), withWidget, 0o644)
		code, _, errs := run(t, dir, dir)
		if code != 2 || !strings.Contains(errs, cfg+c.want) {
			t.Errorf("%q: exit %d, stderr %q, want %q", c.entry, code, errs, cfg+c.want)
		}
		if strings.Contains(errs, "interface") || strings.Contains(errs, "[]string") {
			t.Errorf("%q: Go type names in %q", c.entry, errs)
		}
	}
}

// TestUnusedIgnores: entries that suppressed nothing are reported, as ruff reports unused noqa
// comments, on stderr and in --format json, but only by runs that linted every file they can
// apply to.
func TestUnusedIgnores(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, config.FileName)
	write(t, cfg, `[[ignore]]
paths = ["a.txt"]
rules = ["vote-widget"]

[[ignore]]
paths = ["a.txt"]
rules = ["vote-widget"]
text = "a line that is not there"

[[ignore]]
paths = ["gone/**"]
rules = ["nav-leak"]
`, 0o644)
	write(t, filepath.Join(dir, "a.txt"), withWidget, 0o644)
	write(t, filepath.Join(dir, "sub", "b.txt"), clean, 0o644)
	code, out, errs := run(t, dir, dir)
	if code != 0 || !strings.Contains(out, "No findings in 2 files scanned (1 suppressed).") {
		t.Errorf("exit %d\n%s", code, out)
	}
	want := []string{config.FileName + ":5: unused [[ignore]] entry (vote-widget in a.txt, text \"a line that is not there\")",
		config.FileName + ":10: unused [[ignore]] entry (nav-leak in gone/**)"}
	for _, w := range want {
		if !strings.Contains(errs, w) {
			t.Errorf("stderr lacks %q:\n%s", w, errs)
		}
	}
	if strings.Contains(errs, ":1: unused") {
		t.Errorf("the entry in use is reported unused:\n%s", errs)
	}
	_, out, _ = run(t, dir, "--format", "json", dir)
	if _, unused := summaryOf(t, out); len(unused) != 2 || unused[0]["line"].(float64) != 5 || unused[1]["config"] != config.FileName {
		t.Errorf("--format json unused_ignores: %v", unused)
	}
	// runs of some files only do not know: the entry may apply to a file they did not lint
	for _, args := range [][]string{{filepath.Join(dir, "a.txt")}, {filepath.Join(dir, "sub")}, {"--quiet", dir}} {
		if _, _, errs := run(t, dir, args...); strings.Contains(errs, "unused") {
			t.Errorf("%v: unused entries reported: %s", args, errs)
		}
	}
	// an entry whose rules --ignore keeps from running is not unused
	if _, _, errs := run(t, dir, "--ignore", "nav-leak", dir); strings.Contains(errs, ":10: unused") || !strings.Contains(errs, ":5: unused") {
		t.Errorf("--ignore nav-leak: %s", errs)
	}
}

// TestIgnoreCommand: 'newslint ignore PATH:LINE[:RULE]' appends an [[ignore]] entry pinned by
// the line's text (creating the configuration from the defaults when there is none); the entry
// follows the line when lines above it move.
func TestIgnoreCommand(t *testing.T) {
	dir := t.TempDir()
	// the widget line recurs in the directory, which template-line would flag as well
	write(t, filepath.Join(dir, config.FileName), "[rules.template-line]\nenabled = false\n", 0o644)
	a := filepath.Join(dir, "feeds", "a.txt")
	b := filepath.Join(dir, "feeds", "b.txt")
	write(t, a, withWidget, 0o644)
	write(t, b, withWidget, 0o644)
	code, out, errs := run(t, dir, "ignore", a+":3")
	cfg := filepath.Join(dir, config.FileName)
	wantEntry := `# feeds/a.txt:3: vote-widget: rating/reaction widget "veryGood! (62)"
[[ignore]]
paths = ["feeds/a.txt"]
rules = ["vote-widget"]
text = "veryGood! (62)"
`
	if code != 0 || out != "added to "+config.FileName+":\n"+wantEntry {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if written := read(t, cfg); written != "[rules.template-line]\nenabled = false\n\n"+wantEntry {
		t.Errorf("%s is not the configuration with the entry appended:\n%s", cfg, written)
	}
	if _, got, _ := lintedPaths(t, dir, dir); keys(got) != "feeds/b.txt" {
		t.Errorf("after 'newslint ignore', findings in %q", keys(got))
	}
	// lines added above: the entry is pinned by text, not by line number
	write(t, a, "Paris, 3 May.\n\n"+withWidget, 0o644)
	if _, got, _ := lintedPaths(t, dir, dir); keys(got) != "feeds/b.txt" {
		t.Errorf("after lines moved, findings in %q", keys(got))
	}
	// a second entry is appended to the existing file; RULE limits it to one rule
	code, out, errs = run(t, dir, "ignore", b+":3:vote-widget")
	if code != 0 || !strings.Contains(out, "paths = [\"feeds/b.txt\"]") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if c, err := config.Load(cfg); err != nil || len(c.Ignores) != 2 {
		t.Fatalf("%s: %v", cfg, err)
	}
	if code, out, _ := run(t, dir, dir); code != 0 || !strings.Contains(out, "(2 suppressed)") {
		t.Errorf("exit %d\n%s", code, out)
	}
	// glob characters in a file name are escaped: the entry names that file only
	odd := filepath.Join(dir, "feeds", "[x]*.txt")
	write(t, odd, withWidget, 0o644)
	write(t, filepath.Join(dir, "feeds", "x-other.txt"), withWidget, 0o644)
	if code, _, errs := run(t, dir, "ignore", odd+":3"); code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	if _, got, _ := lintedPaths(t, dir, dir); keys(got) != "feeds/x-other.txt" {
		t.Errorf("after ignoring %s, findings in %q", odd, keys(got))
	}
	before := read(t, cfg)
	for _, c := range []struct{ arg, want string }{
		{a + ":5", "ignore: the finding on " + a + ":5 is already suppressed"},
		{a + ":1", "ignore: no finding on " + a + ":1"},
		{b + ":3:nav-leak", "ignore: no nav-leak finding on " + b + ":3"},
		{b + ":3:vote-widgte", `unknown rule "vote-widgte" (did you mean vote-widget?`},
		{b, "want PATH:LINE or PATH:LINE:RULE"},
		{b + ":0", "want PATH:LINE"},
		{filepath.Join(dir, "missing.txt") + ":3", "is not a file"},
	} {
		if code, _, errs := run(t, dir, "ignore", c.arg); code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("ignore %s: exit %d %q, want %q", c.arg, code, errs, c.want)
		}
	}
	if read(t, cfg) != before {
		t.Error("a refused 'newslint ignore' changed the configuration")
	}
	// a file outside the configuration's directory cannot be named by its globs
	outside := filepath.Join(t.TempDir(), "c.txt")
	write(t, outside, withWidget, 0o644)
	if code, _, errs := run(t, dir, "--config", cfg, "ignore", outside+":3"); code != 2 || !strings.Contains(errs, "lies outside") {
		t.Errorf("file outside: exit %d %s", code, errs)
	}
}

// TestIgnoreCommandRecord: for a record of a JSON Lines file, the entry is pinned by the
// record's id; a record without one is pinned by the flagged text.
func TestIgnoreCommandRecord(t *testing.T) {
	dir := t.TempDir()
	text, _ := json.Marshal(withWidget)
	feed := filepath.Join(dir, "feed.jsonl")
	write(t, feed, `{"id":"n-1","text":`+string(text)+"}\n"+`{"id":"n-2","text":`+string(text)+"}\n"+`{"text":`+string(text)+"}\n", 0o644)
	code, out, errs := run(t, dir, "ignore", feed+":2")
	if code != 0 || !strings.Contains(out, "record = \"n-2\"\n") || strings.Contains(out, "text =") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	// the record without id has another widget: its entry is pinned by text, file-wide
	other, _ := json.Marshal(strings.Replace(withWidget, "veryGood", "Excellent", 1))
	write(t, feed, strings.Replace(read(t, feed), `{"text":`+string(text), `{"text":`+string(other), 1), 0o644)
	code, out, errs = run(t, dir, "ignore", feed+":3:vote-widget")
	if code != 0 || !strings.Contains(out, "text = \"Excellent! (62)\"\n") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	_, out, _ = run(t, dir, "--format", "jsonl", feed)
	if n := strings.Count(out, "\n"); n != 1 || !strings.Contains(out, `"record_id":"n-1"`) {
		t.Errorf("findings left:\n%s", out)
	}
	// the location as the text report writes it, pasted whole
	_, out, _ = run(t, dir, feed)
	loc, _, _ := strings.Cut(out, ": warning")
	if !strings.HasPrefix(loc, feed+"[line 1, n-1]:") {
		t.Fatalf("location %q", loc)
	}
	if code, out, errs := run(t, dir, "ignore", loc+":vote-widget"); code != 0 || !strings.Contains(out, "record = \"n-1\"\n") {
		t.Fatalf("ignore %s: exit %d\n%s\n%s", loc, code, out, errs)
	}
	if code, out, _ := run(t, dir, feed); code != 0 {
		t.Errorf("findings left after ignoring the pasted location:\n%s", out)
	}
	for _, bad := range []string{feed + "[line x]:1", feed + "[line 1]x", feed + "[line 1]:1:vote-widget:2", feed + "[line 1"} {
		if code, _, errs := run(t, dir, "ignore", bad); code != 2 || !strings.Contains(errs, "want PATH:LINE") {
			t.Errorf("ignore %s: exit %d %s", bad, code, errs)
		}
	}
}

// TestIgnoreCommandCreatesConfig: without a configuration, 'newslint ignore' writes the
// defaults with the entry appended in the working directory.
func TestIgnoreCommandCreatesConfig(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.txt")
	write(t, a, withWidget, 0o644)
	if code, _, errs := run(t, dir, "ignore", a+":3:vote-widget"); code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	cfg := filepath.Join(dir, config.FileName)
	written := read(t, cfg)
	if !strings.HasPrefix(written, config.DefaultTOML) || !strings.HasSuffix(written, "\n[[ignore]]\npaths = [\"a.txt\"]\nrules = [\"vote-widget\"]\ntext = \"veryGood! (62)\"\n") {
		t.Errorf("%s is not the defaults with the entry appended:\n%s", cfg, written)
	}
	if code, out, _ := run(t, dir, dir); code != 0 || !strings.Contains(out, "(1 suppressed)") {
		t.Errorf("exit %d %s", code, out)
	}
	// a configuration that is a symbolic link is updated where it points
	shared := filepath.Join(t.TempDir(), "shared.toml")
	write(t, shared, "", 0o644)
	os.Remove(cfg)
	if err := os.Symlink(shared, cfg); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, dir, "ignore", a+":3"); code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	if st, err := os.Lstat(cfg); err != nil || st.Mode()&os.ModeSymlink == 0 || !strings.Contains(read(t, shared), "[[ignore]]") {
		t.Errorf("the linked configuration was replaced, not updated (%v)", err)
	}
}
