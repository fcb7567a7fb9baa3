package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"

	"github.com/newslint/newslint/atomicfile"
	"github.com/newslint/newslint/baseline"
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/pipeline"
	"github.com/newslint/newslint/processors"
	"github.com/newslint/newslint/report"
)

// ignoreFilter is the suppression filter of the configuration ([[ignore]] entries, and the
// record field of JSON records when files holds any), or nil when nothing can be suppressed.
func ignoreFilter(cfg *config.Config, env Env, files []input.File) *processors.Ignores {
	field := ""
	if cfg.IgnoreField != "" {
		for _, f := range files {
			if k, _ := input.KindOf(f.Path()); k != input.Text {
				field = cfg.IgnoreField
				break
			}
		}
	}
	if len(cfg.Ignores) == 0 && field == "" {
		return nil
	}
	entries := make([]processors.IgnoreEntry, len(cfg.Ignores))
	for i := range cfg.Ignores {
		ig := &cfg.Ignores[i]
		entries[i] = processors.IgnoreEntry{Paths: ig.Paths, Rules: ig.Rules, Record: ig.Record}
		if ig.HasText() {
			entries[i].Line = ig.MatchLine
		}
	}
	known := func(id string) bool { _, ok := cfg.Rule(id); return ok }
	return processors.NewIgnores(globBase(cfg, env), entries, field, known)
}

// wholeRun tells whether a run linted every file an [[ignore]] entry can apply to: it walked
// the configuration file's directory (or one above it), without --changed-since. Only then is
// an entry that suppressed nothing known to be unused.
func wholeRun(o *options, cfg *config.Config, paths []string, env Env) bool {
	if o.changedSince != "" || cfg.Path == "(defaults)" {
		return false
	}
	base := globBase(cfg, env)
	covered := false
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil || !st.IsDir() {
			return false // a named file: the entry may apply to a file not named
		}
		abs, err := filepath.Abs(p)
		if err != nil {
			return false
		}
		if _, ok := input.RelTo(abs, base); ok {
			covered = true
		}
	}
	return covered
}

// ruleRuns tells whether --select and --ignore let a rule run.
func ruleRuns(o *options, id string) bool {
	sel := splitList(o.selectRules)
	return (len(sel) == 0 || slices.Contains(sel, id)) && !slices.Contains(splitList(o.ignoreRules), id)
}

// unusedIgnores lists the [[ignore]] entries that suppressed nothing in a run that covered
// every file they could apply to (as ruff reports unused noqa comments). Entries whose rules
// --select or --ignore kept from running are not listed.
func unusedIgnores(o *options, cfg *config.Config, ign *processors.Ignores, paths []string, env Env) []report.UnusedIgnore {
	if ign == nil || !wholeRun(o, cfg, paths, env) {
		return nil
	}
	var out []report.UnusedIgnore
	for _, i := range ign.Unused() {
		ig := &cfg.Ignores[i]
		runs := ig.Rules == nil
		for _, id := range ig.Rules {
			runs = runs || ruleRuns(o, id)
		}
		if !runs {
			continue
		}
		out = append(out, report.UnusedIgnore{Config: shownPath(cfg.Path, env), Line: ig.Line,
			Message: fmt.Sprintf("unused [[ignore]] entry (%s): it suppressed no finding; remove it", describeIgnore(ig))})
	}
	return out
}

// shownPath is p relative to the working directory when it lies inside it, as users type it.
func shownPath(p string, env Env) string {
	if !filepath.IsAbs(p) {
		return p
	}
	wd := env.Dir
	if wd == "" {
		wd, _ = os.Getwd()
	}
	if rel, ok := input.RelTo(wd, p); ok {
		return filepath.FromSlash(rel)
	}
	return p
}

// describeIgnore words an entry in a few words: its rules, paths and pin.
func describeIgnore(ig *config.Ignore) string {
	rules := "all rules"
	if ig.Rules != nil {
		rules = strings.Join(ig.Rules, ", ")
	}
	s := rules + " in " + strings.Join(ig.Paths, ", ")
	if ig.Record != "" {
		s += ", record " + ig.Record
	}
	if ig.Text != "" {
		t := []rune(ig.Text)
		if len(t) > 40 {
			t = append(t[:40], '…')
		}
		s += fmt.Sprintf(", text %q", string(t))
	}
	return s
}

// warnIgnores prints the unused entries and the record fields that name unknown rules.
func warnIgnores(o *options, cfg *config.Config, ign *processors.Ignores, unused []report.UnusedIgnore, env Env) {
	if ign == nil {
		return
	}
	for _, p := range ign.FieldProblems() {
		where := p.Loc.Path
		if p.Loc.IsRecord() {
			where = fmt.Sprintf("%s:%d", p.Loc.Path, p.Loc.Line)
		}
		if p.NotList {
			fmt.Fprintf(env.Stderr, "newslint: %s: %s: want a list of rule IDs (or \"*\"), got %s\n", where, ign.Field(), p.Rule)
			continue
		}
		fmt.Fprintf(env.Stderr, "newslint: %s: %s: %s\n", where, ign.Field(), unknownRule(cfg, p.Rule))
	}
	if o.quiet {
		return
	}
	for _, u := range unused {
		fmt.Fprintf(env.Stderr, "newslint: %s:%d: %s\n", u.Config, u.Line, u.Message)
	}
}

