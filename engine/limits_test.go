package engine

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// busyRule counts how many of its checks run at once.
type busyRule struct{ now, most *atomic.Int32 }

func (busyRule) Meta() *lint.Meta { return &lint.Meta{ID: "busy", Severity: lint.Info} }

func (r busyRule) Check(p *lint.Pass) {
	n := r.now.Add(1)
	for {
		m := r.most.Load()
		if n <= m || r.most.CompareAndSwap(m, n) {
			break
		}
	}
	time.Sleep(200 * time.Microsecond)
	r.now.Add(-1)
}

type oneRule struct{ r lint.Rule }

func (o oneRule) For(string) []lint.Active {
	return []lint.Active{{Rule: o.r, Severity: lint.Info}}
}

// TestJobsGovernRecordWorkers: --jobs 1 lints the records of a JSON Lines file one at a time,
// and --jobs 3 on up to 3 goroutines, whatever the number of CPUs.
func TestJobsGovernRecordWorkers(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	dir := t.TempDir()
	p := filepath.Join(dir, "feed.jsonl")
	var b strings.Builder
	for i := range 300 {
		fmt.Fprintf(&b, `{"id":%d,"text":"Record %d says the talks resumed."}`+"\n", i, i)
	}
	os.WriteFile(p, []byte(b.String()), 0o644)
	for _, jobs := range []int{1, 3} {
		var now, most atomic.Int32
		Run(oneRule{busyRule{&now, &most}}, []input.File{input.NewFile(p, "feed.jsonl", "")}, Options{Jobs: jobs}, func(*Result) {})
		if got := most.Load(); got > int32(jobs) || jobs > 1 && got < 2 {
			t.Errorf("--jobs %d: %d records linted at once", jobs, got)
		}
	}
}

// TestGatherFailsOnReadErrors: a file the corpus pass cannot open for a passing reason (too
// many open files) is an error of the run, not a file silently left out of the counts; one it
// may not read is left to the checking pass.
func TestGatherFailsOnReadErrors(t *testing.T) {
	dir := t.TempDir()
	cfg := config.Default()
	var files []input.File
	for i := range 6 {
		p := filepath.Join(dir, fmt.Sprintf("%d.txt", i))
		os.WriteFile(p, []byte("Follow us on Twitter\nThe talks resumed on Monday, officials said.\n"), 0o644)
		files = append(files, input.NewFile(p, filepath.Base(p), ""))
	}
	defer func(o func(string) (*os.File, error)) { openFile = o }(openFile)
	fail := func(err error) func(string) (*os.File, error) {
		return func(name string) (*os.File, error) {
			if strings.HasSuffix(name, "3.txt") {
				return nil, &os.PathError{Op: "open", Path: name, Err: err}
			}
			return os.Open(name)
		}
	}
	openFile = fail(syscall.EMFILE)
	stats, err := GatherChecked(cfg, files, Options{Jobs: 4})
	if err == nil || !strings.Contains(err.Error(), "3.txt") || !errors.Is(err, syscall.EMFILE) {
		t.Errorf("too many open files: error %v", err)
	}
	if stats.Files != 5 {
		t.Errorf("%d files counted", stats.Files)
	}
	openFile = fail(syscall.EACCES)
	if _, err := GatherChecked(cfg, files, Options{Jobs: 4}); err != nil {
		t.Errorf("permission denied is the checking pass's to report: %v", err)
	}
}
