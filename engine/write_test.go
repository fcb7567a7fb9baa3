package engine

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/input"
)

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("old\n"), 0o640)
	if err := WriteAtomic(p, []byte("old\n"), "new\n"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(p)
	st, _ := os.Stat(p)
	if string(b) != "new\n" || st.Mode().Perm() != 0o640 {
		t.Errorf("content %q mode %v", b, st.Mode().Perm())
	}
	// the file changed since it was read: refused, left as it is
	os.WriteFile(p, []byte("changed by someone else\n"), 0o640)
	err := WriteAtomic(p, []byte("new\n"), "fixed\n")
	if err == nil || !strings.Contains(err.Error(), "changed while newslint") {
		t.Errorf("error %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "changed by someone else\n" {
		t.Errorf("overwritten: %q", b)
	}
	// the file vanished
	os.Remove(p)
	if err := WriteAtomic(p, []byte("x"), "y"); err == nil {
		t.Error("wrote a file that vanished")
	}
	if _, err := os.Stat(p); err == nil {
		t.Error("recreated a file that vanished")
	}
	// a symbolic link is never written through
	target := filepath.Join(dir, "target.txt")
	os.WriteFile(target, []byte("x\n"), 0o644)
	link := filepath.Join(dir, "link.txt")
	os.Symlink(target, link)
	if err := WriteAtomic(link, []byte("x\n"), "y\n"); err == nil || !strings.Contains(err.Error(), "symbolic link") {
		t.Errorf("symlink: %v", err)
	}
	if b, _ := os.ReadFile(target); string(b) != "x\n" {
		t.Error("wrote through a symbolic link")
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.Contains(e.Name(), "newslint-tmp") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
}

func TestAtomicWriterCompresses(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt.gz")
	var orig bytes.Buffer
	zw := gzip.NewWriter(&orig)
	zw.Write([]byte("old\n"))
	zw.Close()
	os.WriteFile(p, orig.Bytes(), 0o600)
	w, err := CreateAtomic(p, input.Gzip, nil)
	if err != nil {
		t.Fatal(err)
	}
	w.Write([]byte("new "))
	w.Write([]byte("text\n"))
	sum := sha256.Sum256(orig.Bytes())
	if err := w.Commit(sum[:]); err != nil {
		t.Fatal(err)
	}
	f, _ := os.Open(p)
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(zr)
	if st, _ := os.Stat(p); string(b) != "new text\n" || st.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v", b, st.Mode().Perm())
	}
	// an aborted write leaves the file and no temporary file
	w, _ = CreateAtomic(p, input.None, nil)
	w.Write([]byte("dropped"))
	w.Abort()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %d", len(entries))
	}
}
