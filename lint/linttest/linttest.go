// Package linttest runs golden rule cases, as golang.org/x/tools/go/analysis/analysistest does
// for analyzers: each case is a txtar archive holding a document, optionally the configuration
// it runs with, the findings the rule must report and the text --fix must leave.
//
// A case archive:
//
//	What the case shows (the archive's comment; required).
//	-- input.txt --
//	the document
//	-- config.toml --
//	optional: [rules.ID] options, [names], [[custom]] rules, as in .newslint.toml
//	-- corpus/other.txt --
//	optional, any number: more files of the same directory, gathered with input.txt
//	for corpus rules (template-line counts lines across files)
//	-- want --
//	LINE:COL SEVERITY SAFETY RULE MESSAGE, one finding per line (may be empty)
//	-- fixed --
//	the text after --fix (safe fixes, to a fixed point); absent: --fix changes nothing
//	-- fixed-unsafe --
//	the text after --fix --unsafe-fixes; absent: the same as after --fix
//
// SAFETY is safe, unsafe, display-only, or none for a finding without a fix. A case whose file
// name starts with "neg-" is a look-alike negative: --fix and --unsafe-fixes must leave it
// unchanged (it has neither fixed section). A case named "pos-…" must report at least one
// finding.
package linttest

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/rules"
)

// Section names of a case archive.
const (
	InputFile      = "input.txt"
	ConfigFile     = "config.toml"
	CorpusDir      = "corpus/"
	WantSection    = "want"
	FixedSection   = "fixed"
	UnsafeSection  = "fixed-unsafe"
	PendingDir     = "pending"
	CustomFolder   = "custom"
	negativePrefix = "neg-"
	positivePrefix = "pos-"
)

// Options control a run over case folders.
type Options struct {
	// Update rewrites the want and fixed sections of the cases (not of pending ones) with what
	// the rules do now.
	Update bool
	// Pending also runs the cases of each folder's pending/ subfolder: cases that today's rules
	// get wrong. They are never rewritten.
	Pending bool
}

// Case is one golden case.
type Case struct {
	Path    string
	Comment string
	Input   string
	// Config is the config.toml section, or nil.
	Config []byte
	// Corpus holds the other files of the directory, by name.
	Corpus map[string]string
	Want   []string
	// Fixed and FixedUnsafe are nil when their section is absent.
	Fixed, FixedUnsafe *string

	archive *txtar.Archive
}

// Load reads and checks a case archive.
func Load(path string) (*Case, error) {
	ar, err := txtar.ParseFile(path)
	if err != nil {
		return nil, err
	}
	c := &Case{Path: path, Comment: strings.TrimSpace(string(ar.Comment)), Corpus: map[string]string{}, archive: ar}
	if c.Comment == "" {
		return nil, fmt.Errorf("%s: the archive needs a comment saying what the case shows", path)
	}
	seen := map[string]bool{}
	haveInput, haveWant := false, false
	for _, f := range ar.Files {
		if seen[f.Name] {
			return nil, fmt.Errorf("%s: section %q appears twice", path, f.Name)
		}
		seen[f.Name] = true
		data := string(f.Data)
		switch {
		case f.Name == InputFile:
			c.Input, haveInput = data, true
		case f.Name == ConfigFile:
			c.Config = f.Data
		case strings.HasPrefix(f.Name, CorpusDir) && len(f.Name) > len(CorpusDir) && !strings.Contains(f.Name[len(CorpusDir):], "/"):
			c.Corpus[f.Name[len(CorpusDir):]] = data
		case f.Name == WantSection:
			haveWant = true
			for _, l := range strings.Split(data, "\n") {
				if l = strings.TrimRight(l, " \r"); l != "" {
					c.Want = append(c.Want, l)
				}
			}
		case f.Name == FixedSection:
			c.Fixed = &data
		case f.Name == UnsafeSection:
			c.FixedUnsafe = &data
		default:
			return nil, fmt.Errorf("%s: unknown section %q", path, f.Name)
		}
	}
	if !haveInput {
		return nil, fmt.Errorf("%s: no %s section", path, InputFile)
	}
	if !haveWant {
		return nil, fmt.Errorf("%s: no %s section (leave it empty when the rule must report nothing)", path, WantSection)
	}
	return c, nil
}

// Negative reports a look-alike negative case (its name starts with "neg-").
func (c *Case) Negative() bool { return strings.HasPrefix(filepath.Base(c.Path), negativePrefix) }

