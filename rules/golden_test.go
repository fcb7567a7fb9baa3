package rules_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"testing"

	"github.com/newslint/newslint/lint/linttest"
	"github.com/newslint/newslint/rules"
)

var (
	update  = flag.Bool("update", false, "rewrite the want and fixed sections of the golden rule cases")
	pending = flag.Bool("pending", false, "also run the cases in testdata/rules/*/pending (rules get them wrong today)")
)

const goldenDir = "../testdata/rules"

// TestGolden runs the golden cases of every rule folder in testdata/rules: the findings and
// fixed text of each case (see package linttest). Run one rule with -run Golden/ID; add
// -pending for the cases that rule still gets wrong, -update to rewrite the expectations.
func TestGolden(t *testing.T) {
	known := map[string]bool{linttest.CustomFolder: true}
	for _, r := range rules.Builtins() {
		id := r.Meta().ID
		known[id] = true
		if st, err := os.Stat(filepath.Join(goldenDir, id)); err != nil || !st.IsDir() {
			t.Errorf("rule %s has no golden cases: add %s/%s/ (see README, Writing a rule test)", id, goldenDir, id)
		}
	}
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		if !known[e.Name()] {
			t.Errorf("%s/%s names no registered rule", goldenDir, e.Name())
			continue
		}
		t.Run(e.Name(), func(t *testing.T) {
			linttest.RunFolder(t, filepath.Join(goldenDir, e.Name()), linttest.Options{Update: *update, Pending: *pending})
		})
	}
}

// TestGoldenKinds makes sure every folder shows both sides of its rule: at least one positive
// case (what the rule must find) and one look-alike negative case (text it must leave alone).
func TestGoldenKinds(t *testing.T) {
	entries, err := os.ReadDir(goldenDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		paths, err := linttest.Cases(filepath.Join(goldenDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		pos, neg := 0, 0
		for _, p := range paths {
			c, err := linttest.Load(p)
			if err != nil {
				t.Fatal(err)
			}
			if c.Positive() {
				pos++
			}
			if c.Negative() {
				neg++
			}
		}
		if pos == 0 || neg == 0 {
			t.Errorf("%s: %d positive and %d negative cases; every rule needs both", e.Name(), pos, neg)
		}
	}
}

// TestPendingListed keeps testdata/rules/PENDING.md in step with the pending folders: every
// pending case is listed there with what the rule does wrong, and every listed case exists.
func TestPendingListed(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join(goldenDir, "PENDING.md"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, m := range regexp.MustCompile("(?m)^- `([^`]+/pending/[^`]+\\.txtar)`: \\S").FindAllSubmatch(doc, -1) {
		listed = append(listed, string(m[1]))
	}
	found, err := filepath.Glob(filepath.Join(goldenDir, "*", linttest.PendingDir, "*.txtar"))
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range found {
		found[i], _ = filepath.Rel(goldenDir, p)
		found[i] = filepath.ToSlash(found[i])
	}
	for _, p := range found {
		if !slices.Contains(listed, p) {
			t.Errorf("%s is not listed in PENDING.md (say what the rule does wrong)", p)
		}
	}
	for _, p := range listed {
		if !slices.Contains(found, p) {
			t.Errorf("PENDING.md lists %s, which is not in a pending folder (moved or removed?)", p)
		}
	}
}
