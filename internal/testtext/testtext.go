// Package testtext gives tests the texts of the repository's testdata, for properties checked
// on every real text at hand.
package testtext

import (
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Texts returns the content of every .txt file under root.
func Texts(t testing.TB, root string) []string {
	t.Helper()
	var texts []string
	err := filepath.WalkDir(root, func(path string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(path, ".txt") {
			raw, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			texts = append(texts, string(raw))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return texts
}

// Mixes returns n strings of up to max pieces each, drawn from parts with rng: the random texts
// with which property tests compare a fast form with its reference.
func Mixes(rng *rand.Rand, parts []string, n, max int) []string {
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		for range rng.Intn(max + 1) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		out[i] = b.String()
	}
	return out
}
