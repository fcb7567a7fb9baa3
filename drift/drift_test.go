package drift

import (
	"bytes"
	"flag"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/summary"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it); got:\n%s", name, got)
	}
}

// doc is a synthetic document of a site.
func doc(site string, article, removed int, findings map[string]int, lines ...string) summary.DocStats {
	chars := article + 200
	return summary.DocStats{Site: site, Bytes: chars, Chars: chars, ArticleChars: article,
		Bodiless: article < summary.MinArticleChars, RemovedChars: removed, Findings: findings,
		TemplateLines: append([]string{"Home"}, lines...)}
}

// crawlPair builds an old and a new summary with one site of each kind of change.
func crawlPair() (old, cur *summary.Summary) {
	old, cur = summary.New(), summary.New()
	old.Label, cur.Label = "2026-11-01", "2026-11-08"
	for i := 0; i < 20; i++ {
		f := map[string]int{}
		if i%4 == 0 {
			f["byline"] = 1
		}
		// stable: the same kind of documents in both runs
		old.Add(doc("stable.example", 2000+50*i, 10, f))
		cur.Add(doc("stable.example", 2050+50*i, 12, f))
		// broken: the new crawl keeps menus and a newsletter box in every page
		old.Add(doc("broken.example", 3000+10*i, 0, map[string]int{}))
		cur.Add(doc("broken.example", 3000+10*i, 1500, map[string]int{"page-chrome": 3 + i%3, "template-line": 4},
			"Subscribe to our newsletter"))
		// short: the extractor loses most of the article
		old.Add(doc("short.example", 4000+20*i, 0, nil))
		length := 600 + 10*i
		if i%5 == 0 {
			length = 150
		}
		cur.Add(doc("short.example", length, 0, nil))
		// empty: half the pages lose their article body altogether
		old.Add(doc("empty.example", 2500+10*i, 0, nil))
		if i%2 == 0 {
			cur.Add(doc("empty.example", 40, 0, nil))
		} else {
			cur.Add(doc("empty.example", 2500+10*i, 0, nil))
		}
	}
	for i := 0; i < 8; i++ {
		old.Add(doc("gone.example", 2500, 0, nil))
		cur.Add(doc("fresh.example", 2500, 0, nil))
	}
	for i := 0; i < 2; i++ {
		old.Add(doc("tiny.example", 3000, 0, nil))
		cur.Add(doc("tiny.example", 10, 0, map[string]int{"nav-leak": 9}))
	}
	return old, cur
}

func TestCompareGolden(t *testing.T) {
	old, cur := crawlPair()
	rep := Compare(old, cur, DefaultOptions())
	var j, txt, gh bytes.Buffer
	if err := rep.WriteJSON(&j); err != nil {
		t.Fatal(err)
	}
	rep.WriteText(&txt)
	rep.WriteGitHub(&gh)
	golden(t, "drift.golden.json", j.Bytes())
	golden(t, "drift.golden.txt", txt.Bytes())
	golden(t, "drift.golden.github", gh.Bytes())

	want := map[string]Severity{"empty.example": Error, "broken.example": Error, "short.example": Error, "gone.example": Warning,
		"fresh.example": Info, "stable.example": None, "tiny.example": None}
	for site, sev := range want {
		if got := rep.SiteSeverity(site); got != sev {
			t.Errorf("%s: severity %v, want %v", site, got, sev)
		}
	}
	back, err := ReadReport(&j)
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Drifts) != len(rep.Drifts) || back.Severity != Error {
		t.Errorf("report does not survive a JSON round trip: %+v", back)
	}
}

