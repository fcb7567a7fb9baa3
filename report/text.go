package report

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// MaxPreviewLines caps the changed lines shown per finding; the rest is counted.
const MaxPreviewLines = 12

// maxShownRunes cuts long lines in previews (display only; --diff shows them whole).
const maxShownRunes = 160

type textReporter struct {
	w                             io.Writer
	o                             Options
	path, err, warn, info, rule   *color.Color
	hunk, del, ins, ctx, note, ok *color.Color
}

func newText(w io.Writer, o Options) *textReporter {
	mk := func(attrs ...color.Attribute) *color.Color {
		c := color.New(attrs...)
		if o.Color {
			c.EnableColor()
		} else {
			c.DisableColor()
		}
		return c
	}
	return &textReporter{w: w, o: o,
		path: mk(color.Bold), err: mk(color.FgRed, color.Bold), warn: mk(color.FgYellow, color.Bold),
		info: mk(color.FgBlue, color.Bold), rule: mk(color.FgMagenta),
		hunk: mk(color.FgCyan), del: mk(color.FgRed), ins: mk(color.FgGreen), ctx: mk(color.Faint),
		note: mk(color.Faint), ok: mk(color.FgGreen, color.Bold)}
}

func (t *textReporter) sev(s lint.Severity) string {
	switch s {
	case lint.Error:
		return t.err.Sprint("error")
	case lint.Warning:
		return t.warn.Sprint("warning")
	}
	return t.info.Sprint("info")
}

func (t *textReporter) File(r *finding.Result) error {
	var b strings.Builder
	for i := range r.Findings {
		f := &r.Findings[i]
		fmt.Fprintf(&b, "%s:%d:%d: %s %s %s\n", t.path.Sprint(f.Loc.String()), f.Line, f.Col, t.sev(f.Severity),
			t.rule.Sprintf("[%s]", f.Rule), f.Message)
		for _, h := range f.Preview {
			t.writeHunk(&b, h)
		}
		if f.Fix != nil {
			how := "--fix"
			switch {
			case f.Fix.Safety == lint.Unsafe && !t.o.Unsafe:
				how = "--unsafe-fixes"
			case f.Fix.Safety == lint.DisplayOnly:
				how = "never applied automatically"
			}
			line := fmt.Sprintf("  fix (%s, %s): %s", f.Fix.Safety, how, f.Fix.Description)
			if f.Conflict != "" {
				line += "; " + f.Conflict
			}
			b.WriteString(t.note.Sprint(line))
			b.WriteByte('\n')
		}
		for j := range f.Related {
			g := &f.Related[j]
			b.WriteString(t.note.Sprintf("  related: %s:%d:%d: %s [%s] %s", g.Loc.String(), g.Line, g.Col, g.Severity, g.Rule, g.Message))
			b.WriteByte('\n')
		}
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

func (t *textReporter) writeHunk(b *strings.Builder, h diff.Hunk) {
	fmt.Fprintf(b, "  %s\n", t.hunk.Sprint(h.Header()))
	oldN, newN := h.OldStart, h.NewStart
	if h.OldLines == 0 {
		oldN++
	}
	if h.NewLines == 0 {
		newN++
	}
	changed := 0
	hidden := 0
	for _, l := range h.Lines {
		var num int
		var c *color.Color
		switch l.Op {
		case diff.Equal:
			num, c = oldN, t.ctx
			oldN++
			newN++
		case diff.Delete:
			num, c = oldN, t.del
			oldN++
		case diff.Insert:
			num, c = newN, t.ins
			newN++
		}
		if l.Op != diff.Equal {
			changed++
			if changed > MaxPreviewLines {
				hidden++
				continue
			}
		}
		fmt.Fprintf(b, "  %s\n", c.Sprintf("%5d %c %s", num, l.Op, clip(l.Text)))
		if l.NoNewline {
			fmt.Fprintf(b, "  %s\n", t.ctx.Sprint("      \\ No newline at end of file"))
		}
	}
	if hidden > 0 {
		fmt.Fprintf(b, "  %s\n", t.note.Sprintf("      … %s not shown", plural(hidden, "more changed line", "more changed lines")))
	}
}

func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxShownRunes {
		return s
	}
	n := 0
	for i := range s {
		if n == maxShownRunes {
			return s[:i] + "…"
		}
		n++
	}
	return s
}

func (t *textReporter) Finish(s *Summary) error {
	var b strings.Builder
	if s.Findings > 0 {
		b.WriteByte('\n')
	}
	files := plural(s.Files, "file", "files")
	if s.Fix && s.Fixed > 0 {
		fmt.Fprintf(&b, "%s\n", t.ok.Sprintf("Fixed %s in %s.", plural(s.Fixed, "finding", "findings"), plural(s.FilesFixed, "file", "files")))
	}
	if s.Findings == 0 {
		fmt.Fprintf(&b, "%s\n", t.ok.Sprintf("No findings in %s scanned.", files))
	} else {
		var parts []string
		for _, sev := range []lint.Severity{lint.Error, lint.Warning, lint.Info} {
			if n := s.BySeverity[sev]; n > 0 {
				parts = append(parts, plural(n, sev.String(), sev.String()+"s"))
			}
		}
		left := ""
		if s.Fix {
			left = " remaining"
		}
		fmt.Fprintf(&b, "Found %s%s (%s) in %d of %s scanned.\n", plural(s.Findings, "finding", "findings"), left,
			strings.Join(parts, ", "), s.FilesWithFindings, files)
		switch {
		case s.Fixable > 0 && s.UnsafeFixable > 0 && !s.Unsafe:
			fmt.Fprintf(&b, "%d fixable with --fix; %d more with --unsafe-fixes.\n", s.Fixable, s.UnsafeFixable)
		case s.Fixable > 0 || (s.Unsafe && s.UnsafeFixable > 0):
			n := s.Fixable
			if s.Unsafe {
				n += s.UnsafeFixable
			}
			fmt.Fprintf(&b, "%d fixable with --fix.\n", n)
		case s.UnsafeFixable > 0:
			fmt.Fprintf(&b, "%d fixable with --unsafe-fixes.\n", s.UnsafeFixable)
		}
	}
	if s.FilesWithError > 0 {
		fmt.Fprintf(&b, "%s\n", t.err.Sprintf("%s could not be fully processed (see the messages above).", plural(s.FilesWithError, "file", "files")))
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}
