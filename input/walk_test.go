package input

import (
	"testing"
)

// TestRelUnderIsRelToAbs: the walk's short way to a path relative to the base gives what
// filepath.Rel gives, for clean absolute paths inside the base, beside it and above it.
func TestRelUnderIsRelToAbs(t *testing.T) {
	bases := []string{"/", "/a", "/a/b", "/ab", ""}
	paths := []string{"/", "/a", "/a/b", "/a/bc", "/a/bc/d.txt", "/a/b/c", "/a/b/c/d.txt", "/ab/x.txt", "/b/x.txt", "/a/c"}
	for _, base := range bases {
		for _, p := range paths {
			want, wantOK := relToAbs(base, p)
			got, gotOK := relUnder(base, p)
			if got != want || gotOK != wantOK {
				t.Errorf("relUnder(%q, %q) = %q, %v; relToAbs: %q, %v", base, p, got, gotOK, want, wantOK)
			}
		}
	}
	if rel, ok := relUnder("/a/b", "/a/b/c/d.txt"); rel != "c/d.txt" || !ok {
		t.Errorf("relUnder(/a/b, /a/b/c/d.txt) = %q, %v", rel, ok)
	}
}