// Positive reports a case that shows what the rule must find (its name starts with "pos-").
func (c *Case) Positive() bool { return strings.HasPrefix(filepath.Base(c.Path), positivePrefix) }

// Result is what the rules did on a case.
type Result struct {
	Findings    []string
	Fixed       string
	FixedUnsafe string
}

// Exec runs the rules of folder on the case: the rule with that ID, or for the "custom" folder
// every rule the case's config declares in [[custom]] tables. Corpus rules get the counts
// gathered from input.txt and the corpus/ files. It fails when a fix loop does not settle.
func (c *Case) Exec(folder string) (*Result, error) {
	cfg, err := c.config()
	if err != nil {
		return nil, err
	}
	ids, err := selectIDs(folder, cfg)
	if err != nil {
		return nil, err
	}
	if err := cfg.Select(ids, nil); err != nil {
		return nil, err
	}
	active := cfg.For(InputFile)
	stats := gather(active, c.Input, c.Corpus)
	doc := document.New(InputFile, c.Input)
	res := &Result{}
	for _, d := range lint.Run(doc, active, stats) {
		safety := "none"
		if d.Fix != nil {
			safety = d.Fix.Safety.String()
		}
		line, col := doc.Position(d.Start)
		msg := strings.ReplaceAll(d.Message, "\n", `\n`) // one finding per line
		res.Findings = append(res.Findings, fmt.Sprintf("%d:%d %s %s %s %s", line, col, d.Severity, safety, d.Rule, msg))
	}
	for _, unsafe := range []bool{false, true} {
		fr := engine.Fix(InputFile, c.Input, active, unsafe, stats)
		if !fr.Converged {
			return nil, fmt.Errorf("fixes (unsafe=%v) did not settle after %d passes", unsafe, engine.MaxPasses)
		}
		// A second run over the fixed text, with counts gathered again, must change nothing.
		again := engine.Fix(InputFile, fr.Text, active, unsafe, gather(active, fr.Text, c.Corpus))
		if again.Text != fr.Text {
			return nil, fmt.Errorf("fixing the fixed text again (unsafe=%v) changes it:\n%s", unsafe, again.Text)
		}
		if unsafe {
			res.FixedUnsafe = fr.Text
		} else {
			res.Fixed = fr.Text
		}
	}
	return res, nil
}

func (c *Case) config() (*config.Config, error) {
	if c.Config == nil {
		return config.Default(), nil
	}
	return config.Parse(ConfigFile, c.Config)
}

