package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/pipeline"
	"github.com/newslint/newslint/processors"
	"github.com/newslint/newslint/report"
)

// lintStdinFeed lints a feed read from standard input: JSON Lines, a JSON array, or any
// compressed input, as --stdin-filename names it. The feed is spooled to a private temporary
// file and linted as a file is, record by record; reports name it by --stdin-filename. With
// --fix, the fixed feed goes to standard output (every record, changed or not, byte-identical
// where unchanged) and the report of what remains to standard error.
func lintStdinFeed(o *options, cfg *config.Config, ropts report.Options, failOn lint.Severity, env Env, name string) int {
	tmp, err := os.MkdirTemp("", "newslint-stdin-")
	if err != nil {
		return errorf(env, "standard input: %v", err)
	}
	defer os.RemoveAll(tmp)
	path := filepath.Join(tmp, filepath.Base(name))
	if err := spool(path, env.Stdin, o.maxFileSize); err != nil {
		return errorf(env, "reading standard input: %v", err)
	}
	file := input.NewFile(path, stdinRel(cfg, env, name), "")
	var filters []processors.Filter
	if ign := ignoreFilter(cfg, env, []input.File{input.NewFile(name, file.Rel(), "")}); ign != nil {
		filters = append(filters, ign)
	}
	eo := pipeline.RunOptions{Fix: o.fix, Unsafe: o.unsafe, Diff: o.diff, Jobs: o.jobs, TextFields: cfg.TextFields, Context: o.context,
		Preview: report.NeedsPreview(o.format) && !o.quiet && !o.diff && !o.statistics && !o.fix, Pipeline: findingsPipeline(filters)}
	if eo.Corpus, err = corpusStats(o, cfg, env, []input.File{file}, []input.File{file}, eo); err != nil {
		return errorf(env, "%v", err)
	}
	rep, err := stdinReporter(o, ropts, env)
	if err != nil {
		return errorf(env, "--format: %v", err)
	}
	sum := report.NewSummary(o.fix, o.unsafe)
	fixes := newFixLog(o, cfg, []input.File{file}, eo)
	rename := func(s string) string { return strings.ReplaceAll(s, path, name) }
	status, changed := ExitClean, false
	linterFor(o, cfg).Run([]input.File{file}, eo, func(r *finding.Result) {
		r.File = input.NewFile(name, r.File.Rel(), r.File.Group())
		renameFindings(r.Findings, name)
		renameFindings(r.Suppressed, name)
		for i, e := range r.Errors {
			r.Errors[i] = errors.New(rename(e.Error()))
			fmt.Fprintf(env.Stderr, "newslint: %s: %v\n", name, r.Errors[i])
			status = ExitError
		}
		fixes.seen(r)
		sum.Add(r)
		changed = changed || r.Changed
		if o.diff {
			for _, p := range r.Patches {
				n := rename(p.Name)
				io.WriteString(env.Stdout, diff.Unified(n, n, p.Before, p.After, 3))
			}
			return
		}
		rep.File(r)
	})
	if o.diff {
		if status == ExitClean && changed && !o.exitZero {
			status = ExitFindings
		}
		return status
	}
	// the report first: it holds findings until Finish, and a fixed feed that cannot be
	// written must not take them with it
	if !o.quiet || o.format != "text" {
		if err := rep.Finish(sum); err != nil {
			return errorf(env, "writing the report: %v", err)
		}
	}
	if o.fix {
		f, err := os.Open(path)
		if err != nil {
			return errorf(env, "standard input: %v", err)
		}
		_, err = io.Copy(env.Stdout, f)
		f.Close()
		if err != nil {
			return errorf(env, "writing the fixed feed: %v", err)
		}
	}
	fixes.write(env.Stderr)
	if status == ExitClean && !o.exitZero && sum.AtLeast(failOn) > 0 {
		status = ExitFindings
	}
	return fixStatus(o, sum.Fixed, status)
}

func renameFindings(fs []finding.Finding, name string) {
	for i := range fs {
		fs[i].Loc.Path = name
		renameFindings(fs[i].Related, name)
	}
}

// spool copies standard input to path, refusing more than limit bytes (0: no limit).
func spool(path string, r io.Reader, limit int64) error {
	if r == nil {
		return fmt.Errorf("no standard input")
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	if limit <= 0 {
		limit = 1 << 62
	}
	n, err := io.Copy(f, io.LimitReader(r, limit+1))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil && n > limit {
		err = fmt.Errorf("standard input is larger than --max-file-size (%d bytes)", limit)
	}
	return err
}
