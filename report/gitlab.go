package report

import (
	"encoding/json"
	"io"
	"path/filepath"

	"github.com/newslint/newslint/finding"
)

// gitlabReporter writes a GitLab Code Quality report (a JSON array of issues).
type gitlabReporter struct {
	w      io.Writer
	issues []map[string]any
}

var gitlabSeverity = severityNames{"major", "minor", "info"}.of

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
				"path":  filepath.ToSlash(r.File.Path()),
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
