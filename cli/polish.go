package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/report"
)

// runOptions are the flags of a lint run that shape what it reports after the findings:
// the fixes it applied, and the per-site summary of the crawl and its drift (see monitor.go).
type runOptions struct {
	showFixes, exitNonZeroOnFix bool
	summary, compare            string
}

func addRunFlags(fs *flag.FlagSet, r *runOptions) {
	fs.BoolVar(&r.showFixes, "show-fixes", false, "with --fix: list the findings fixed, per file and rule")
	fs.BoolVar(&r.exitNonZeroOnFix, "exit-non-zero-on-fix", false, "with --fix: exit 1 when anything was fixed, even if no finding remains")
	fs.StringVar(&r.summary, "summary", "", "also write the per-site summary of the files linted (as read, before --fix) to `FILE`, as 'newslint summary -o FILE' does")
	fs.StringVar(&r.compare, "compare", "", "summarise the files linted and print their drift from the summary `OLD.json`, as 'newslint drift' does; exit 1 when a site drifted at or above --fail-on")
}

// checkRunFlags is the part of validateFlags about report formats and the flags above.
func checkRunFlags(o *options, sub string, paths []string, env Env) error {
	if o.set["format"] && strings.TrimSpace(o.format) == "" {
		return fmt.Errorf("--format needs a value: one of %s", strings.Join(report.Formats, ", "))
	}
	if o.maxResults < 0 {
		return fmt.Errorf("--max-results must be 0 (GitHub's limit, %d) or more, got %d", report.DefaultMaxResults, o.maxResults)
	}
	if o.maxResults > report.DefaultMaxResults {
		fmt.Fprintf(env.Stderr, "newslint: --max-results %d is above GitHub code scanning's limit of %d results per run; GitHub rejects such a SARIF upload\n",
			o.maxResults, report.DefaultMaxResults)
	}
	if sub != "" {
		return nil
	}
	r := &o.run
	if (r.showFixes || r.exitNonZeroOnFix) && !o.fix {
		return fmt.Errorf("--show-fixes and --exit-non-zero-on-fix go with --fix")
	}
	return checkMonitorFlags(o, paths)
}

// ruleSeverities is "error" or, for a rule the configuration gives several severities,
// "error/warning" (most severe first).
func ruleSeverities(rc *report.RuleCount) string {
	if len(rc.Severities) == 0 {
		return rc.Severity.String()
	}
	var sevs []lint.Severity
	for s := range rc.Severities {
		sevs = append(sevs, s)
	}
	slices.SortFunc(sevs, func(a, b lint.Severity) int { return int(b) - int(a) })
	names := make([]string, len(sevs))
	for i, s := range sevs {
		names[i] = s.String()
	}
	return strings.Join(names, "/")
}

// writeStatistics prints counts per rule, most frequent first, as ruff's --statistics does:
// a table, or with --format json a JSON object. The severities are those reported, after the
// configuration's overrides.
func writeStatistics(w io.Writer, format string, s *report.Summary) error {
	if format == "json" || format == "jsonl" {
		type ruleJSON struct {
			Count      int            `json:"count"`
			Fixable    int            `json:"fixable"`
			Severity   string         `json:"severity"`
			BySeverity map[string]int `json:"by_severity"`
		}
		out := struct {
			Files    int                 `json:"files"`
			Findings int                 `json:"findings"`
			Rules    map[string]ruleJSON `json:"rules"`
		}{s.Files, s.Findings, map[string]ruleJSON{}}
		for _, rc := range s.Rules() {
			by := map[string]int{}
			for sev, n := range rc.Severities {
				by[sev.String()] = n
			}
			out.Rules[rc.Rule] = ruleJSON{rc.Count, rc.Fixable, rc.Severity.String(), by}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "COUNT\tRULE\tSEVERITY\tFIXABLE\t")
	for _, rc := range s.Rules() {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%d\t\n", rc.Count, rc.Rule, ruleSeverities(rc), rc.Fixable)
	}
	tw.Flush()
	_, err := fmt.Fprintf(w, "%s in %s.\n", plural(s.Findings, "finding", "findings"), plural(s.Files, "file", "files"))
	return err
}

// warnOmitted announces the results a capped (SARIF) report left out.
func warnOmitted(env Env, s sink) {
	om, ok := s.rep.(interface {
		Omitted() int
		Cap() int
	})
	if !ok || om.Omitted() == 0 {
		return
	}
	fmt.Fprintf(env.Stderr, "newslint: %s: %s omitted: SARIF output keeps the %d most severe (--max-results)\n",
		s.name, plural(om.Omitted(), "SARIF result", "SARIF results"), om.Cap())
}
