package drift

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/summary"
)

// Usage is the help of `newslint drift`.
const Usage = `Usage: newslint drift [flags] OLD.json NEW.json

Compare two summaries (from 'newslint summary') site by site and report drift: rules that fire in
more or fewer documents, documents --fix would mostly delete, documents without an article body,
collapsed article length, new template lines, sites that appeared or vanished.

Flags:
`

// Command runs `newslint drift` with the arguments after "drift"; it returns the exit code: 0 no
// drift at or above --fail-on, 1 drift, 2 usage or input error.
func Command(args []string, stdout, stderr io.Writer) int {
	return CommandIn("", args, stdout, stderr)
}

// CommandIn is Command with relative paths taken from the directory dir ("" for the process's
// working directory).
func CommandIn(dir string, args []string, stdout, stderr io.Writer) int {
	abs := func(p string) string {
		if dir == "" || p == "" || filepath.IsAbs(p) {
			return p
		}
		return filepath.Join(dir, p)
	}
	fs := flag.NewFlagSet("drift", flag.ContinueOnError)
	fs.SetOutput(stderr)
	def := DefaultOptions()
	format := fs.String("format", "text", "output format: text, json or github")
	failOn := fs.String("fail-on", "warning", "lowest severity that makes the exit code 1: error, warning, info or none")
	out := fs.String("o", "", "write the report to this file instead of standard output")
	jsonOut := fs.String("json", "", "also write the JSON report to this file")
	opt := def
	fs.Float64Var(&opt.Alpha, "alpha", def.Alpha, "false discovery rate of the tests (Benjamini-Hochberg)")
	fs.Int64Var(&opt.MinDocuments, "min-documents", def.MinDocuments, "fewest documents of a site in each run for its tests")
	fs.Float64Var(&opt.MinShift, "min-shift", def.MinShift, "smallest change of a share of documents that counts as drift")
	fs.Float64Var(&opt.TemplateShare, "template-share", def.TemplateShare, "least share of a site's documents a new template line must be in")
	fs.Float64Var(&opt.LengthDrop, "length-drop", def.LengthDrop, "ratio of new to old median article length at or below which it collapsed")
	fs.Usage = func() {
		fmt.Fprint(stderr, Usage)
		fs.PrintDefaults()
	}
	paths, err := parseInterleaved(fs, args)
	if err == flag.ErrHelp {
		return 0
	}
	if err != nil {
		return 2
	}
	fail, err := ParseSeverity(*failOn)
	if err != nil {
		fmt.Fprintf(stderr, "newslint drift: --fail-on: %v\n", err)
		return 2
	}
	if len(paths) != 2 {
		fmt.Fprintf(stderr, "newslint drift: need two summary files, OLD and NEW (got %d)\n", len(paths))
		return 2
	}
	if opt.Alpha <= 0 || opt.Alpha >= 1 || opt.MinDocuments < 1 || opt.MinShift < 0 || opt.MinShift > 1 ||
		opt.TemplateShare <= 0 || opt.TemplateShare > 1 || opt.LengthDrop <= 0 || opt.LengthDrop >= 1 {
		fmt.Fprintln(stderr, "newslint drift: --alpha, --length-drop must lie in (0, 1), --min-shift in [0, 1], --template-share in (0, 1], --min-documents at least 1")
		return 2
	}
	old, err := summary.ReadFile(abs(paths[0]))
	if err != nil {
		fmt.Fprintf(stderr, "newslint drift: %v\n", err)
		return 2
	}
	cur, err := summary.ReadFile(abs(paths[1]))
	if err != nil {
		fmt.Fprintf(stderr, "newslint drift: %v\n", err)
		return 2
	}
	rep := Compare(old, cur, opt)

	w := stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(abs(*out)); err != nil {
			fmt.Fprintf(stderr, "newslint drift: %v\n", err)
			return 2
		}
		w = file
	}
	switch *format {
	case "text":
		err = rep.WriteText(w)
	case "json":
		err = rep.WriteJSON(w)
	case "github":
		err = rep.WriteGitHub(w)
	default:
		err = fmt.Errorf("unknown --format %q (want text, json or github)", *format)
	}
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err == nil && *jsonOut != "" {
		err = writeFile(abs(*jsonOut), rep.WriteJSON)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newslint drift: %v\n", err)
		return 2
	}
	if fail != None && rep.Severity >= fail {
		return 1
	}
	return 0
}

func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// parseInterleaved parses flags that may come before, between or after the positional
// arguments ("--" ends the flags), and returns the positional ones.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if len(args) > len(rest) && args[len(args)-len(rest)-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
