package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/mattn/go-isatty"

	"github.com/newslint/newslint/baseline"
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/pipeline"
	"github.com/newslint/newslint/processors"
	"github.com/newslint/newslint/report"
	"github.com/newslint/newslint/rules"
)

// outputList is the repeatable --output FORMAT=PATH flag.
type outputList []string

func (l *outputList) String() string { return strings.Join(*l, ",") }

// Set implements flag.Value.
func (l *outputList) Set(v string) error {
	f, p, ok := strings.Cut(v, "=")
	if !ok || f == "" || p == "" {
		return fmt.Errorf("want FORMAT=PATH, got %q", v)
	}
	*l = append(*l, v)
	return nil
}

// sink is one reporter and what to close after it.
type sink struct {
	rep   report.Reporter
	close func() error
	name  string
	// commit puts a finished report file in place (see outputs.go).
	commit func() error
}

// runLint lints paths; with record, it writes a baseline of the findings instead of reporting.
func runLint(o *options, paths []string, env Env, record bool) int {
	defer onSignals(env.Stderr)()
	failOn, err := lint.ParseSeverity(o.failOn)
	if err != nil {
		return errorf(env, "--fail-on: %v", err)
	}
	switch {
	case o.fix && o.diff:
		return errorf(env, "--fix and --diff exclude each other: --diff writes nothing")
	case o.context < 0:
		return errorf(env, "--context must not be negative")
	case o.safety.check() != nil:
		return errorf(env, "%v", o.safety.check())
	case record && (o.fix || o.diff):
		return errorf(env, "baseline records findings; it takes neither --fix nor --diff")
	}
	rules.Preload()
	cfg, err := loadConfig(o, env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	ropts := report.Options{Color: useColor(o, env), Unsafe: o.unsafe, Fix: o.fix, Version: Version,
		Rules: cfg.Rules(), MaxResults: o.maxResults, StepSummary: env.Getenv("GITHUB_STEP_SUMMARY"), FailOn: failOn, Width: termWidth(env)}
	var sinks []sink
	defer func() {
		for _, s := range sinks {
			if s.close != nil {
				s.close()
			}
		}
	}()
	if !record && !o.statistics && !o.diff {
		rep, err := report.New(o.format, env.Stdout, ropts)
		if err != nil {
			return errorf(env, "--format: %v", err)
		}
		sinks = append(sinks, sink{rep: rep, name: "stdout"})
	} else if _, err := report.New(o.format, io.Discard, ropts); err != nil {
		return errorf(env, "--format: %v", err)
	}
	outs, err := openOutputs(o, ropts)
	if err != nil {
		return errorf(env, "--output: %v", err)
	}
	sinks = append(sinks, outs...)
	var base *baseline.Set
	if o.baseline != "" && !record {
		if base, err = baseline.Load(o.baseline); err != nil {
			return errorf(env, "--baseline: %v", err)
		}
	}
	if len(paths) == 0 {
		paths = []string{"."}
	}
	for _, p := range paths {
		if p == "-" {
			if len(paths) > 1 || record {
				return errorf(env, "'-' (standard input) must be the only path")
			}
			return lintStdin(o, cfg, ropts, failOn, env)
		}
	}
	walk := collectFiles(o, cfg, paths, env)
	files, problems := walk.Files, walk.Problems
	status := ExitClean
	for _, p := range problems {
		fmt.Fprintf(env.Stderr, "newslint: %v\n", p)
		status = ExitError
	}
	sub := ""
	if record {
		sub = "baseline"
	}
	if err := checkOverlaps(o, sub, env, cfg, files); err != nil {
		return errorf(env, "%v", err)
	}
	if warnEmpty(o, cfg, walk, env) {
		return ExitError
	}
	walked := files
	if files, err = shardFiles(o, files); err != nil {
		return errorf(env, "%v", err)
	}
	if o.changedSince != "" {
		if files, err = changedSince(files, o.changedSince, env); err != nil {
			return errorf(env, "--changed-since: %v", err)
		}
	}
	var filters []processors.Filter
	if base != nil {
		filters = append(filters, base)
	}
	ign := ignoreFilter(cfg, env, files)
	if ign != nil {
		filters = append(filters, ign)
	}
	pipe := findingsPipeline(filters)
	eo := pipeline.RunOptions{Fix: o.fix, Unsafe: o.unsafe, Diff: o.diff, Jobs: o.jobs, MaxFileSize: o.maxFileSize, TextFields: cfg.TextFields,
		Preview: report.NeedsPreview(o.format) && !o.quiet && !o.diff && !o.statistics, Context: o.context, Pipeline: pipe, OnePass: true}
	o.safety.apply(&eo, paths, env)
	var over []input.File
	if eo.Corpus, over, err = corpusStatsOver(o, cfg, env, walked, files, eo); err != nil {
		return errorf(env, "%v", err)
	}
	// what --show-fixes compares with: the findings of a run that only reads, judged by the
	// counts of the files as they are (settling below replaces them with the counts after fixing)
	fixes := newFixLog(o, cfg, files, eo)
	if over != nil {
		if eo, err = linterFor(o, cfg).SettleFiles(over, files, eo); errors.Is(err, pipeline.ErrCorpusUnsettled) {
			fmt.Fprintf(env.Stderr, "newslint: %v\n", err)
		} else if err != nil {
			return errorf(env, "corpus pass: %v\nnothing was linted or fixed: corpus rules would have judged the other files without these", err)
		}
	}
	crawl, err := summariseRun(o, cfg, paths, eo.Corpus, env)
	if err != nil {
		return errorf(env, "%v", err)
	}
	var rec *baseline.Writer
	if record {
		target := o.baseline
		if target == "" {
			target = filepath.Join(dirOf(env), baseline.FileName)
		}
		o.baseline = target
		rec = baseline.NewWriter(target)
	}
	sum := report.NewSummary(o.fix, o.unsafe)
	prog := newProgress(env, len(files))
	var writeErr error
	changed, hidden := 0, 0
	linterFor(o, cfg).Run(files, eo, func(r *finding.Result) {
		prog.add(r.Bytes)
		fixes.seen(r)
		pipe.Seen(r)
		hidden += len(r.Suppressed)
		sum.Add(r)
		for _, e := range r.Errors {
			prog.clear()
			fmt.Fprintf(env.Stderr, "newslint: %s: %v\n", r.File.Path(), e)
		}
		if rec != nil {
			rec.Add(r)
			return
		}
		if o.diff && r.Changed {
			changed++
			prog.clear()
			for _, p := range r.Patches {
				io.WriteString(env.Stdout, diff.Unified(p.Name, p.Name, p.Before, p.After, 3))
			}
		}
		for _, s := range sinks {
			if err := s.rep.File(r); err != nil && writeErr == nil {
				writeErr = fmt.Errorf("%s: %v", s.name, err)
			}
		}
	})
	prog.clear()
	if sum.FilesWithError > 0 {
		status = ExitError
	}
	if rec != nil {
		if err := rec.Write(o.baseline); err != nil {
			return errorf(env, "%v", err)
		}
		fmt.Fprintf(env.Stdout, "recorded %s in %s\n", plural(rec.Len(), "finding", "findings"), o.baseline)
		return status
	}
	sum.Unused = unusedIgnores(o, cfg, ign, paths, env)
	for _, s := range sinks {
		if s.name == "stdout" && o.quiet && o.format == "text" {
			continue
		}
		if err := s.rep.Finish(sum); err != nil && writeErr == nil {
			writeErr = fmt.Errorf("%s: %v", s.name, err)
		}
		warnOmitted(env, s)
	}
	if err := commitSinks(sinks); err != nil && writeErr == nil {
		writeErr = err
	}
	if o.statistics {
		writeStatistics(env.Stdout, o.format, sum)
	}
	fixes.write(showFixesTo(o, env))
	status = crawl.finish(o, env, failOn, status)
	if base != nil {
		if stale := base.Stale(); len(stale) > 0 && !o.quiet {
			fmt.Fprintf(env.Stderr, "newslint: %s in %s no longer match any finding (fixed or changed); run 'newslint baseline' to refresh it\n",
				plural(len(stale), "entry", "entries"), o.baseline)
		}
		if hidden > 0 && !o.quiet && o.format == "text" && !o.diff {
			fmt.Fprintf(env.Stderr, "newslint: %s hidden by the baseline\n", plural(hidden, "finding", "findings"))
		}
	}
	warnIgnores(o, cfg, ign, sum.Unused, env)
	if writeErr != nil {
		fmt.Fprintf(env.Stderr, "newslint: writing the report: %v\n", writeErr)
		return ExitError
	}
	if o.diff {
		if !o.quiet {
			fmt.Fprintf(env.Stderr, "%s would be changed by --fix (%s).\n", plural(changed, "file", "files"), plural(sum.Fixed, "fix", "fixes"))
		}
		if status == ExitClean && changed > 0 && !o.exitZero {
			status = ExitFindings
		}
		return status
	}
	if status == ExitClean && !o.exitZero && sum.AtLeast(failOn) > 0 {
		status = ExitFindings
	}
	return fixStatus(o, sum.Fixed, status)
}

// findingsPipeline is what happens to findings between the rules and the reporters: the
// filters hide findings before fixing, then each unit's findings are sorted and nested ones
// folded into related notes of the finding around them.
func findingsPipeline(filters []processors.Filter) *processors.Pipeline {
	return processors.New(filters, processors.Sort{}, processors.Fold{})
}

func dirOf(env Env) string {
	if env.Dir != "" {
		return env.Dir
	}
	return "."
}

// progress shows files done, throughput and time left on a terminal, for long runs only; it
// never writes to pipes or CI logs.
type progress struct {
	w               io.Writer
	total, done     int
	bytes           int64
	start, last     time.Time
	active, printed bool
}

func newProgress(env Env, total int) *progress {
	p := &progress{w: env.Stderr, total: total, start: time.Now()}
	if f, ok := env.Stderr.(*os.File); ok && isatty.IsTerminal(f.Fd()) && total >= 300 && env.Getenv("CI") == "" {
		p.active = true
	}
	return p
}

func (p *progress) add(n int64) {
	p.done++
	p.bytes += n
	if !p.active {
		return
	}
	now := time.Now()
	if now.Sub(p.last) < 200*time.Millisecond && p.done < p.total {
		return
	}
	p.last = now
	el := now.Sub(p.start).Seconds()
	mbs := float64(p.bytes) / 1e6 / max(el, 1e-3)
	eta := time.Duration(float64(p.total-p.done) * el / float64(p.done) * float64(time.Second)).Round(time.Second)
	fmt.Fprintf(p.w, "\r\033[K%d/%d files, %.1f MB/s, ETA %s", p.done, p.total, mbs, eta)
	p.printed = true
}

func (p *progress) clear() {
	if p.printed {
		fmt.Fprint(p.w, "\r\033[K")
		p.printed = false
	}
}

// stdinReporter is the reporter of a run on standard input: with --fix the fixed text takes
// standard output, so the report goes to standard error, without colour.
func stdinReporter(o *options, ropts report.Options, env Env) (report.Reporter, error) {
	out := env.Stdout
	if o.fix {
		out = env.Stderr
		ropts.Color = false
	}
	return report.New(o.format, out, ropts)
}

// lintStdin lints one document read from standard input. With --fix, the fixed text goes to
// standard output and the report of what remains to standard error, for editors and pipes.
func lintStdin(o *options, cfg *config.Config, ropts report.Options, failOn lint.Severity, env Env) int {
	if env.Stdin == nil {
		return errorf(env, "no standard input")
	}
	name := o.stdinName
	if name == "" {
		name = "-"
	}
	if kind, comp := input.KindOf(name); kind != input.Text || comp != input.None {
		return lintStdinFeed(o, cfg, ropts, failOn, env, name)
	}
	limit := o.maxFileSize
	if limit <= 0 {
		limit = 1 << 62
	}
	raw, err := io.ReadAll(io.LimitReader(env.Stdin, limit+1))
	if err != nil {
		return errorf(env, "reading standard input: %v", err)
	}
	if int64(len(raw)) > limit {
		return errorf(env, "standard input is larger than --max-file-size (%d bytes)", limit)
	}
	file := input.NewFile(name, stdinRel(cfg, env, name), "")
	var filters []processors.Filter
	if ign := ignoreFilter(cfg, env, []input.File{file}); ign != nil {
		filters = append(filters, ign)
	}
	eo := pipeline.RunOptions{Fix: o.fix, Unsafe: o.unsafe, Diff: o.diff, Context: o.context, TextFields: cfg.TextFields,
		Preview: report.NeedsPreview(o.format) && !o.quiet && !o.diff && !o.statistics, Pipeline: findingsPipeline(filters)}
	o.safety.apply(&eo, nil, env)
	if o.corpusStats != "" || o.corpusRoot != "" { // without, corpus rules see the text as the whole corpus
		if eo.Corpus, err = corpusStats(o, cfg, env, nil, []input.File{file}, eo); err != nil {
			return errorf(env, "%v", err)
		}
	}
	fixes := stdinFixLog(o, cfg, file, raw, eo)
	res, fixed := linterFor(o, cfg).LintBytes(file, raw, eo)
	fixes.seen(res)
	rep, err := stdinReporter(o, ropts, env)
	if err != nil {
		return errorf(env, "--format: %v", err)
	}
	sum := report.NewSummary(o.fix, o.unsafe)
	sum.Add(res)
	for _, e := range res.Errors {
		fmt.Fprintf(env.Stderr, "newslint: %s: %v\n", name, e)
	}
	status := ExitClean
	if len(res.Errors) > 0 {
		status = ExitError
	}
	// report reports what remains (--quiet drops the text report's summary, not findings)
	report := func() error {
		err := rep.File(res)
		if !o.quiet || o.format != "text" {
			err = errors.Join(err, rep.Finish(sum))
		}
		return err
	}
	switch {
	case o.fix:
		// an editor replaces its text with standard output: a fixed text that could not be
		// written in full must not pass for one (nor be reported as fixed)
		if _, err := io.WriteString(env.Stdout, fixed); err != nil {
			return errorf(env, "writing the fixed text: %v", err)
		}
		if err := report(); err != nil {
			return errorf(env, "writing the report: %v", err)
		}
		fixes.write(env.Stderr)
	case o.diff:
		for _, p := range res.Patches {
			if _, err := io.WriteString(env.Stdout, diff.Unified(p.Name, p.Name, p.Before, p.After, 3)); err != nil {
				return errorf(env, "writing the diff: %v", err)
			}
		}
		if status == ExitClean && res.Changed && !o.exitZero {
			status = ExitFindings
		}
		return status
	default:
		if err := report(); err != nil {
			return errorf(env, "writing the report: %v", err)
		}
	}
	if status == ExitClean && !o.exitZero && sum.AtLeast(failOn) > 0 {
		status = ExitFindings
	}
	return fixStatus(o, sum.Fixed, status)
}

// linterFor is the pipeline.Linter of a run with the loaded configuration: the command line
// lints through the same API as distributed runs.
func linterFor(o *options, cfg *config.Config) *pipeline.Linter {
	fix := pipeline.NoFix
	switch {
	case o.fix && o.unsafe:
		fix = pipeline.FixUnsafe
	case o.fix:
		fix = pipeline.FixSafe
	}
	l, err := pipeline.FromConfig(cfg, fix)
	if err != nil {
		panic(err) // the fix modes above are valid
	}
	return l
}
