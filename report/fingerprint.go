package report

import (
	"crypto/sha256"
	"encoding/hex"
	"path/filepath"
	"strings"

	"github.com/newslint/newslint/engine"
)

// Fingerprint identifies a finding independently of its line number: the rule, the path and
// the flagged text with white space folded. Equal findings in one file are told apart by
// their order (occurrence counts from 0).
func Fingerprint(path string, f *engine.Finding, occurrence int) string {
	h := sha256.New()
	h.Write([]byte(f.Rule))
	h.Write([]byte{0})
	h.Write([]byte(filepath.ToSlash(path)))
	h.Write([]byte{0})
	h.Write([]byte(NormText(f.Text)))
	h.Write([]byte{0, byte(occurrence), byte(occurrence >> 8), byte(occurrence >> 16)})
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// NormText folds runs of white space to one space and trims, so that re-wrapping or line
// ending changes do not change a fingerprint.
func NormText(s string) string { return strings.Join(strings.Fields(s), " ") }

// fingerprints returns the fingerprint of each finding of a result.
func fingerprints(r *engine.Result) []string {
	seen := map[string]int{}
	out := make([]string, len(r.Findings))
	for i := range r.Findings {
		f := &r.Findings[i]
		k := f.Rule + "\x00" + NormText(f.Text)
		out[i] = Fingerprint(r.File.Path, f, seen[k])
		seen[k]++
	}
	return out
}
