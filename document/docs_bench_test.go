package document

import (
	"testing"

	"github.com/newslint/newslint/internal/testtext"
)

// benchTexts are the texts of testdata, the inputs of the document benchmarks.
func benchTexts(b *testing.B) (texts []string, size int64) {
	texts = testtext.Texts(b, "../testdata")
	for _, t := range texts {
		size += int64(len(t))
	}
	return texts, size
}

// BenchmarkFeatures measures every line of every testdata text, as Feat does (a line is folded
// to lower case only when a rule asks for it).
func BenchmarkFeatures(b *testing.B) {
	texts, size := benchTexts(b)
	docs := make([]*Document, len(texts))
	for i, t := range texts {
		docs[i] = New("x.txt", t)
	}
	b.SetBytes(size)
	for b.Loop() {
		featuresAll(docs)
	}
}

// featuresAll is the work of one iteration of BenchmarkFeatures (a function of its own, for
// profilers to count).
//
//go:noinline
func featuresAll(docs []*Document) {
	for _, d := range docs {
		d.feats = nil
		d.measure()
	}
}

// BenchmarkWordsOf splits every testdata text into words, as WordsOf does.
func BenchmarkWordsOf(b *testing.B) {
	texts, size := benchTexts(b)
	b.SetBytes(size)
	for b.Loop() {
		wordsAll(texts)
	}
}

//go:noinline
func wordsAll(texts []string) {
	for _, t := range texts {
		Words(t, nil)
	}
}

// BenchmarkLanguageOfWords identifies the language of every testdata text from its words, as
// LanguageOf does.
func BenchmarkLanguageOfWords(b *testing.B) {
	texts, size := benchTexts(b)
	docs := make([]*Document, 0, len(texts))
	for _, t := range texts {
		if len(t) <= langSampleBytes {
			d := New("x.txt", t)
			WordsOf(d)
			docs = append(docs, d)
		}
	}
	b.SetBytes(size)
	for b.Loop() {
		languageAll(docs)
	}
}

//go:noinline
func languageAll(docs []*Document) {
	for _, d := range docs {
		languageOfWords(d, WordsOf(d))
	}
}
