// Command benchcorpus writes a synthetic corpus of scraped news for benchmarks: articles made
// of sentences from the seed and labelled files in testdata, mixed with the boilerplate that
// newslint finds (headline blocks, widgets, menus, captions), in nested directories.
//
//	go run ./scripts/benchcorpus -mb 100 -out /tmp/corpus [-jsonl]
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	mb := flag.Int("mb", 100, "corpus size in MB")
	out := flag.String("out", "corpus", "output directory")
	jsonl := flag.Bool("jsonl", false, "write one JSON Lines file instead of text files")
	seed := flag.Int64("seed", 1, "random seed")
	flag.Parse()
	sentences, lines := material()
	r := rand.New(rand.NewSource(*seed))
	boiler := []string{"READ MORE", "Related", "veryGood! (62)", "Leave a Reply", "Advertisement", "Home", "News", "World",
		"Business", "Sport", "By Jane Example", "Photo: Jane Example/Getty Images", "Tags: politics, economy", "Share this:",
		"Most Popular", "Nov. 19, 2019 8:03 am ET", "Kim Jung Un", "Back to top button", "Like (12)"}
	article := func() string {
		var b strings.Builder
		if r.Intn(3) == 0 {
			for i := 0; i < 5+r.Intn(10); i++ {
				b.WriteString(boiler[r.Intn(len(boiler))] + "\n")
			}
		}
		for p := 0; p < 8+r.Intn(20); p++ {
			for s := 0; s < 1+r.Intn(4); s++ {
				if s > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(sentences[r.Intn(len(sentences))])
			}
			b.WriteByte('\n')
			if r.Intn(6) == 0 {
				b.WriteString(lines[r.Intn(len(lines))] + "\n")
			}
		}
		if r.Intn(2) == 0 {
			b.WriteString(boiler[r.Intn(3)] + "\n")
			for i := 0; i < 3+r.Intn(8); i++ {
				b.WriteString("- " + lines[r.Intn(len(lines))] + "\n")
			}
		}
		return b.String()
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fail(err)
	}
	total, limit := 0, *mb<<20
	if *jsonl {
		f, err := os.Create(filepath.Join(*out, "feed.jsonl"))
		if err != nil {
			fail(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		for i := 0; total < limit; i++ {
			rec, _ := json.Marshal(map[string]any{"id": i, "url": fmt.Sprintf("https://example.com/%d", i), "text": article()})
			w.Write(rec)
			w.WriteByte('\n')
			total += len(rec) + 1
		}
		if err := w.Flush(); err != nil {
			fail(err)
		}
		f.Close()
		return
	}
	for i := 0; total < limit; i++ {
		dir := filepath.Join(*out, fmt.Sprintf("site%02d", i%37), fmt.Sprintf("%03d", i/1000))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			fail(err)
		}
		a := article()
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%06d.txt", i)), []byte(a), 0o644); err != nil {
			fail(err)
		}
		total += len(a)
	}
}

// material returns sentences of prose and short lines from testdata.
func material() (sentences, lines []string) {
	for _, pattern := range []string{"testdata/seeds/input/*.txt", "testdata/eval/dev/trafilatura/*.txt"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			raw, err := os.ReadFile(n)
			if err != nil {
				fail(err)
			}
			for _, l := range strings.Split(string(raw), "\n") {
				l = strings.TrimSpace(l)
				switch n := len(strings.Fields(l)); {
				case n >= 12:
					for _, s := range strings.SplitAfter(l, ". ") {
						if s = strings.TrimSpace(s); len(s) > 20 {
							sentences = append(sentences, s)
						}
					}
				case n >= 3:
					lines = append(lines, l)
				}
			}
		}
	}
	if len(sentences) == 0 {
		fail(fmt.Errorf("no material: run from the repository root"))
	}
	return sentences, lines
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "benchcorpus:", err)
	os.Exit(1)
}
