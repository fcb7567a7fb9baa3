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

func fuzzSeeds(f *testing.F) {
	for _, pattern := range []string{"../testdata/seeds/input/*.txt", "../testdata/golden/input/*.txt"} {
		names, _ := filepath.Glob(pattern)
		for _, n := range names {
			if b, err := os.ReadFile(n); err == nil {
				f.Add(string(b))
			}
		}
	}
	for _, s := range []string{"", "READ MORE\n", "Related\n- a b c\n", "veryGood! (1)", "Kim Jung Un\r\n", "\ufeffBy X\r\n", "\xff\n"} {
		f.Add(s)
	}
}

// FuzzRules runs every default rule on arbitrary text: no panic, every range inside the text,
// the edits of each fix inside the text and not overlapping one another.
func FuzzRules(f *testing.F) {
	fuzzSeeds(f)
	active := config.Default().For("f.txt")
	f.Fuzz(func(t *testing.T, src string) {
		doc := document.New("f.txt", src)
		stats := engine.SelfStats(doc, active)
		for _, d := range engine.Check(doc, active, stats) {
			if d.Start < 0 || d.End < d.Start || d.End > len(src) {
				t.Fatalf("%s: range %d..%d outside a text of %d bytes", d.Rule, d.Start, d.End, len(src))
			}
			if d.Fix == nil {
				continue
			}
			end := -1
			for _, e := range d.Fix.Edits {
				if e.Start < 0 || e.End < e.Start || e.End > len(src) {
					t.Fatalf("%s: edit %d..%d outside the text", d.Rule, e.Start, e.End)
				}
				if e.Start < end {
					t.Fatalf("%s: edits of one fix overlap or are unsorted", d.Rule)
				}
				end = e.End
			}
		}
	})
}

// FuzzFix checks fix application: one pass gives the input with exactly the applied fixes'
// edits, and fixing the fixed text again changes nothing.
func FuzzFix(f *testing.F) {
	fuzzSeeds(f)
	active := config.Default().For("f.txt")
	f.Fuzz(func(t *testing.T, src string) {
		doc := document.New("f.txt", src)
		var fixes []*lint.Fix
		for _, d := range engine.Check(doc, active, nil) {
			if d.Fix != nil && engine.Applies(d.Fix.Safety, false) {
				fixes = append(fixes, d.Fix)
			}
		}
		out, applied, _ := engine.ApplyFixes(src, fixes)
		// rebuild the expected text from the applied edits alone
		var edits []lint.TextEdit
		for _, i := range applied {
			edits = append(edits, fixes[i].Edits...)
		}
		var b strings.Builder
		pos := 0
		for len(edits) > 0 {
			k := 0
			for j := range edits {
				if edits[j].Start < edits[k].Start {
					k = j
				}
			}
			e := edits[k]
			edits = append(edits[:k], edits[k+1:]...)
			if e.Start < pos {
				t.Fatalf("applied edits overlap at %d", e.Start)
			}
			b.WriteString(src[pos:e.Start])
			b.WriteString(e.NewText)
			pos = e.End
		}
		b.WriteString(src[pos:])
		if b.String() != out {
			t.Fatalf("ApplyFixes result differs from the input with the applied edits")
		}
		once := engine.Fix("f.txt", src, active, false, nil)
		if !once.Converged {
			return
		}
		twice := engine.Fix("f.txt", once.Text, active, false, nil)
		if twice.Text != once.Text {
			t.Fatalf("fixing twice changed the text:\n%q\n%q", once.Text, twice.Text)
		}
	})
}
