package pipeline_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newslint/newslint/pipeline"

	"github.com/newslint/newslint/corpus"
)

// gatherTree gathers and merges the stats of every document under root.
func gatherTree(t *testing.T, l *pipeline.Linter, root string) (*corpus.Stats, map[string][]pipeline.Doc) {
	t.Helper()
	files, _ := l.Files([]string{root})
	docs := map[string][]pipeline.Doc{}
	stats := corpus.New()
	for _, f := range files {
		in, err := os.Open(f.Path())
		if err != nil {
			t.Fatal(err)
		}
		l.ReadDocs(in, f.Path(), f.Rel(), func(d pipeline.Doc) error {
			docs[f.Path()] = append(docs[f.Path()], d)
			stats.Merge(l.Gather(d))
			return nil
		})
		in.Close()
	}
	return stats, docs
}

func findingsWith(t *testing.T, l *pipeline.Linter, docs map[string][]pipeline.Doc, stats *corpus.Stats) []string {
	var out []string
	for _, ds := range docs {
		for _, d := range ds {
			b, err := l.JSONLines(d, l.Lint(d, stats).Findings)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, string(b))
		}
	}
	slices.Sort(out)
	return out
}

func size(s *corpus.Stats) int { return s.Size() }

func TestPruneKeepsFindings(t *testing.T) {
	configs := map[string]string{
		"defaults": "",
		// an override with a lower threshold must keep the counts it needs
		"override": "[[override]]\npaths = [\"trafilatura/**\"]\n[override.rules.template-line]\nmin_files = 2\n",
	}
	for name, conf := range configs {
		t.Run(name, func(t *testing.T) {
			l, err := pipeline.New(pipeline.Spec{Config: conf})
			if err != nil {
				t.Fatal(err)
			}
			stats, docs := gatherTree(t, l, "../testdata/eval/dev")
			want := findingsWith(t, l, docs, stats)
			before := size(stats)
			l.Prune(stats)
			if !stats.Pruned {
				t.Error("pruned stats are not marked")
			}
			if after := size(stats); after*2 > before {
				t.Errorf("pruning kept %d of %d counts", after, before)
			} else {
				t.Logf("pruning kept %d of %d counts", after, before)
			}
			if got := findingsWith(t, l, docs, stats); !slices.Equal(got, want) {
				t.Errorf("pruned stats change the findings: %d documents' findings, want %d", len(got), len(want))
			}
		})
	}
	// the override's threshold is honoured: with min_files 2, a pair of files shares a line
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "low"), 0o755)
	for i := range 2 {
		os.WriteFile(filepath.Join(dir, "low", fmt.Sprintf("%d.txt", i)), fmt.Appendf(nil, "Title %d\n\nA short story about nothing in particular happened today, %d people said.\n\nFollow our live coverage\n", i, i), 0o644)
	}
	l, _ := pipeline.New(pipeline.Spec{Config: "[[override]]\npaths = [\"low/**\"]\n[override.rules.template-line]\nmin_files = 2\nmin_share = 0\n", Select: []string{"template-line"}})
	stats, docs := gatherTree(t, l, dir)
	want := findingsWith(t, l, docs, stats)
	l.Prune(stats)
	if got := findingsWith(t, l, docs, stats); !slices.Equal(got, want) || len(slices.DeleteFunc(want, func(s string) bool { return s == "" })) != 2 {
		t.Errorf("override threshold: got %q, want %q (2 findings)", got, want)
	}
}

// One pipeline.Linter serves many goroutines (the workers of a distributed runner) with the results
// of one.
func TestLinterIsSafeForConcurrentUse(t *testing.T) {
	l, err := pipeline.New(pipeline.Spec{Fix: pipeline.FixSafe})
	if err != nil {
		t.Fatal(err)
	}
	stats, docs := gatherTree(t, l, feedDir(t))
	var all []pipeline.Doc
	for _, ds := range docs {
		all = append(all, ds...)
	}
	want := make([]string, len(all))
	for i, d := range all {
		r := l.Lint(d, stats)
		b, _ := l.JSONLines(d, r.Findings)
		want[i] = string(b) + string(r.Out)
	}
	got := make([]string, len(all))
	done := make(chan struct{})
	for w := range 4 {
		go func() {
			defer func() { done <- struct{}{} }()
			for i := w; i < len(all); i += 4 {
				r := l.Lint(all[i], stats)
				b, _ := l.JSONLines(all[i], r.Findings)
				got[i] = string(b) + string(r.Out)
			}
		}()
	}
	for range 4 {
		<-done
	}
	if !slices.Equal(got, want) {
		t.Error("concurrent linting gave other results than serial linting")
	}
}
