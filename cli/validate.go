package cli

import (
	"fmt"
	"runtime"
	"strings"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/input"
)

// maxJobs is the most workers --jobs can ask for: more only costs memory, since each worker
// holds a file and a window of results.
func maxJobs() int { return max(64, 4*runtime.NumCPU()) }

// validateFlags checks every flag that can be checked before anything is read or written, so
// that a bad flag never leaves a half-done run behind. sub is the subcommand ("" for a lint
// run) and paths its arguments.
func validateFlags(o *options, sub string, paths []string, env Env) error {
	if o.jobs < 0 {
		return fmt.Errorf("--jobs must be 0 (one worker per CPU) or more, got %d", o.jobs)
	}
	if m := maxJobs(); o.jobs > m {
		fmt.Fprintf(env.Stderr, "newslint: --jobs %d is more than newslint can use; using %d\n", o.jobs, m)
		o.jobs = m
	}
	if o.set["changed-since"] {
		if err := validRevision(o.changedSince); err != nil {
			return fmt.Errorf("--changed-since: %v", err)
		}
	}
	if err := checkRunFlags(o, sub, paths, env); err != nil {
		return err
	}
	if sub != "" && sub != "baseline" && sub != "stats" {
		return nil
	}
	return checkOutputs(o, sub, paths, env)
}

// validRevision refuses what git would take for an option, or cannot take at all.
func validRevision(rev string) error {
	switch {
	case strings.TrimSpace(rev) == "":
		return fmt.Errorf("needs a git revision")
	case strings.HasPrefix(rev, "-"):
		return fmt.Errorf("%q is not a revision (it starts with '-')", rev)
	case strings.ContainsAny(rev, "\x00\n"):
		return fmt.Errorf("%q is not a revision", rev)
	}
	return nil
}

// checkEmpty is the error of a run whose given paths hold no file to lint: a typo, a symbolic
// link or a glob that matches nothing must not pass for a clean corpus.
func checkEmpty(o *options, given []string, files []input.File, problems []input.Problem, cfg *config.Config) error {
	if len(given) == 0 || len(files) > 0 || len(problems) > 0 || o.ux.allowEmpty {
		return nil
	}
	globs := "the default include globs"
	if cfg.Path != "(defaults)" {
		globs = "the include globs of " + cfg.Path
	}
	return fmt.Errorf("no files to lint in %s (nothing there matches %s); pass --allow-empty if that is expected",
		strings.Join(given, ", "), globs)
}
