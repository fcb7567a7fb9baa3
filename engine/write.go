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
// readers see the old file or the new one, never a mix. It never writes through a symbolic link,
// and refuses to replace a file whose content changed since it was read.
type AtomicWriter struct {
	path string
	tmp  *os.File
	buf  *bufio.Writer
	out  io.WriteCloser
}

// CreateAtomic starts replacing path, a regular file, with content compressed with comp.
func CreateAtomic(path string, comp input.Compression, from io.Reader) (*AtomicWriter, error) {
	if err := regular(path); err != nil {
		return nil, err
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, input.TempPrefix+base+"-*")
	if err != nil {
		return nil, fmt.Errorf("not fixed: %w", err)
	}
	w := &AtomicWriter{path: path, tmp: tmp, buf: bufio.NewWriterSize(tmp, 1<<16)}
	if w.out, err = input.CompressorLike(w.buf, comp, from); err != nil {
		w.Abort()
		return nil, fmt.Errorf("not fixed: %w", err)
	}
	return w, nil
}

func regular(path string) error {
	st, err := os.Lstat(path)
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if st.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("not fixed: it is a symbolic link, and newslint does not write through links")
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("not fixed: not a regular file")
	}
	return nil
}

// Write adds p to the new content. Errors are kept and returned by Commit.
func (w *AtomicWriter) Write(p []byte) (int, error) { return w.out.Write(p) }

// Commit finishes the new content and renames it over the file, given the SHA-256 of the
// file's content as it was read: if the file no longer has it, the file is left alone. The new
// file gets the old one's mode (and owner, where allowed), and is synced before the rename.
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
	if err := regular(w.path); err != nil {
		return err
	}
	st, err := os.Stat(w.path)
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err := w.tmp.Chmod(st.Mode().Perm()); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	keepOwner(w.tmp, st)
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
	h := sha256.New()
	_, err = io.Copy(h, cur)
	cur.Close()
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if !bytes.Equal(h.Sum(nil), origSum) {
		return fmt.Errorf("not fixed: the file changed while newslint was working on it")
	}
	if err := os.Rename(w.tmp.Name(), w.path); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	w.tmp = nil
	if d, err := os.Open(filepath.Dir(w.path)); err == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// Abort drops the new content; the file stays as it was. It does nothing after Commit.
func (w *AtomicWriter) Abort() {
	if w.tmp != nil {
		w.tmp.Close()
		os.Remove(w.tmp.Name())
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
