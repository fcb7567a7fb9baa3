//go:build linux

package engine

import (
	"errors"
	"fmt"
	"os"
	"syscall"

	"golang.org/x/sys/unix"
)

// processAlive reports whether a process with this id runs (or may run: it exists but is
// another user's).
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// links is the number of hard links of the file st describes.
func links(st os.FileInfo) uint64 {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		return uint64(sys.Nlink)
	}
	return 1
}

// mayWrite reports whether this user may write to path itself (root may).
func mayWrite(path string) bool {
	return unix.Access(path, unix.W_OK) == nil
}

// copyXattrs gives f the extended attributes of the file at path.
func copyXattrs(path string, f *os.File) error {
	size, err := unix.Llistxattr(path, nil)
	if err != nil || size == 0 {
		return nil // none, or a file system without them
	}
	buf := make([]byte, size)
	if size, err = unix.Llistxattr(path, buf); err != nil {
		return fmt.Errorf("reading extended attributes: %w", err)
	}
	for _, name := range splitNames(buf[:size]) {
		n, err := unix.Lgetxattr(path, name, nil)
		if err != nil {
			return fmt.Errorf("reading extended attribute %s: %w", name, err)
		}
		val := make([]byte, n)
		if n, err = unix.Lgetxattr(path, name, val); err != nil {
			return fmt.Errorf("reading extended attribute %s: %w", name, err)
		}
		if err := unix.Fsetxattr(int(f.Fd()), name, val[:n], 0); err != nil {
			return fmt.Errorf("keeping extended attribute %s: %w", name, err)
		}
	}
	return nil
}

// splitNames splits a NUL-separated list of attribute names.
func splitNames(b []byte) []string {
	var out []string
	start := 0
	for i, c := range b {
		if c == 0 {
			if i > start {
				out = append(out, string(b[start:i]))
			}
			start = i + 1
		}
	}
	return out
}
