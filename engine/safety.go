package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/document"
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

// tooMuchDeleted tells, in words, when fixing src into fixed deletes more than the share of its
// article text that opts allow; "" when it does not. Article text is what reads as prose (lines
// of sentences, document.Features.Prose): cleaning a scraped page may delete most of its
// characters (menus, headline lists), but fixes that delete most of its sentences are a rule gone
// wrong (a custom pattern that matches every line). A text with little prose is measured by all
// its characters.
func tooMuchDeleted(src, fixed string, opts Options) string {
	limit := opts.maxDeleteShare()
	if limit >= 1 || len(src) == 0 || len(fixed) >= len(src) {
		return ""
	}
	what := "of the article text (prose lines)"
	before, after := proseRunes(src), proseRunes(fixed)
	if before < minProse {
		what, before, after = "of the text", len(src), len(fixed)
	}
	if after >= before {
		return ""
	}
	share := float64(before-after) / float64(before)
	if share <= limit {
		return ""
	}
	return fmt.Sprintf("fixes would delete %.0f%% %s, more than --max-delete-share %g allows", share*100, what, limit)
}

// minProse is how many characters of prose a text needs to be measured by its prose.
const minProse = 200

// proseRunes counts the characters of the lines of text that read as prose.
func proseRunes(text string) int {
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		if f := document.Measure(line); f.Prose() {
			n += f.Runes
		}
	}
	return n
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

// WithinDeleteCap reports whether a run with the default --max-delete-share would keep the
// fixes that turn src into fixed (see tooMuchDeleted), for callers that measure what --fix
// would do without running it.
func WithinDeleteCap(src, fixed string) bool { return tooMuchDeleted(src, fixed, Options{}) == "" }
