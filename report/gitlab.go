package report

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// gitlabReporter writes a GitLab Code Quality report (a JSON array of issues).
type gitlabReporter struct {
	w      io.Writer
	issues []map[string]any
}

func gitlabSeverity(s lint.Severity) string {
	switch s {
	case lint.Error:
		return "major"
	case lint.Warning:
		return "minor"
	}
	return "info"
}

func (g *gitlabReporter) File(r *finding.Result) error {
	fps := finding.Fingerprints(r)
	for i := range r.Findings {
		f := &r.Findings[i]
		line, _, endLine, _ := f.FileSpan()
		g.issues = append(g.issues, map[string]any{
			"type":        "issue",
			"description": f.Message,
			"check_name":  f.Rule,
			"fingerprint": fps[i],
			"severity":    gitlabSeverity(f.Severity),
			"categories":  []string{"Style"},
			"location": map[string]any{
				"path":  filepath.ToSlash(r.File.Path),
				"lines": map[string]any{"begin": line, "end": endLine},
			},
		})
	}
	return nil
}

func (g *gitlabReporter) Finish(*Summary) error {
	if g.issues == nil {
		g.issues = []map[string]any{}
	}
	enc := json.NewEncoder(g.w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(g.issues)
}
