package htmlreport

import (
	"encoding/json"
	"flag"
	"fmt"
	"github.com/newslint/newslint/internal/flagargs"
	"io"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/drift"
	"github.com/newslint/newslint/summary"
)

// Usage is the help of `newslint report`.
const Usage = `Usage: newslint report -o report.html [flags] SUMMARY.json...

Render one or more summaries (from 'newslint summary', oldest first) as one self-contained HTML
page: an overview, charts per rule and per site, a sortable, filterable site table with drift
badges, and trend lines when several summaries are given. With two or more summaries the last
is compared with the one before it (see 'newslint drift'), unless --drift gives a report.

Flags:
`

// Command runs `newslint report` with the arguments after "report"; it returns the exit code: 0
// written, 2 usage or input/output error.
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
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the page to this file (default: standard output)")
	driftPath := fs.String("drift", "", "drift report (JSON, from 'newslint drift --format json') to show")
	worstPath := fs.String("worst", "", "JSON file of worst files with their diffs: [{\"path\", \"site\", \"findings\", \"removed_chars\", \"diff\"}]")
	title := fs.String("title", "", "title of the page (default \"newslint report\")")
	fs.Usage = func() {
		fmt.Fprint(stderr, Usage)
		fs.PrintDefaults()
	}
	paths, err := flagargs.Parse(fs, args)
	if err != nil {
		if err == flag.ErrHelp {
			return 0
		}
		return 2
	}
	if len(paths) == 0 {
		fmt.Fprintln(stderr, "newslint report: need at least one summary file")
		return 2
	}
	in := Input{Title: *title}
	for _, p := range paths {
		s, err := summary.ReadFile(abs(p))
		if err != nil {
			fmt.Fprintf(stderr, "newslint report: %v\n", err)
			return 2
		}
		in.Summaries = append(in.Summaries, s)
	}
	if *driftPath != "" {
		f, err := os.Open(abs(*driftPath))
		if err != nil {
			fmt.Fprintf(stderr, "newslint report: %v\n", err)
			return 2
		}
		in.Drift, err = drift.ReadReport(f)
		f.Close()
		if err != nil {
			fmt.Fprintf(stderr, "newslint report: %s: %v\n", *driftPath, err)
			return 2
		}
	} else if n := len(in.Summaries); n >= 2 {
		in.Drift = drift.Compare(in.Summaries[n-2], in.Summaries[n-1], drift.DefaultOptions())
	}
	if *worstPath != "" {
		b, err := os.ReadFile(abs(*worstPath))
		if err == nil {
			err = json.Unmarshal(b, &in.Worst)
		}
		if err != nil {
			fmt.Fprintf(stderr, "newslint report: %s: %v\n", *worstPath, err)
			return 2
		}
	}
	w := stdout
	var file *os.File
	if *out != "" {
		var err error
		if file, err = os.Create(abs(*out)); err != nil {
			fmt.Fprintf(stderr, "newslint report: %v\n", err)
			return 2
		}
		w = file
	}
	err = Write(w, in)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "newslint report: %v\n", err)
		return 2
	}
	return 0
}
