package corpus

import (
	"path"
	"strings"
)

// GroupOf is the group a file's documents are counted in by rules that count per directory:
// the directory of rel, its slash-separated path relative to the run's root ("." at the top).
// Keys built from it are the same however the root was written (/abs/dir, dir, ./dir) and on
// whatever machine or mount point the files are read.
func GroupOf(rel string) string {
	rel = strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(rel, `\`, "/")), "/")
	return path.Dir(rel)
}
