package engine_test

import (
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

// BenchmarkRule measures each default rule alone on the benchmark corpus, line features
// included, so that a slow rule shows up by name.
func BenchmarkRule(b *testing.B) {
	docs := benchCorpus(b)
	for _, a := range config.Default().For("x.txt") {
		b.Run(a.Rule.Meta().ID, func(b *testing.B) {
			b.SetBytes(size(docs))
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for _, d := range docs {
					engine.Check(document.New("x.txt", d), []lint.Active{a}, nil)
				}
			}
		})
	}
}
