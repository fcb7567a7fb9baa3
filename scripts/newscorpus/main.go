// Command newscorpus builds benchmark corpora of real news text from a directory of articles
// (such as testdata/clean/wikinews-en or testdata/eval/dev/newspaper): copies of the articles,
// optionally cut into wire-sized stories, as .txt files or as one JSON Lines file. The README's
// performance section gives the commands it was run with.
//
//	go run ./scripts/newscorpus -src DIR -out OUT [-copies N] [-cut BYTES] [-jsonl]
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	src := flag.String("src", "", "directory of .txt articles (read recursively)")
	out := flag.String("out", "", "output directory, or file with -jsonl")
	copies := flag.Int("copies", 1, "how many copies of the articles")
	cut := flag.Int("cut", 0, "cut each article into stories of at least this many bytes of text (0: whole articles)")
	jsonl := flag.Bool("jsonl", false, "write one JSON Lines file of records (id, url, text) instead of .txt files")
	flag.Parse()
	if *src == "" || *out == "" || *copies < 1 {
		flag.Usage()
		os.Exit(2)
	}
	texts, err := read(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "newscorpus:", err)
		os.Exit(1)
	}
	if *cut > 0 {
		texts = cutStories(texts, *cut)
	}
	if err := write(texts, *out, *copies, *jsonl); err != nil {
		fmt.Fprintln(os.Stderr, "newscorpus:", err)
		os.Exit(1)
	}
}

// read returns the .txt files under dir, in path order.
func read(dir string) ([]string, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".txt") {
			paths = append(paths, p)
		}
		return err
	})
	sort.Strings(paths)
	var texts []string
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		texts = append(texts, string(b))
	}
	if len(texts) == 0 && err == nil {
		err = fmt.Errorf("no .txt files in %s", dir)
	}
	return texts, err
}

// cutStories cuts each text into stories: runs of its non-blank lines of at least size bytes
// (the last of a text may be shorter), a blank line between two lines, as wire copy is written.
func cutStories(texts []string, size int) []string {
	var out []string
	for _, t := range texts {
		var lines []string
		n := 0
		for _, l := range strings.Split(t, "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			lines = append(lines, l)
			if n += len(l); n >= size {
				out = append(out, strings.Join(lines, "\n\n")+"\n")
				lines, n = nil, 0
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n\n")+"\n")
		}
	}
	return out
}

// write writes copies of texts: as OUT/<copy>/<n>.txt, or as records of one JSON Lines file
// whose URLs spread each copy over 8 sites of its own (corpus rules count the records of a site
// together, as they count the files of a directory: copies of a text never share a site).
func write(texts []string, out string, copies int, jsonl bool) error {
	if jsonl {
		f, err := os.Create(out)
		if err != nil {
			return err
		}
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		id := 0
		for c := range copies {
			for i, t := range texts {
				rec := map[string]any{"id": id, "url": fmt.Sprintf("https://site%d-%d.example/%d", c, i%8, i), "text": t}
				if err := enc.Encode(rec); err != nil {
					f.Close()
					return err
				}
				id++
			}
		}
		return f.Close()
	}
	for c := range copies {
		dir := filepath.Join(out, fmt.Sprint(c))
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return err
		}
		for i, t := range texts {
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(t), 0o644); err != nil {
				return err
			}
		}
	}
	return nil
}
