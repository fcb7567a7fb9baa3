package engine_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/lint"
)

// propertyFiles are every text file of testdata and, when present beside the repository, the
// shared labelled set.
func propertyFiles(t *testing.T) []string {
	var out []string
	for _, pattern := range []string{"../testdata/seeds/input/*.txt", "../testdata/seeds/expected/*.txt", "../testdata/golden/input/*.txt",
		"../testdata/eval/dev/*/*.txt", "../../shared/eval/dev/*/*.txt", "../../shared/seeds/*.txt"} {
		names, _ := filepath.Glob(pattern)
		out = append(out, names...)
	}
	if len(out) < 300 {
		t.Fatalf("only %d files", len(out))
	}
	return out
}

// TestFixProperties checks on real files that every fix edit deletes whole lines or stays
// inside its finding's range, that fixing changes nothing but what the applied edits name
// (and blank lines they leave at the end), and that a second --fix changes nothing.
func TestFixProperties(t *testing.T) {
	active := config.Default().For("x.txt")
	for _, p := range propertyFiles(t) {
		raw, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		src := string(raw)
		doc := document.New(p, src)
		stats := engine.SelfStats(doc, active)
		for _, d := range engine.Check(doc, active, stats) {
			if d.Fix == nil {
				continue
			}
			for _, e := range d.Fix.Edits {
				wholeLines := e.NewText == "" && doc.Lines[doc.LineAt(e.Start)].Start == e.Start &&
					(e.End == len(src) || doc.Lines[doc.LineAt(e.End)].Start == e.End)
				inside := e.Start >= d.Start && e.End <= d.End
				if !wholeLines && !inside {
					t.Errorf("%s: %s edit %d..%d %q is neither whole lines nor inside its finding %d..%d",
						p, d.Rule, e.Start, e.End, e.NewText, d.Start, d.End)
				}
			}
		}
		// replay the passes: each applies only the edits of the applicable fixes
		cur := src
		for pass := 0; pass <= engine.MaxPasses; pass++ {
			cd := document.New(p, cur)
			var fixes []*lint.Fix
			for _, d := range engine.Check(cd, active, stats) {
				if d.Fix != nil && engine.Applies(d.Fix.Safety, false) {
					fixes = append(fixes, d.Fix)
				}
			}
			next, _, _ := engine.ApplyFixes(cur, fixes)
			if next == cur {
				break
			}
			cur = next
		}
		res := engine.Fix(p, src, active, false, stats)
		if strings.TrimRight(res.Text, " \t\r\n") != strings.TrimRight(cur, " \t\r\n") {
			t.Errorf("%s: --fix changed more than its edits", p)
		}
		again := engine.Fix(p, res.Text, active, false, stats)
		if again.Text != res.Text {
			t.Errorf("%s: a second --fix changed the file", p)
		}
	}
}
