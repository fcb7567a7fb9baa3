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

	"github.com/newslint/newslint/config"
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

// TestDirectorySwappedForLink: a directory replaced by a symbolic link to another tree between
// reading a file and writing it is caught right before the rename: nothing is written outside
// the run's roots, whether the swap comes before the temporary file is made (a text file) or
// after (a JSON Lines file, written as it is read).
func TestDirectorySwappedForLink(t *testing.T) {
	base := t.TempDir()
	root, outside := filepath.Join(base, "root"), filepath.Join(base, "outside")
	dirty := "The ministry said on Friday that the talks had made progress.\nveryGood! (62)\n"
	feed := `{"id":1,"text":"The ministry said on Friday that the talks had made progress.\nveryGood! (62)"}` + "\n"
	for _, d := range []string{root, outside} {
		os.MkdirAll(filepath.Join(d, "sub"), 0o755)
		os.WriteFile(filepath.Join(d, "sub", "a.txt"), []byte(dirty), 0o644)
		os.WriteFile(filepath.Join(d, "sub", "b.jsonl"), []byte(feed), 0o644)
	}
	real, _ := filepath.EvalSymlinks(root)
	files := []input.File{input.NewFile(filepath.Join(root, "sub", "a.txt"), "sub/a.txt", ""), input.NewFile(filepath.Join(root, "sub", "b.jsonl"), "sub/b.jsonl", "")}
	swapped := 0
	testHookBeforeWrite = func(string) {
		if swapped++; swapped == 1 {
			os.Rename(filepath.Join(root, "sub"), filepath.Join(root, "sub.old"))
			os.Symlink(filepath.Join(outside, "sub"), filepath.Join(root, "sub"))
		}
	}
	defer func() { testHookBeforeWrite = nil }()
	var errs []string
	Run(config.Default(), files, Options{Fix: true, Jobs: 1, Write: WritePolicy{Roots: []string{real}}}, func(r *Result) {
		for _, e := range r.Errors {
			errs = append(errs, r.File.Path()+": "+e.Error())
		}
	})
	for _, n := range []string{"a.txt", "b.jsonl"} {
		want := map[string]string{"a.txt": dirty, "b.jsonl": feed}[n]
		if b, _ := os.ReadFile(filepath.Join(outside, "sub", n)); string(b) != want {
			t.Errorf("wrote outside the root: %s = %q", n, b)
		}
		if b, _ := os.ReadFile(filepath.Join(root, "sub.old", n)); string(b) != want {
			t.Errorf("%s changed: %q", n, b)
		}
		if m, _ := filepath.Glob(filepath.Join(outside, "sub", ".newslint-tmp-*")); len(m) > 0 {
			t.Errorf("temporary files left outside: %v", m)
		}
	}
	if len(errs) != 2 || !strings.Contains(strings.Join(errs, "\n"), "outside the paths of the run") {
		t.Errorf("errors: %q", errs)
	}
}

// TestAppendsDuringRenameAreReported: a writer that keeps the file open and appends while it
// is replaced writes to the old file; what it appended is reported and saved, never dropped.
func TestAppendsDuringRenameAreReported(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "feed.jsonl")
	os.WriteFile(p, []byte("{\"text\":\"a\"}\n"), 0o644)
	wr, err := os.OpenFile(p, os.O_WRONLY|os.O_APPEND, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer wr.Close()
	testHookAfterRename = func(string) { wr.Write([]byte("{\"text\":\"late\"}\n")) }
	defer func() { testHookAfterRename = nil }()
	err = WriteAtomic(p, []byte("{\"text\":\"a\"}\n"), "{\"text\":\"b\"}\n")
	if err == nil || !strings.Contains(err.Error(), "a writer appended 16 bytes to the old file") {
		t.Fatalf("error %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "{\"text\":\"b\"}\n" {
		t.Errorf("file: %q", b)
	}
	m, _ := filepath.Glob(filepath.Join(dir, "feed.jsonl.newslint-appended-*"))
	if len(m) != 1 || !strings.Contains(err.Error(), m[0]) {
		t.Fatalf("saved: %v (%v)", m, err)
	}
	if b, _ := os.ReadFile(m[0]); string(b) != "{\"text\":\"late\"}\n" {
		t.Errorf("saved appends: %q", b)
	}
}

// TestRemoveTemps: what a signal handler calls removes the temporary files of writes under
// way, leaves their files as they were, and lets no new write start.
func TestRemoveTemps(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	os.WriteFile(p, []byte("old\n"), 0o644)
	w, err := CreateAtomic(p, input.None, nil)
	if err != nil {
		t.Fatal(err)
	}
	io.WriteString(w, "new\n")
	defer func() {
		temps.Lock()
		temps.closed = false
		temps.Unlock()
	}()
	if n := RemoveTemps(); n != 1 {
		t.Errorf("removed %d temporary files", n)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".newslint-tmp-*")); len(m) > 0 {
		t.Errorf("left: %v", m)
	}
	sum := sha256.Sum256([]byte("old\n"))
	if err := w.Commit(sum[:]); err == nil {
		t.Error("a write committed after its temporary file was removed")
	}
	if b, _ := os.ReadFile(p); string(b) != "old\n" {
		t.Errorf("file: %q", b)
	}
	if _, err := CreateAtomic(p, input.None, nil); err == nil || !strings.Contains(err.Error(), "interrupted") {
		t.Errorf("a write started after RemoveTemps: %v", err)
	}
}
