package processors

import (
	"fmt"
	"testing"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/lint"
)

func withFix(f finding.Finding, s lint.Safety, edits ...lint.TextEdit) finding.Finding {
	f.Fix = &lint.Fix{Safety: s, Edits: edits}
	return f
}

func del(start, end int) lint.TextEdit { return lint.TextEdit{Start: start, End: end} }

func severe(f finding.Finding, s lint.Severity) finding.Finding {
	f.Severity = s
	return f
}

// shape renders folded findings as "outer[inner inner] outer".
func shape(fs []finding.Finding) string {
	s := ""
	for i, f := range fs {
		if i > 0 {
			s += " "
		}
		s += f.Rule
		if len(f.Related) > 0 {
			s += fmt.Sprint(rules(f.Related))
		}
	}
	return s
}

func TestFold(t *testing.T) {
	outer := withFix(fnd("chrome", 0, 100), lint.Safe, del(0, 100))
	for _, c := range []struct {
		name string
		in   []finding.Finding
		want string
	}{
		{"a deletion inside a deletion", []finding.Finding{outer, withFix(fnd("tmpl", 10, 20), lint.Safe, del(10, 21))}, "chrome[tmpl]"},
		{"a replacement inside a deletion", []finding.Finding{outer, withFix(fnd("glued", 10, 20), lint.Safe, lint.TextEdit{Start: 12, End: 13, NewText: " "})}, "chrome[glued]"},
		{"more severe inside", []finding.Finding{outer, severe(withFix(fnd("promo", 10, 20), lint.Safe, del(10, 21)), lint.Error)}, "chrome promo"},
		{"a safe fix inside an unsafe one", []finding.Finding{withFix(fnd("chrome", 0, 100), lint.Unsafe, del(0, 100)), withFix(fnd("tmpl", 10, 20), lint.Safe, del(10, 21))}, "chrome tmpl"},
		{"an unsafe fix inside a safe one", []finding.Finding{outer, withFix(fnd("tmpl", 10, 20), lint.Unsafe, del(10, 21))}, "chrome[tmpl]"},
		{"a fix reaching past the outer deletion", []finding.Finding{outer, withFix(fnd("tmpl", 90, 100), lint.Safe, del(90, 101))}, "chrome tmpl"},
		{"an insertion where the deletion starts", []finding.Finding{outer, withFix(fnd("ins", 0, 5), lint.Safe, lint.TextEdit{Start: 0, End: 0, NewText: "x"})}, "chrome ins"},
		{"a fix inside a finding without one", []finding.Finding{fnd("note", 0, 100), withFix(fnd("tmpl", 10, 20), lint.Safe, del(10, 21))}, "note tmpl"},
		{"no fix inside no fix", []finding.Finding{fnd("note", 0, 100), fnd("other", 10, 20)}, "note[other]"},
		{"no fix inside a deletion", []finding.Finding{outer, fnd("other", 10, 20)}, "chrome[other]"},
		{"no fix inside a replacement", []finding.Finding{withFix(fnd("chrome", 0, 100), lint.Safe, lint.TextEdit{Start: 0, End: 100, NewText: "x"}), fnd("other", 10, 20)}, "chrome other"},
		{"overlapping, not inside", []finding.Finding{outer, withFix(fnd("tmpl", 90, 120), lint.Safe, del(90, 120))}, "chrome tmpl"},
		{"the same range: the later one folds", []finding.Finding{withFix(fnd("a", 10, 20), lint.Safe, del(10, 20)), withFix(fnd("b", 10, 20), lint.Safe, del(10, 20))}, "a[b]"},
		{"nested twice: all under the outermost", []finding.Finding{outer, withFix(fnd("nav", 10, 50), lint.Safe, del(10, 50)), withFix(fnd("tmpl", 20, 30), lint.Safe, del(20, 31)), withFix(fnd("after", 200, 210), lint.Safe, del(200, 210))}, "chrome[nav tmpl] after"},
	} {
		t.Run(c.name, func(t *testing.T) {
			in := append([]finding.Finding(nil), c.in...)
			if got := shape(Fold{}.Process(Sort{}.Process(in))); got != c.want {
				t.Errorf("got %s, want %s", got, c.want)
			}
		})
	}
}
