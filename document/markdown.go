package document

import "strings"

// IsMarkdown reports whether path names a Markdown file (plain or compressed).
func IsMarkdown(path string) bool {
	p := strings.ToLower(path)
	p = strings.TrimSuffix(strings.TrimSuffix(p, ".gz"), ".zst")
	return strings.HasSuffix(p, ".md") || strings.HasSuffix(p, ".markdown")
}

// LineRange is a run of lines, 0-based, First..Last inclusive.
type LineRange struct{ First, Last int }

// Protected returns the line ranges of a Markdown document that are not prose and that no
// rule may report on or change: front matter (YAML between "---" lines or TOML between "+++"
// lines at the very start), fenced code blocks (``` or ~~~, closed by a fence of the same
// character at least as long, or running to the end, as CommonMark has it) and link reference
// definitions ("[label]: destination"). Other documents have none. The ranges are sorted and
// computed once per document.
//
// The scan is line-based on purpose: Markdown parsers such as goldmark drop link reference
// definitions and front matter from their trees, so they cannot say which lines those were.
func (d *Document) Protected() []LineRange {
	if !IsMarkdown(d.Path) {
		return nil
	}
	return d.memo(protectedMemo, func() any { return markdownProtected(d) }).([]LineRange)
}

func markdownProtected(d *Document) []LineRange {
	var out []LineRange
	n := d.NumLines()
	i := 0
	if n > 0 {
		if delim := strings.TrimRight(d.Text(0), " \t"); delim == "---" || delim == "+++" {
			for j := 1; j < n; j++ {
				t := strings.TrimRight(d.Text(j), " \t")
				if t == delim || (delim == "---" && t == "...") {
					out = append(out, LineRange{0, j})
					i = j + 1
					break
				}
			}
		}
	}
	for ; i < n; i++ {
		t := d.Text(i)
		if ch, width, ok := fenceOpen(t); ok {
			j := i + 1
			for ; j < n; j++ {
				if fenceCloses(d.Text(j), ch, width) {
					break
				}
			}
			out = append(out, LineRange{i, min(j, n-1)})
			i = j
			continue
		}
		if isLinkRefDef(t) {
			out = append(out, LineRange{i, i})
		}
	}
	return out
}

// indent returns the line without up to three leading spaces, and false for four or more (an
// indented code line, which cannot open a fence or hold a definition).
func indent(s string) (string, bool) {
	k := 0
	for k < len(s) && s[k] == ' ' {
		k++
	}
	if k > 3 {
		return s, false
	}
	return s[k:], true
}

func fenceOpen(line string) (ch byte, width int, ok bool) {
	s, ok := indent(line)
	if !ok || len(s) < 3 || (s[0] != '`' && s[0] != '~') {
		return 0, 0, false
	}
	ch = s[0]
	for width < len(s) && s[width] == ch {
		width++
	}
	if width < 3 || (ch == '`' && strings.IndexByte(s[width:], '`') >= 0) {
		return 0, 0, false // a backtick fence's info string holds no backticks
	}
	return ch, width, true
}

func fenceCloses(line string, ch byte, width int) bool {
	s, ok := indent(line)
	if !ok {
		return false
	}
	k := 0
	for k < len(s) && s[k] == ch {
		k++
	}
	return k >= width && strings.TrimRight(s[k:], " \t") == ""
}

// isLinkRefDef recognises a one-line link reference definition: "[label]: destination"
// optionally followed by a title.
func isLinkRefDef(line string) bool {
	s, ok := indent(line)
	if !ok || !strings.HasPrefix(s, "[") || strings.HasPrefix(s, "[^") { // footnotes are prose
		return false
	}
	end := strings.Index(s, "]:")
	if end < 2 || strings.ContainsAny(s[1:end], "[]") {
		return false
	}
	dest := strings.TrimSpace(s[end+2:])
	if dest == "" {
		return false
	}
	if dest[0] == '<' {
		return strings.IndexByte(dest, '>') > 0
	}
	return !strings.ContainsAny(strings.Fields(dest)[0], "<>")
}
