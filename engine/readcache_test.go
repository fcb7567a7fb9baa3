package engine

import (
	"fmt"
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
	if _, opened := run(Options{Jobs: 2, Diff: true}, true); opened != int32(len(files)) {
		t.Errorf("a diff run opened %d files, want %d", opened, len(files))
	}
}

func TestReadCacheGivesUpOnLargeCorpora(t *testing.T) {
	c := newReadCache()
	content := make([]byte, readCacheMaxFile)
	n := 0
	for ; int64(n)*int64(len(content)) <= readCacheGiveUp; n++ {
		c.put(fmt.Sprintf("f%d", n), content)
	}
	if len(c.files) != 0 {
		t.Errorf("after offering %d files of %d bytes, %d are still kept", n, len(content), len(c.files))
	}
	c.put("small", []byte("a line"))
	if _, ok := c.take("small"); ok || c.used <= readCacheBudget {
		t.Errorf("a cache that gave up kept another file")
	}
	if _, ok := c.take("f0"); ok {
		t.Errorf("a cache that gave up returned a file it kept before")
	}
	fresh := newReadCache()
	fresh.put("small", []byte("a line"))
	if b, ok := fresh.take("small"); !ok || string(b) != "a line" {
		t.Errorf("a small corpus' file was not kept")
	}
}
