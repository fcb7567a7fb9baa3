package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func sortedLines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	l = slices.DeleteFunc(l, func(x string) bool { return x == "" })
	slices.Sort(l)
	return l
}

// The union of the findings of N shards, linted against the merged stats of N shards, is the
// findings of one run, byte for byte after sorting.
func TestShardedRunsEqualOneRun(t *testing.T) {
	t.Chdir("../testdata/eval")
	// the labelled texts (labels.jsonl holds no text field newslint reads)
	roots := []string{"dev/html-text", "dev/newspaper", "dev/readability", "dev/trafilatura"}
	code, out, stderr := run(t, "", append([]string{"--format", "jsonl", "--exit-zero"}, roots...)...)
	if code != 0 {
		t.Fatalf("single run: exit %d: %s", code, stderr)
	}
	want := sortedLines(out)
	if len(want) < 1000 {
		t.Fatalf("the single run found only %d findings", len(want))
	}
	tmp := t.TempDir()
	for _, n := range []int{1, 2, 7} {
		for _, prune := range []bool{false, true} {
			var parts []string
			sizes := map[int]bool{}
			for i := 1; i <= n; i++ {
				ext := ".bin"
				if i%2 == 0 {
					ext = ".json" // the encodings mix
				}
				p := filepath.Join(tmp, fmt.Sprintf("part-%d-%d%s", n, i, ext))
				if code, _, stderr := run(t, "", "stats", "--shard", fmt.Sprintf("%d/%d", i, n), "-o", p, roots[0], roots[1], roots[2], roots[3]); code != 0 {
					t.Fatalf("stats shard %d/%d: exit %d: %s", i, n, code, stderr)
				}
				parts = append(parts, p)
			}
			merged := filepath.Join(tmp, fmt.Sprintf("corpus-%d-%v.bin", n, prune))
			args := []string{"stats", "merge", "-o", merged}
			if prune {
				args = append(args, "--prune")
			}
			if code, _, stderr := run(t, "", append(args, parts...)...); code != 0 {
				t.Fatalf("stats merge: exit %d: %s", code, stderr)
			}
			var got []string
			for i := 1; i <= n; i++ {
				code, out, stderr := run(t, "", "--format", "jsonl", "--exit-zero", "--corpus-stats", merged, "--shard", fmt.Sprintf("%d/%d", i, n), roots[0], roots[1], roots[2], roots[3])
				if code != 0 {
					t.Fatalf("lint shard %d/%d: exit %d: %s", i, n, code, stderr)
				}
				sizes[len(out)] = true
				got = append(got, sortedLines(out)...)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("N=%d prune=%v: shards found %d findings, one run %d", n, prune, len(got), len(want))
			}
			if n > 1 && len(sizes) < 2 {
				t.Errorf("N=%d: every shard printed the same amount: were the files split at all?", n)
			}
		}
	}
}

func TestShardFlagsAreChecked(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "a.txt"), "Some text.\n", 0o644)
	for _, s := range []string{"0/3", "4/3", "1/0", "x", "1/2/3"} {
		if code, _, stderr := run(t, "", "--shard", s, dir); code != ExitError || !strings.Contains(stderr, "--shard") {
			t.Errorf("--shard %s: exit %d, %q", s, code, stderr)
		}
	}
	part := filepath.Join(dir, "p.bin")
	run(t, "", "stats", "-o", part, dir)
	final := filepath.Join(dir, "final.bin")
	if code, _, stderr := run(t, "", "stats", "merge", "--prune", "-o", final, part); code != 0 {
		t.Fatalf("merge: %d %s", code, stderr)
	}
	if code, _, stderr := run(t, "", "stats", "merge", "-o", filepath.Join(dir, "again.bin"), final, part); code != ExitError || !strings.Contains(stderr, "pruned") {
		t.Errorf("merging pruned stats: exit %d, %q", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "again.bin")); err == nil {
		t.Error("a refused merge wrote its output")
	}
}
