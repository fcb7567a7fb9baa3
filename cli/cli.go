// Package cli is newslint's command line: it parses flags, loads the configuration, collects the
// files, runs the engine and hands results to a reporter. cmd/newslint only calls Main.
package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/report"
)

// Exit codes.
const (
	ExitClean    = 0 // nothing at or above --fail-on
	ExitFindings = 1 // findings remain (or --diff has changes)
	ExitError    = 2 // usage, configuration or input/output error
)

// Env is what Main needs of the process.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Getenv         func(string) string
	// Dir is the working directory; "" means the process's.
	Dir string
}

type options struct {
	fix, unsafe, diff, exitZero, quiet, noColor, version, help bool
	format, configPath, selectRules, ignoreRules, failOn       string
	corpusStats, output, baseline, changedSince, stdinName     string
	corpusRoot                                                 string
	shard                                                      string
	prune                                                      bool
	statistics                                                 bool
	cpuProfile                                                 string
	maxResults                                                 int
	outputs                                                    outputList
	jobs, context                                              int
	maxFileSize                                                int64
	ux                                                         uxOptions
	safety                                                     safetyOptions
	run                                                        runOptions
	color                                                      colorFlag
	// set holds the names of the flags given on the command line.
	set map[string]bool
	// discardProfile is set when the run refuses to write the --cpuprofile file.
	discardProfile bool
}

func newFlagSet(o *options, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("newslint", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&o.fix, "fix", false, "apply safe fixes in place")
	fs.BoolVar(&o.unsafe, "unsafe-fixes", false, "with --fix or --diff, also apply unsafe fixes")
	fs.BoolVar(&o.diff, "diff", false, "print the unified diff --fix would apply and write nothing (exit 1 on changes)")
	fs.StringVar(&o.format, "format", "text", "output format: "+strings.Join(report.Formats, ", "))
	fs.StringVar(&o.configPath, "config", "", "configuration file (default: nearest "+config.FileName+" upwards, else built-in defaults)")
	fs.StringVar(&o.selectRules, "select", "", "run only these rules (comma-separated IDs)")
	fs.StringVar(&o.ignoreRules, "ignore", "", "do not run these rules (comma-separated IDs)")
	fs.StringVar(&o.failOn, "fail-on", "warning", "lowest severity that makes the exit code 1: error, warning or info")
	fs.BoolVar(&o.exitZero, "exit-zero", false, "exit 0 even when findings remain (errors still exit 2)")
	fs.BoolVar(&o.quiet, "quiet", false, "print findings only: no diffs, no summary")
	fs.BoolVar(&o.noColor, "no-color", false, "never colour the output (NO_COLOR is honoured too)")
	fs.BoolVar(&o.version, "version", false, "print the version and exit")
	fs.IntVar(&o.jobs, "jobs", 0, "number of parallel workers (default: number of CPUs)")
	fs.IntVar(&o.context, "context", 2, "lines of context around each fix preview")
	fs.Int64Var(&o.maxFileSize, "max-file-size", 256<<20, "skip (with an error) files larger than this many bytes; 0 for no limit")
	fs.StringVar(&o.corpusStats, "corpus-stats", "", "read corpus statistics from these files (comma-separated, from 'newslint stats') instead of gathering them")
	fs.StringVar(&o.shard, "shard", "", "lint (or, with stats, gather) only shard `I/N` of the files, dealt by a hash of their paths; merge the shards' stats with 'newslint stats merge'")
	fs.BoolVar(&o.prune, "prune", false, "with stats merge, drop the counts that cannot produce a finding under the configuration (the result is final)")
	fs.StringVar(&o.corpusRoot, "corpus-root", "", "gather the statistics of corpus rules over the files a walk of `DIR` finds, while linting only the files given (pre-commit, editors); empty: off")
	fs.StringVar(&o.output, "o", "", "with 'newslint stats': write the statistics to this `file` instead of stdout")
	fs.Var(&o.outputs, "output", "also write a report in another format: `FORMAT=PATH` (repeatable), e.g. sarif=newslint.sarif")
	fs.StringVar(&o.stdinName, "stdin-filename", "", "with '-' (standard input): the name to report and to match config globs against")
	fs.BoolVar(&o.statistics, "statistics", false, "print counts per rule instead of the findings")
	fs.StringVar(&o.baseline, "baseline", "", "hide findings recorded in this baseline file (see 'newslint baseline')")
	fs.StringVar(&o.changedSince, "changed-since", "", "lint only files changed since this git revision (and untracked ones)")
	fs.IntVar(&o.maxResults, "max-results", 0, "cap SARIF results, keeping the most severe (default 25000, GitHub's limit); omitted results are announced")
	fs.StringVar(&o.cpuProfile, "cpuprofile", "", "write a CPU profile of the run to this file (for go tool pprof)")
	addUXFlags(fs, &o.ux)
	addSafetyFlags(fs, &o.safety)
	addRunFlags(fs, &o.run)
	addTermFlags(fs, &o.color)
	fs.BoolVar(&o.help, "help", false, "show this help")
	fs.BoolVar(&o.help, "h", false, "show this help")
	return fs
}

