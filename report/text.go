package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/fatih/color"

	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

// MaxPreviewLines caps the changed lines shown per finding; the rest is counted.
const MaxPreviewLines = 12

// maxShownRunes is how much of a long line previews show when the terminal's width is unknown
// (display only; --diff shows lines whole).
const maxShownRunes = 160

type textReporter struct {
	w                             io.Writer
	o                             Options
	path, err, warn, info, rule   *color.Color
	hunk, del, ins, ctx, note, ok *color.Color
	delWord, insWord              *color.Color
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
		note: mk(color.Faint), ok: mk(color.FgGreen, color.Bold),
		delWord: mk(color.FgRed, color.ReverseVideo), insWord: mk(color.FgGreen, color.ReverseVideo)}
}

func (t *textReporter) sev(s lint.Severity) string {
	switch s {
	case lint.Error:
		return t.paint(t.err, "error")
	case lint.Warning:
		return t.paint(t.warn, "warning")
	}
	return t.paint(t.info, "info")
}

// paint is c.Sprint(s): s itself without colours (color.Color.Sprint then only copies s through
// fmt).
func (t *textReporter) paint(c *color.Color, s string) string {
	if !t.o.Color {
		return s
	}
	return c.Sprint(s)
}

// writePainted writes the parts, as one string painted in c.
func (t *textReporter) writePainted(b *strings.Builder, c *color.Color, parts ...string) {
	if !t.o.Color {
		for _, p := range parts {
			b.WriteString(p)
		}
		return
	}
	b.WriteString(c.Sprint(strings.Join(parts, "")))
}

func (t *textReporter) File(r *finding.Result) error {
	var b strings.Builder
	for i := range r.Findings {
		f := &r.Findings[i]
		// "%s:%d:%d: %s [%s] %s\n", the location and the rule painted
		b.WriteString(t.paint(t.path, f.Loc.String()))
		b.WriteByte(':')
		writeInt(&b, f.Line)
		b.WriteByte(':')
		writeInt(&b, f.Col)
		b.WriteString(": ")
		b.WriteString(t.sev(f.Severity))
		b.WriteByte(' ')
		t.writePainted(&b, t.rule, "[", f.Rule, "]")
		b.WriteByte(' ')
		b.WriteString(f.Message)
		b.WriteByte('\n')
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
			sep := ""
			if f.Conflict != "" {
				sep = "; "
			}
			t.writePainted(&b, t.note, "  fix (", f.Fix.Safety.String(), ", ", how, "): ", f.Fix.Description, sep, f.Conflict)
			b.WriteByte('\n')
		}
		for j := range f.Related {
			g := &f.Related[j]
			t.writePainted(&b, t.note, "  related: ", g.Loc.String(), ":", strconv.Itoa(g.Line), ":", strconv.Itoa(g.Col), ": ",
				g.Severity.String(), " [", g.Rule, "] ", g.Message)
			b.WriteByte('\n')
		}
	}
	if b.Len() == 0 {
		return nil // a write per clean file is a system call each
	}
	_, err := io.WriteString(t.w, b.String())
	return err
}

// writeInt writes n in decimal, as %d does.
func writeInt(b *strings.Builder, n int) {
	var buf [20]byte
	b.Write(strconv.AppendInt(buf[:0], int64(n), 10))
}

func (t *textReporter) writeHunk(b *strings.Builder, h diff.Hunk) {
	b.WriteString("  ")
	b.WriteString(t.paint(t.hunk, h.Header()))
	b.WriteByte('\n')
	oldN, newN := h.OldStart, h.NewStart
	if h.OldLines == 0 {
		oldN++
	}
	if h.NewLines == 0 {
		newN++
	}
	width := t.textWidth()
	shown := t.pairLines(h.Lines, width)
	changed := 0
	hidden := 0
	for i, l := range h.Lines {
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
		text := shown[i]
		if text == "" {
			text = t.paint(c, clip(l.Text, width))
		}
		// "  %s%s\n" of the margin ("%5d %c ", painted) and the text
		b.WriteString("  ")
		b.WriteString(t.paint(c, margin(num, l.Op)))
		b.WriteString(text)
		b.WriteByte('\n')
		if l.NoNewline {
			b.WriteString("  ")
			b.WriteString(t.paint(t.ctx, "      \\ No newline at end of file"))
			b.WriteByte('\n')
		}
	}
	if hidden > 0 {
		b.WriteString("  ")
		b.WriteString(t.paint(t.note, "      … "+plural(hidden, "more changed line", "more changed lines")+" not shown"))
		b.WriteByte('\n')
	}
}

