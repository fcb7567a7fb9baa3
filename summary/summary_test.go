package summary

import (
	"bytes"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// golden compares got with testdata/name, or rewrites it with -update.
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

// sampleDocs are look-alike documents of two sites.
func sampleDocs() []DocStats {
	article := strings.Repeat("The council met on Tuesday evening and agreed to repair the old bridge before winter. ", 6)
	texts := []struct{ site, text string }{
		{"example.com", "Home\nNews\nSport\n\n" + article + "\nShare this article\n"},
		{"example.com", "Home\nNews\nWeather\n\n" + article + article + "\nShare this article\n"},
		{"example.com", "Home\nNews\n\nSubscribe now\n"},
		{"news.example.org", article + "\nRead more\n"},
		{"news.example.org", "Photo: Staff\n" + article + "\nRead more\n"},
	}
	var out []DocStats
	for i, x := range texts {
		d := DocStats{Site: x.site, Findings: map[string]int{}}
		MeasureText(&d, x.text)
		if strings.HasPrefix(x.text, "Home") {
			d.Findings["page-chrome"] = 1
			d.Findings["template-line"] = 2
			d.RemovedChars = 20
		}
		if i == 4 {
			d.Findings["caption"] = 1
			d.RemovedChars = 13
		}
		out = append(out, d)
	}
	return out
}

func encode(t *testing.T, s *Summary) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := s.WriteJSON(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestSummaryGolden(t *testing.T) {
	s := New()
	s.Label = "2026-11-24"
	for _, d := range sampleDocs() {
		s.Add(d)
	}
	got := encode(t, s)
	golden(t, "summary.golden.json", got)

	// reading it back and writing it again changes nothing
	r, err := Read(bytes.NewReader(got))
	if err != nil {
		t.Fatal(err)
	}
	if again := encode(t, r); !bytes.Equal(again, got) {
		t.Errorf("summary changed on a round trip:\n%s", again)
	}
}

// TestShardsMerge checks that summaries of shards, written to JSON, read back and merged in any
// order, equal the summary of the whole.
func TestShardsMerge(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sites := []string{"a.example", "b.example", "c.example"}
	lines := []string{"Home", "Sport", "Share this article", "Sign in", "Weather"}
	var docs []DocStats
	for i := 0; i < 300; i++ {
		d := DocStats{Site: sites[rng.IntN(len(sites))], Findings: map[string]int{}}
		var text strings.Builder
		for _, l := range lines {
			if rng.IntN(3) > 0 {
				text.WriteString(l + "\n")
			}
		}
		for j := rng.IntN(12); j > 0; j-- {
			text.WriteString("A resident said the new timetable had made the morning journey far easier than before.\n")
		}
		MeasureText(&d, text.String())
		d.RemovedChars = rng.IntN(d.Chars + 1)
		if k := rng.IntN(4); k > 0 {
			d.Findings["nav-leak"] = k
		}
		docs = append(docs, d)
	}
	whole := New()
	for _, d := range docs {
		whole.Add(d)
	}
	want := encode(t, whole)

	for _, shards := range []int{2, 3, 7} {
		parts := make([]*Summary, shards)
		for i := range parts {
			parts[i] = New()
		}
		for i, d := range docs {
			parts[i%shards].Add(d)
		}
		merged := New()
		for _, i := range rng.Perm(shards) {
			r, err := Read(bytes.NewReader(encode(t, parts[i])))
			if err != nil {
				t.Fatal(err)
			}
			merged.Merge(r)
		}
		got := encode(t, merged)
		// template-line floors may grow by the singletons a shard file leaves out; all
		// else must be equal
		if stripFloors(got) != stripFloors(want) {
			t.Errorf("%d shards merge to a different summary:\n%s\nwant:\n%s", shards, got, want)
		}
	}
}

func stripFloors(b []byte) string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if !strings.Contains(l, `"floor"`) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestLinesPrune(t *testing.T) {
	var l Lines
	// one line in every document, many lines in one document each
	for i := 0; i < 3*MaxTracked; i++ {
		l.addDoc([]string{"Subscribe", "headline " + strings.Repeat("x", i%50) + string(rune('a'+i%26)) + string(rune(i))})
	}
	if len(l.m) > MaxTracked {
		t.Errorf("table holds %d lines, cap %d", len(l.m), MaxTracked)
	}
	lo, hi := l.Count("Subscribe")
	if lo > 3*MaxTracked || hi < 3*MaxTracked {
		t.Errorf("Subscribe count bounds [%d, %d] do not hold the true count %d", lo, hi, 3*MaxTracked)
	}
	if lo < 3*MaxTracked-l.Floor {
		t.Errorf("lower bound %d below true count minus floor %d", lo, 3*MaxTracked-l.Floor)
	}
	if _, hi := l.Count("never seen"); hi != l.Floor {
		t.Errorf("unlisted line bound %d, want floor %d", hi, l.Floor)
	}
}

func TestHistogram(t *testing.T) {
	var h Histogram
	for _, v := range []int{0, 5, 100, 1000, 1000, 1000, 5000} {
		h.Add(v)
	}
	if m := h.Quantile(0.5); m < 1000/1.19 || m > 1000*1.19 {
		t.Errorf("median %v, want within 19%% of 1000", m)
	}
	var e Histogram
	if e.Quantile(0.5) != 0 {
		t.Error("empty histogram has a median")
	}
	below, bound := h.BelowCount(1000)
	if bound > 1000 || below != 3 {
		t.Errorf("BelowCount(1000) = %d below %d, want 3 below a bound ≤ 1000", below, bound)
	}
}

func TestSite(t *testing.T) {
	tests := []struct {
		value, rel string
		depth      int
		want       string
	}{
		{"https://www.Example.com:8443/news/1?x=2", "x.jsonl", 1, "example.com"},
		{"http://news.example.co.uk./a", "", 1, "news.example.co.uk"},
		{"example.org/politics/3", "", 1, "example.org"},
		{"example.org", "", 1, "example.org"},
		{"not a host", "bbc/2024/a.txt", 1, "bbc"},
		{"", "bbc/2024/a.txt", 2, "bbc/2024"},
		{"", "bbc/a.txt", 3, "bbc"},
		{"", "a.txt", 1, "."},
		{"", "./lemonde/x/y.txt", 1, "lemonde"},
		{"", `lemonde\x\y.txt`, 1, "lemonde"},
		{"", "bbc/2024/a.txt", 0, "bbc"},
	}
	for _, tc := range tests {
		if got := Site(tc.value, tc.rel, tc.depth); got != tc.want {
			t.Errorf("Site(%q, %q, %d) = %q, want %q", tc.value, tc.rel, tc.depth, got, tc.want)
		}
	}
	rec := map[string]any{"url": "https://a.example/x", "domain": "b.example"}
	if got := Site(RecordSite(rec, ""), "f.jsonl", 1); got != "a.example" {
		t.Errorf("url field: %q", got)
	}
	if got := Site(RecordSite(rec, "domain"), "f.jsonl", 1); got != "b.example" {
		t.Errorf("domain field: %q", got)
	}
}

func TestMeasureText(t *testing.T) {
	var d DocStats
	text := "Menu\nSport  and   Weather\nMenu\n\n" +
		strings.Repeat("Residents of the valley gathered on Sunday to plant trees along the river bank. ", 6) + "\n"
	MeasureText(&d, text)
	if d.Bodiless || d.ArticleChars < MinArticleChars {
		t.Errorf("article not measured: %+v", d)
	}
	if strings.Join(d.TemplateLines, "|") != "Menu|Sport and Weather" {
		t.Errorf("template lines %q", d.TemplateLines)
	}
	MeasureText(&d, "Home\nNews\nContact us\n")
	if !d.Bodiless || d.ArticleChars != 0 || d.Chars != 21 || d.Bytes != 21 {
		t.Errorf("menu-only page: %+v", d)
	}
}

func TestReadRejects(t *testing.T) {
	for _, bad := range []string{
		`{"schema":"newslint-summary/2","overall":{},"sites":{}}`,
		`{"schema":"newslint-summary/1","overall":{"documents":2,"fix_share":[1,0,0,0,0,0,0,0,0,0],"article_length":{"buckets":[[0,2]]}},"sites":{}}`,
		`{"schema":"newslint-summary/1","overall":{"documents":1,"fix_share":[1,0,0,0,0,0,0,0,0,0],"article_length":{"buckets":[[17,1]]}},"sites":{}}`,
		`{"schema":"newslint-summary/1","sites":{"a":{"documents":1,"fix_share":[1,0,0,0,0,0,0,0,0,0],"article_length":{"buckets":[[0,1]]},"template_lines":{"floor":0,"top":[{"hash":"00","text":"x","documents":1}]}}}}`,
		`not json`,
	} {
		if _, err := Read(strings.NewReader(bad)); err == nil {
			t.Errorf("Read accepted %s", bad)
		}
	}
}

func TestMergeFiles(t *testing.T) {
	dir := t.TempDir()
	docs := sampleDocs()
	a, b, whole := New(), New(), New()
	for i, d := range docs {
		whole.Add(d)
		if i%2 == 0 {
			a.Add(d)
		} else {
			b.Add(d)
		}
	}
	pa, pb := filepath.Join(dir, "a.json"), filepath.Join(dir, "b.json")
	if err := a.WriteFile(pa); err != nil {
		t.Fatal(err)
	}
	if err := b.WriteFile(pb); err != nil {
		t.Fatal(err)
	}
	m, err := MergeFiles([]string{pa, pb})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := stripFloors(encode(t, m)), stripFloors(encode(t, whole)); got != want {
		// singletons that each file leaves out are lost; the sample has none shared
		t.Errorf("merged files differ from the whole:\n%s\nwant:\n%s", got, want)
	}
	if _, err := MergeFiles([]string{pa, filepath.Join(dir, "missing.json")}); err == nil {
		t.Error("a missing file merged")
	}
}
