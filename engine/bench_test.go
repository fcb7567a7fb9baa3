package engine_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/input"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
)

// benchDoc is one text of the benchmark corpus and the directory it came from (its corpus group).
type benchDoc struct {
	dir, text string
}

// benchCorpus is about 1 MB of realistic scraped text: the seeds and the labelled eval files.
func benchCorpus(b *testing.B) []string {
	var docs []string
	for _, d := range benchDocs(b) {
		docs = append(docs, d.text)
	}
	return docs
}

func benchDocs(b *testing.B) []benchDoc {
	var docs []benchDoc
	total := 0
	for _, pattern := range []string{"../testdata/seeds/input/*.txt", "../testdata/eval/dev/*/*.txt"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			raw, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, benchDoc{filepath.Base(filepath.Dir(n)), string(raw)})
			total += len(raw)
			if total > 1<<20 {
				return docs
			}
		}
	}
	if len(docs) == 0 {
		b.Fatal("no benchmark corpus")
	}
	return docs
}

// benchStats gathers the corpus statistics of the benchmark corpus as a run does, each text
// counted with the others of its directory, so that corpus rules do their real work.
func benchStats(b *testing.B, docs []benchDoc) *corpus.Stats {
	cfg := config.Default()
	files, _ := writeBenchDocs(b, docs)
	stats, err := engine.GatherChecked(cfg, files, engine.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return stats
}

// writeBenchDocs writes docs as files of their directories under a temporary directory and
// returns the files and their total size.
func writeBenchDocs(b *testing.B, docs []benchDoc) ([]input.File, int) {
	dir := b.TempDir()
	var files []input.File
	n := 0
	for i, d := range docs {
		rel := fmt.Sprintf("%s/%04d.txt", d.dir, i)
		path := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(d.text), 0o644); err != nil {
			b.Fatal(err)
		}
		files = append(files, input.NewFile(path, rel, ""))
		n += len(d.text)
	}
	return files, n
}

func size(docs []string) int64 {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	return int64(n)
}

// BenchmarkCheck is the default rule set over documents in memory (no I/O), with the corpus
// statistics gathered from them.
func BenchmarkCheck(b *testing.B) {
	docs := benchDocs(b)
	stats := benchStats(b, docs)
	active := config.Default().For("x.txt")
	n := 0
	for _, d := range docs {
		n += len(d.text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			doc := document.New(d.dir+"/x.txt", d.text)
			doc.Group = d.dir
			engine.Check(doc, active, stats)
		}
	}
}

// BenchmarkRun is a whole default run over the benchmark corpus written to files, as the
// command line makes it: the corpus pass (engine.GatherChecked), the counts pruned, and the
// checking pass (engine.Run) with them, on all cores, reports left out. one-pass is the
// command line's run (the corpus pass checks too, Options.OnePass); two-pass checks every text
// again in the checking pass.
func BenchmarkRun(b *testing.B) {
	docs := benchDocs(b)
	files, n := writeBenchDocs(b, docs)
	cfg := config.Default()
	for _, onePass := range []bool{true, false} {
		name := "one-pass"
		if !onePass {
			name = "two-pass"
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				stats, err := engine.GatherChecked(cfg, files, engine.Options{OnePass: onePass})
				if err != nil {
					b.Fatal(err)
				}
				cfg.Prune(stats)
				found := 0
				engine.Run(cfg, files, engine.Options{Corpus: stats, OnePass: onePass}, func(r *engine.Result) { found += len(r.Findings) })
				if found == 0 {
					b.Fatal("no findings")
				}
			}
		})
	}
}

// BenchmarkCleanText is the cost of text without findings, the common case.
func BenchmarkCleanText(b *testing.B) {
	para := "The ministry said on Friday that the talks had made progress, and that both sides would meet again next month in Geneva. "
	text := strings.Repeat(para+para+"\n", 4000)
	active := config.Default().For("x.txt")
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		engine.Check(document.New("x.txt", text), active, nil)
	}
}

// BenchmarkFix includes fixing until stable.
func BenchmarkFix(b *testing.B) {
	docs := benchDocs(b)
	stats := benchStats(b, docs)
	active := config.Default().For("x.txt")
	n := 0
	for _, d := range docs {
		n += len(d.text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			engine.FixIn(d.dir+"/x.txt", d.dir, d.text, active, false, stats)
		}
	}
}
