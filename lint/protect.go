package lint

import "github.com/newslint/newslint/document"

// DropProtected removes the diagnostics that touch lines the document protects (Markdown
// front matter, fenced code and link reference definitions, see document.Protected): those
// whose range overlaps a protected line, or whose fix would change one. No rule reports on or
// changes such lines, whatever the rule. Diagnostics keep their order; diags is returned as it
// is when nothing is protected.
func DropProtected(doc *document.Document, diags []Diagnostic) []Diagnostic {
	prot := doc.Protected()
	if len(prot) == 0 || len(diags) == 0 {
		return diags
	}
	spans := make([][2]int, len(prot))
	for i, r := range prot {
		spans[i] = [2]int{doc.Lines[r.First].Start, doc.Lines[r.Last].Next}
	}
	touches := func(start, end int) bool {
		for _, s := range spans {
			if start == end {
				if s[0] < start && start < s[1] {
					return true
				}
			} else if start < s[1] && end > s[0] {
				return true
			}
		}
		return false
	}
	out := diags[:0:0]
	for _, d := range diags {
		hit := touches(d.Start, d.End)
		if !hit && d.Fix != nil {
			for _, e := range d.Fix.Edits {
				if touches(e.Start, e.End) {
					hit = true
					break
				}
			}
		}
		if !hit {
			out = append(out, d)
		}
	}
	return out
}
