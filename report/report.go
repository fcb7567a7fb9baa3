// Package report renders run results. Reporters only render: every number they print comes
// from the engine's results. One file per format.
package report

import (
	"fmt"
	"io"
	"sort"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// Reporter receives results file by file, in path order, and a summary at the end.
type Reporter interface {
	File(r *finding.Result) error
	Finish(s *Summary) error
}

// Options shape the output.
type Options struct {
	Color bool
	// Unsafe says whether --unsafe-fixes is on, for "fixable" counts.
	Unsafe bool
	// Fix says whether the run applied fixes.
	Fix bool
	// Version is newslint's version, for formats that record the tool.
	Version string
	// Rules are all known rules, for formats that describe them (SARIF).
	Rules []lint.Rule
	// MaxResults caps SARIF results (default DefaultMaxResults).
	MaxResults int
	// StepSummary is the GITHUB_STEP_SUMMARY file the github format appends to, if set.
	StepSummary string
	// Width is the terminal's width in columns (COLUMNS), for fix previews; 0 if unknown.
	Width int
	// FailOn is the lowest severity that fails the run (--fail-on); JUnit writes only findings
	// at or above it as failures. 0 means every finding fails.
	FailOn lint.Severity
}

// Formats lists the --format values.
var Formats = []string{"text", "jsonl", "json", "sarif", "github", "junit", "checkstyle", "gitlab"}

// New returns the reporter for format.
func New(format string, w io.Writer, o Options) (Reporter, error) {
	switch format {
	case "text", "":
		return newText(w, o), nil
	case "jsonl":
		return &jsonlReporter{w: w, o: o}, nil
	case "json":
		return &jsonReporter{w: w, o: o}, nil
	case "sarif":
		return &sarifReporter{w: w, o: o}, nil
	case "github":
		return &githubReporter{w: w, o: o}, nil
	case "junit":
		return &junitReporter{w: w, o: o}, nil
	case "checkstyle":
		return &checkstyleReporter{w: w}, nil
	case "gitlab":
		return &gitlabReporter{w: w}, nil
	}
	return nil, fmt.Errorf("unknown format %q (want one of %v)", format, Formats)
}

// NeedsPreview reports whether a format shows fix diffs.
func NeedsPreview(format string) bool { return format == "text" || format == "" }

// Summary counts a run.
type Summary struct {
	Files             int
	FilesWithFindings int
	Findings          int
	BySeverity        map[lint.Severity]int
	ByRule            map[string]*RuleCount
	// Fixable counts findings that --fix would fix; UnsafeFixable those that need
	// --unsafe-fixes.
	Fixable, UnsafeFixable int
	Fixed, FilesFixed      int
	Errors, FilesWithError int
	Fix, Unsafe            bool
	// Suppressed counts the findings hidden by [[ignore]] entries, record fields and the
	// baseline: neither fixed nor reported.
	Suppressed int
	// Unused are the [[ignore]] entries that suppressed nothing, when the run covered every
	// file they could apply to; set before Finish.
	Unused []UnusedIgnore

	// for files reported in parts: whether the current file already counted
	curFindings, curError bool
}

// UnusedIgnore is an [[ignore]] entry of the configuration that suppressed no finding.
type UnusedIgnore struct {
	Config  string `json:"config"`
	Line    int    `json:"line"`
	Message string `json:"message"`
}

// RuleCount is one row of per-rule statistics.
type RuleCount struct {
	Rule     string
	Severity lint.Severity
	Count    int
	Fixable  int
	// Severities counts the findings of the rule per severity reported: the configuration can
	// give one rule different severities per path.
	Severities map[lint.Severity]int
}

// NewSummary starts counting.
func NewSummary(fix, unsafe bool) *Summary {
	return &Summary{BySeverity: map[lint.Severity]int{}, ByRule: map[string]*RuleCount{}, Fix: fix, Unsafe: unsafe}
}

// Add counts one file's result.
func (s *Summary) Add(r *finding.Result) {
	if r.Part == 0 {
		s.Files++
		s.curFindings, s.curError = false, false
	}
	if len(r.Findings) > 0 && !s.curFindings {
		s.FilesWithFindings++
		s.curFindings = true
	}
	if len(r.Errors) > 0 {
		if !s.curError {
			s.FilesWithError++
			s.curError = true
		}
		s.Errors += len(r.Errors)
	}
	s.Fixed += r.Fixed
	s.Suppressed += len(r.Suppressed)
	if r.Changed {
		s.FilesFixed++
	}
	for _, f := range r.Findings {
		s.Findings++
		s.BySeverity[f.Severity]++
		rc := s.ByRule[f.Rule]
		if rc == nil {
			rc = &RuleCount{Rule: f.Rule, Severity: f.Severity, Severities: map[lint.Severity]int{}}
			s.ByRule[f.Rule] = rc
		}
		rc.Count++
		rc.Severities[f.Severity]++
		if rc.Severity < f.Severity {
			rc.Severity = f.Severity
		}
		if f.Fix != nil {
			switch {
			case finding.Applies(f.Fix.Safety, false):
				s.Fixable++
				rc.Fixable++
			case f.Fix.Safety == lint.Unsafe:
				s.UnsafeFixable++
				if s.Unsafe {
					rc.Fixable++
				}
			}
		}
	}
}

// Rules returns per-rule counts, most frequent first (then by rule ID).
func (s *Summary) Rules() []*RuleCount {
	out := make([]*RuleCount, 0, len(s.ByRule))
	for _, rc := range s.ByRule {
		out = append(out, rc)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Rule < out[j].Rule
	})
	return out
}

// AtLeast counts findings of severity sev or higher.
func (s *Summary) AtLeast(sev lint.Severity) int {
	n := 0
	for k, v := range s.BySeverity {
		if k >= sev {
			n += v
		}
	}
	return n
}

func plural(n int, one, many string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// severityNames are what a format calls error, warning and info.
type severityNames [3]string

func (n severityNames) of(s lint.Severity) string {
	switch s {
	case lint.Error:
		return n[0]
	case lint.Warning:
		return n[1]
	}
	return n[2]
}
