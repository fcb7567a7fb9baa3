package report

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/finding"
)

// githubReporter prints GitHub Actions workflow commands. GitHub shows only the first ten
// annotations of each type per step, so findings are printed most severe first; with
// GITHUB_STEP_SUMMARY set, a Markdown summary is appended to that file.
type githubReporter struct {
	w     io.Writer
	o     Options
	items []ghItem
	files map[string]int
}

type ghItem struct {
	path string
	f    finding.Finding
}

// escapeData escapes a workflow command message.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(visible(s, "\r\n\t"))
}

// EscapeProperty escapes a workflow command property value.
func EscapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(visible(s, "\r\n\t"))
}

// visible writes control characters (except those in keep) and bytes that are not UTF-8 as Go
// escapes (\x1b, \xff, \u0085), so that they can neither drive a terminal nor break a log.
func visible(s, keep string) string {
	clean := true
	for _, r := range s {
		if r == utf8.RuneError || unicode.IsControl(r) && !strings.ContainsRune(keep, r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case unicode.IsControl(r) && !strings.ContainsRune(keep, r):
			if r < 0x80 {
				fmt.Fprintf(&b, "\\x%02x", r)
			} else {
				fmt.Fprintf(&b, "\\u%04x", r)
			}
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// codeSpan renders s as a Markdown code span inside a table cell: control characters shown
// as escapes, a fence longer than any run of backticks in s, and pipes escaped.
func codeSpan(s string) string {
	s = visible(s, "")
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return strings.ReplaceAll(fence+s+fence, "|", "\\|")
}

var ghLevel = severityNames{"error", "warning", "notice"}.of

func (g *githubReporter) File(r *finding.Result) error {
	if g.files == nil {
		g.files = map[string]int{}
	}
	for _, f := range r.Findings {
		g.items = append(g.items, ghItem{r.File.Path(), f})
		g.files[r.File.Path()]++
	}
	return nil
}

func (g *githubReporter) Finish(s *Summary) error {
	sort.SliceStable(g.items, func(i, j int) bool { return g.items[i].f.Severity > g.items[j].f.Severity })
	var b strings.Builder
	for _, it := range g.items {
		f := it.f
		line, col, endLine, endCol := f.FileSpan()
		fmt.Fprintf(&b, "::%s file=%s,line=%d,endLine=%d,col=%d,endColumn=%d,title=%s::%s\n", ghLevel(f.Severity),
			EscapeProperty(it.path), line, endLine, col, endCol, EscapeProperty("newslint "+f.Rule), escapeData(f.Message))
	}
	if _, err := io.WriteString(g.w, b.String()); err != nil {
		return err
	}
	if g.o.StepSummary == "" {
		return nil
	}
	f, err := os.OpenFile(g.o.StepSummary, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		return err
	}
	defer f.Close()
	_, err = io.WriteString(f, markdownSummary(s, g.files))
	return err
}

// markdownSummary renders findings per rule and per file as Markdown tables.
func markdownSummary(s *Summary, files map[string]int) string {
	var b strings.Builder
	b.WriteString("## newslint\n\n")
	if s.Findings == 0 {
		fmt.Fprintf(&b, "No findings in %s.\n", plural(s.Files, "file", "files"))
		return b.String()
	}
	fmt.Fprintf(&b, "%s in %d of %s; %d fixable with `newslint --fix`.\n\n", plural(s.Findings, "finding", "findings"),
		s.FilesWithFindings, plural(s.Files, "file", "files"), s.Fixable)
	b.WriteString("| rule | severity | findings | fixable |\n| --- | --- | ---: | ---: |\n")
	for _, rc := range s.Rules() {
		fmt.Fprintf(&b, "| %s | %s | %d | %d |\n", codeSpan(rc.Rule), rc.Severity, rc.Count, rc.Fixable)
	}
	type fc struct {
		path string
		n    int
	}
	var fl []fc
	for p, n := range files {
		fl = append(fl, fc{p, n})
	}
	sort.Slice(fl, func(i, j int) bool {
		if fl[i].n != fl[j].n {
			return fl[i].n > fl[j].n
		}
		return fl[i].path < fl[j].path
	})
	b.WriteString("\n| file | findings |\n| --- | ---: |\n")
	for i, x := range fl {
		if i == 50 {
			fmt.Fprintf(&b, "| … %d more files | |\n", len(fl)-50)
			break
		}
		fmt.Fprintf(&b, "| %s | %d |\n", codeSpan(x.path), x.n)
	}
	return b.String()
}
