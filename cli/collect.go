package cli

import (
	"flag"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/input"
)

// uxOptions are the flags that decide which files a run lints, and init's --force.
type uxOptions struct {
	forceExclude, noIgnore, allowEmpty, force bool
}

func addUXFlags(fs *flag.FlagSet, w *uxOptions) {
	fs.BoolVar(&w.forceExclude, "force-exclude", false, "filter files named on the command line like walked ones: include and exclude globs, .gitignore (for pre-commit and editors)")
	fs.BoolVar(&w.noIgnore, "no-ignore", false, "also lint files that .gitignore lists")
	fs.BoolVar(&w.allowEmpty, "allow-empty", false, "exit 0 when the paths given hold no file to lint (default: exit 2)")
	fs.BoolVar(&w.force, "force", false, "with 'newslint init': overwrite an existing "+config.FileName)
}

// globBase is the directory [files] and [[override]] globs are relative to: the configuration
// file's directory, or the working directory when the built-in defaults apply (as ruff does).
func globBase(cfg *config.Config, env Env) string {
	if cfg.Path != "" && cfg.Path != "(defaults)" {
		if abs, err := filepath.Abs(cfg.Path); err == nil {
			return filepath.Dir(abs)
		}
	}
	if env.Dir != "" {
		return env.Dir
	}
	wd, _ := os.Getwd()
	return wd
}

// collectFiles finds the files to lint under paths as the configuration and flags say.
func collectFiles(o *options, cfg *config.Config, paths []string, env Env) input.Walk {
	return input.CollectWith(paths, cfg.Files, input.Options{Base: globBase(cfg, env),
		ForceExclude: o.ux.forceExclude, NoIgnore: o.ux.noIgnore})
}

// stdinRel is the path config globs match for standard input named name (--stdin-filename).
func stdinRel(cfg *config.Config, env Env, name string) string {
	p := name
	if !filepath.IsAbs(p) && env.Dir != "" {
		p = filepath.Join(env.Dir, p)
	}
	if rel, ok := input.RelTo(globBase(cfg, env), p); ok {
		return rel
	}
	return filepath.ToSlash(name)
}
