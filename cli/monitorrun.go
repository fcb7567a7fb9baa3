package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"github.com/newslint/newslint/atomicfile"
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/drift"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/monitor"
	"github.com/newslint/newslint/summary"
)

// checkMonitorFlags checks --summary and --compare before anything is read or written.
func checkMonitorFlags(o *options, paths []string) error {
	r := &o.run
	if r.summary == "" && r.compare == "" {
		return nil
	}
	if slices.Contains(paths, "-") || o.diff {
		return fmt.Errorf("--summary and --compare summarise files; they take neither standard input nor --diff")
	}
	if r.summary != "" && r.compare != "" && sameFile(r.summary, r.compare) {
		return fmt.Errorf("--summary %s is the summary --compare reads; write it elsewhere", r.summary)
	}
	return nil
}

// crawlRun is the per-site summary of a lint run, for --summary and --compare.
type crawlRun struct {
	sum *summary.Summary
	old *summary.Summary
}

// summariseRun summarises, per site, the files under paths as they are before the run (as
// 'newslint summary' does with the same configuration), when --summary or --compare asks for
// it; otherwise it returns nil. stats are the run's corpus statistics, if gathered.
func summariseRun(o *options, cfg *config.Config, paths []string, stats *corpus.Stats, env Env) (*crawlRun, error) {
	r := &o.run
	if r.summary == "" && r.compare == "" {
		return nil, nil
	}
	run := &crawlRun{}
	if r.compare != "" {
		old, err := summary.ReadFile(r.compare)
		if err != nil {
			return nil, fmt.Errorf("--compare: %v", err)
		}
		run.old = old
	}
	var roots []string
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			return nil, err
		}
		roots = append(roots, abs)
	}
	// the problems Summarise meets (unreadable files and records) are the run's own, which
	// reports them
	sum, _ := monitor.Summarise(cfg, roots, globBase(cfg, env), monitor.Options{SiteDepth: 1, Jobs: o.jobs, Corpus: stats})
	sum.Created = time.Now().UTC().Format(time.RFC3339)
	run.sum = sum
	return run, nil
}

// finish writes the --summary file and prints the --compare drift: as text on standard output
// with the text report, else on standard error. It returns the exit status: 1 when a site
// drifted at or above --fail-on (unless --exit-zero), 2 when the summary cannot be written.
func (c *crawlRun) finish(o *options, env Env, failOn lint.Severity, status int) int {
	if c == nil {
		return status
	}
	if o.run.summary != "" {
		f, err := atomicfile.Create(o.run.summary)
		if err == nil {
			if err = c.sum.WriteJSON(f); err == nil {
				err = f.Commit()
			} else {
				f.Abort()
			}
		}
		if err != nil {
			fmt.Fprintf(env.Stderr, "newslint: --summary: %v\n", err)
			return ExitError
		}
	}
	if c.old == nil {
		return status
	}
	rep := drift.Compare(c.old, c.sum, drift.DefaultOptions())
	var w io.Writer = env.Stdout
	if o.format != "text" {
		w = env.Stderr
	}
	if o.format == "text" && !o.quiet {
		io.WriteString(w, "\n")
	}
	if err := rep.WriteText(w); err != nil {
		fmt.Fprintf(env.Stderr, "newslint: --compare: %v\n", err)
		return ExitError
	}
	fail, _ := drift.ParseSeverity(failOn.String())
	if status == ExitClean && !o.exitZero && fail != drift.None && rep.Severity >= fail {
		return ExitFindings
	}
	return status
}
