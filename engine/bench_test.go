package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
)

// benchCorpus is about 1 MB of realistic scraped text: the seeds and the labelled eval files.
func benchCorpus(b *testing.B) []string {
	var docs []string
	total := 0
	for _, pattern := range []string{"../testdata/seeds/input/*.txt", "../testdata/eval/dev/*/*.txt"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			raw, err := os.ReadFile(n)
			if err != nil {
				b.Fatal(err)
			}
			docs = append(docs, string(raw))
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

func size(docs []string) int64 {
	n := 0
	for _, d := range docs {
		n += len(d)
	}
	return int64(n)
}

// BenchmarkCheck is the default rule set over documents in memory (no I/O).
func BenchmarkCheck(b *testing.B) {
	docs := benchCorpus(b)
	cfg := config.Default()
	active := cfg.For("x.txt")
	b.SetBytes(size(docs))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			engine.Check(document.New("x.txt", d), active, nil)
		}
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
	docs := benchCorpus(b)
	active := config.Default().For("x.txt")
	b.SetBytes(size(docs))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			engine.Fix("x.txt", d, active, false, nil)
		}
	}
}
