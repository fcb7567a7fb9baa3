package cli

import (
	"fmt"
	"io"
	"sort"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/pipeline"
)

// fixLog counts, for --show-fixes, the findings a --fix run resolved per file and rule: those
// found before fixing that are no longer there after. Findings nested in others (related notes)
// count too, as each was a finding of its own.
type fixLog struct {
	before map[string]map[string]int // file -> rule -> findings before fixing
	after  map[string]map[string]int // file -> rule -> findings left
	order  []string
}

// newFixLog looks at the files as they are, before the --fix run, when --show-fixes asks for it;
// otherwise it returns nil, and its methods do nothing.
func newFixLog(o *options, cfg *config.Config, files []input.File, eo pipeline.RunOptions) *fixLog {
	if !o.run.showFixes || !o.fix {
		return nil
	}
	l := &fixLog{before: map[string]map[string]int{}, after: map[string]map[string]int{}}
	dry := eo
	dry.Fix, dry.Diff, dry.Preview = false, false, false
	linterFor(o, cfg).Run(files, dry, func(r *finding.Result) { count(l.before, r) })
	return l
}

func count(m map[string]map[string]int, r *finding.Result) {
	byRule := m[r.File.Path()]
	if byRule == nil {
		byRule = map[string]int{}
		m[r.File.Path()] = byRule
	}
	for _, f := range finding.Flatten(r.Findings) {
		byRule[f.Rule]++
	}
}

// seen takes a result of the --fix run.
func (l *fixLog) seen(r *finding.Result) {
	if l == nil {
		return
	}
	if r.Part == 0 {
		l.order = append(l.order, r.File.Path())
	}
	count(l.after, r)
}

// write lists what was fixed, as ruff's --show-fixes does:
//
//	Fixed 3 findings:
//	- news/a.txt:
//	    2 × vote-widget
//	    1 × share-widget
func (l *fixLog) write(w io.Writer) {
	if l == nil {
		return
	}
	type row struct {
		rule string
		n    int
	}
	total := 0
	var lines []string
	for _, path := range l.order {
		var rows []row
		for rule, n := range l.before[path] {
			if d := n - l.after[path][rule]; d > 0 {
				rows = append(rows, row{rule, d})
				total += d
			}
		}
		if len(rows) == 0 {
			continue
		}
		sort.Slice(rows, func(i, j int) bool {
			if rows[i].n != rows[j].n {
				return rows[i].n > rows[j].n
			}
			return rows[i].rule < rows[j].rule
		})
		lines = append(lines, "- "+path+":")
		for _, r := range rows {
			lines = append(lines, fmt.Sprintf("    %d × %s", r.n, r.rule))
		}
	}
	if total == 0 {
		fmt.Fprintln(w, "No findings fixed.")
		return
	}
	fmt.Fprintf(w, "Fixed %s:\n", plural(total, "finding", "findings"))
	for _, s := range lines {
		fmt.Fprintln(w, s)
	}
}

// fixStatus is the exit status of a run given --exit-non-zero-on-fix: 1 when --fix changed
// anything, even if no finding remains (errors keep their 2).
func fixStatus(o *options, fixed int, status int) int {
	if o.run.exitNonZeroOnFix && o.fix && fixed > 0 && status == ExitClean {
		return ExitFindings
	}
	return status
}

// showFixesTo is where --show-fixes writes: with the text report, or to standard error when
// standard output carries a machine-readable report.
func showFixesTo(o *options, env Env) io.Writer {
	if o.format == "text" {
		return env.Stdout
	}
	return env.Stderr
}

// stdinFixLog is newFixLog for one document read from standard input.
func stdinFixLog(o *options, cfg *config.Config, file input.File, raw []byte, eo pipeline.RunOptions) *fixLog {
	if !o.run.showFixes || !o.fix {
		return nil
	}
	l := &fixLog{before: map[string]map[string]int{}, after: map[string]map[string]int{}}
	dry := eo
	dry.Fix, dry.Diff, dry.Preview = false, false, false
	r, _ := linterFor(o, cfg).LintBytes(file, raw, dry)
	count(l.before, r)
	return l
}
