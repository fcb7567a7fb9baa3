package engine

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/input"
)

// TestSmallFilesAreReadOnce: a default run (corpus pass, then checking pass with its counts)
// opens each small plain file once and reports what a run reading every file twice reports;
// a run that fixes, or a checking pass with other counts, reads the files again.
func TestSmallFilesAreReadOnce(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Default()
	var files []input.File
	for i := range 12 {
		rel := fmt.Sprintf("site/%02d.txt", i)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		text := fmt.Sprintf("Follow us on Twitter\nThe talks resumed on Monday, officials said, and %d more were planned.\n", i)
		if i == 9 { // a file unlike the others
			text = "Advertisement\n" + text
		}
		if i == 5 { // over readCacheMaxFile: read twice
			text += strings.Repeat("The ministry said on Friday that the talks had made progress.\n", readCacheMaxFile/60)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, input.NewFile(p, rel, ""))
	}
	var opens atomic.Int32
	defer func(o func(string) (*os.File, error)) { openFile = o }(openFile)
	openFile = func(name string) (*os.File, error) {
		opens.Add(1)
		return os.Open(name)
	}
	run := func(opts Options, gather bool) (string, int32) {
		if gather {
			stats, err := GatherChecked(cfg, files, opts)
			if err != nil {
				t.Fatal(err)
			}
			opts.Corpus = stats
		}
		opens.Store(0)
		var out strings.Builder
		Run(cfg, files, opts, func(r *Result) {
			for _, f := range r.Findings {
				fmt.Fprintf(&out, "%s:%d:%d %s %s\n", r.File.Path(), f.Line, f.Col, f.Rule, f.Message)
			}
			for _, e := range r.Errors {
				fmt.Fprintf(&out, "%s: %v\n", r.File.Path(), e)
			}
		})
		return out.String(), opens.Load()
	}
	once, opened := run(Options{Jobs: 2}, true)
	if opened != 1 {
		t.Errorf("checking pass opened %d files, want only the large one", opened)
	}
	if !strings.Contains(once, "template-line") {
		t.Errorf("no template-line finding:\n%s", once)
	}
	// the same counts, read again: a checking pass whose counts are not the last gathered
	stats, _ := GatherChecked(cfg, files, Options{Jobs: 2})
	GatherChecked(cfg, files[:3], Options{Jobs: 2})
	twice, opened := run(Options{Jobs: 2, Corpus: stats}, false)
	if opened != int32(len(files)) {
		t.Errorf("checking pass with other counts opened %d files, want %d", opened, len(files))
	}
	if once != twice {
		t.Errorf("findings differ when read once:\n%s\nand twice:\n%s", once, twice)
	}
	// a checking pass over some of the files the corpus pass read (the files that changed):
	// what was kept is found under their places in the shorter list
	sub := append([]input.File{files[9]}, files[3:8]...)
	stats, err := GatherChecked(cfg, files, Options{Jobs: 2})
	if err != nil {
		t.Fatal(err)
	}
	check := func(fs []input.File, opts Options) (string, int32) {
		opens.Store(0)
		var out strings.Builder
		Run(cfg, fs, opts, func(r *Result) {
			for _, f := range r.Findings {
				fmt.Fprintf(&out, "%s:%d:%d %s %s\n", r.File.Path(), f.Line, f.Col, f.Rule, f.Message)
			}
		})
		return out.String(), opens.Load()
	}
	subOnce, opened := check(sub, Options{Jobs: 2, Corpus: stats})
	if opened != 1 {
		t.Errorf("checking pass over some of the files opened %d, want only the large one", opened)
	}
	stats2, _ := GatherChecked(cfg, files, Options{Jobs: 2})
	GatherChecked(cfg, files[:3], Options{Jobs: 2})
	subTwice, opened := check(sub, Options{Jobs: 2, Corpus: stats2})
	if opened != int32(len(sub)) || subOnce != subTwice || !strings.Contains(subOnce, "09.txt:1:1 nav-leak") {
		t.Errorf("some of the files: opened %d; findings read once:\n%s\nand twice:\n%s", opened, subOnce, subTwice)
	}
	if _, opened := run(Options{Jobs: 2, Diff: true}, true); opened != int32(len(files)) {
		t.Errorf("a diff run opened %d files, want %d", opened, len(files))
	}
}

