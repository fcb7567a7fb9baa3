// Package diff computes line-level unified diffs with github.com/sergi/go-diff (line mode) and
// renders them as plain unified text. Reporters colour the structured hunks themselves.
package diff

import (
	"fmt"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Op marks a diff line.
type Op byte

// Diff line kinds, as written in unified diffs.
const (
	Equal  Op = ' '
	Delete Op = '-'
	Insert Op = '+'
)

// Line is one line of a hunk. Text has no line terminator; NoNewline marks a last line that had
// none.
type Line struct {
	Op        Op
	Text      string
	NoNewline bool
}

// Hunk is one @@ block: OldStart/NewStart are 1-based (0 for an empty range, as in diff -u).
type Hunk struct {
	OldStart, OldLines, NewStart, NewLines int
	Lines                                  []Line
}

// Header is the "@@ -a,b +c,d @@" line.
func (h Hunk) Header() string {
	return fmt.Sprintf("@@ -%s +%s @@", rng(h.OldStart, h.OldLines), rng(h.NewStart, h.NewLines))
}

func rng(start, n int) string {
	if n == 1 {
		return fmt.Sprint(start)
	}
	return fmt.Sprintf("%d,%d", start, n)
}

type opLine struct {
	op   Op
	text string // with its terminator, if any
}

// Hunks diffs a and b line by line and groups the changes into hunks with ctx lines of context.
// oldBase and newBase are added to the line numbers, so that a window cut out of a larger text
// reports the text's own line numbers.
func Hunks(a, b string, ctx, oldBase, newBase int) []Hunk {
	if a == b {
		return nil
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0 // line mode is cheap; a timeout would give non-minimal, unstable diffs
	ra, rb, lines := dmp.DiffLinesToRunes(a, b)
	diffs := dmp.DiffMainRunes(ra, rb, false)
	var ops []opLine
	for _, d := range diffs {
		op := Equal
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = Delete
		case diffmatchpatch.DiffInsert:
			op = Insert
		}
		for _, r := range d.Text {
			ops = append(ops, opLine{op, lines[r]})
		}
	}
	var hunks []Hunk
	oldLine, newLine := 1, 1
	i := 0
	for i < len(ops) {
		if ops[i].op == Equal {
			oldLine++
			newLine++
			i++
			continue
		}
		// a change starts at i: back up ctx lines of context
		start := max(0, i-ctx)
		for back := i; back > start; back-- {
			oldLine--
			newLine--
		}
		h := Hunk{OldStart: oldLine + oldBase, NewStart: newLine + newBase}
		j := start
		lastChange := i
		for j < len(ops) {
			if ops[j].op != Equal {
				lastChange = j
			} else if j-lastChange > 2*ctx {
				break
			}
			j++
		}
		end := min(len(ops), lastChange+ctx+1)
		for k := start; k < end; k++ {
			o := ops[k]
			text := strings.TrimSuffix(o.text, "\n")
			nonl := text == o.text
			text = strings.TrimSuffix(text, "\r")
			h.Lines = append(h.Lines, Line{Op: o.op, Text: text, NoNewline: nonl})
			switch o.op {
			case Equal:
				h.OldLines++
				h.NewLines++
				oldLine++
				newLine++
			case Delete:
				h.OldLines++
				oldLine++
			case Insert:
				h.NewLines++
				newLine++
			}
		}
		if h.OldLines == 0 {
			h.OldStart--
		}
		if h.NewLines == 0 {
			h.NewStart--
		}
		hunks = append(hunks, h)
		i = end
	}
	return hunks
}

// Unified renders a whole-file unified diff as `diff -u` does, or "" when a equals b.
func Unified(oldName, newName, a, b string, ctx int) string {
	hunks := Hunks(a, b, ctx, 0, 0)
	if len(hunks) == 0 {
		return ""
	}
	var s strings.Builder
	fmt.Fprintf(&s, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks {
		WriteHunk(&s, h)
	}
	return s.String()
}

// WriteHunk writes one hunk in unified format.
func WriteHunk(s *strings.Builder, h Hunk) {
	s.WriteString(h.Header())
	s.WriteByte('\n')
	for _, l := range h.Lines {
		s.WriteByte(byte(l.Op))
		s.WriteString(l.Text)
		s.WriteByte('\n')
		if l.NoNewline {
			s.WriteString("\\ No newline at end of file\n")
		}
	}
}
