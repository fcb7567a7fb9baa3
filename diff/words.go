package diff

import (
	"unicode"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Segment is a piece of a line; Changed marks text the other line does not have.
type Segment struct {
	Text    string
	Changed bool
}

// Words diffs two versions of a line word by word, as `git diff --color-words` does: words
// (runs of letters and digits), runs of spaces and single other characters are the units. It
// returns the segments of each line, with what was removed from a and inserted into b marked.
func Words(a, b string) (old, new []Segment) {
	tokens := map[string]rune{}
	var texts []string
	encode := func(s string) []rune {
		var out []rune
		for _, tok := range tokenize(s) {
			r, ok := tokens[tok]
			if !ok {
				r = rune(len(texts))
				tokens[tok] = r
				texts = append(texts, tok)
			}
			out = append(out, r)
		}
		return out
	}
	ra, rb := encode(a), encode(b)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	for _, d := range dmp.DiffMainRunes(ra, rb, false) {
		var text string
		for _, r := range d.Text {
			text += texts[r]
		}
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			old = appendSeg(old, text, false)
			new = appendSeg(new, text, false)
		case diffmatchpatch.DiffDelete:
			old = appendSeg(old, text, true)
		case diffmatchpatch.DiffInsert:
			new = appendSeg(new, text, true)
		}
	}
	return old, new
}

func appendSeg(segs []Segment, text string, changed bool) []Segment {
	if text == "" {
		return segs
	}
	if n := len(segs); n > 0 && segs[n-1].Changed == changed {
		segs[n-1].Text += text
		return segs
	}
	return append(segs, Segment{text, changed})
}

func tokenize(s string) []string {
	var out []string
	kind := func(r rune) int {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			return 1
		case unicode.IsSpace(r):
			return 2
		}
		return 0
	}
	start, prev := 0, -1
	for i, r := range s {
		k := kind(r)
		if i > start && (k != prev || k == 0) {
			out = append(out, s[start:i])
			start = i
		}
		prev = k
	}
	if start < len(s) {
		out = append(out, s[start:])
	}
	return out
}
