package rules

import (
	"fmt"
	"math/rand"
	"sort"
	"strings"
	"testing"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/match"
)

// findOracle is Find the straightforward way: an automaton over the whole text, every
// occurrence checked.
func findOracle(db *NameDB, m *match.Matcher, text string) []nameHit {
	var hits []nameHit
	m.FindAll(text, func(p, s, e int) bool {
		sp := db.spells[p]
		got := text[s:e]
		upper := false
		switch got {
		case sp.text:
		case strings.ToUpper(sp.text):
			upper = true
		default:
			return true
		}
		if !document.Bounded(text, s, e) || s > 0 && text[s-1] == '-' {
			return true
		}
		hits = append(hits, nameHit{s, e, sp, upper})
		return true
	})
	sort.Slice(hits, func(i, j int) bool {
		if hits[i].start != hits[j].start {
			return hits[i].start < hits[j].start
		}
		return hits[i].end > hits[j].end
	})
	out := hits[:0]
	end := -1
	for _, h := range hits {
		if h.start < end {
			continue
		}
		out = append(out, h)
		end = h.end
	}
	return out
}

// TestFindOracle: Find, which looks names up only where one can start, finds what the
// automaton over the whole text finds, on texts of listed spellings in every case, glued to
// letters, digits, hyphens and non-ASCII letters, overlapping and nested, and with a
// configured list whose spellings differ only in case or start in lower case.
func TestFindOracle(t *testing.T) {
	db, err := DefaultNames()
	if err != nil {
		t.Fatal(err)
	}
	// a list of its own, so that its first letters are not all the embedded list's capitals
	custom, err := compileNames([]NameEntry{
		{Canonical: "Ana Ruiz", Misspellings: []string{"ANA RUIZ", "Ana RUIZ", "ana ruiz"}, Variants: []string{"de la Ruiz", "Ruiz"}},
		{Canonical: "Ğüler Şen", Misspellings: []string{"Guler Sen", "ğüler şen"}},
		{Canonical: "Émile Zola Corp", Kind: "org", Variants: []string{"Zola", "ÉMILE"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// names that start with non-ASCII letters, of two bytes and of three
	accented, err := compileNames([]NameEntry{
		{Canonical: "Émile Zola", Misspellings: []string{"Emile Zola", "ÉMILE ZOLA"}},
		{Canonical: "Şahin Öztürk", Variants: []string{"Sahin Ozturk", "Öztürk"}},
		{Canonical: "Łukasz Żak", Misspellings: []string{"Lukasz Zak"}},
		{Canonical: "Ødegaard", Kind: "place"},
		{Canonical: "東京電力", Kind: "org", Variants: []string{"東電"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// a list with spellings shorter than four bytes, which the filter of heads cannot take
	short, err := compileNames([]NameEntry{
		{Canonical: "Xi Jinping", Variants: []string{"Xi"}},
		{Canonical: "Wu Yi", Misspellings: []string{"WU YI"}},
		{Canonical: "Ada Lovelace", Variants: []string{"Ada", "Lovelace"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	// the embedded list's names start with capitals, looked for eight bytes at once, and so do
	// the accented ones; the custom list has a name in lower case, looked for byte by byte
	if !db.capsStart || custom.capsStart || !accented.capsStart {
		t.Fatalf("capsStart: embedded %v, custom %v, accented %v", db.capsStart, custom.capsStart, accented.capsStart)
	}
	if db.highStart || !accented.highStart {
		t.Fatalf("highStart: embedded %v, accented %v", db.highStart, accented.highStart)
	}
	if !db.headsOK || !custom.headsOK || !accented.headsOK || short.headsOK {
		t.Fatalf("headsOK: embedded %v, custom %v, accented %v, short %v", db.headsOK, custom.headsOK, accented.headsOK, short.headsOK)
	}
	glue := []string{" ", " ", " ", "-", "_", "\n", ". ", "'", "’", "é", "ж", "x", "X", "7", "(", "«", "\u00a0", ""}
	r := rand.New(rand.NewSource(6))
	found := 0
	for _, d := range []*NameDB{db, custom, accented, short} {
		pats := make([]string, len(d.spells))
		for i, s := range d.spells {
			pats[i] = s.text
		}
		m := match.New(pats, true)
		for range 500 {
			var b strings.Builder
			for range 1 + r.Intn(12) {
				name := d.spells[r.Intn(len(d.spells))].text
				switch r.Intn(6) {
				case 0:
					name = strings.ToUpper(name)
				case 1:
					name = strings.ToLower(name)
				case 2:
					if len(name) > 3 { // cut, or change the case of one letter
						k := r.Intn(len(name))
						if r.Intn(2) == 0 {
							name = name[:k]
						} else {
							name = name[:k] + strings.ToUpper(name[k:k+1]) + name[k+1:]
						}
					}
				}
				b.WriteString(glue[r.Intn(len(glue))])
				b.WriteString(name)
			}
			text := b.String()
			got, want := d.Find(text), findOracle(d, m, text)
			if fmt.Sprint(got) != fmt.Sprint(want) {
				t.Fatalf("text %q:\ngot  %v\nwant %v", text, got, want)
			}
			found += len(got)
		}
	}
	if found < 1000 {
		t.Errorf("only %d names found: the texts test little", found)
	}
}

// TestCapsOrHigh: capsOrHigh marks exactly the capitals and non-ASCII bytes of eight, caps
// exactly the capitals.
func TestCapsOrHigh(t *testing.T) {
	r := rand.New(rand.NewSource(8))
	for round := range 20000 {
		b := make([]byte, 8)
		for i := range b {
			b[i] = byte(r.Intn(256))
			if round%2 == 0 { // bytes around the edges of the ranges
				b[i] = "@AZ[`az{\x7f\x80\xff"[r.Intn(11)]
			}
		}
		var want, wantCaps uint64
		for i, c := range b {
			if c >= 'A' && c <= 'Z' || c >= 0x80 {
				want |= 0x80 << (8 * i)
			}
			if c >= 'A' && c <= 'Z' {
				wantCaps |= 0x80 << (8 * i)
			}
		}
		if got := capsOrHigh(load64(string(b))); got != want {
			t.Fatalf("%q: got %x, want %x", b, got, want)
		}
		if got := caps(load64(string(b))); got != wantCaps {
			t.Fatalf("caps %q: got %x, want %x", b, got, wantCaps)
		}
	}
}
