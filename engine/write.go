package engine

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newslint/newslint/input"
)

// WriteAtomic replaces path with data so that readers see the old file or the new one, never a
// mix: data goes to a temporary file in the same directory, which is synced, given the old
// file's mode (and owner, where allowed) and renamed over path. It refuses to write through a
// symbolic link and to overwrite a file whose content is no longer orig.
func WriteAtomic(path string, orig []byte, data string) (err error) {
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if st.Mode()&os.ModeSymlink != 0 {
		return fmt.Errorf("not fixed: it is a symbolic link, and newslint does not write through links")
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("not fixed: not a regular file")
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, input.TempPrefix+base+"-*")
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.WriteString(data); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err = tmp.Chmod(st.Mode().Perm()); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	keepOwner(tmp, st)
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	cur, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if !bytes.Equal(cur, orig) {
		err = fmt.Errorf("not fixed: the file changed while newslint was working on it")
		return err
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("not fixed: %w", err)
	}
	if d, derr := os.Open(dir); derr == nil { // make the rename durable
		_ = d.Sync()
		d.Close()
	}
	return nil
}
