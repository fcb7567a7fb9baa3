package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/pipeline"
)

// cmdRules prints the rule table: id, severity, fixable, summary.
func cmdRules(o *options, args []string, env Env) int {
	if len(args) > 0 {
		return errorf(env, "rules takes no arguments (did you mean 'newslint rule %s'?)", args[0])
	}
	cfg, err := loadConfig(o, env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	tw := tabwriter.NewWriter(env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSEVERITY\tFIXABLE\tSUMMARY")
	for _, r := range cfg.Rules() {
		m := r.Meta()
		fix := "no"
		if m.Fixable {
			fix = "yes"
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", m.ID, m.Severity, fix, m.Summary)
	}
	tw.Flush()
	return ExitClean
}

// cmdRule prints one rule's documentation with its example and the example's fix diff.
func cmdRule(o *options, args []string, env Env) int {
	if len(args) != 1 {
		return errorf(env, "usage: newslint rule ID (see 'newslint rules')")
	}
	cfg, err := loadConfig(o, env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	r, ok := cfg.Rule(args[0])
	if !ok {
		return errorf(env, "%s", unknownRule(cfg, args[0]))
	}
	fmt.Fprint(env.Stdout, RuleDoc(r))
	return ExitClean
}

// RuleDoc renders a rule's documentation as `newslint rule ID` shows it, in fixed sections:
// what it finds, why it matters, an example with its findings and the diff of its fix, fix
// safety, options.
func RuleDoc(r lint.Rule) string {
	m := lint.MetaOf(r)
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s", m.ID, m.Severity)
	if m.Fixable {
		b.WriteString(", fixable")
	}
	if m.Corpus {
		b.WriteString(", corpus-level")
	}
	fmt.Fprintf(&b, "): %s\n", m.Summary)
	section := func(title, text string) {
		if text = strings.TrimSpace(text); text != "" {
			fmt.Fprintf(&b, "\n%s\n", title)
			for _, l := range strings.Split(text, "\n") {
				fmt.Fprintf(&b, "    %s\n", l)
			}
		}
	}
	section("What it finds", m.Doc)
	section("Why it matters", m.Why)
	if m.Example != "" {
		section("Example", m.Example)
		var opts any
		if c, ok := r.(lint.Configurable); ok {
			opts = c.NewOptions()
		}
		doc := document.New("example.txt", m.Example)
		act := []lint.Active{{Rule: r, Severity: m.Severity, Options: opts}}
		stats := engine.SelfStats(doc, act)
		b.WriteString("\n")
		for _, d := range engine.Check(doc, act, stats) {
			line, col := doc.Position(d.Start)
			fmt.Fprintf(&b, "    %d:%d: %s [%s] %s\n", line, col, d.Severity, d.Rule, d.Message)
			if d.Fix != nil {
				fmt.Fprintf(&b, "      fix (%s): %s\n", d.Fix.Safety, d.Fix.Description)
			}
		}
		fixed := engine.Fix("example.txt", m.Example, act, true, stats)
		if u := diff.Unified("example.txt", "example.txt (fixed)", m.Example, fixed.Text, 1); u != "" {
			b.WriteString("\n")
			for _, l := range strings.Split(strings.TrimSuffix(u, "\n"), "\n") {
				fmt.Fprintf(&b, "    %s\n", l)
			}
		}
	}
	section("Fix safety", m.FixSafety)
	fmt.Fprintf(&b, "\nOptions ([rules.%s] in %s)\n", m.ID, config.FileName)
	fmt.Fprintf(&b, "    enabled (boolean, default true): run the rule\n")
	fmt.Fprintf(&b, "    severity (string, default %q): error, warning or info\n", m.Severity.String())
	for _, op := range m.Options {
		fmt.Fprintf(&b, "    %s (%s, default %s): %s\n", op.Name, op.Type, op.Default, op.Doc)
	}
	return b.String()
}

// cmdInit writes the commented default configuration to ./.newslint.toml.
func cmdInit(o *options, args []string, env Env) int {
	force := o.ux.force
	if len(args) > 0 {
		return errorf(env, "usage: newslint init [--force]")
	}
	dir := env.Dir
	if dir == "" {
		dir = "."
	}
	p := filepath.Join(dir, config.FileName)
	flags := os.O_WRONLY | os.O_CREATE | os.O_EXCL
	if force {
		flags = os.O_WRONLY | os.O_CREATE | os.O_TRUNC
	}
	f, err := os.OpenFile(p, flags, 0o644)
	if err != nil {
		if os.IsExist(err) {
			return errorf(env, "%s already exists (use 'newslint init --force' to overwrite it)", p)
		}
		return errorf(env, "%v", err)
	}
	if _, err := f.WriteString(config.DefaultTOML); err != nil {
		f.Close()
		return errorf(env, "%v", err)
	}
	if err := f.Close(); err != nil {
		return errorf(env, "%v", err)
	}
	fmt.Fprintf(env.Stdout, "wrote %s\n", p)
	return ExitClean
}

// cmdStats runs the corpus pass alone and writes the statistics as JSON, to be merged with
// others and fed back with --corpus-stats (for corpora linted in parts or on many machines).
func cmdStats(o *options, paths []string, env Env) int {
	cfg, err := loadConfig(o, env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	given := paths
	if len(paths) == 0 {
		paths = []string{"."}
	}
	walk := collectFiles(o, cfg, paths, env)
	files, problems := walk.Files, walk.Problems
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "newslint: %v\n", p)
	}
	if err := checkOverlaps(o, "stats", env, cfg, files); err != nil {
		return errorf(env, "%v", err)
	}
	if err := checkEmpty(o, given, files, problems, cfg); err != nil {
		return errorf(env, "%v", err)
	}
	if files, err = shardFiles(o, files); err != nil {
		return errorf(env, "%v", err)
	}
	stats, err := linterFor(o, cfg).GatherFiles(files, pipeline.RunOptions{Jobs: o.jobs, MaxFileSize: o.maxFileSize, TextFields: cfg.TextFields})
	if err != nil {
		return errorf(env, "corpus pass: %v", err)
	}
	if o.output != "" {
		if err := stats.WriteFile(o.output); err != nil {
			return errorf(env, "%v", err)
		}
	} else if err := stats.Write(env.Stdout); err != nil {
		return errorf(env, "%v", err)
	}
	if len(problems) > 0 {
		return ExitError
	}
	return ExitClean
}
