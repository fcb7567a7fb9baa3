package document

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features are the shape measurements of one line that several rules use. They are computed once
// per document, on first use, in a single pass over the text.
type Features struct {
	// Trim is the line without surrounding white space.
	Trim string
	// Runes, Words and Letters count code points, white-space separated words and letters of Trim.
	Runes, Words, Letters int
	// Upper counts upper-case letters; CapWords counts words that start with an upper-case letter.
	Upper, CapWords int
	// Digits counts decimal digits.
	Digits int
	// Terminal is the last code point of Trim once closing quotes and brackets are set aside.
	Terminal rune
	// Sentences counts sentence ends (. ! ? … followed by a space or the end of the line).
	Sentences int
}

// Blank reports a line with nothing but white space.
func (f *Features) Blank() bool { return f.Trim == "" }

// EndsSentence reports a line that ends like a sentence: . ! ? … (possibly inside quotes).
func (f *Features) EndsSentence() bool {
	switch f.Terminal {
	case '.', '!', '?', '…', '。', '！', '？', '।', '؟':
		return true
	}
	return false
}

// Feat returns the features of line i.
func (d *Document) Feat(i int) *Features {
	if d.feats == nil {
		d.feats = make([]Features, len(d.Lines))
		for j := range d.Lines {
			d.feats[j] = Measure(d.Text(j))
		}
	}
	return &d.feats[i]
}

// Measure computes the features of one line of text.
func Measure(line string) Features {
	t := strings.TrimSpace(line)
	f := Features{Trim: t}
	inWord := false
	prevEnd := false
	for _, r := range t {
		f.Runes++
		space := unicode.IsSpace(r)
		if space {
			if prevEnd {
				f.Sentences++
			}
			inWord = false
			prevEnd = false
			continue
		}
		if !inWord {
			f.Words++
			inWord = true
			if unicode.IsUpper(r) {
				f.CapWords++
			}
		}
		switch {
		case unicode.IsLetter(r):
			f.Letters++
			if unicode.IsUpper(r) {
				f.Upper++
			}
		case r >= '0' && r <= '9':
			f.Digits++
		}
		switch r {
		case '.', '!', '?', '…', '。', '！', '？':
			prevEnd = true
		case '"', '\'', '”', '’', '»', ')', ']':
			// closing marks keep a preceding sentence end
		default:
			prevEnd = false
		}
	}
	if prevEnd {
		f.Sentences++
	}
	s := t
	for s != "" {
		r, size := utf8.DecodeLastRuneInString(s)
		switch r {
		case '"', '\'', '”', '’', '»', '«', ')', ']', '“', '‘', '*':
			s = s[:len(s)-size]
			continue
		}
		f.Terminal = r
		break
	}
	return f
}
