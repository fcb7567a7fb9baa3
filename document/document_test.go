package document

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestLines(t *testing.T) {
	for _, c := range []struct {
		name, src string
		lines     []string
		final     bool
		crlf, bom bool
	}{
		{"empty", "", nil, false, false, false},
		{"lf", "a\nb\n", []string{"a", "b"}, true, false, false},
		{"no final newline", "a\nb", []string{"a", "b"}, false, false, false},
		{"crlf", "a\r\nb\r\n", []string{"a", "b"}, true, true, false},
		{"mixed mostly lf", "a\r\nb\nc\n", []string{"a", "b", "c"}, true, false, false},
		{"bom", "\ufeffa\nb", []string{"a", "b"}, false, false, true},
		{"blank lines", "\n\nx\n", []string{"", "", "x"}, true, false, false},
		{"lone cr kept in content", "a\rb\n", []string{"a\rb"}, true, false, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := New("x", c.src)
			if d.NumLines() != len(c.lines) {
				t.Fatalf("%d lines, want %d", d.NumLines(), len(c.lines))
			}
			for i, want := range c.lines {
				if got := d.Text(i); got != want {
					t.Errorf("line %d = %q, want %q", i, got, want)
				}
			}
			if d.FinalNewline != c.final || d.CRLF != c.crlf || d.BOM != c.bom {
				t.Errorf("final=%v crlf=%v bom=%v", d.FinalNewline, d.CRLF, d.BOM)
			}
			// lines tile the text after the BOM
			pos := 0
			if c.bom {
				pos = 3
			}
			for _, l := range d.Lines {
				if l.Start != pos || l.End < l.Start || l.Next < l.End {
					t.Fatalf("line %+v does not continue at %d", l, pos)
				}
				pos = l.Next
			}
			if pos != len(c.src) && len(d.Lines) > 0 {
				t.Errorf("lines end at %d, text at %d", pos, len(c.src))
			}
		})
	}
}

func TestPosition(t *testing.T) {
	d := New("x", "héllo\nwörld ✓\n")
	for _, c := range []struct{ off, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {3, 1, 3}, {7, 2, 1}, {9, 2, 3}, {17, 2, 8},
	} {
		l, col := d.Position(c.off)
		if l != c.line || col != c.col {
			t.Errorf("Position(%d) = %d:%d, want %d:%d", c.off, l, col, c.line, c.col)
		}
	}
}

