package monitor

import (
	"flag"
	"fmt"
	"github.com/newslint/newslint/internal/flagargs"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/summary"
)

// Usage is the help of `newslint summary`.
const Usage = `Usage: newslint summary [-o FILE] [flags] [PATH...]
       newslint summary --merge [-o FILE] SUMMARY.json...

Lint the files under PATH (default: .) and write, per site and overall, documents, bytes,
findings per rule, characters --fix would remove, documents without an article body, the
distribution of article lengths and the recurring template lines, as JSON (schema
newslint-summary/1). Nothing is written back to the files. A site is the host of a record's url
field (or of --site-field), else the first --site-depth directories under PATH. With --merge,
add up summary files (of shards of one crawl) instead.

Flags:
`

// Command runs `newslint summary` with the arguments after "summary", in the working directory
// dir ("" for the process's); it returns the exit code: 0 written, 2 usage, configuration or
// input error (the summary of what could be read is still written).
func Command(args []string, dir string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("summary", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "write the summary to this file (default: standard output)")
	label := fs.String("label", "", "name of the run (a crawl date, a shard), shown in reports and trend lines")
	cfgPath := fs.String("config", "", "configuration file (default: nearest .newslint.toml upwards, else built-in defaults)")
	merge := fs.Bool("merge", false, "merge summary files instead of linting")
	var o Options
	fs.StringVar(&o.SiteField, "site-field", summary.DefaultSiteField, "record field whose URL or host names the site")
	fs.IntVar(&o.SiteDepth, "site-depth", 1, "directory levels under the path given that name the site of a file")
	fs.IntVar(&o.Jobs, "jobs", 0, "number of parallel workers (default: number of CPUs)")
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
	if o.SiteDepth < 1 {
		fmt.Fprintln(stderr, "newslint summary: --site-depth must be at least 1")
		return 2
	}
	if dir == "" {
		dir, _ = os.Getwd()
	}
	abs := func(p string) string {
		if filepath.IsAbs(p) || p == "-" {
			return p
		}
		return filepath.Join(dir, p)
	}

	code := 0
	var s *summary.Summary
	if *merge {
		if len(paths) == 0 {
			fmt.Fprintln(stderr, "newslint summary: --merge needs summary files")
			return 2
		}
		var full []string
		for _, p := range paths {
			full = append(full, abs(p))
		}
		var err error
		if s, err = summary.MergeFiles(full); err != nil {
			fmt.Fprintf(stderr, "newslint summary: %v\n", err)
			return 2
		}
	} else {
		cfg, err := loadConfig(*cfgPath, dir, abs)
		if err != nil {
			fmt.Fprintf(stderr, "newslint summary: %v\n", err)
			return 2
		}
		if len(paths) == 0 {
			paths = []string{"."}
		}
		var roots []string
		for _, p := range paths {
			roots = append(roots, abs(p))
		}
		base := dir
		if cfg.Path != "" && cfg.Path != "(defaults)" {
			base = filepath.Dir(cfg.Path)
		}
		var errs []error
		s, errs = Summarise(cfg, roots, base, o)
		for _, e := range errs {
			fmt.Fprintf(stderr, "newslint summary: %s\n", strings.ReplaceAll(e.Error(), dir+string(filepath.Separator), ""))
			code = 2
		}
		if s.Overall.Documents == 0 && len(errs) == 0 {
			fmt.Fprintf(stderr, "newslint summary: no file to summarise under %s\n", strings.Join(paths, ", "))
			code = 2
		}
	}
	if *label != "" {
		s.Label = *label
	}
	s.Created = time.Now().UTC().Format(time.RFC3339)
	if *out != "" {
		err = s.WriteFile(abs(*out))
	} else {
		err = s.WriteJSON(stdout)
	}
	if err != nil {
		fmt.Fprintf(stderr, "newslint summary: %v\n", err)
		return 2
	}
	return code
}

func loadConfig(path, dir string, abs func(string) string) (*config.Config, error) {
	if path != "" {
		return config.Load(abs(path))
	}
	if p, ok := config.Find(dir); ok {
		return config.Load(p)
	}
	return config.Default(), nil
}
