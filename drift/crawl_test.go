package drift_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/diff"
	"github.com/newslint/newslint/drift"
	"github.com/newslint/newslint/htmlreport"
	"github.com/newslint/newslint/monitor"
	"github.com/newslint/newslint/summary"
)

// The simulated crawl pair: the pages of the labelled dev set (testdata/eval/dev, the output of
// four extractors for each news page) are grouped into sites by a hash of their file name. The
// old crawl holds a clean article extractor's output for every site; the new crawl switches some
// sites to html-text, a whole-page extractor that keeps menus and footers, as a scraper does when
// a site changes its template. Drift must flag exactly the switched sites.

const devDir = "../testdata/eval/dev"

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// newslintBin builds the newslint binary of this tree once per test run.
func newslintBin(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "newslint-drift-bin")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "newslint")
		out, err := exec.Command("go", "build", "-o", binPath, "../cmd/newslint").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

// siteOf groups a page into one of n sites by a hash of its file name.
func siteOf(name string, n int) string {
	h := fnv.New32a()
	h.Write([]byte(name))
	return fmt.Sprintf("site-%02d", h.Sum32()%uint32(n))
}

// pages lists the file names that every extractor given has.
func pages(t *testing.T, extractors ...string) []string {
	t.Helper()
	count := map[string]int{}
	for _, ex := range extractors {
		ents, err := os.ReadDir(filepath.Join(devDir, ex))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range ents {
			if strings.HasSuffix(e.Name(), ".txt") {
				count[e.Name()]++
			}
		}
	}
	var out []string
	for name, c := range count {
		if c == len(extractors) {
			out = append(out, name)
		}
	}
	sort.Strings(out)
	return out
}