// selectIDs names the rules a folder runs.
func selectIDs(folder string, cfg *config.Config) ([]string, error) {
	if folder != CustomFolder {
		if _, ok := cfg.Rule(folder); !ok {
			return nil, fmt.Errorf("no rule %q", folder)
		}
		return []string{folder}, nil
	}
	builtin := map[string]bool{}
	for _, r := range rules.Builtins() {
		builtin[r.Meta().ID] = true
	}
	var ids []string
	for _, id := range cfg.IDs() {
		if !builtin[id] {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("a case of %s/ must declare [[custom]] rules in %s", CustomFolder, ConfigFile)
	}
	return ids, nil
}

// gather counts input and the corpus files for the corpus rules among active, as the corpus
// pass of a run over their directory would; nil when no rule gathers.
func gather(active []lint.Active, input string, others map[string]string) *corpus.Stats {
	var gs []lint.Active
	for _, a := range active {
		if _, ok := a.Rule.(lint.Gatherer); ok {
			gs = append(gs, a)
		}
	}
	if len(gs) == 0 {
		return nil
	}
	stats := corpus.New()
	names := make([]string, 0, len(others))
	for n := range others {
		names = append(names, n)
	}
	sort.Strings(names)
	docs := []*document.Document{document.New(InputFile, input)}
	for _, n := range names {
		docs = append(docs, document.New(n, others[n]))
	}
	for _, d := range docs {
		stats.Files++
		for _, a := range gs {
			a.Rule.(lint.Gatherer).Gather(d, a.Options, stats)
		}
	}
	return stats
}

// Check compares a result with the case and returns the differences, one message each.
func (c *Case) Check(r *Result) []string {
	var errs []string
	if !slices.Equal(r.Findings, c.Want) {
		errs = append(errs, fmt.Sprintf("findings differ\n got:\n%s\nwant:\n%s", indent(r.Findings), indent(c.Want)))
	}
	wantFixed := c.Input
	if c.Fixed != nil {
		wantFixed = *c.Fixed
	}
	if r.Fixed != wantFixed {
		errs = append(errs, fmt.Sprintf("text after --fix differs\n got:\n%s\nwant:\n%s", r.Fixed, wantFixed))
	}
	wantUnsafe := wantFixed
	if c.FixedUnsafe != nil {
		wantUnsafe = *c.FixedUnsafe
	}
	if r.FixedUnsafe != wantUnsafe {
		errs = append(errs, fmt.Sprintf("text after --fix --unsafe-fixes differs\n got:\n%s\nwant:\n%s", r.FixedUnsafe, wantUnsafe))
	}
	errs = append(errs, c.checkKind()...)
	return errs
}

// checkKind holds negative cases to their promise and positive ones to theirs.
func (c *Case) checkKind() []string {
	switch {
	case c.Negative() && (c.Fixed != nil || c.FixedUnsafe != nil):
		return []string{"a negative case (neg-…) must be left unchanged by --fix and --unsafe-fixes, but it has a fixed section"}
	case c.Positive() && len(c.Want) == 0:
		return []string{"a positive case (pos-…) must report at least one finding"}
	case !c.Negative() && !c.Positive():
		return []string{"a case's file name must start with pos- or neg-"}
	}
	return nil
}

func indent(lines []string) string {
	if len(lines) == 0 {
		return "    (none)"
	}
	return "    " + strings.Join(lines, "\n    ")
}

// Write stores r as the case's want and fixed sections (fixed only when it differs from the
// input, fixed-unsafe only when it differs from fixed), keeping the comment and the other
// sections.
func (c *Case) Write(r *Result) error {
	ar := &txtar.Archive{Comment: c.archive.Comment}
	for _, f := range c.archive.Files {
		switch f.Name {
		case WantSection, FixedSection, UnsafeSection:
			continue
		}
		ar.Files = append(ar.Files, f)
	}
	var want bytes.Buffer
	for _, l := range r.Findings {
		want.WriteString(l + "\n")
	}
	ar.Files = append(ar.Files, txtar.File{Name: WantSection, Data: want.Bytes()})
	if r.Fixed != c.Input {
		ar.Files = append(ar.Files, txtar.File{Name: FixedSection, Data: []byte(r.Fixed)})
	}
	if r.FixedUnsafe != r.Fixed {
		ar.Files = append(ar.Files, txtar.File{Name: UnsafeSection, Data: []byte(r.FixedUnsafe)})
	}
	return os.WriteFile(c.Path, txtar.Format(ar), 0o644)
}

// RunCase runs one case file of folder and reports its failures on t.
func RunCase(t *testing.T, folder, path string, update bool) {
	t.Helper()
	c, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := c.Exec(folder)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if update {
		if err := c.Write(r); err != nil {
			t.Fatal(err)
		}
		if c, err = Load(path); err != nil {
			t.Fatal(err)
		}
	}
	for _, e := range c.Check(r) {
		t.Errorf("%s (%s)\n%s", path, firstLine(c.Comment), e)
	}
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i] + " …"
	}
	return s
}

// Cases lists the case archives directly in dir (not in subfolders), sorted.
func Cases(dir string) ([]string, error) {
	m, err := filepath.Glob(filepath.Join(dir, "*.txtar"))
	sort.Strings(m)
	return m, err
}

// RunFolder runs the cases of one rule folder as subtests named after their files, and those of
// its pending/ subfolder (as pending/NAME) when opts.Pending is set.
func RunFolder(t *testing.T, dir string, opts Options) {
	t.Helper()
	folder := filepath.Base(dir)
	run := func(paths []string, prefix string, update bool) {
		for _, p := range paths {
			name := prefix + strings.TrimSuffix(filepath.Base(p), ".txtar")
			t.Run(name, func(t *testing.T) { RunCase(t, folder, p, update) })
		}
	}
	paths, err := Cases(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(paths) == 0 {
		t.Errorf("%s holds no cases", dir)
	}
	run(paths, "", opts.Update)
	if opts.Pending {
		pend, err := Cases(filepath.Join(dir, PendingDir))
		if err != nil {
			t.Fatal(err)
		}
		run(pend, PendingDir+"/", false)
	}
}
