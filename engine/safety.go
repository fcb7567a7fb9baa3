package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// DefaultMaxDeleteShare is the largest share of a text that fixes may delete unless told
// otherwise: a fix deleting more is taken for a rule gone wrong, not for cleaning.
const DefaultMaxDeleteShare = 0.5

// WritePolicy says what --fix may rewrite besides ordinary files, and where.
type WritePolicy struct {
	// HardLinks rewrites files with other hard links in place (keeping the links, not
	// atomically) instead of refusing them.
	HardLinks bool
	// ReadOnly rewrites files the user may not write to (the directory permitting).
	ReadOnly bool
	// Roots are the directories of the run, symbolic links resolved: a file whose directory
	// no longer resolves inside one of them (a directory swapped for a link) is not written.
	// None: no check.
	Roots []string
}

func (o Options) maxDeleteShare() float64 {
	if o.MaxDeleteShare > 0 {
		return o.MaxDeleteShare
	}
	return DefaultMaxDeleteShare
}

// tooMuchDeleted tells, in words, when fixing src into fixed deletes more than the share of
// src that opts allow; "" when it does not.
func tooMuchDeleted(src, fixed string, opts Options) string {
	limit := opts.maxDeleteShare()
	if limit >= 1 || len(src) == 0 || len(fixed) >= len(src) {
		return ""
	}
	share := float64(len(src)-len(fixed)) / float64(len(src))
	if share <= limit {
		return ""
	}
	return fmt.Sprintf("fixes would delete %.0f%% of the text, more than --max-delete-share %g allows", share*100, limit)
}

// check tells whether the policy lets --fix rewrite path, a regular file st describes, and
// returns its directory with every symbolic link resolved.
func (p WritePolicy) check(path string, st os.FileInfo) (string, error) {
	if n := links(st); n > 1 && !p.HardLinks {
		return "", fmt.Errorf("not fixed: it has %d hard links, and replacing it would split them (--fix-hard-links rewrites it in place)", n)
	}
	if !p.ReadOnly && !mayWrite(path) {
		return "", fmt.Errorf("not fixed: it is read-only for you (--fix-read-only rewrites it)")
	}
	abs, err := filepath.Abs(filepath.Dir(path))
	if err != nil {
		return "", fmt.Errorf("not fixed: %w", err)
	}
	real, err := filepath.EvalSymlinks(abs)
	if err != nil {
		return "", fmt.Errorf("not fixed: %w", err)
	}
	if len(p.Roots) > 0 && !within(real, p.Roots) {
		return "", fmt.Errorf("not fixed: its directory resolves to %s, outside the paths of the run (a directory on the path is a link?)", real)
	}
	return real, nil
}

// within reports whether dir is one of roots or inside one.
func within(dir string, roots []string) bool {
	for _, r := range roots {
		if dir == r || strings.HasPrefix(dir, strings.TrimSuffix(r, string(filepath.Separator))+string(filepath.Separator)) {
			return true
		}
	}
	return false
}
