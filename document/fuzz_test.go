package document

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

func addSeeds(f *testing.F) {
	names, _ := filepath.Glob("../testdata/seeds/input/*.txt")
	for _, n := range names {
		if b, err := os.ReadFile(n); err == nil {
			f.Add(string(b))
		}
	}
	for _, s := range []string{"", "\n", "\r\n", "a\rb", "\ufeffx\r\ny", "\xff\xfe", "a\x00b\n", "héllo\nwörld"} {
		f.Add(s)
	}
}

// FuzzDocument checks the line index: lines tile the text after the byte-order mark, contents
// exclude terminators, and every offset maps to a position inside the text.
func FuzzDocument(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, src string) {
		d := New("f.txt", src)
		pos := 0
		if d.BOM {
			pos = 3
		}
		for i, l := range d.Lines {
			if l.Start != pos || l.End < l.Start || l.Next < l.End || l.Next > len(src) {
				t.Fatalf("line %d %+v does not continue at %d", i, l, pos)
			}
			if strings.ContainsRune(d.Text(i), '\n') {
				t.Fatalf("line %d holds a newline", i)
			}
			pos = l.Next
		}
		if len(d.Lines) > 0 && pos != len(src) {
			t.Fatalf("lines end at %d of %d", pos, len(src))
		}
		for off := 0; off <= len(src); off += 1 + len(src)/50 {
			line, col := d.Position(off)
			if line < 1 || col < 1 || line > max(1, len(d.Lines)) {
				t.Fatalf("Position(%d) = %d:%d", off, line, col)
			}
		}
		// the first invalid byte, whether asked before the lines are measured or found while
		// measuring them, is the one a scan of the whole text finds
		want := -1
		for i := 0; i < len(src); {
			r, size := utf8.DecodeRuneInString(src[i:])
			if r == utf8.RuneError && size <= 1 {
				want = i
				break
			}
			i += size
		}
		if got := d.InvalidUTF8(); got != want {
			t.Fatalf("InvalidUTF8 = %d before measuring, want %d", got, want)
		}
		measured := New("x.txt", src)
		for i := range measured.Lines {
			ft := measured.Feat(i)
			if ft.Words > ft.Runes || ft.Letters > ft.Runes {
				t.Fatalf("features %+v", ft)
			}
		}
		if got := measured.InvalidUTF8(); got != want {
			t.Fatalf("InvalidUTF8 = %d after measuring, want %d", got, want)
		}
	})
}

// FuzzMeasure checks Measure against the reference that reads one rune at a time, and the folded
// copy of the line against strings.ToLower.
func FuzzMeasure(f *testing.F) {
	addSeeds(f)
	for _, s := range []string{"  “Hi,” he said.  ", "\u200bA\u00a0b\ufeff", "ÉTÉ\xe2\x80 中文！」", "x\xf0\x9f\x98\u3000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		if got, want := Measure(line), measureRef(line); got != want {
			t.Fatalf("Measure(%q) = %+v, want %+v", line, got, want)
		}
		d := New("f.txt", line)
		for i := range d.Lines {
			ft := d.Feat(i)
			if got, want := ft.Lower(), strings.ToLower(ft.Trim); got != want {
				t.Fatalf("line %d: Lower() = %q, want %q", i, got, want)
			}
		}
	})
}