// ignoreTarget is PATH:LINE[:RULE], the argument of 'newslint ignore'.
type ignoreTarget struct {
	path string
	line int
	rule string
}

func parseIgnoreTarget(arg string) (ignoreTarget, error) {
	bad := fmt.Errorf("want PATH:LINE or PATH:LINE:RULE (as findings are reported), got %q", arg)
	if t, ok, err := parseRecordTarget(arg); ok {
		if err != nil {
			return ignoreTarget{}, bad
		}
		return t, nil
	}
	head, last, ok := cutLast(arg)
	if !ok {
		return ignoreTarget{}, bad
	}
	if n, err := strconv.Atoi(last); err == nil {
		if n < 1 || head == "" {
			return ignoreTarget{}, bad
		}
		return ignoreTarget{path: head, line: n}, nil
	}
	path, num, ok := cutLast(head)
	n, err := strconv.Atoi(num)
	if !ok || err != nil || n < 1 || path == "" || last == "" {
		return ignoreTarget{}, bad
	}
	return ignoreTarget{path: path, line: n, rule: last}, nil
}

// parseRecordTarget reads a record's location as the text report writes it, pasted whole or in
// part: feed.jsonl[line 2, n-2]:1:5:vote-widget, feed.jsonl[line 2]:1:5, feed.jsonl[line 2]
// (the record on line 2 of the file). ok is false when arg holds no record location.
func parseRecordTarget(arg string) (t ignoreTarget, ok bool, err error) {
	i := strings.Index(arg, "[line ")
	if i <= 0 {
		return t, false, nil
	}
	j := strings.IndexByte(arg[i:], ']')
	if j < 0 {
		return t, true, errors.New("no ]")
	}
	num, _, _ := strings.Cut(arg[i+len("[line "):i+j], ",")
	n, err := strconv.Atoi(strings.TrimSpace(num))
	if err != nil || n < 1 {
		return t, true, errors.New("no line")
	}
	t = ignoreTarget{path: arg[:i], line: n}
	rest := arg[i+j+1:]
	if rest == "" {
		return t, true, nil
	}
	if rest[0] != ':' {
		return t, true, errors.New("no colon")
	}
	parts := strings.Split(rest[1:], ":")
	for k, p := range parts {
		if _, err := strconv.Atoi(p); err == nil {
			continue // the line and column within the record's text
		}
		if k != len(parts)-1 || p == "" {
			return t, true, errors.New("bad part")
		}
		t.rule = p
	}
	return t, true, nil
}

func cutLast(s string) (string, string, bool) {
	i := strings.LastIndexByte(s, ':')
	if i < 0 {
		return "", "", false
	}
	return s[:i], s[i+1:], true
}

// ignoreTOML is one [[ignore]] entry as 'newslint ignore' writes it.
type ignoreTOML struct {
	Paths  []string `toml:"paths"`
	Rules  []string `toml:"rules"`
	Text   string   `toml:"text,omitempty"`
	Record string   `toml:"record,omitempty"`
}

