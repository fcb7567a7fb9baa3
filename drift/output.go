package drift

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
)

// WriteJSON writes the report as indented JSON (schema newslint-drift/1).
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// ReadReport parses a report written by WriteJSON.
func ReadReport(rd io.Reader) (*Report, error) {
	var r Report
	if err := json.NewDecoder(rd).Decode(&r); err != nil {
		return nil, fmt.Errorf("not a newslint drift report: %w", err)
	}
	if r.Schema != Schema {
		return nil, fmt.Errorf("drift report schema is %q, want %q", r.Schema, Schema)
	}
	return &r, nil
}

func runName(r Run, fallback string) string {
	if r.Label != "" {
		return r.Label
	}
	return fallback
}

// WriteText writes one line per drift and a closing count.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "newslint drift: %s (%d documents, %d sites) -> %s (%d documents, %d sites)\n",
		runName(r.Old, "old"), r.Old.Documents, r.Old.Sites, runName(r.New, "new"), r.New.Documents, r.New.Sites)
	width := 0
	for _, d := range r.Drifts {
		width = max(width, len(d.Site))
	}
	for _, d := range r.Drifts {
		fmt.Fprintf(&b, "%-7s  %-*s  %s\n", d.Severity, width, d.Site, d.Message)
	}
	var count [4]int
	drifted := 0
	tooFew := 0
	for _, s := range r.Sites {
		if s.Drifts > 0 {
			drifted++
			count[s.Severity]++
		}
		if s.Status == StatusTooFew {
			tooFew++
		}
	}
	if drifted == 0 {
		fmt.Fprintf(&b, "no drift in %s", plural(len(r.Sites), "site"))
	} else {
		var parts []string
		for sev := Error; sev >= Info; sev-- {
			if count[sev] > 0 {
				parts = append(parts, fmt.Sprintf("%d %s", count[sev], sev))
			}
		}
		fmt.Fprintf(&b, "%d of %d sites drifted (%s)", drifted, len(r.Sites), strings.Join(parts, ", "))
	}
	fmt.Fprintf(&b, "; %d tests at a false discovery rate of %g", r.Tests, r.Options.Alpha)
	if tooFew > 0 {
		fmt.Fprintf(&b, "; %s with fewer than %d documents in a run not tested", plural(tooFew, "site"), r.Options.MinDocuments)
	}
	b.WriteString("\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteGitHub writes one GitHub Actions workflow command per drift: ::error for errors,
// ::warning for warnings, ::notice for info.
func (r *Report) WriteGitHub(w io.Writer) error {
	var b strings.Builder
	for _, d := range r.Drifts {
		cmd := "notice"
		switch d.Severity {
		case Error:
			cmd = "error"
		case Warning:
			cmd = "warning"
		}
		title := "newslint drift: " + d.Site
		fmt.Fprintf(&b, "::%s title=%s::%s\n", cmd, escapeProperty(title), escapeData(d.Message))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeData escapes a workflow command's message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeProperty escapes a workflow command's property value.
func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
