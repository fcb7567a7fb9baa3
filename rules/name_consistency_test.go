package rules

import (
	"strings"
	"testing"

	"github.com/newslint/newslint/internal/testtext"

	"github.com/newslint/newslint/document"
)

// TestVariantSetPrefilter checks the test that lets name-consistency skip documents: every name
// candidate of a text, taken as a rare spelling, is found possible, and a spelling whose first
// word the text lacks is not.
func TestVariantSetPrefilter(t *testing.T) {
	texts := testtext.Texts(t, "../testdata")
	texts = append(texts, "Foreign Minister Sergey Lavrov met Kim Jong-un’s envoy in Zürich.", "Later, Ángel Núñez-Ortega spoke.")
	names := 0
	for _, text := range texts {
		words := document.Words(text, nil)
		nameCandidates(text, words, func(_, _ int, name string) {
			names++
			if !newVariantSet(map[string]string{name: "x"}).mayHold(text, words) {
				t.Errorf("%q: candidate %q not found possible", text[:min(len(text), 40)], name)
			}
		})
		if strings.Contains(text, "Qwyzzel") {
			continue
		}
		if newVariantSet(map[string]string{"Qwyzzel Ortega": "x"}).mayHold(text, words) {
			t.Errorf("%q: a spelling whose first word is missing found possible", text[:min(len(text), 40)])
		}
	}
	if names < 100 {
		t.Errorf("only %d name candidates in testdata", names)
	}
}