// buildCrawl lays out a crawl: root/SITE/PAGE.txt with the page from the extractor pick gives.
func buildCrawl(t *testing.T, root string, names []string, nSites int, pick func(site string) string) {
	t.Helper()
	for _, name := range names {
		site := siteOf(name, nSites)
		src, err := os.ReadFile(filepath.Join(devDir, pick(site), name))
		if err != nil {
			t.Fatal(err)
		}
		dir := filepath.Join(root, site)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), src, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// summarise builds the summary of a crawl the way a run of newslint does: findings from
// `newslint --format jsonl`, removed characters from `newslint --fix` on a copy, the rest from
// the text.
func summarise(t *testing.T, root, label string) (*summary.Summary, []worst) {
	t.Helper()
	bin := newslintBin(t)
	cmd := exec.Command(bin, "--format", "jsonl", "--exit-zero", ".")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("newslint --format jsonl: %v", err)
	}
	findings := map[string]map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		// nested findings are folded into the finding around them: count them too
		var f struct {
			Path, Rule string
			Related    []struct{ Rule string }
		}
		if err := json.Unmarshal(sc.Bytes(), &f); err != nil {
			t.Fatalf("jsonl: %v: %s", err, sc.Text())
		}
		p := filepath.ToSlash(filepath.Clean(f.Path))
		if findings[p] == nil {
			findings[p] = map[string]int{}
		}
		findings[p][f.Rule]++
		for _, r := range f.Related {
			findings[p][r.Rule]++
		}
	}

	fixed := t.TempDir()
	if err := os.CopyFS(fixed, os.DirFS(root)); err != nil {
		t.Fatal(err)
	}
	cmd = exec.Command(bin, "--fix", "--exit-zero", "--quiet", ".")
	cmd.Dir = fixed
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("newslint --fix: %v\n%s", err, out)
	}

	s := summary.New()
	s.Label = label
	var ws []worst
	err = filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		rel = filepath.ToSlash(rel)
		before, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		after, err := os.ReadFile(filepath.Join(fixed, rel))
		if err != nil {
			return err
		}
		doc := summary.DocStats{Site: summary.Site("", rel, 1), Findings: findings[rel]}
		summary.MeasureText(&doc, string(before))
		doc.RemovedChars = max(0, doc.Chars-utf8.RuneCount(after))
		s.Add(doc)
		n := 0
		for _, c := range doc.Findings {
			n += c
		}
		ws = append(ws, worst{rel, doc.Site, n, doc.RemovedChars, string(before), string(after)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, ws
}

type worst struct {
	Path, Site    string
	Findings      int
	Removed       int
	Before, After string
}

// roundTrip writes a summary to JSON and reads it back, as `newslint drift` does.
func roundTrip(t *testing.T, s *summary.Summary) *summary.Summary {
	t.Helper()
	var buf bytes.Buffer
	if err := s.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	r, err := summary.Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// simulate builds and compares a crawl pair; it returns the sites drift flagged.
func simulate(t *testing.T, clean string, nSites int, switched map[string]bool) (flagged map[string]bool, rep *drift.Report, old, cur *summary.Summary, ws []worst) {
	t.Helper()
	names := pages(t, clean, "html-text")
	base := t.TempDir()
	buildCrawl(t, filepath.Join(base, "old"), names, nSites, func(string) string { return clean })
	buildCrawl(t, filepath.Join(base, "new"), names, nSites, func(site string) string {
		if switched[site] {
			return "html-text"
		}
		return clean
	})
	old, _ = summarise(t, filepath.Join(base, "old"), "old crawl")
	cur, ws = summarise(t, filepath.Join(base, "new"), "new crawl")
	old, cur = roundTrip(t, old), roundTrip(t, cur)
	rep = drift.Compare(old, cur, drift.DefaultOptions())
	flagged = map[string]bool{}
	for _, s := range rep.Sites {
		if s.Severity >= drift.Warning {
			flagged[s.Site] = true
		}
	}
	return flagged, rep, old, cur, ws
}

func TestSimulatedCrawl(t *testing.T) {
	cases := []struct {
		clean    string
		nSites   int
		switched []string
	}{
		{"trafilatura", 10, []string{"site-01", "site-04", "site-07"}},
		{"readability", 10, []string{"site-00", "site-05"}},
		{"newspaper", 10, []string{"site-02", "site-03", "site-06", "site-09"}},
		{"trafilatura", 12, []string{"site-08", "site-11"}},
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("%s-%d", c.clean, c.nSites), func(t *testing.T) {
			switched := map[string]bool{}
			for _, s := range c.switched {
				switched[s] = true
			}
			flagged, rep, _, _, _ := simulate(t, c.clean, c.nSites, switched)
			var text bytes.Buffer
			rep.WriteText(&text)
			if len(rep.Sites) != c.nSites {
				t.Errorf("%d sites compared, want %d", len(rep.Sites), c.nSites)
			}
			for s := range switched {
				if !flagged[s] {
					t.Errorf("switched site %s not flagged", s)
				}
			}
			for s := range flagged {
				if !switched[s] {
					t.Errorf("unchanged site %s flagged", s)
				}
			}
			for _, s := range rep.Sites {
				if s.Status == drift.StatusTooFew {
					t.Errorf("site %s has too few documents to test (%d, %d): the simulation is too small", s.Site, s.OldDocuments, s.NewDocuments)
				}
			}
			if t.Failed() || testing.Verbose() {
				t.Logf("drift report:\n%s", text.String())
			}
		})
	}
}

// TestSimulatedCrawlIdentical compares a crawl with itself: nothing may drift.
func TestSimulatedCrawlIdentical(t *testing.T) {
	flagged, rep, _, _, _ := simulate(t, "trafilatura", 10, nil)
	if len(flagged) != 0 || len(rep.Drifts) != 0 {
		var text bytes.Buffer
		rep.WriteText(&text)
		t.Errorf("a crawl compared with itself drifted:\n%s", text.String())
	}
}

// TestCrawlReport renders the HTML report of three simulated crawls: all clean, then one site
// switched to another article extractor, then three sites switched to whole pages. With
// NEWSLINT_REPORT_OUT set it also writes the page there (scripts/browser-test.sh uses it).
func TestCrawlReport(t *testing.T) {
	names := pages(t, "trafilatura", "readability", "html-text")
	base := t.TempDir()
	picks := []func(string) string{
		func(string) string { return "trafilatura" },
		func(site string) string {
			if site == "site-02" {
				return "readability"
			}
			return "trafilatura"
		},
		func(site string) string {
			switch site {
			case "site-01", "site-04", "site-07":
				return "html-text"
			case "site-02":
				return "readability"
			}
			return "trafilatura"
		},
	}
	labels := []string{"2026-11-01", "2026-11-08", "2026-11-15"}
	var runs []*summary.Summary
	var last []worst
	for i, pick := range picks {
		root := filepath.Join(base, labels[i])
		buildCrawl(t, root, names, 10, pick)
		s, ws := summarise(t, root, labels[i])
		runs = append(runs, roundTrip(t, s))
		last = ws
	}
	rep := drift.Compare(runs[1], runs[2], drift.DefaultOptions())
	sort.Slice(last, func(i, j int) bool { return last[i].Removed > last[j].Removed })
	var worstFiles []htmlreport.WorstFile
	for _, w := range last[:6] {
		d := diff.Unified(w.Path, w.Path, w.Before, w.After, 1)
		if lines := strings.SplitAfter(d, "\n"); len(lines) > 60 {
			d = strings.Join(lines[:60], "") + "@@ … @@\n"
		}
		worstFiles = append(worstFiles, htmlreport.WorstFile{Path: w.Path, Site: w.Site, Findings: w.Findings, RemovedChars: w.Removed, Diff: d})
	}
	var page bytes.Buffer
	if err := htmlreport.Write(&page, htmlreport.Input{Title: "newslint: simulated weekly crawl", Summaries: runs, Drift: rep, Worst: worstFiles}); err != nil {
		t.Fatal(err)
	}
	html := page.String()
	for _, site := range []string{"site-01", "site-04", "site-07"} {
		if !strings.Contains(html, `data-site="`+site+`" data-severity="error"`) {
			t.Errorf("report does not mark switched %s as a drift error", site)
		}
	}
	if n := strings.Count(html, `data-severity="error"`); n != 3 {
		t.Errorf("%d sites marked as drift errors, want 3", n)
	}
	if out := os.Getenv("NEWSLINT_REPORT_OUT"); out != "" {
		if err := os.WriteFile(out, page.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestMonitorMatchesCLI checks that `newslint summary` (package monitor) counts what the
// command line reports: findings from --format jsonl, removed characters from --fix.
func TestMonitorMatchesCLI(t *testing.T) {
	names := pages(t, "html-text")
	root := t.TempDir()
	buildCrawl(t, root, names, 10, func(site string) string {
		if site < "site-05" {
			return "html-text"
		}
		return "trafilatura"
	})
	fromCLI, _ := summarise(t, root, "")
	fromMonitor, errs := monitor.Summarise(config.Default(), []string{root}, root, monitor.Options{SiteDepth: 1})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var a, b bytes.Buffer
	fromCLI.WriteJSON(&a)
	fromMonitor.WriteJSON(&b)
	if a.String() != b.String() {
		t.Errorf("monitor and the command line disagree:\nmonitor:\n%s\ncommand line:\n%s", b.String(), a.String())
	}
}
