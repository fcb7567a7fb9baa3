package lint

import (
	"testing"

	"github.com/newslint/newslint/document"
)

func TestDropProtected(t *testing.T) {
	src := "intro\n```\ncode\n```\n[a]: https://example.com\nlast\n"
	doc := document.New("a.md", src)
	off := func(line int) int { return doc.Lines[line].Start }
	diags := []Diagnostic{
		{Rule: "outside", Start: off(0), End: off(0) + 5},
		{Rule: "inside-fence", Start: off(2), End: off(2) + 4},
		{Rule: "spans-fence", Start: off(0), End: off(5)},
		{Rule: "fix-touches-definition", Start: off(5), End: off(5) + 4, Fix: &Fix{Edits: []TextEdit{{Start: off(4), End: off(5)}}}},
		{Rule: "insert-before-fence", Start: off(0), End: off(0) + 5, Fix: &Fix{Edits: []TextEdit{{Start: off(1), End: off(1), NewText: "x\n"}}}},
		{Rule: "last", Start: off(5), End: off(5) + 4, Fix: &Fix{Edits: []TextEdit{{Start: off(5), End: len(src)}}}},
	}
	var got []string
	for _, d := range DropProtected(doc, diags) {
		got = append(got, d.Rule)
	}
	want := []string{"outside", "insert-before-fence", "last"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("kept %v, want %v", got, want)
	}
	txt := document.New("a.txt", src)
	if n := len(DropProtected(txt, diags)); n != len(diags) {
		t.Errorf("a .txt document lost %d diagnostics", len(diags)-n)
	}
}
