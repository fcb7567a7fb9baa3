package htmlreport

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/newslint/newslint/drift"
	"github.com/newslint/newslint/summary"
)

func run(label string, sites map[string][2]int) *summary.Summary {
	s := summary.New()
	s.Label = label
	for site, v := range sites {
		for i := 0; i < v[0]; i++ {
			d := summary.DocStats{Site: site, Bytes: 3000, Chars: 3000, ArticleChars: 2500, RemovedChars: 100, Findings: map[string]int{}}
			if i < v[1] {
				d.Findings["page-chrome"] = 4
				d.RemovedChars = 1400
				d.TemplateLines = []string{"Subscribe to our newsletter"}
			}
			s.Add(d)
		}
	}
	return s
}

func render(t *testing.T, in Input) string {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, in); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// external matches references that would need the network.
var external = regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?https?:`)

func TestSingleRun(t *testing.T) {
	hostile := `evil.example"><script>alert(1)</script>`
	html := render(t, Input{Summaries: []*summary.Summary{run("week 1", map[string][2]int{"a.example": {8, 0}, hostile: {3, 3}})}})
	for _, want := range []string{"<title>newslint report · week 1</title>", `id="site-table"`, `data-site="a.example"`,
		"Findings per 1,000 documents, by rule", "page-chrome", "Documents", "11"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(html, "<script>alert(1)") {
		t.Error("a site name reached the page unescaped")
	}
	if strings.Contains(html, `id="trend"`) || strings.Contains(html, "<polyline") {
		t.Error("one run drew trend lines")
	}
	if m := external.FindString(html); m != "" {
		t.Errorf("page references the network: %q", m)
	}
	if strings.Count(html, "<script>") != 1 || strings.Count(html, "<style>") != 1 {
		t.Error("want exactly one inline script and one inline style")
	}
}

func TestSeveralRuns(t *testing.T) {
	runs := []*summary.Summary{
		run("w1", map[string][2]int{"a.example": {10, 0}, "b.example": {10, 0}}),
		run("w2", map[string][2]int{"a.example": {10, 0}, "b.example": {10, 1}}),
		run("w3", map[string][2]int{"a.example": {10, 0}, "b.example": {10, 10}, "c.example": {4, 0}}),
	}
	rep := drift.Compare(runs[1], runs[2], drift.DefaultOptions())
	html := render(t, Input{Title: "Weekly crawl", Summaries: runs, Drift: rep,
		Worst: []WorstFile{{Path: "b/1.txt", Site: "b.example", Findings: 4, RemovedChars: 1400, Diff: "--- b/1.txt\n+++ b/1.txt\n@@ -1,2 +1,1 @@\n-Subscribe to our newsletter\n Article text.\n"}}})
	for _, want := range []string{`id="trend"`, "w1 → w2 → w3", `data-site="b.example" data-severity="error"`,
		`data-site="a.example" data-severity="none" data-status="same"`, `data-site="c.example" data-severity="info" data-status="appeared"`,
		`<span class="del">-Subscribe to our newsletter</span>`, "Drift since w2", "Subscribe to our newsletter · 100.0%"} {
		if !strings.Contains(html, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	// a sparkline per site present in a run: a.example and b.example rising or not, c.example one point
	if n := strings.Count(html, `<circle`); n != 3 {
		t.Errorf("%d sparklines, want 3", n)
	}
	if !strings.Contains(html, `stroke="#d64545" stroke-width="1.8"`) {
		t.Error("b.example's rising findings are not drawn in red")
	}
}

func TestCommand(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for _, s := range []*summary.Summary{
		run("w1", map[string][2]int{"a.example": {10, 0}}),
		run("w2", map[string][2]int{"a.example": {10, 10}}),
	} {
		p := filepath.Join(dir, s.Label+".json")
		if err := s.WriteFile(p); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	out := filepath.Join(dir, "report.html")
	var stdout, stderr bytes.Buffer
	if code := Command(append([]string{"-o", out}, paths...), &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`data-site="a.example" data-severity="error"`)) {
		t.Error("two summaries: the report does not show the drift between them")
	}

	// relative paths are taken from the directory given
	if code := CommandIn(dir, []string{"-o", "rel.html", "w1.json"}, &stdout, &stderr); code != 0 {
		t.Errorf("CommandIn: exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "rel.html")); err != nil {
		t.Errorf("CommandIn wrote no page in its directory: %v", err)
	}

	bad := filepath.Join(dir, "bad.json")
	os.WriteFile(bad, []byte(`{"schema":"other"}`), 0o644)
	for _, args := range [][]string{{}, {bad}, {paths[0], "--drift", bad}, {paths[0], "--worst", bad}, {"--nope", paths[0]}} {
		stdout.Reset()
		stderr.Reset()
		if code := Command(args, &stdout, &stderr); code != 2 || stderr.Len() == 0 {
			t.Errorf("report %q: exit %d, stderr %q", args, code, stderr.String())
		}
	}
	stdout.Reset()
	if code := Command([]string{paths[0]}, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "</html>") {
		t.Errorf("report to standard output: exit %d", code)
	}
}
