// Package atomicfile writes newslint's own output files (reports, baselines, profiles,
// statistics) so that the path holds either its old content or the complete new one, never a
// truncated or partial file: content goes to a temporary file in the same directory, which is
// synced and renamed over the path only when everything has been written. A path that is a
// symbolic link is written through (the link's target is replaced); a path that is a device or
// a named pipe (/dev/null, /dev/stdout) is written directly, since it cannot be replaced.
package atomicfile

import (
	"errors"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/input"
)

// File is an output file being written; nothing appears at its path before Commit.
type File struct {
	path string
	tmp  *os.File
	// direct is set for a device or a named pipe, written in place
	direct bool
	done   bool
	err    error // the first write error: Commit refuses to put a partial file in place
}

// Create starts writing path. The temporary file is named like the ones --fix writes
// (input.TempPrefix), so it is never linted.
func Create(path string) (*File, error) {
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() && !st.IsDir() {
		out, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err != nil {
			return nil, err
		}
		return &File{path: path, tmp: out, direct: true}, nil
	}
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real // replace the link's target, not the link
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, input.TempPrefix+base+"-*")
	if err != nil {
		return nil, err
	}
	return &File{path: path, tmp: tmp}, nil
}

// Path is where the file will be.
func (f *File) Path() string { return f.path }

// Write implements io.Writer.
func (f *File) Write(p []byte) (int, error) {
	if f.done {
		return 0, os.ErrClosed
	}
	if f.err != nil {
		return 0, f.err
	}
	n, err := f.tmp.Write(p)
	if err != nil {
		f.err = err
	}
	return n, err
}

// Commit syncs the content and renames it over the path, keeping the permissions of a file
// already there (0644 for a new one). After a failed write it discards the content and
// returns that error, leaving the path as it was.
func (f *File) Commit() error {
	if f.done {
		return os.ErrClosed
	}
	if f.err != nil {
		f.Abort()
		return f.err
	}
	f.done = true
	if f.direct {
		return f.tmp.Close()
	}
	mode := os.FileMode(0o644)
	if st, err := os.Stat(f.path); err == nil && st.Mode().IsRegular() {
		mode = st.Mode().Perm()
	}
	err := f.tmp.Chmod(mode)
	if err == nil {
		err = f.tmp.Sync()
	}
	if cerr := f.tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(f.tmp.Name(), f.path)
	}
	if err != nil {
		os.Remove(f.tmp.Name())
		return err
	}
	if d, err := os.Open(filepath.Dir(f.path)); err == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	return nil
}

// Abort discards what was written and leaves the path as it was. It does nothing after
// Commit.
func (f *File) Abort() {
	if f.done {
		return
	}
	f.done = true
	f.tmp.Close()
	if !f.direct {
		os.Remove(f.tmp.Name())
	}
}

// WriteFile replaces path with data atomically.
func WriteFile(path string, data []byte) error {
	f, err := Create(path)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Abort()
		return err
	}
	return f.Commit()
}

// ErrIsDir is returned by Check for a path that is a directory.
var ErrIsDir = errors.New("is a directory")

// Check tells whether path can be written: its directory exists and it is not a directory.
// It creates nothing.
func Check(path string) error {
	dir := filepath.Dir(path)
	st, err := os.Stat(dir)
	if err != nil {
		return err
	}
	if !st.IsDir() {
		return &os.PathError{Op: "write", Path: path, Err: errors.New("parent is not a directory")}
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return &os.PathError{Op: "write", Path: path, Err: ErrIsDir}
	}
	return nil
}
