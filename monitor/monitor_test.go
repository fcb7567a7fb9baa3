package monitor

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/summary"
)

const dev = "../testdata/eval/dev"

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// crawl lays out a small crawl: two directory sites of the same three pages, one from an
// article extractor and one whole pages, and a JSON Lines file of records from two hosts.
func crawl(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	pages := []string{"042bb7b5fedab6ea.txt", "04a6711caa7c6875.txt", "06e5123e4ef7cfb4.txt"}
	for _, p := range pages {
		copyFile(t, filepath.Join(dev, "trafilatura", p), filepath.Join(root, "crawl", "clean", "2026", p))
		copyFile(t, filepath.Join(dev, "html-text", p), filepath.Join(root, "crawl", "whole", "2026", p))
	}
	var jl bytes.Buffer
	for i, p := range pages {
		b, _ := os.ReadFile(filepath.Join(dev, "trafilatura", p))
		url := "https://www.News.example/story/" + p
		if i == 2 {
			url = "http://other.example:8080/x"
		}
		json.NewEncoder(&jl).Encode(map[string]string{"url": url, "text": string(b)})
	}
	jl.WriteString("{\"url\": \"https://news.example/empty\"}\n")
	if err := os.WriteFile(filepath.Join(root, "crawl", "feed.jsonl"), jl.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return root
}

func TestCommand(t *testing.T) {
	root := crawl(t)
	var stdout, stderr bytes.Buffer
	code := Command([]string{"crawl", "-o", "run.json", "--label", "week 1"}, root, &stdout, &stderr)
	// the record without text is reported, and makes the exit code 2; the rest is summarised
	if code != 2 || !strings.Contains(stderr.String(), "crawl/feed.jsonl: record 4: no text field") {
		t.Errorf("exit %d, stderr %q", code, stderr.String())
	}
	s, err := summary.ReadFile(filepath.Join(root, "run.json"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Label != "week 1" || s.Created == "" {
		t.Errorf("label %q, created %q", s.Label, s.Created)
	}
	docs := map[string]int64{}
	for name, st := range s.Sites {
		docs[name] = st.Documents
	}
	want := map[string]int64{"clean": 3, "whole": 3, "news.example": 2, "other.example": 1}
	if len(docs) != len(want) {
		t.Errorf("sites %v, want %v", docs, want)
	}
	for k, v := range want {
		if docs[k] != v {
			t.Errorf("site %s: %d documents, want %d (all: %v)", k, docs[k], v, docs)
		}
	}
	if s.Overall.Documents != 9 {
		t.Errorf("%d documents, want 9", s.Overall.Documents)
	}
	clean, whole := s.Sites["clean"], s.Sites["whole"]
	if whole.RemovedChars <= clean.RemovedChars || whole.Rules["page-chrome"] == nil || whole.Rules["page-chrome"].Documents < 2 {
		t.Errorf("whole pages do not look worse than articles: clean %+v, whole %+v", clean, whole)
	}
	// the records hold the same texts as the clean site's files
	recs := s.Sites["news.example"]
	if recs.ArticleChars+s.Sites["other.example"].ArticleChars != clean.ArticleChars {
		t.Errorf("records measured differently from files: %d + %d vs %d", recs.ArticleChars, s.Sites["other.example"].ArticleChars, clean.ArticleChars)
	}

	// site depth 2 and a record field of its own
	stdout.Reset()
	stderr.Reset()
	Command([]string{"--site-depth", "2", "--site-field", "nope", "crawl"}, root, &stdout, &stderr)
	s2, err := summary.Read(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := s2.Sites["whole/2026"]; !ok {
		t.Errorf("depth 2: sites %v", s2.SiteNames())
	}
	if _, ok := s2.Sites["."]; !ok {
		t.Errorf("records without the site field belong to their directory, here the root: %v", s2.SiteNames())
	}

	// shards merge into the whole
	for _, shard := range []string{"clean", "whole"} {
		stdout.Reset()
		if code := Command([]string{"-o", shard + ".json", filepath.Join("crawl", shard)}, root, &stdout, &stderr); code != 0 {
			t.Fatalf("shard %s: exit %d", shard, code)
		}
	}
	stdout.Reset()
	if code := Command([]string{"--merge", "clean.json", "whole.json"}, root, &stdout, &stderr); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, stderr.String())
	}
	merged, err := summary.Read(&stdout)
	if err != nil {
		t.Fatal(err)
	}
	// the shards were walked from their own directories: each file's site is its first level
	if merged.Overall.Documents != 6 || merged.Sites["2026"] == nil || merged.Sites["2026"].Documents != 6 {
		t.Errorf("merged shards: %v", merged.SiteNames())
	}
	if merged.Overall.RemovedChars != clean.RemovedChars+whole.RemovedChars {
		t.Errorf("merged removed chars %d, want %d", merged.Overall.RemovedChars, clean.RemovedChars+whole.RemovedChars)
	}
}

func TestCommandErrors(t *testing.T) {
	root := crawl(t)
	os.WriteFile(filepath.Join(root, "bad.toml"), []byte("[rules.nope]\nenabled = 1\n"), 0o644)
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"--nope"}, "flag provided but not defined"},
		{[]string{"--site-depth", "0", "crawl"}, "--site-depth"},
		{[]string{"--merge"}, "--merge needs"},
		{[]string{"--merge", "missing.json"}, "missing.json"},
		{[]string{"--config", "bad.toml", "crawl"}, "bad.toml"},
		{[]string{"empty-dir-that-does-not-exist"}, "empty-dir-that-does-not-exist"},
	} {
		var stdout, stderr bytes.Buffer
		if code := Command(tc.args, root, &stdout, &stderr); code != 2 || !strings.Contains(stderr.String(), tc.msg) {
			t.Errorf("summary %q: exit %d, stderr %q, want 2 and %q", tc.args, code, stderr.String(), tc.msg)
		}
	}
}

