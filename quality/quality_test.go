package quality

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Targets with the default configuration. --fix keeps article text: overall precision of
// deleted lines, a floor for every extractor's output (the dev set is small: one wrong line
// moves an extractor's figure by a few points), and the share of article characters lost.
// --unsafe-fixes may be less sure but must stay precise and lose little.
const (
	minPrecision          = 0.99
	minExtractorPrecision = 0.95
	maxLost               = 0.001
	minRecall             = 0.80
	minUnsafePrecision    = 0.95
	maxUnsafeLost         = 0.01
	// the dev set hard-wrapped at 72 columns (TestHardWrappedDevSet)
	minWrappedRecall = 0.70
	// pages cut to the article's container (TestContainerCutDevSet)
	minCutRecall    = 0.65
	minCutPrecision = 0.97
)

var devSet = filepath.Join("..", "testdata", "eval", "dev")

func TestDevSetQuality(t *testing.T) {
	s, byDir, err := RunByDir(devSet, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(s)
	if s.Deleted+s.Kept < 10000 {
		t.Fatalf("only %d labelled boilerplate lines: the dev set is incomplete", s.Deleted+s.Kept)
	}
	check(t, "--fix", s, minPrecision, maxLost)
	if s.Recall() < minRecall {
		t.Errorf("recall %.3f < %.2f", s.Recall(), minRecall)
	}
	for dir, d := range byDir {
		t.Logf("%-12s %s", dir, d)
		if d.Precision() < minExtractorPrecision {
			t.Errorf("%s: precision %.3f < %.2f", dir, d.Precision(), minExtractorPrecision)
		}
	}
	for i, m := range s.Misses {
		if i == 10 {
			break
		}
		t.Logf("content deleted: %s:%d: %.100s", m.File, m.Line, m.Text)
	}
}

func TestDevSetQualityUnsafe(t *testing.T) {
	s, err := Run(devSet, true)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(s)
	check(t, "--unsafe-fixes", s, minUnsafePrecision, maxUnsafeLost)
}

// TestHardWrappedDevSet runs the dev set wrapped at 72 columns, as wire services, html2text and
// e-mail feeds write text (each piece of a wrapped line keeps the line's label): rules must see
// the paragraph, not the physical line.
func TestHardWrappedDevSet(t *testing.T) {
	dir := wrapLabelled(t, devSet, t.TempDir(), 72)
	for _, unsafe := range []bool{false, true} {
		s, err := Run(dir, unsafe)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("unsafe=%v: %s", unsafe, s)
		if unsafe {
			check(t, "wrapped, --unsafe-fixes", s, minUnsafePrecision, 2*maxUnsafeLost)
		} else {
			check(t, "wrapped, --fix", s, minPrecision, maxLost)
			if s.Recall() < minWrappedRecall {
				t.Errorf("wrapped, --fix: recall %.3f < %.2f", s.Recall(), minWrappedRecall)
			}
		}
	}
}

// TestCleanTextUnchanged: on clean, human-edited news (Wikinews, English and French) every
// change --fix makes is an error.
func TestCleanTextUnchanged(t *testing.T) {
	for _, lang := range []string{"wikinews-en", "wikinews-fr"} {
		changes, err := Changes(filepath.Join("..", "testdata", "clean", lang), false)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range changes {
			t.Errorf("%s/%s: --fix changed %q", lang, c.File, c.Lines)
		}
	}
}

func check(t *testing.T, what string, s Score, minP, maxL float64) {
	t.Helper()
	if s.Precision() < minP {
		t.Errorf("%s: precision %.3f < %.2f", what, s.Precision(), minP)
	}
	if s.Lost() > maxL {
		t.Errorf("%s: content lost %.4f > %.3f", what, s.Lost(), maxL)
	}
}

// rewriteLabelled writes the labelled set src into dst, each file's lines and labels as
// rewrite gives them (files it declines are left out), with a new labels.jsonl.
func rewriteLabelled(t *testing.T, src, dst string, rewrite func(l Label, lines []string) (Label, []string, bool)) string {
	t.Helper()
	labels, err := ReadLabels(filepath.Join(src, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.Create(filepath.Join(dst, "labels.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	bw := bufio.NewWriter(out)
	defer bw.Flush()
	for _, l := range labels {
		b, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(l.File)))
		if err != nil {
			t.Fatal(err)
		}
		nl, lines, ok := rewrite(l, strings.Split(string(b), "\n"))
		if !ok {
			continue
		}
		path := filepath.Join(dst, filepath.FromSlash(l.File))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
			t.Fatal(err)
		}
		j, _ := json.Marshal(nl)
		bw.Write(append(j, '\n'))
	}
	return dst
}

// wrapLabelled writes the labelled set src into dst with every line wrapped at width columns,
// and labels.jsonl renumbered so that each piece keeps its line's label.
func wrapLabelled(t *testing.T, src, dst string, width int) string {
	t.Helper()
	return rewriteLabelled(t, src, dst, func(l Label, in []string) (Label, []string, bool) {
		class := map[int]*[]int{}
		nl := Label{File: l.File, Boilerplate: []int{}, Content: []int{}, Ambiguous: []int{}}
		for _, n := range l.Boilerplate {
			class[n] = &nl.Boilerplate
		}
		for _, n := range l.Content {
			class[n] = &nl.Content
		}
		for _, n := range l.Ambiguous {
			class[n] = &nl.Ambiguous
		}
		var lines []string
		for i, line := range in {
			for _, piece := range wrap(line, width) {
				lines = append(lines, piece)
				if c := class[i+1]; c != nil {
					*c = append(*c, len(lines))
				}
			}
		}
		return nl, lines, true
	})
}

// TestContainerCutDevSet runs the whole-page extractions of the dev set cut the way a scraper
// that keeps the article's container cuts them: from four non-blank lines before the article's
// first line (headline, byline, date) to the end, the page's footer included. Without the menus
// before the body, the footer must still go.
func TestContainerCutDevSet(t *testing.T) {
	dir := cutLabelled(t, devSet, t.TempDir(), "html-text", 4)
	s, err := Run(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(s)
	check(t, "cut to the container, --fix", s, minCutPrecision, 2*maxLost)
	if s.Recall() < minCutRecall {
		t.Errorf("cut to the container: recall %.3f < %.2f", s.Recall(), minCutRecall)
	}
}

// cutLabelled writes the files of one extractor's folder of src to dst, each from keep non-blank
// lines before its first content line to its end, with the labels renumbered.
func cutLabelled(t *testing.T, src, dst, folder string, keep int) string {
	t.Helper()
	return rewriteLabelled(t, src, dst, func(l Label, lines []string) (Label, []string, bool) {
		if !strings.HasPrefix(l.File, folder+"/") || len(l.Content) == 0 {
			return l, nil, false
		}
		first := l.Content[0]
		for _, n := range l.Content {
			first = min(first, n)
		}
		start := first - 1 // 0-based index of the first kept line
		for kept := 0; start > 0 && kept < keep; {
			start--
			if strings.TrimSpace(lines[start]) != "" {
				kept++
			}
		}
		shift := func(ns []int) []int {
			out := []int{}
			for _, n := range ns {
				if n-start >= 1 {
					out = append(out, n-start)
				}
			}
			return out
		}
		return Label{File: l.File, Boilerplate: shift(l.Boilerplate), Content: shift(l.Content), Ambiguous: shift(l.Ambiguous)}, lines[start:], true
	})
}

func TestDeletedLines(t *testing.T) {
	got := DeletedLines("a\nb\nc\nd\ne", "a\nc\nX\ne")
	if len(got) != 2 || !got[2] || !got[4] {
		t.Errorf("deleted %v, want lines 2 and 4", got)
	}
	if len(DeletedLines("a\nb", "a\nb")) != 0 {
		t.Error("equal texts")
	}
}
