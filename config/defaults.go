package config

import (
	"fmt"
	"strings"

	"github.com/newslint/newslint/lint"
)

// RuleTables writes the [rules.ID] tables of the default configuration from the rules'
// metadata: enabled, severity and every option with its documentation and default, as the
// options structs declare them. default.toml holds exactly this text between its hand-written
// head and tail (a test checks it; `go test ./config -update` rewrites it).
func RuleTables(rs []lint.Rule) string {
	var b strings.Builder
	for i, r := range rs {
		m := lint.MetaOf(r)
		if i > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "[rules.%s]\nenabled = true\nseverity = %q\n", m.ID, m.Severity)
		for _, o := range m.Options {
			for _, l := range wrap(o.Doc, 96-2) {
				fmt.Fprintf(&b, "# %s\n", l)
			}
			fmt.Fprintf(&b, "%s = %s\n", o.Name, o.Default)
		}
	}
	return b.String()
}

// ruleTablesSpan finds the generated part of default.toml: from the first [rules.…] table to
// the blank line before the first section that is not a rule table.
func ruleTablesSpan(s string) (start, end int) {
	start = strings.Index(s, "\n[rules.") + 1
	if start == 0 {
		return -1, -1
	}
	end = len(s)
	lines := strings.SplitAfter(s[start:], "\n")
	pos := start
	for i, l := range lines {
		if i > 0 && strings.HasPrefix(l, "\n") && i+1 < len(lines) && !strings.HasPrefix(lines[i+1], "[rules.") {
			return start, pos
		}
		pos += len(l)
	}
	return start, end
}

func wrap(s string, width int) []string {
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && len(line)+1+len(w) > width {
			out = append(out, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}
