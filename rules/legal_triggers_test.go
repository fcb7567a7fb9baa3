package rules

import (
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/match"
)

// TestLegalTriggersAreTheAutomaton: the skipping look for legal-notice triggers says what the
// plain automaton of the same words says, on every line of the test data (notices and prose
// in several languages), on those lines with a trigger word set into them at every place in
// several cases, and on random lines made of the words' pieces.
func TestLegalTriggersAreTheAutomaton(t *testing.T) {
	plain := match.New(legalTriggerWords, true)
	check := func(line string) {
		t.Helper()
		if got, want := legalTriggers.Contains(line), plain.Contains(line); got != want {
			t.Fatalf("Contains(%q) = %v, the automaton says %v", line, got, want)
		}
	}
	var lines []string
	err := filepath.WalkDir("../testdata", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".txt") {
			return err
		}
		b, err := os.ReadFile(path)
		for _, l := range strings.Split(string(b), "\n") {
			lines = append(lines, strings.TrimSpace(l))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(lines) < 1000 {
		t.Fatalf("only %d lines of test data", len(lines))
	}
	found := 0
	for _, l := range lines {
		check(l)
		if plain.Contains(l) {
			found++
		}
	}
	if found == 0 {
		t.Fatal("no line of the test data holds a trigger")
	}
	r := rand.New(rand.NewSource(5))
	for n, l := range lines {
		if n%7 != 0 || len(l) > 200 {
			continue
		}
		w := legalTriggerWords[r.Intn(len(legalTriggerWords))]
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:], w[:len(w)-1], w[1:]} {
			for k := 0; k <= len(l); k++ {
				check(l[:k] + v + l[k:])
			}
		}
	}
	var pieces []string
	for _, w := range legalTriggerWords {
		for i := 0; i < len(w); i += 2 {
			pieces = append(pieces, w[i:min(i+3, len(w))])
		}
	}
	pieces = append(pieces, " ", "the ", "e", "s", "ment ", "tions ", "\xc2", "\xa9", "(", ")", "\xd0", "\xe7")
	for range 50000 {
		var b strings.Builder
		for range r.Intn(40) {
			b.WriteString(pieces[r.Intn(len(pieces))])
		}
		check(b.String())
	}
}
