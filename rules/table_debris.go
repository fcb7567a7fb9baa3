package rules

import (
	"strings"

	"github.com/newslint/newslint/lint"
)

// TableDebris finds fragments of tables that an extractor broke into lines: "35 |", "Player |".
type TableDebris struct{}

// Meta implements lint.Rule.
func (TableDebris) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       "table-debris",
		Severity: lint.Warning,
		Fixable:  true,
		Summary:  "broken table cells (\"35 |\", \"Player |\")",
		Doc: `Finds the debris of HTML tables that an extractor flattened cell by cell: short lines of one or
two cells that end in a cell separator ("35 |", "Player |", "57% |"). Complete rows of a
Markdown table (lines that start and end with "|", with a separator row such as "|---|---|") are
content and are left alone, and so are the lines of an indented code block (a tab or four spaces,
next to another such line), where a line may end in a pipe of the shell.`,
		Why:       `Such fragments carry no readable information once the table is gone.`,
		FixSafety: `Safe: the fragment is deleted.`,
		Example:   "The Browns played 70 defensive snaps.\nPlayer |\n57% |\n",
	}
}

// Check implements lint.Rule.
func (TableDebris) Check(p *lint.Pass) {
	d := p.Doc
	for i := 0; i < d.NumLines(); i++ {
		f := d.Feat(i)
		t := f.Trim
		if f.Words > 8 || !strings.HasSuffix(t, "|") || strings.HasPrefix(t, "|") {
			continue
		}
		// a line of an indented code block ("    docker compose logs web |" before "    grep -c
		// error") ends in a pipe of the shell
		if codeIndented(d.Text(i)) && (i > 0 && codeIndented(d.Text(i-1)) || i+1 < d.NumLines() && codeIndented(d.Text(i+1))) {
			continue
		}
		cells := strings.Split(strings.TrimSuffix(t, "|"), "|")
		if len(cells) > 2 {
			continue
		}
		ok := true
		for _, c := range cells {
			if c = strings.TrimSpace(c); c == "" || len(strings.Fields(c)) > 4 || strings.HasSuffix(c, ".") {
				ok = false
			}
		}
		if ok {
			p.ReportLines(i, i, "table fragment "+quote(t), "delete the table fragment", lint.Safe)
		}
	}
}

// codeIndented reports a line indented as code is in Markdown and plain-text mail: a tab, or
// four spaces or more, before text.
func codeIndented(line string) bool {
	if strings.HasPrefix(line, "\t") {
		return strings.TrimSpace(line) != ""
	}
	return strings.HasPrefix(line, "    ") && strings.TrimSpace(line) != ""
}
