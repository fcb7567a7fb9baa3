package engine_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/processors"
)

// hideRule is a suppression of one rule.
type hideRule string

func (h hideRule) Hide(_ processors.Unit, fs []finding.Finding) []bool {
	out := make([]bool, len(fs))
	for i := range fs {
		out[i] = fs[i].Rule == string(h)
	}
	return out
}

// TestFiltersRunBeforeFixing: a hidden finding is neither fixed nor reported; the others are.
func TestFiltersRunBeforeFixing(t *testing.T) {
	text := "The ministry said on Friday that the talks had made progress and would resume next month.\n" +
		"veryGood! (62)\nLeave a Reply\n"
	cfg := config.Default()
	f := input.NewFile("a.txt", "a.txt", "")
	opts := engine.Options{Fix: true, Pipeline: processors.New([]processors.Filter{hideRule("vote-widget")})}
	res, fixed := engine.LintBytes(cfg, f, []byte(text), opts)
	if !strings.Contains(fixed, "veryGood! (62)") || strings.Contains(fixed, "Leave a Reply") {
		t.Errorf("fixed text:\n%s", fixed)
	}
	if len(res.Suppressed) != 1 || res.Suppressed[0].Rule != "vote-widget" || len(res.Findings) != 0 {
		t.Errorf("suppressed %v, findings %v", res.Suppressed, res.Findings)
	}
	// without the filter, both are fixed
	opts.Pipeline = nil
	if _, fixed := engine.LintBytes(cfg, f, []byte(text), opts); strings.Contains(fixed, "veryGood") {
		t.Errorf("without a filter:\n%s", fixed)
	}
}

// TestHiddenFindingsStreamInParts: a feed whose findings are all hidden is still reported in
// parts, so that hidden findings do not pile up either.
func TestHiddenFindingsStreamInParts(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := range 2500 {
		fmt.Fprintf(&b, `{"id":%d,"text":"The ministry said on Friday that the talks had made progress.\nveryGood! (%d)"}`+"\n", i, i)
	}
	p := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	cfg := config.Default()
	opts := engine.Options{Pipeline: processors.New([]processors.Filter{hideRule("vote-widget")})}
	parts, hidden, shown := 0, 0, 0
	engine.Run(cfg, []input.File{input.NewFile(p, "feed.jsonl", "")}, opts, func(r *engine.Result) {
		parts++
		hidden += len(r.Suppressed)
		for _, f := range r.Findings {
			if f.Rule == "vote-widget" {
				shown++
			}
		}
		if len(r.Suppressed) > 1000 {
			t.Errorf("part %d holds %d hidden findings", r.Part, len(r.Suppressed))
		}
	})
	if parts < 3 || hidden != 2500 || shown != 0 {
		t.Errorf("%d parts, %d hidden, %d shown", parts, hidden, shown)
	}
}
