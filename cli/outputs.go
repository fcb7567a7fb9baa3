package cli

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"

	"github.com/newslint/newslint/atomicfile"
	"github.com/newslint/newslint/baseline"
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/report"
)

// target is a file newslint itself writes: a report, the CPU profile, the statistics or a
// recorded baseline. Each is written to a temporary file and renamed into place at the end, so
// it never destroys anything before the run has checked everything.
type target struct{ flag, path string }

func targets(o *options, sub string, env Env) []target {
	var ts []target
	if sub == "" {
		for _, spec := range o.outputs {
			_, p, _ := strings.Cut(spec, "=")
			ts = append(ts, target{"--output", p})
		}
	}
	if sub == "" && o.run.summary != "" {
		ts = append(ts, target{"--summary", o.run.summary})
	}
	if o.cpuProfile != "" {
		ts = append(ts, target{"--cpuprofile", o.cpuProfile})
	}
	if sub == "stats" && o.output != "" {
		ts = append(ts, target{"-o", o.output})
	}
	if sub == "baseline" {
		ts = append(ts, target{"baseline", baselineTarget(o, env)})
	}
	return ts
}

// baselineTarget is the file 'newslint baseline' writes.
func baselineTarget(o *options, env Env) string {
	if o.baseline != "" {
		return o.baseline
	}
	return filepath.Join(dirOf(env), baseline.FileName)
}

// canon is path made absolute, its directory with symbolic links resolved, for comparing
// paths that may not exist yet.
func canon(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return filepath.Clean(path)
	}
	if dir, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(dir, filepath.Base(abs))
	}
	return abs
}

// sameFile tells whether a and b name the same file, existing or not.
func sameFile(a, b string) bool {
	if canon(a) == canon(b) {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}

// checkOutputs is the part of validateFlags about the files newslint writes: known formats,
// writable places, no file written twice, and not the baseline being read.
func checkOutputs(o *options, sub string, paths []string, env Env) error {
	if len(o.outputs) > 0 {
		switch {
		case sub == "baseline":
			return fmt.Errorf("baseline writes only the baseline file; it takes no --output")
		case sub == "stats":
			return fmt.Errorf("stats writes its statistics with -o FILE; it takes no --output")
		case len(paths) == 1 && paths[0] == "-":
			return fmt.Errorf("--output does not apply to standard input: the report goes to standard output (or standard error with --fix)")
		}
	}
	for _, spec := range o.outputs {
		format, _, _ := strings.Cut(spec, "=")
		if _, err := report.New(format, io.Discard, report.Options{}); err != nil {
			return fmt.Errorf("--output %s: %v", spec, err)
		}
	}
	ts := targets(o, sub, env)
	for i, t := range ts {
		if err := atomicfile.Check(t.path); err != nil {
			return fmt.Errorf("%s %s: %v", t.flag, t.path, err)
		}
		for _, u := range ts[:i] {
			if sameFile(t.path, u.path) {
				return fmt.Errorf("%s %s names the file %s already names: one file cannot be written twice", t.flag, t.path, u.flag)
			}
		}
		if sub == "" && o.baseline != "" && sameFile(t.path, o.baseline) {
			return fmt.Errorf("%s %s is the baseline being read (--baseline); write it elsewhere", t.flag, t.path)
		}
	}
	return nil
}

// checkOverlaps refuses, once the inputs are known, to write over one of them or over the
// configuration being read.
func checkOverlaps(o *options, sub string, env Env, cfg *config.Config, files []input.File) error {
	for _, t := range targets(o, sub, env) {
		if cfg.Path != "" && cfg.Path != "(defaults)" && sameFile(t.path, cfg.Path) {
			o.discardProfile = true
			return fmt.Errorf("%s %s is the configuration being read; write it elsewhere", t.flag, t.path)
		}
		st, err := os.Stat(t.path)
		if err != nil {
			continue // not there, so not an input
		}
		base := filepath.Base(t.path)
		for _, f := range files {
			if filepath.Base(f.Path()) != base {
				continue
			}
			if fs, err := os.Stat(f.Path()); err == nil && os.SameFile(st, fs) {
				o.discardProfile = true
				return fmt.Errorf("%s %s is an input being linted; write it elsewhere", t.flag, t.path)
			}
		}
	}
	return nil
}

// openOutputs starts the --output reports. Nothing appears at their paths before commitSinks.
func openOutputs(o *options, ropts report.Options) ([]sink, error) {
	var sinks []sink
	for _, spec := range o.outputs {
		format, path, _ := strings.Cut(spec, "=")
		f, err := atomicfile.Create(path)
		if err != nil {
			abortSinks(sinks)
			return nil, err
		}
		o2 := ropts
		o2.Color = false
		rep, err := report.New(format, f, o2)
		if err != nil {
			f.Abort()
			abortSinks(sinks)
			return nil, err
		}
		sinks = append(sinks, sink{rep: rep, name: path, close: func() error { f.Abort(); return nil }, commit: f.Commit})
	}
	return sinks, nil
}

func abortSinks(sinks []sink) {
	for _, s := range sinks {
		if s.close != nil {
			s.close()
		}
	}
}

// commitSinks renames the finished reports into place; a report that could not be written
// completely is discarded, and its path left as it was.
func commitSinks(sinks []sink) error {
	var first error
	for _, s := range sinks {
		if s.commit == nil {
			continue
		}
		if err := s.commit(); err != nil && first == nil {
			first = fmt.Errorf("%s: %v", s.name, err)
		}
	}
	return first
}

// startProfile starts the CPU profile; the returned function stops it and puts the file in
// place, unless the run refused to write it.
func startProfile(o *options) (func() error, error) {
	f, err := atomicfile.Create(o.cpuProfile)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Abort()
		return nil, err
	}
	return func() error {
		pprof.StopCPUProfile()
		if o.discardProfile {
			f.Abort()
			return nil
		}
		return f.Commit()
	}, nil
}
