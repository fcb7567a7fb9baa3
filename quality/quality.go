// Package quality scores newslint's fixes against line labels of real scraper output: which
// deleted lines were boilerplate (precision), how much boilerplate was deleted (recall), and
// how much article text was lost. The dev set lives in testdata/eval.
package quality

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/sergi/go-diff/diffmatchpatch"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/input"
)

// Label is one labelled file: 1-based line numbers of each class.
type Label struct {
	File        string `json:"file"`
	Boilerplate []int  `json:"boilerplate"`
	Content     []int  `json:"content"`
	Ambiguous   []int  `json:"ambiguous"`
}

// Miss is a content line that a fix deleted.
type Miss struct {
	File string
	Line int
	Text string
}

// Score counts deleted lines by label.
type Score struct {
	Deleted, DeletedContent, Kept int // boilerplate deleted, content deleted, boilerplate kept
	LostChars, ContentChars       int
	Misses                        []Miss
}

// Precision is the share of deleted labelled lines that were boilerplate.
func (s Score) Precision() float64 {
	if s.Deleted+s.DeletedContent == 0 {
		return 1
	}
	return float64(s.Deleted) / float64(s.Deleted+s.DeletedContent)
}

// Recall is the share of boilerplate lines deleted.
func (s Score) Recall() float64 {
	if s.Deleted+s.Kept == 0 {
		return 0
	}
	return float64(s.Deleted) / float64(s.Deleted+s.Kept)
}

// Lost is the share of content characters deleted.
func (s Score) Lost() float64 {
	if s.ContentChars == 0 {
		return 0
	}
	return float64(s.LostChars) / float64(s.ContentChars)
}

func (s Score) String() string {
	return fmt.Sprintf("precision %.3f recall %.3f content_lost %.4f (deleted boilerplate %d, deleted content %d, kept boilerplate %d)",
		s.Precision(), s.Recall(), s.Lost(), s.Deleted, s.DeletedContent, s.Kept)
}

// ReadLabels reads labels.jsonl.
func ReadLabels(path string) ([]Label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []Label
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var l Label
		if err := json.Unmarshal(sc.Bytes(), &l); err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

// DeletedLines returns the 1-based numbers of lines of before (split on "\n") that are absent
// from after in a line-level diff.
func DeletedLines(before, after string) map[int]bool {
	a, b := strings.Split(before, "\n"), strings.Split(after, "\n")
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	ra, rb, _ := dmp.DiffLinesToRunes(strings.Join(a, "\n")+"\n", strings.Join(b, "\n")+"\n")
	gone := map[int]bool{}
	line := 1
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		n := len([]rune(d.Text))
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			line += n
		case diffmatchpatch.DiffDelete:
			for i := 0; i < n; i++ {
				gone[line+i] = true
			}
			line += n
		}
	}
	return gone
}

// Run fixes every labelled file of dir in memory with the default configuration (safe fixes,
// and unsafe ones with unsafe) and scores the result. Corpus rules see the whole directory.
func Run(dir string, unsafe bool) (Score, error) {
	s, _, err := RunByDir(dir, unsafe)
	return s, err
}

// RunByDir is Run with a score per top-level folder of dir as well (one per extractor).
func RunByDir(dir string, unsafe bool) (Score, map[string]Score, error) {
	labels, err := ReadLabels(filepath.Join(dir, "labels.jsonl"))
	if err != nil {
		return Score{}, nil, err
	}
	cfg := config.Default()
	files, problems := input.Collect([]string{dir}, cfg.Files)
	if len(problems) > 0 {
		return Score{}, nil, problems[0]
	}
	stats := engine.Gather(cfg, files, engine.Options{})
	var total Score
	byDir := map[string]Score{}
	for _, l := range labels {
		path := filepath.Join(dir, filepath.FromSlash(l.File))
		raw, err := os.ReadFile(path)
		if err != nil {
			return Score{}, nil, err
		}
		rel, _ := filepath.Rel(dir, path)
		res := engine.FixIn(path, corpus.GroupOf(rel), string(raw), cfg.For(filepath.ToSlash(rel)), unsafe, stats)
		lines := strings.Split(string(raw), "\n")
		gone := DeletedLines(string(raw), res.Text)
		top, _, _ := strings.Cut(l.File, "/")
		d := byDir[top]
		for _, s := range []*Score{&total, &d} {
			for _, i := range l.Boilerplate {
				if gone[i] {
					s.Deleted++
				} else {
					s.Kept++
				}
			}
			for _, i := range l.Content {
				s.ContentChars += len([]rune(lines[i-1]))
				if gone[i] {
					s.DeletedContent++
					s.LostChars += len([]rune(lines[i-1]))
					s.Misses = append(s.Misses, Miss{l.File, i, lines[i-1]})
				}
			}
		}
		byDir[top] = d
	}
	sort.SliceStable(total.Misses, func(i, j int) bool { return len(total.Misses[i].Text) > len(total.Misses[j].Text) })
	return total, byDir, nil
}

// Change is a file that fixing changed, with the lines it deleted or edited.
type Change struct {
	File  string
	Lines []string
}

// Changes fixes every file of dir in memory with the default configuration (corpus rules see
// the whole directory) and lists the files whose text changed. On clean text every change is
// an error.
func Changes(dir string, unsafe bool) ([]Change, error) {
	cfg := config.Default()
	files, problems := input.Collect([]string{dir}, cfg.Files)
	if len(problems) > 0 {
		return nil, problems[0]
	}
	stats := engine.Gather(cfg, files, engine.Options{})
	var out []Change
	for _, f := range files {
		raw, err := os.ReadFile(f.Path())
		if err != nil {
			return nil, err
		}
		res := engine.FixIn(f.Path(), engine.GroupOf(f), string(raw), cfg.For(f.Rel()), unsafe, stats)
		if res.Text == string(raw) {
			continue
		}
		c := Change{File: f.Rel()}
		lines := strings.Split(string(raw), "\n")
		gone := DeletedLines(string(raw), res.Text)
		for i := 1; i <= len(lines); i++ {
			if gone[i] {
				c.Lines = append(c.Lines, lines[i-1])
			}
		}
		out = append(out, c)
	}
	return out, nil
}
