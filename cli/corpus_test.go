package cli

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/pipeline"
)

// corpusDir writes a small corpus in which "Andrei Volkonsky" dominates "Andrey Volkonsky" and
// one file has a glued word.
func corpusDir(t *testing.T) string {
	dir := t.TempDir()
	for i := 0; i < 12; i++ {
		name := "Andrei Volkonsky"
		if i == 7 {
			name = "Andrey Volkonsky"
		}
		text := fmt.Sprintf("Minister %s said on Friday that the talks in Geneva had made progress and that both sides would meet again, officials said.\n", name)
		if i == 3 {
			text += "The ministry statedthat the report was final, and that it would be published on Monday by the government.\n"
		}
		write(t, filepath.Join(dir, fmt.Sprintf("d%02d", i%3), fmt.Sprintf("a%02d.txt", i)), text, 0o644)
	}
	return dir
}

func TestCorpusRulesIndependentOfOrderAndWorkers(t *testing.T) {
	dir := corpusDir(t)
	cfg := config.Default()
	files, _ := input.Collect([]string{dir}, cfg.Files)
	base := engine.Gather(cfg, files, pipeline.RunOptions{Jobs: 1})
	r := rand.New(rand.NewSource(7))
	for round := 0; round < 5; round++ {
		shuffled := append([]input.File(nil), files...)
		r.Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
		got := engine.Gather(cfg, shuffled, pipeline.RunOptions{Jobs: 1 + round*2})
		if !reflect.DeepEqual(got.Rules, base.Rules) || got.Files != base.Files {
			t.Fatalf("round %d: stats differ with shuffled files and %d workers", round, 1+round*2)
		}
	}
	_, one, _ := run(t, dir, "--format", "jsonl", "--jobs", "1", dir)
	_, eight, _ := run(t, dir, "--format", "jsonl", "--jobs", "8", dir)
	if one != eight {
		t.Errorf("output with 1 and 8 workers differs:\n%s\n---\n%s", one, eight)
	}
	if !strings.Contains(one, `"rule":"name-consistency"`) || !strings.Contains(one, `Andrey Volkonsky`) {
		t.Errorf("name-consistency finding missing:\n%s", one)
	}
	if !strings.Contains(one, `"rule":"glued-word"`) {
		t.Errorf("glued-word finding missing:\n%s", one)
	}
}

func TestCorpusStatsRoundTrip(t *testing.T) {
	dir := corpusDir(t)
	stats := filepath.Join(t.TempDir(), "stats.json")
	if code, _, errs := run(t, dir, "stats", "-o", stats, dir); code != 0 {
		t.Fatalf("stats: exit %d %s", code, errs)
	}
	if !strings.Contains(read(t, stats), `"Andrei Volkonsky": 11`) {
		t.Errorf("stats file:\n%s", read(t, stats))
	}
	_, gathered, _ := run(t, dir, "--format", "jsonl", dir)
	_, fed, _ := run(t, dir, "--format", "jsonl", "--corpus-stats", stats, dir)
	if gathered != fed {
		t.Errorf("--corpus-stats gives other findings than the gather pass:\n%s\n---\n%s", gathered, fed)
	}
	// one file linted alone with the corpus's stats still sees the corpus
	one := filepath.Join(dir, "d01", "a07.txt")
	_, alone, _ := run(t, dir, "--format", "jsonl", "--corpus-stats", stats, one)
	if !strings.Contains(alone, "name-consistency") {
		t.Errorf("single file with corpus stats: %s", alone)
	}
	if code, _, errs := run(t, dir, "--corpus-stats", filepath.Join(dir, "missing.json"), dir); code != 2 || !strings.Contains(errs, "--corpus-stats") {
		t.Errorf("missing stats file: exit %d %s", code, errs)
	}
}
