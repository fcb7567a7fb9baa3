// Package testtree copies test data into temporary directories, for the tests of the main
// module and of the beam module, which compare newslint's outputs on copies of the same trees.
package testtree

import (
	"os"
	"path/filepath"
	"testing"
)

// Copy copies the files under src whose slash-separated path relative to src keep accepts (all
// of them when keep is nil) into a new temporary directory of t, and returns that directory.
func Copy(t testing.TB, src string, keep func(rel string) bool) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if keep != nil && !keep(filepath.ToSlash(rel)) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}
