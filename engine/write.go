package engine

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/input"
)

// AtomicWriter is the one way --fix writes a file: what is written goes (compressed as the file
// is) to a temporary file in the same directory, and Commit renames it over the file, so that
// readers see the old file or the new one, never a mix. It never writes through a symbolic link
// (nor into a directory that became one), refuses to replace a file whose content changed since
// it was read, keeps the file's mode bits, owner and extended attributes, refuses files with
// other hard links and read-only files unless its policy allows them, and reports what a writer
// appended to the old file while it was being replaced.
type AtomicWriter struct {
	path string
	tmp  *os.File
	buf  *bufio.Writer
	out  io.WriteCloser
	pol  WritePolicy
	// dir is the file's directory with every symbolic link resolved, when the writer started.
	dir string
}

// CreateAtomic starts replacing path, a regular file, with content compressed with comp.
func CreateAtomic(path string, comp input.Compression, from io.Reader) (*AtomicWriter, error) {
	return CreateAtomicWith(path, comp, from, WritePolicy{})
}

// CreateAtomicWith is CreateAtomic under a write policy.
func CreateAtomicWith(path string, comp input.Compression, from io.Reader, pol WritePolicy) (*AtomicWriter, error) {
	st, err := regular(path)
	if err != nil {
		return nil, err
	}
	real, err := pol.check(path, st)
	if err != nil {
		return nil, err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := createTemp(dir, base)
	if err != nil {
		return nil, fmt.Errorf("not fixed: %w", err)
	}
	w := &AtomicWriter{path: path, tmp: tmp, buf: bufio.NewWriterSize(tmp, 1<<16), pol: pol, dir: real}
	if w.out, err = input.CompressorLike(w.buf, comp, from); err != nil {
		w.Abort()
		return nil, fmt.Errorf("not fixed: %w", err)
	}
	return w, nil
}

func regular(path string) (os.FileInfo, error) {
	st, err := os.Lstat(path)
	if err != nil {
		return nil, fmt.Errorf("not fixed: %w", err)
	}
	if st.Mode()&os.ModeSymlink != 0 {
		return nil, fmt.Errorf("not fixed: it is a symbolic link, and newslint does not write through links")
	}
	if !st.Mode().IsRegular() {
		return nil, fmt.Errorf("not fixed: not a regular file")
	}
	return st, nil
}

// Write adds p to the new content. Errors are kept and returned by Commit.
func (w *AtomicWriter) Write(p []byte) (int, error) { return w.out.Write(p) }

// testHookBeforeRename and testHookAfterRename, when set, run around the rename (for tests of
// what happens to the file meanwhile).
var testHookBeforeRename, testHookAfterRename func(path string)

// Commit finishes the new content and renames it over the file, given the SHA-256 of the
// file's content as it was read: if the file no longer has it, the file is left alone. The new
// file gets the old one's mode (setuid, setgid and sticky bits too), owner (where allowed) and
// extended attributes, and is synced before the rename. A file with other hard links is
// rewritten in place when the policy allows it.
func (w *AtomicWriter) Commit(origSum []byte) (err error) {
	defer func() {
		if err != nil {
			w.Abort()
		}
	}()
	if err := w.out.Close(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err := w.buf.Flush(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	st, err := regular(w.path)
	if err != nil {
		return err
	}
	keepOwner(w.tmp, st) // before the mode: a change of owner clears setuid and setgid
	if err := w.tmp.Chmod(st.Mode() & (os.ModePerm | os.ModeSetuid | os.ModeSetgid | os.ModeSticky)); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err := copyXattrs(w.path, w.tmp); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err := w.tmp.Sync(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err := w.tmp.Close(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	cur, err := os.Open(w.path)
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	defer cur.Close()
	h := sha256.New()
	seen, err := io.Copy(h, cur)
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if !bytes.Equal(h.Sum(nil), origSum) {
		return fmt.Errorf("not fixed: the file changed while newslint was working on it")
	}
	before, err := cur.Stat()
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	// last checks, right before the rename: the file (still the one read), the policy, and
	// the directory, which must not have been swapped for a link since the writer started
	if st, err = regular(w.path); err != nil {
		return err
	}
	if !os.SameFile(st, before) {
		return fmt.Errorf("not fixed: the file was replaced while newslint was working on it")
	}
	real, err := w.pol.check(w.path, st)
	if err != nil {
		return err
	}
	if real != w.dir {
		return fmt.Errorf("not fixed: its directory now resolves to %s, not %s (a directory on the path was replaced by a link?)", real, w.dir)
	}
	if links(st) > 1 {
		return w.inPlace(st)
	}
	if testHookBeforeRename != nil {
		testHookBeforeRename(w.path)
	}
	if err := os.Rename(w.tmp.Name(), w.path); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	dropTemp(w.tmp.Name())
	w.tmp = nil
	if d, err := os.Open(filepath.Dir(w.path)); err == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	if testHookAfterRename != nil {
		testHookAfterRename(w.path)
	}
	return lateWrites(w.path, cur, seen, before)
}

// inPlace writes the new content into the file itself, for a file with other hard links that
// the policy lets newslint rewrite: the links keep sharing it, but the write is not atomic.
func (w *AtomicWriter) inPlace(st os.FileInfo) error {
	src, err := os.Open(w.tmp.Name())
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	defer src.Close()
	dst, err := os.OpenFile(w.path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	n, err := io.Copy(dst, src)
	if err == nil {
		err = dst.Truncate(n)
	}
	if err == nil {
		err = dst.Sync()
	}
	if cerr := dst.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("rewriting a hard-linked file in place failed, it may be partly written: %w", err)
	}
	w.Abort() // the temporary copy
	return nil
}

// lateWrites checks the replaced file, still open as old, for writes made after it was hashed
// (seen bytes, stat before): a writer that keeps the file open appends to the replaced file,
// not to the new one. What was appended is saved next to the file, and reported.
func lateWrites(path string, old *os.File, seen int64, before os.FileInfo) error {
	after, err := old.Stat()
	if err != nil {
		return nil
	}
	if after.Size() > seen {
		dir, base := filepath.Split(path)
		if dir == "" {
			dir = "."
		}
		side, err := os.CreateTemp(dir, base+".newslint-appended-*")
		if err != nil {
			return fmt.Errorf("fixed, but %d bytes were appended to the old file while it was replaced, and could not be saved: %w", after.Size()-seen, err)
		}
		n, err := io.Copy(side, io.NewSectionReader(old, seen, 1<<62))
		if cerr := side.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("fixed, but %d bytes were appended to the old file while it was replaced; saving them to %s failed: %w", after.Size()-seen, side.Name(), err)
		}
		return fmt.Errorf("fixed, but a writer appended %d bytes to the old file while it was replaced: they are not in the fixed file; saved to %s", n, side.Name())
	}
	if !after.ModTime().Equal(before.ModTime()) || after.Size() != seen {
		return fmt.Errorf("fixed, but the old file was modified while it was replaced; those changes are not in the fixed file")
	}
	return nil
}

// Abort drops the new content; the file stays as it was. It does nothing after Commit.
func (w *AtomicWriter) Abort() {
	if w.tmp != nil {
		w.tmp.Close()
		os.Remove(w.tmp.Name())
		dropTemp(w.tmp.Name())
		w.tmp = nil
	}
}

// WriteAtomic replaces path with data, given the content orig it had when read.
func WriteAtomic(path string, orig []byte, data string) error {
	w, err := CreateAtomic(path, input.None, nil)
	if err != nil {
		return err
	}
	io.WriteString(w, data)
	sum := sha256.Sum256(orig)
	return w.Commit(sum[:])
}
