package config

import (
	"strings"
)

// locator finds the line of a key in TOML source, for error messages. It understands table
// headers, arrays of tables and dotted keys; inline tables are located by their parent key.
type locator struct {
	entries []locEntry
}

type locEntry struct {
	path []string
	line int
}

func newLocator(src string) *locator {
	l := &locator{}
	var table []string
	for n, raw := range strings.Split(src, "\n") {
		line := strings.TrimSpace(stripComment(raw))
		if line == "" {
			continue
		}
		switch {
		case strings.HasPrefix(line, "[["):
			table = splitKey(strings.TrimSuffix(strings.TrimPrefix(line, "[["), "]]"))
			l.entries = append(l.entries, locEntry{table, n + 1})
		case strings.HasPrefix(line, "["):
			table = splitKey(strings.TrimSuffix(strings.TrimPrefix(line, "["), "]"))
			l.entries = append(l.entries, locEntry{table, n + 1})
		default:
			eq := strings.IndexByte(line, '=')
			if eq <= 0 {
				continue
			}
			key := append(append([]string{}, table...), splitKey(line[:eq])...)
			l.entries = append(l.entries, locEntry{key, n + 1})
		}
	}
	return l
}

// line returns the line that defines key or, failing that, its longest defined prefix; 0 when
// nothing matches.
func (l *locator) line(key []string) int {
	best, bestLen := 0, 0
	for _, e := range l.entries {
		n := commonPrefix(e.path, key)
		if n == len(e.path) && n > bestLen {
			best, bestLen = e.line, n
			if n == len(key) {
				return best
			}
		}
	}
	return best
}

// nth returns the line of the i-th (0-based) header of an array of tables.
func (l *locator) nth(key []string, i int) int {
	for _, e := range l.entries {
		if len(e.path) == len(key) && commonPrefix(e.path, key) == len(key) {
			if i == 0 {
				return e.line
			}
			i--
		}
	}
	return l.line(key)
}

// within returns the line of key sub inside the i-th (0-based) table of an array of tables,
// or the table's header line when sub is not found there.
func (l *locator) within(key []string, i int, sub string) int {
	want := append(append([]string{}, key...), sub)
	nth := i
	in := false
	for _, e := range l.entries {
		if len(e.path) == len(key) && commonPrefix(e.path, key) == len(key) {
			if in {
				break // the next table of the array
			}
			if i == 0 {
				in = true
			}
			i--
			continue
		}
		if in && commonPrefix(e.path, want) == len(want) {
			return e.line
		}
	}
	return l.nth(key, nth)
}

func commonPrefix(a, b []string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func splitKey(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ".") {
		part = strings.TrimSpace(part)
		part = strings.Trim(part, `"'`)
		out = append(out, part)
	}
	return out
}

// stripComment removes a # comment that is not inside a string.
func stripComment(s string) string {
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return s[:i]
		}
	}
	return s
}