// TestCursorAgreesWithPosition: a cursor (and Position, a fresh one) converts offsets as a search
// of the lines and a count of runes do, whether they come
// in order, out of order or beyond the text, on texts with a byte-order mark, CRLF, blank lines,
// letters beyond ASCII, with and without a final newline, and on the empty text.
func TestCursorAgreesWithPosition(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	texts := []string{"", "\n", "one", BOM + "héllo\r\n\r\nwörld ✓", "a\n\n\nb\n", "x\r\ny\r\n"}
	parts := []string{"a", "ü", "✓", " ", "\n", "\r\n", "\n\n", "word"}
	for range 200 {
		var b strings.Builder
		if rng.Intn(4) == 0 {
			b.WriteString(BOM)
		}
		for range rng.Intn(60) {
			b.WriteString(parts[rng.Intn(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, text := range texts {
		d := New("x.txt", text)
		// the plain conversion: the line by search, the column by counting runes
		plain := func(off int) (int, int) {
			off = min(off, len(d.Src))
			if len(d.Lines) == 0 {
				return 1, 1
			}
			i := d.LineAt(off)
			if l := d.Lines[i]; off >= l.Start {
				return i + 1, utf8.RuneCountInString(d.Src[l.Start:off]) + 1
			}
			return i + 1, 1
		}
		check := func(c *Cursor, off int) {
			line, col := c.Position(off)
			if wl, wc := plain(off); line != wl || col != wc {
				t.Fatalf("%q: cursor at %d = %d:%d, want %d:%d", text, off, line, col, wl, wc)
			}
			if pl, pc := d.Position(off); pl != line || pc != col {
				t.Fatalf("%q: Position(%d) = %d:%d, cursor %d:%d", text, off, pl, pc, line, col)
			}
		}
		c := d.Cursor()
		for off := -1; off <= len(text)+1; off++ {
			check(&c, off)
		}
		for range 50 {
			check(&c, rng.Intn(len(text)+3)-1)
		}
	}
}

func TestCheckAndInvalidUTF8(t *testing.T) {
	if err := Check([]byte("plain text\n")); err != nil {
		t.Errorf("text refused: %v", err)
	}
	if err := Check([]byte("a\x00b")); err != ErrBinary {
		t.Errorf("NUL: %v", err)
	}
	if err := Check([]byte{0xFF, 0xFE, 'a', 0}); err != ErrUTF16 {
		t.Errorf("UTF-16: %v", err)
	}
	d := New("x", "ok\nbad \xff here\n")
	if d.InvalidUTF8() != 7 {
		t.Errorf("InvalidUTF8 = %d, want 7", d.InvalidUTF8())
	}
	if New("x", "fine ✓").InvalidUTF8() != -1 {
		t.Error("valid text reported invalid")
	}
}

func TestFeatures(t *testing.T) {
	f := Measure("  “I don’t comment on rumors,” he added.  ")
	if f.Trim != "“I don’t comment on rumors,” he added." || f.Words != 7 || !f.EndsSentence() || f.Sentences != 1 {
		t.Errorf("%+v", f)
	}
	g := Measure("Related")
	if g.Words != 1 || g.EndsSentence() || g.CapWords != 1 {
		t.Errorf("%+v", g)
	}
	h := Measure("He left. She stayed! Why?")
	if h.Sentences != 3 {
		t.Errorf("sentences = %d", h.Sentences)
	}
	empty, x := Measure(""), Measure("x")
	if !empty.Blank() || x.Blank() {
		t.Error("Blank")
	}
}

// TestCheckTextIsCheck: the string form refuses what Check refuses, and only that.
func TestCheckTextIsCheck(t *testing.T) {
	late := strings.Repeat("a", 8192) + "\x00"
	for _, s := range []string{"plain text\n", "a\x00b", "\xFF\xFEa\x00", "\xFE\xFFa", "\xFF", "", late, "\xEF\xBB\xBFbom\n"} {
		if got, want := CheckText(s), Check([]byte(s)); got != want {
			t.Errorf("CheckText(%.20q) = %v, Check = %v", s, got, want)
		}
	}
}

// TestLower: every line's shared folded copy is strings.ToLower of its trimmed text, whether the
// line is ASCII with or without capitals, blank, or holds letters whose folding changes their
// length (the Kelvin sign, dotted capital I) or invalid UTF-8.
func TestLower(t *testing.T) {
	lines := []string{"Reporting By Ana Ruiz", "", "  all lower  ", "ÉTÉ À Paris", "KELVIN \u212a", "İstanbul Desk",
		"MIXED case Line", "\t", "x", "123 ABC", "“Quoted” — ПРИВЕТ Ѐ", "bad \xff byte", "Ⱥ wide", "漢字 ÀÖØÞ×"}
	d := New("x.txt", strings.Join(lines, "\n"))
	for i := range d.NumLines() {
		f := d.Feat(i)
		if got, want := f.Lower(), strings.ToLower(f.Trim); got != want {
			t.Errorf("line %d: Lower() = %q, want %q", i, got, want)
		}
		aligned := utf8.ValidString(f.Trim) && len(f.Lower()) == len(f.Trim)
		for _, r := range f.Trim {
			aligned = aligned && utf8.RuneLen(r) == utf8.RuneLen(unicode.ToLower(r))
		}
		if f.LowerAligned() != aligned {
			t.Errorf("line %d (%q): LowerAligned() = %v", i, f.Trim, f.LowerAligned())
		}
		m := Measure(d.Text(i))
		if m.Lower() != f.Lower() || m.LowerAligned() != f.LowerAligned() {
			t.Errorf("line %d: Measure gives %q %v", i, m.Lower(), m.LowerAligned())
		}
	}
}

// TestLowerRune: the fast paths fold every code point as unicode.ToLower does.
func TestLowerRune(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		if got, want := lowerRune(r), unicode.ToLower(r); got != want {
			t.Fatalf("lowerRune(%U) = %U, want %U", r, got, want)
		}
	}
}

// TestInvalidUTF8FoundWhileMeasuring: the first invalid byte that measuring the lines finds is
// the one a scan of the whole text finds: after leading and before trailing spaces beyond ASCII,
// in sequences cut by a line end, after a byte-order mark, as overlong forms, encoded surrogates
// and bytes no sequence starts with, and in a later line than a valid one.
func TestInvalidUTF8FoundWhileMeasuring(t *testing.T) {
	texts := []string{
		"plain text\nand more\n", "\u3000\u00a0caf\xe9 au lait\u200b \n", "ok\n\u2003 \xff tail\u200b\u3000\r\n",
		"cut \xe2\x80\nnext", "cut \xe2\x80\r\nnext\n", BOM + "\xc3\x28 after the mark", "first line fine ✓\nsecond \xc0\x80 overlong",
		"surrogate \xed\xa0\x80 here", "\xf5\x80\x80\x80 no start", "a\n\n\n  \xe2\x82 \xe2\x82\xac\n", "end \xf0\x9f\x98",
		"\xef\xbb\xbf", "\u200b\xff\u200b", "fine é\nfine ж\n\u2060x\xa0", "\t\t\xe2\x80\x8b\xe2\x80", "x\r\n\xc3",
	}
	for _, text := range texts {
		want := firstInvalid(text)
		d := New("a.txt", text)
		for i := range d.Lines {
			d.Feat(i)
		}
		if got := d.InvalidUTF8(); got != want {
			t.Errorf("%q: %d found while measuring, want %d", text, got, want)
		}
		if got := New("a.txt", text).InvalidUTF8(); got != want {
			t.Errorf("%q: %d asked first, want %d", text, got, want)
		}
	}
	if NewValid("a.txt", "valid ✓").InvalidUTF8() != -1 {
		t.Error("NewValid: InvalidUTF8 is not -1")
	}
}
