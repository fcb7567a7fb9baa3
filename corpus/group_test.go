package corpus

import (
	"math/rand"
	"path"
	"strings"
	"testing"
)

// TestGroupOfTakesCleanPathsAsTheyAre: GroupOf gives what cleaning the path and taking its
// directory gives, on the walk's clean paths (whose directory it takes in place) and on paths
// with empty, "." and ".." segments, backslashes, leading and trailing slashes.
func TestGroupOfTakesCleanPathsAsTheyAre(t *testing.T) {
	plain := func(rel string) string {
		return path.Dir(strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(rel, `\`, "/")), "/"))
	}
	cases := []string{"", ".", "..", "a", "a.txt", "site/a.txt", "a/b/c.txt", "/a/b", "a/b/", "a//b", "./a", "a/./b",
		"a/../b", "../a", "a/..", "a\\b.txt", "..a/b", "a../b", ".a/b", "a/.b", "a/b..", "...", "a/.../b"}
	parts := []string{"a", "bc", ".", "..", "", "\\", "x.txt", "..x", ".y"}
	rng := rand.New(rand.NewSource(9))
	for range 5000 {
		n := 1 + rng.Intn(5)
		segs := make([]string, n)
		for i := range segs {
			segs[i] = parts[rng.Intn(len(parts))]
		}
		cases = append(cases, strings.Join(segs, "/"))
	}
	clean := 0
	for _, rel := range cases {
		if got, want := GroupOf(rel), plain(rel); got != want {
			t.Fatalf("GroupOf(%q) = %q, want %q", rel, got, want)
		}
		if plain(rel+"/x") == rel {
			clean++
		}
	}
	if clean < 100 {
		t.Errorf("only %d clean paths among the cases", clean)
	}
}