func TestReadCacheGivesUpOnLargeCorpora(t *testing.T) {
	c := newReadCache(readCacheBudget)
	content := make([]byte, readCacheMaxFile)
	n := 0
	for ; int64(n)*int64(len(content)) <= readCacheGiveUp*readCacheBudget; n++ {
		c.put(n, content)
	}
	if len(c.files) != 0 {
		t.Errorf("after offering %d files of %d bytes, %d are still kept", n, len(content), len(c.files))
	}
	c.put(-1, []byte("a line"))
	if _, ok := c.take(-1); ok || c.used <= readCacheBudget {
		t.Errorf("a cache that gave up kept another file")
	}
	if _, ok := c.take(0); ok {
		t.Errorf("a cache that gave up returned a file it kept before")
	}
	fresh := newReadCache(readCacheBudget)
	fresh.put(7, []byte("a line"))
	if b, ok := fresh.take(7); !ok || string(b) != "a line" {
		t.Errorf("a small corpus' file was not kept")
	}
	// kept again after it was taken, and twice under one index: each content is taken once
	fresh.put(7, []byte("again"))
	fresh.put(3, []byte("three"))
	fresh.put(7, []byte("once more"))
	var got []string
	for range 3 {
		if b, ok := fresh.take(7); ok {
			got = append(got, string(b))
		}
	}
	if b, ok := fresh.take(3); !ok || string(b) != "three" || len(got) != 2 || got[0] != "again" || got[1] != "once more" {
		t.Errorf("taken under 7: %q; under 3: %q, %v", got, b, ok)
	}
}

// TestReadCacheGivesWayToTheFileList: the cache's budget shrinks as the files a run holds for its
// whole length grow towards the soft memory limit, and is the whole budget for a usual corpus or
// without a limit.
func TestReadCacheGivesWayToTheFileList(t *testing.T) {
	files := func(n int) []input.File {
		fs := make([]input.File, n)
		for i := range fs {
			fs[i] = input.NewFile(fmt.Sprintf("/corpus/wire/%07d.txt", i), fmt.Sprintf("wire/%07d.txt", i), "")
		}
		return fs
	}
	const limit = 120 << 20
	many := files(1_000_000)
	cases := []struct {
		name     string
		files    []input.File
		limit    int64
		min, max int64
	}{
		{"15,000 files", files(15_000), limit, readCacheBudget, readCacheBudget},
		{"100,000 files", files(100_000), limit, readCacheBudget, readCacheBudget},
		{"a million files", many, limit, readCacheMin, 12 << 20},
		{"a million files, twice the limit", many, 2 * limit, readCacheBudget, readCacheBudget},
		{"a million files, no limit", many, math.MaxInt64, readCacheBudget, readCacheBudget},
		{"a million files, a small limit", many, 64 << 20, 0, 0},
		{"no files, no room", nil, 1 << 20, 0, 0},
	}
	for _, c := range cases {
		if got := readCacheBudgetFor(c.files, c.limit); got < c.min || got > c.max {
			t.Errorf("%s: budget %d, want %d to %d", c.name, got, c.min, c.max)
		}
	}
	c := newReadCache(0)
	if c.put(0, []byte("a line")) {
		t.Errorf("a cache without a budget kept a file")
	}
}

// TestCacheKeepsFilesWithDiagnostics: in a one-pass run the corpus pass keeps the small files
// whose frames hold diagnostics, which the checking pass reads whatever the counts say, and
// gives back the buffers of the others: a file with candidates only is read again only if the
// merged counts make a candidate interesting, which is rare, so keeping it would hold memory
// (all of a corpus of short wire stories, whose names are candidates) for nothing.
func TestCacheKeepsFilesWithDiagnostics(t *testing.T) {
	dir := t.TempDir()
	texts := []string{
		"Follow us on Twitter\nThe talks resumed on Monday, officials said, and more were planned.\n",
		"Prime Minister Anna Keller met President Jonas Berg in Oslo on Monday, officials said.\n",
		"The talks resumed on Monday, officials said, and more were planned for the week.\n",
	}
	var files []input.File
	for i, text := range texts {
		rel := fmt.Sprintf("site/%d.txt", i)
		p := filepath.Join(dir, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, input.NewFile(p, rel, ""))
	}
	stats, err := GatherChecked(config.Default(), files, Options{Jobs: 1, OnePass: true})
	if err != nil {
		t.Fatal(err)
	}
	lastGathered.Lock()
	c, log := lastGathered.cache, lastGathered.log
	lastGathered.Unlock()
	if c == nil || log == nil {
		t.Fatal("no cache or screen log offered")
	}
	// the cases: diagnostics (and candidates), candidates only, neither
	want := []struct{ local, cands bool }{{true, true}, {false, true}, {false, false}}
	for i, w := range want {
		frame, err := log.frames(i).next()
		if err != nil {
			t.Fatal(err)
		}
		if local, cands := frame[0]&unitLocal != 0, frame[0]&unitCands != 0; local != w.local || cands != w.cands {
			t.Fatalf("file %d: diagnostics %v, candidates %v; the texts no longer make the cases", i, local, cands)
		}
		if _, kept := c.take(i); kept != w.local {
			t.Errorf("file %d (diagnostics %v, candidates %v): kept %v", i, w.local, w.cands, kept)
		}
	}
	claimReads(Options{Corpus: stats}, config.Default(), files) // lets the log go
}