// margin is a preview line's number and kind, as fmt's "%5d %c " writes them.
func margin(num int, op diff.Op) string {
	var buf [32]byte
	d := strconv.AppendInt(buf[:0], int64(num), 10)
	m := make([]byte, 0, max(5, len(d))+4)
	for range 5 - len(d) {
		m = append(m, ' ')
	}
	m = append(m, d...)
	m = append(m, ' ')
	m = utf8.AppendRune(m, rune(op))
	return string(append(m, ' '))
}

// textWidth is how many characters of a line a preview shows: the terminal's width (COLUMNS)
// less the line-number margin, else maxShownRunes.
func (t *textReporter) textWidth() int {
	if t.o.Width <= 0 {
		return maxShownRunes
	}
	return max(t.o.Width-10, 20)
}

// pairLines renders each removed line that is followed by its replacement together with it,
// word by word: the changed words are highlighted, and a line too long for the width is shown
// as a window around the change (the same columns on both lines), so an edit far to the right
// never shows as two identical cut lines. Other lines are left "" for the caller.
func (t *textReporter) pairLines(lines []diff.Line, width int) []string {
	shown := make([]string, len(lines))
	for i := 0; i < len(lines); {
		if lines[i].Op != diff.Delete {
			i++
			continue
		}
		j := i
		for j < len(lines) && lines[j].Op == diff.Delete {
			j++
		}
		k := j
		for k < len(lines) && lines[k].Op == diff.Insert {
			k++
		}
		for p := 0; p < min(j-i, k-j); p++ {
			old, new := diff.Words(lines[i+p].Text, lines[j+p].Text)
			start := windowStart(old, new, width)
			shown[i+p] = t.segments(old, start, width, t.del, t.delWord)
			shown[j+p] = t.segments(new, start, width, t.ins, t.insWord)
		}
		i = k
	}
	return shown
}

// windowStart is the first column shown of a pair of lines: 0 when both fit, else a third of
// the width before the first change (less when the lines end sooner, to fill the width).
func windowStart(old, new []diff.Segment, width int) int {
	first, longest := -1, 0
	for _, segs := range [][]diff.Segment{old, new} {
		n := 0
		for _, g := range segs {
			if g.Changed && (first < 0 || n < first) {
				first = n
			}
			n += utf8.RuneCountInString(g.Text)
		}
		longest = max(longest, n)
	}
	if longest <= width || first < 0 {
		return 0
	}
	// a third of the width before the change, or less when the line ends sooner
	return max(0, min(first-width/3, longest-width+1))
}

// segments renders a line from rune start on, in at most width runes, changed words in hl.
func (t *textReporter) segments(segs []diff.Segment, start, width int, c, hl *color.Color) string {
	total := 0
	for _, g := range segs {
		total += utf8.RuneCountInString(g.Text)
	}
	budget := width
	var b strings.Builder
	if start > 0 {
		b.WriteString(t.paint(c, "…"))
		budget--
	}
	if total-start > budget {
		budget-- // room for the closing "…"
	}
	pos := 0
	for _, g := range segs {
		// the runes of g from pos start to start+budget
		from, to := -1, len(g.Text)
		for i := range g.Text {
			if in := pos >= start && pos < start+budget; in && from < 0 {
				from = i
			} else if !in && from >= 0 && to == len(g.Text) {
				to = i
			}
			pos++
		}
		if from < 0 {
			continue
		}
		piece := g.Text[from:to]
		if !utf8.ValidString(piece) {
			piece = string([]rune(piece)) // each invalid byte a U+FFFD, as ranging over it does
		}
		if g.Changed {
			b.WriteString(t.paint(hl, piece))
		} else {
			b.WriteString(t.paint(c, piece))
		}
	}
	if total-start > budget {
		b.WriteString(t.paint(c, "…"))
	}
	if b.Len() == 0 {
		return t.paint(c, "")
	}
	return b.String()
}

func clip(s string, width int) string {
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	n := 0
	for i := range s {
		if n == width-1 {
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
	supp := ""
	if s.Suppressed > 0 {
		supp = fmt.Sprintf(" (%d suppressed)", s.Suppressed)
	}
	if s.Findings == 0 {
		fmt.Fprintf(&b, "%s\n", t.ok.Sprintf("No findings in %s scanned%s.", files, supp))
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
		fmt.Fprintf(&b, "Found %s%s (%s) in %d of %s scanned%s.\n", plural(s.Findings, "finding", "findings"), left,
			strings.Join(parts, ", "), s.FilesWithFindings, files, supp)
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
