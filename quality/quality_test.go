package quality

import (
	"path/filepath"
	"testing"
)

// Targets on the labelled dev set with the default configuration and --fix (safe fixes only).
const (
	minPrecision = 0.98
	maxLost      = 0.002
	minRecall    = 0.70
)

func TestDevSetQuality(t *testing.T) {
	s, err := Run(filepath.Join("..", "testdata", "eval", "dev"), false)
	if err != nil {
		t.Fatal(err)
	}
	t.Log(s)
	if s.Deleted+s.Kept < 10000 {
		t.Fatalf("only %d labelled boilerplate lines: the dev set is incomplete", s.Deleted+s.Kept)
	}
	if s.Precision() < minPrecision {
		t.Errorf("precision %.3f < %.2f", s.Precision(), minPrecision)
	}
	if s.Lost() > maxLost {
		t.Errorf("content lost %.4f > %.3f", s.Lost(), maxLost)
	}
	if s.Recall() < minRecall {
		t.Errorf("recall %.3f < %.2f", s.Recall(), minRecall)
	}
	for i, m := range s.Misses {
		if i == 10 {
			break
		}
		t.Logf("content deleted: %s:%d: %.100s", m.File, m.Line, m.Text)
	}
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