const usageHead = `newslint lints scraped news text for leaked navigation, spam headers, widgets and more.

Usage:
  newslint [flags] [PATH...]     lint files and directories (default: .)
  newslint [flags] -             lint one document from standard input (--fix: fixed text to stdout),
                                 or a feed with --stdin-filename feed.jsonl
  newslint rules                 list the rules
  newslint rule ID               show a rule's documentation
  newslint init [--force]        write a commented ` + config.FileName + ` with the defaults
  newslint help                  show this help
  newslint baseline [--baseline FILE] [PATH...]
                                 record current findings so later runs report only new ones
  newslint ignore PATH:LINE[:RULE]
                                 suppress the findings on one line: append an [[ignore]]
                                 entry pinned by the line's text to ` + config.FileName + `
  newslint stats [-o FILE] [PATH...]
                                 gather the corpus statistics of corpus rules as JSON
  newslint summary [-o FILE] [PATH...]
                                 per-site health of a crawl as JSON (newslint summary --help)
  newslint drift OLD.json NEW.json
                                 which sites changed between two crawls (newslint drift --help)
  newslint report -o report.html SUMMARY.json...
                                 a self-contained HTML report of one or more crawls

Flags (they may come before or after the paths):
`

const usageTail = `
Exit codes: 0 nothing at or above --fail-on remains, 1 findings remain (or --diff shows changes),
2 usage, configuration or input/output error.
`

func usage(fs *flag.FlagSet, w io.Writer) {
	io.WriteString(w, usageHead)
	fs.VisitAll(func(f *flag.Flag) {
		if f.Name == "h" {
			return
		}
		name, u := flag.UnquoteUsage(f)
		arg := "--" + f.Name
		if len(f.Name) == 1 {
			arg = "-" + f.Name
		}
		if name != "" {
			arg += " " + name
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  %-24s %s%s\n", arg, u, def)
	})
	io.WriteString(w, usageTail)
}

// parse reads flags wherever they stand among the paths; after "--" every argument is a path.
// It returns the positional arguments and how many of them came before "--": only those can
// name a subcommand.
func parse(fs *flag.FlagSet, args []string) ([]string, int, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, 0, err
		}
		rest := fs.Args()
		if endedFlags(fs, args[:len(args)-len(rest)]) {
			return append(pos, rest...), len(pos), nil
		}
		if len(rest) == 0 {
			return pos, len(pos), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// endedFlags tells whether fs.Parse stopped at a "--" in flag position among the arguments it
// consumed, and not at one that is the value of a flag (--stdin-filename --).
func endedFlags(fs *flag.FlagSet, consumed []string) bool {
	for i := 0; i < len(consumed); i++ {
		a := consumed[i]
		if a == "--" {
			return true
		}
		name := strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-")
		if strings.Contains(name, "=") {
			continue
		}
		f := fs.Lookup(name)
		if f == nil {
			continue
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() {
			continue
		}
		i++ // the flag's value
	}
	return false
}

// Main runs newslint with args (without the program name) and returns the exit code.
func Main(args []string, env Env) (code int) {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	// the crawl-monitoring commands parse their own flags
	if len(args) > 0 {
		switch args[0] {
		case "summary":
			return cmdSummary(args[1:], env)
		case "drift":
			return cmdDrift(args[1:], env)
		case "report":
			return cmdReport(args[1:], env)
		}
	}
	var o options
	fs := newFlagSet(&o, env.Stderr)
	pos, nsub, err := parse(fs, args)
	if err != nil {
		fmt.Fprintf(env.Stderr, "newslint: %v%s\nRun 'newslint --help' for usage.\n", err, flagHint(fs, err))
		return ExitError
	}
	o.set = map[string]bool{}
	fs.Visit(func(f *flag.Flag) { o.set[f.Name] = true })
	if o.help {
		usage(fs, env.Stdout)
		return ExitClean
	}
	if o.version {
		io.WriteString(env.Stdout, versionLine())
		return ExitClean
	}
	sub, paths := "", pos
	if nsub > 0 {
		switch pos[0] {
		case "rules", "rule", "init", "help", "stats", "baseline", "ignore":
			sub, paths = pos[0], pos[1:]
		}
	}
	if err := validateFlags(&o, sub, paths, env); err != nil {
		return errorf(env, "%v", err)
	}
	if o.cpuProfile != "" {
		stop, err := startProfile(&o)
		if err != nil {
			return errorf(env, "--cpuprofile: %v", err)
		}
		defer func() {
			if err := stop(); err != nil {
				fmt.Fprintf(env.Stderr, "newslint: --cpuprofile: %v\n", err)
				code = ExitError
			}
		}()
	}
	switch sub {
	case "rules":
		return cmdRules(&o, paths, env)
	case "rule":
		return cmdRule(&o, paths, env)
	case "init":
		return cmdInit(&o, paths, env)
	case "help":
		usage(fs, env.Stdout)
		return ExitClean
	case "stats":
		if len(paths) > 0 && paths[0] == "merge" {
			return cmdStatsMerge(&o, paths[1:], env)
		}
		return cmdStats(&o, paths, env)
	case "baseline":
		return runLint(&o, paths, env, true)
	case "ignore":
		return cmdIgnore(&o, paths, env)
	}
	return runLint(&o, paths, env, false)
}

func errorf(env Env, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "newslint: "+format+"\n", args...)
	return ExitError
}

// loadConfig finds and reads the configuration and applies --select/--ignore.
func loadConfig(o *options, env Env) (*config.Config, error) {
	var cfg *config.Config
	var err error
	switch {
	case o.configPath != "":
		cfg, err = config.Load(o.configPath)
	default:
		dir := env.Dir
		if dir == "" {
			dir = "."
		}
		if p, ok := config.Find(dir); ok {
			cfg, err = config.Load(p)
		} else {
			cfg = config.Default()
		}
	}
	if err != nil {
		return nil, err
	}
	if err := checkRuleIDs(cfg, o); err != nil {
		return nil, err
	}
	if err := cfg.Select(splitList(o.selectRules), splitList(o.ignoreRules)); err != nil {
		return nil, err
	}
	return cfg, nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func useColor(o *options, env Env) bool { return colorWanted(o, env) }

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}
