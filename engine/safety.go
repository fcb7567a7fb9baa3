package engine

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"

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

// proseRunes counts the characters of the lines of text that read as prose. A hard-wrapped
// paragraph (lines cut at one width, none of which reads as a sentence on its own) counts as
// prose when its lines joined read as prose, so that a wrapped page is measured by its article
// text as an unwrapped one is.
func proseRunes(text string) int {
	n := 0
	var block []string
	flush := func() {
		if len(block) >= 2 && wrappedBlock(block) {
			joined := strings.Join(block, " ")
			if f := document.Measure(joined); f.Prose() {
				n += f.Runes // each joining space stands for a line break
				block = block[:0]
				return
			}
		}
		for _, line := range block {
			if f := document.Measure(line); f.Prose() {
				n += f.Runes
			}
		}
		block = block[:0]
	}
	for line := range strings.SplitSeq(text, "\n") {
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		block = append(block, line)
	}
	flush()
	return n
}

// minWrapWidth is the narrowest width at which lines are taken for a hard-wrapped paragraph.
const minWrapWidth = 40

// wrappedBlock reports whether the lines of a block (no blank line) look cut at one width:
// every line but the last at least minWrapWidth characters long and within a quarter of the
// longest, at most a third of them ending a sentence and at least a third of the lines after
// the first not starting with a capital (lines that each end a sentence, or each start with a
// capital, are lines of their own, measured one by one).
func wrappedBlock(lines []string) bool {
	longest := 0
	for _, l := range lines {
		longest = max(longest, len(strings.TrimRight(l, " \t\r")))
	}
	if longest < minWrapWidth {
		return false
	}
	ends := 0 // lines that end a sentence: a wrapped paragraph's lines mostly break inside one
	for _, l := range lines[:len(lines)-1] {
		t := strings.TrimRight(l, " \t\r")
		if n := len(t); n < minWrapWidth || n*4 < longest*3 {
			return false
		}
		if strings.ContainsAny(t[len(t)-1:], ".!?:;\"'") {
			ends++
		}
	}
	// a wrapped paragraph's lines go on with its sentences, so many start in lower case; lines
	// that each start with a capital are lines of their own (a list of headlines, "Previous
	// Post: ..." over "Next Post: ...")
	goOn := 0
	for _, l := range lines[1:] {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeft(l, " \t")); !unicode.IsUpper(r) {
			goOn++
		}
	}
	return ends*3 <= len(lines)-1 && goOn*3 >= len(lines)-1
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
