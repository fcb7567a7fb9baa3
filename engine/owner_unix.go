//go:build unix

package engine

import (
	"os"
	"syscall"
)

// keepOwner gives f the owner and group of the file st describes, where permitted.
func keepOwner(f *os.File, st os.FileInfo) {
	if sys, ok := st.Sys().(*syscall.Stat_t); ok {
		_ = f.Chown(int(sys.Uid), int(sys.Gid))
	}
}
