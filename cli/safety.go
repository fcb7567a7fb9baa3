package cli

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/pipeline"
)

// safetyOptions are the flags that let --fix do what it refuses by default.
type safetyOptions struct {
	maxDeleteShare      float64
	hardLinks, readOnly bool
}

func addSafetyFlags(fs *flag.FlagSet, s *safetyOptions) {
	fs.Float64Var(&s.maxDeleteShare, "max-delete-share", pipeline.DefaultMaxDeleteShare, "with --fix or --diff: leave a file or record unchanged (exit 2) when fixes would delete more than this share of it; 1 allows everything")
	fs.BoolVar(&s.hardLinks, "fix-hard-links", false, "with --fix: rewrite files that have other hard links in place, keeping the links (not atomic); default: refuse them")
	fs.BoolVar(&s.readOnly, "fix-read-only", false, "with --fix: also rewrite files that you may not write to (read-only) when the directory allows it")
}

// check validates the flags.
func (s safetyOptions) check() error {
	if s.maxDeleteShare <= 0 || s.maxDeleteShare > 1 {
		return fmt.Errorf("--max-delete-share must be more than 0 and at most 1, got %g", s.maxDeleteShare)
	}
	return nil
}

// apply puts the flags in engine options, with the roots of the run.
func (s safetyOptions) apply(eo *pipeline.RunOptions, paths []string, env Env) {
	eo.MaxDeleteShare = s.maxDeleteShare
	eo.Write = pipeline.WritePolicy{HardLinks: s.hardLinks, ReadOnly: s.readOnly, Roots: runRoots(paths, env)}
}

// runRoots are the directories a run may write in, with every symbolic link resolved: each
// directory given, and the directory of each file given.
func runRoots(paths []string, env Env) []string {
	var roots []string
	for _, p := range paths {
		if !filepath.IsAbs(p) {
			p = filepath.Join(dirOf(env), p)
		}
		p, err := filepath.Abs(p)
		if err != nil {
			continue
		}
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !st.IsDir() {
			p = filepath.Dir(p)
		}
		if real, err := filepath.EvalSymlinks(p); err == nil {
			roots = append(roots, real)
		}
	}
	return roots
}
