//go:build linux

package engine

import (
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestFastOpenIsOsOpen: fastOpen reads what os.Open reads and fails as os.Open,
// Stat and Read fail, message for message.
func TestFastOpenIsOsOpen(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(file, []byte("Follow us\nThe talks resumed.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	slow := func(path string) (rawFile, int64, error) {
		openFile = os.Open
		defer func() { openFile = nil }()
		return openRaw(path, true)
	}
	for _, path := range []string{file, filepath.Join(dir, "missing.txt"), dir} {
		var got [2]string
		var sizes [2]int64
		for i, open := range []func(string) (rawFile, int64, error){fastOpen, slow} {
			f, size, err := open(path)
			if err != nil {
				got[i] = "open: " + err.Error()
				continue
			}
			sizes[i] = size
			b, err := io.ReadAll(f)
			got[i] = string(b)
			if err != nil {
				got[i] += "read: " + err.Error()
			}
			if err := f.Close(); err != nil {
				got[i] += "close: " + err.Error()
			}
		}
		if got[0] != got[1] || sizes[0] != sizes[1] {
			t.Errorf("%s: fastOpen gave %q (%d bytes), os.Open %q (%d bytes)", path, got[0], sizes[0], got[1], sizes[1])
		}
	}
}