// cmdIgnore suppresses the findings on one line: it lints the file, takes the findings that
// start on the line (of RULE only, when given), and appends to the configuration an
// [[ignore]] entry for them pinned by the line's text (a record's id for JSON records), so the
// entry follows the line when lines above it come and go. Without a configuration file, it
// writes one with the defaults in the working directory first.
func cmdIgnore(o *options, args []string, env Env) int {
	if len(args) != 1 {
		return errorf(env, "usage: newslint ignore PATH:LINE[:RULE] (as findings are reported, e.g. feeds/a.txt:12:vote-widget)")
	}
	t, err := parseIgnoreTarget(args[0])
	if err != nil {
		return errorf(env, "ignore: %v", err)
	}
	cfg, err := loadConfig(o, env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	if t.rule != "" {
		if _, ok := cfg.Rule(t.rule); !ok {
			return errorf(env, "ignore: %s", unknownRule(cfg, t.rule))
		}
	}
	target, src := cfg.Path, []byte(nil)
	if cfg.Path == "(defaults)" {
		target, src = filepath.Join(dirOf(env), config.FileName), []byte(config.DefaultTOML)
	} else if src, err = os.ReadFile(cfg.Path); err != nil {
		return errorf(env, "%v", err)
	}
	if st, err := os.Stat(t.path); err != nil || st.IsDir() {
		return errorf(env, "ignore: %s is not a file", t.path)
	}
	base := globBase(cfg, env)
	rel, ok := input.RelTo(base, t.path)
	if !ok {
		return errorf(env, "ignore: %s lies outside %s, the directory of %s; an [[ignore]] entry there cannot name it", t.path, base, target)
	}
	walk := collectFiles(o, cfg, []string{t.path}, env)
	if len(walk.Files) == 0 {
		return errorf(env, "ignore: %s is not a file newslint lints", t.path)
	}
	var filters []processors.Filter
	if ign := ignoreFilter(cfg, env, walk.Files); ign != nil {
		filters = append(filters, ign)
	}
	if o.baseline != "" {
		b, err := baseline.Load(o.baseline)
		if err != nil {
			return errorf(env, "--baseline: %v", err)
		}
		filters = append(filters, b)
	}
	eo := pipeline.RunOptions{Jobs: o.jobs, MaxFileSize: o.maxFileSize, TextFields: cfg.TextFields, Pipeline: findingsPipeline(filters)}
	// corpus rules judge the file by the tree around it: gather over the configuration's
	// directory, as 'newslint' run there sees it
	ro := *o
	if ro.corpusRoot == "" {
		ro.corpusRoot = base
	}
	if eo.Corpus, err = corpusStats(&ro, cfg, env, walk.Files, walk.Files, eo); err != nil {
		return errorf(env, "%v", err)
	}
	var found, hidden []finding.Finding
	var errs []error
	onLine := func(fs []finding.Finding) []finding.Finding {
		var out []finding.Finding
		for _, f := range finding.Flatten(fs) {
			if f.FileLine() == t.line && (t.rule == "" || f.Rule == t.rule) {
				out = append(out, f)
			}
		}
		return out
	}
	linterFor(o, cfg).Run(walk.Files, eo, func(r *finding.Result) {
		found = append(found, onLine(r.Findings)...)
		hidden = append(hidden, onLine(r.Suppressed)...)
		errs = append(errs, r.Errors...)
	})
	if len(found) == 0 {
		what := "finding"
		if t.rule != "" {
			what = t.rule + " finding"
		}
		switch {
		case len(errs) > 0:
			return errorf(env, "ignore: %s: %v", t.path, errors.Join(errs...))
		case len(hidden) > 0:
			return errorf(env, "ignore: the %s on %s:%d is already suppressed", what, t.path, t.line)
		}
		return errorf(env, "ignore: no %s on %s:%d (run 'newslint %s' to see where findings are)", what, t.path, t.line, t.path)
	}
	entry := ignoreTOML{Paths: []string{escapeGlob(rel)}}
	for _, f := range found {
		if !slices.Contains(entry.Rules, f.Rule) {
			entry.Rules = append(entry.Rules, f.Rule)
		}
	}
	slices.Sort(entry.Rules)
	f := found[0]
	switch {
	case f.Loc.IsRecord() && f.Loc.ID != "":
		entry.Record = f.Loc.ID
	case f.Loc.IsRecord():
		entry.Text = pinText(f.Text)
	default:
		entry.Text = pinText(lineOf(t.path, t.line))
		if entry.Text == "" {
			entry.Text = pinText(f.Text)
		}
	}
	var block bytes.Buffer
	for _, f := range found {
		fmt.Fprintf(&block, "# %s:%d: %s: %s\n", filepath.ToSlash(rel), t.line, f.Rule, oneLine(f.Message))
	}
	enc := toml.NewEncoder(&block)
	enc.Indent = ""
	if err := enc.Encode(struct {
		Ignore []ignoreTOML `toml:"ignore"`
	}{[]ignoreTOML{entry}}); err != nil {
		return errorf(env, "%v", err)
	}
	out := append([]byte{}, src...)
	if len(out) > 0 && !bytes.HasSuffix(out, []byte("\n")) {
		out = append(out, '\n')
	}
	if len(out) > 0 {
		out = append(out, '\n')
	}
	out = append(out, block.Bytes()...)
	if _, err := config.Parse(target, out); err != nil {
		return errorf(env, "ignore: the new entry would not load: %v", err)
	}
	dest := target
	if real, err := filepath.EvalSymlinks(target); err == nil {
		dest = real // a linked configuration is updated, not replaced by a copy
	}
	if err := atomicfile.WriteFile(dest, out); err != nil {
		return errorf(env, "%v", err)
	}
	fmt.Fprintf(env.Stdout, "added to %s:\n%s", shownPath(target, env), block.String())
	return ExitClean
}

// pinText is the first non-blank line of s, trimmed: what an entry made by 'newslint ignore'
// matches lines by.
func pinText(s string) string {
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			return l
		}
	}
	return ""
}

// lineOf is line n of a plain text file ("" for compressed or JSON files, or past the end).
func lineOf(path string, n int) string {
	if k, c := input.KindOf(path); k != input.Text || c != input.None {
		return ""
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		return ""
	}
	lines := strings.Split(string(raw), "\n")
	if n > len(lines) {
		return ""
	}
	return strings.TrimSuffix(lines[n-1], "\r")
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// escapeGlob makes a path a glob that matches only itself.
func escapeGlob(p string) string {
	var b strings.Builder
	for _, r := range p {
		if strings.ContainsRune(`*?[]\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