// TestJobs checks that the number of workers does not change the summary.
func TestJobs(t *testing.T) {
	root := crawl(t)
	var outs []string
	for _, jobs := range []int{1, 3, 8} {
		var stdout, stderr bytes.Buffer
		Command([]string{"--jobs", strconv.Itoa(jobs), "crawl"}, root, &stdout, &stderr)
		s, err := summary.Read(&stdout)
		if err != nil {
			t.Fatal(err)
		}
		s.Created = ""
		var b bytes.Buffer
		s.WriteJSON(&b)
		outs = append(outs, b.String())
	}
	if outs[0] != outs[1] || outs[0] != outs[2] {
		t.Errorf("summaries differ with the number of workers:\n%s\n%s", outs[0], outs[1])
	}
}

// A text whose fixes --fix would refuse (they would delete most of its article text) removes
// nothing in the summary, as the run leaves it unchanged; a text with a little junk removes it.
func TestRemovedCharsFollowTheDeleteCap(t *testing.T) {
	root := t.TempDir()
	mostly := "The talks resumed.\nveryGood! (62)\nveryGood! (17)\nLike (3)\nShare this article\n"
	little := "The ministry said on Friday that the talks had made progress on the main points.\nveryGood! (62)\n"
	os.MkdirAll(filepath.Join(root, "a"), 0o755)
	os.MkdirAll(filepath.Join(root, "b"), 0o755)
	os.WriteFile(filepath.Join(root, "a", "mostly.txt"), []byte(mostly), 0o644)
	os.WriteFile(filepath.Join(root, "b", "little.txt"), []byte(little), 0o644)
	s, errs := Summarise(config.Default(), []string{root}, root, Options{})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	if a := s.Sites["a"]; a == nil || a.RemovedChars != 0 || a.Rules["vote-widget"] == nil {
		t.Errorf("a: %+v, want findings but nothing removed (--fix refuses)", a)
	}
	if b := s.Sites["b"]; b == nil || b.RemovedChars != int64(len("veryGood! (62)\n")) {
		t.Errorf("b: %+v, want the widget line removed", b)
	}
}