func TestCommand(t *testing.T) {
	old, cur := crawlPair()
	dir := t.TempDir()
	oldPath, newPath := filepath.Join(dir, "old.json"), filepath.Join(dir, "new.json")
	if err := old.WriteFile(oldPath); err != nil {
		t.Fatal(err)
	}
	if err := cur.WriteFile(newPath); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{oldPath, newPath}, 1, "5 of 7 sites drifted (3 error, 1 warning, 1 info)"},
		{[]string{"--format", "json", oldPath, newPath}, 1, `"schema": "newslint-drift/1"`},
		{[]string{oldPath, newPath, "--format=github"}, 1, "::error title=newslint drift%3A broken.example::page-chrome rose"},
		{[]string{"--fail-on", "none", oldPath, newPath}, 0, "broken.example"},
		{[]string{"--fail-on", "error", oldPath, oldPath}, 0, "no drift in 6 sites"},
		{[]string{"--fail-on", "info", newPath, newPath}, 0, "no drift"},
		{[]string{oldPath}, 2, "need two summary files"},
		{[]string{"--fail-on", "bad", oldPath, newPath}, 2, "unknown severity"},
		{[]string{"--alpha", "2", oldPath, newPath}, 2, "--alpha"},
		{[]string{oldPath, filepath.Join(dir, "missing.json")}, 2, "missing.json"},
		{[]string{oldPath, newPath, "--format", "xml"}, 2, "unknown --format"},
	}
	for _, tc := range tests {
		var stdout, stderr bytes.Buffer
		code := Command(tc.args, &stdout, &stderr)
		out := stdout.String() + stderr.String()
		if code != tc.code || !strings.Contains(out, tc.contains) {
			t.Errorf("drift %q: exit %d, want %d, output lacks %q:\n%s", tc.args, code, tc.code, tc.contains, out)
		}
	}

	// relative paths are taken from the directory given
	var so, se bytes.Buffer
	if code := CommandIn(dir, []string{"old.json", "new.json", "--json", "rel.json"}, &so, &se); code != 1 {
		t.Errorf("CommandIn: exit %d: %s", code, se.String())
	}
	if _, err := os.Stat(filepath.Join(dir, "rel.json")); err != nil {
		t.Errorf("CommandIn wrote no JSON report in its directory: %v", err)
	}

	// -o and --json write files
	jsonPath, textPath := filepath.Join(dir, "drift.json"), filepath.Join(dir, "drift.txt")
	var stdout, stderr bytes.Buffer
	if code := Command([]string{"-o", textPath, "--json", jsonPath, oldPath, newPath}, &stdout, &stderr); code != 1 || stdout.Len() != 0 {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	f, err := os.Open(jsonPath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := ReadReport(f); err != nil {
		t.Error(err)
	}
	if b, _ := os.ReadFile(textPath); !bytes.Contains(b, []byte("broken.example")) {
		t.Errorf("text report: %s", b)
	}
}

func TestFisher(t *testing.T) {
	tests := []struct {
		a, b, c, d int64
		want       float64
	}{
		{0, 10, 10, 0, 1.0825088224469026e-05}, // 2 / C(20,10)
		{3, 1, 1, 3, 0.48571428571428565},      // R: fisher.test(matrix(c(3,1,1,3),2))
		{1, 9, 11, 3, 0.0027594561852200836},   // R: fisher.test(matrix(c(1,9,11,3),2))
		{5, 5, 5, 5, 1},
		{0, 0, 4, 4, 1},
	}
	for _, tc := range tests {
		if got := fisher(tc.a, tc.b, tc.c, tc.d); math.Abs(got-tc.want) > 1e-9*max(1, tc.want) {
			t.Errorf("fisher(%d,%d,%d,%d) = %v, want %v", tc.a, tc.b, tc.c, tc.d, got, tc.want)
		}
	}
	if got := fisherMin(10, 10, 10); math.Abs(got-1.0825088224469026e-05) > 1e-12 {
		t.Errorf("fisherMin = %v", got)
	}
}

func TestBinomAndRate(t *testing.T) {
	// R: binom.test(2, 10, 0.5)$p.value
	if got := binomTest(2, 10, 0.5); math.Abs(got-0.109375) > 1e-9 {
		t.Errorf("binomTest(2,10,.5) = %v", got)
	}
	// R: binom.test(1, 12, 0.3)$p.value
	if got := binomTest(1, 12, 0.3); math.Abs(got-0.12362589300699992) > 1e-9 {
		t.Errorf("binomTest(1,12,.3) = %v", got)
	}
	if got := binomTest(50020, 100000, 0.5); got < 0.8 || got > 1 {
		t.Errorf("normal approximation: %v", got)
	}
	// equal rates: nothing to see
	if p, _ := rateTest(30, 90, 10, 30, 90, 10); p != 1 {
		t.Errorf("equal rates p = %v", p)
	}
	// the same totals, once spread evenly and once piled in one document: the pile is not
	// evidence of a change
	even, _ := rateTest(10, 10, 10, 30, 90, 10)   // 1 per document, then 3 per document
	piled, _ := rateTest(10, 10, 10, 30, 900, 10) // then all 30 in one document
	if !(even < 0.01 && piled > 0.05) {
		t.Errorf("rate test: even %v, piled %v", even, piled)
	}
}

func TestBenjaminiHochberg(t *testing.T) {
	// R: p.adjust(c(0.01, 0.04, 0.03, 0.005), "BH")
	got := benjaminiHochberg([]float64{0.01, 0.04, 0.03, 0.005})
	want := []float64{0.02, 0.04, 0.04, 0.02}
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-12 {
			t.Errorf("BH = %v, want %v", got, want)
			break
		}
	}
}

func TestSeverity(t *testing.T) {
	for _, s := range []Severity{None, Info, Warning, Error} {
		b, _ := s.MarshalText()
		var back Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%v: %v %v", s, back, err)
		}
	}
	if _, err := ParseSeverity("fatal"); err == nil {
		t.Error("fatal parsed")
	}
	if fmtNum(1234567.25) != "1,234,567.3" && fmtNum(1234567.25) != "1,234,567.2" {
		t.Error(fmtNum(1234567.25))
	}
}
