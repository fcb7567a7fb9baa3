package rules

import (
	_ "embed"
	"fmt"
	"math/bits"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/match"
)

//go:embed data/names.txt
var namesData string

// NameEntry is one entity of the canonical-name list.
type NameEntry struct {
	Canonical    string   `toml:"canonical"`
	Kind         string   `toml:"kind"`
	Misspellings []string `toml:"misspellings"`
	Variants     []string `toml:"variants"`
}

// NamesConfig is the [names] table of .newslint.toml: entries that extend or replace the
// embedded list (same canonical spelling), embedded entries to drop, and more groups of names
// that must never be merged.
type NamesConfig struct {
	Entries    []NameEntry `toml:"entries"`
	Disable    []string    `toml:"disable"`
	NeverMerge [][]string  `toml:"never_merge"`
}

// NamesAware rules take the [names] table; the configuration replaces them with WithNames.
type NamesAware interface {
	WithNames(NamesConfig) (any, error)
}

// nameList is the canonical-name list a rule uses: the embedded one, or one built from the
// [names] table.
type nameList struct {
	db *NameDB
}

// withNames builds the list a [names] table describes.
func withNames(cfg NamesConfig) (nameList, error) {
	db, err := namesFor(cfg)
	return nameList{db}, err
}

// lastNames is the list built last, for the configuration that asked for it: the rules that
// take [names] share one list instead of building it each (5 ms of every run's start).
var lastNames struct {
	sync.Mutex
	cfg NamesConfig
	db  *NameDB
}

// namesFor is BuildNames, once for a configuration asked for again (a list is only read once
// built).
func namesFor(cfg NamesConfig) (*NameDB, error) {
	if len(cfg.Entries) == 0 && len(cfg.Disable) == 0 && len(cfg.NeverMerge) == 0 {
		// the embedded list (a nil list stands for it), compiled meanwhile on another core: a
		// run reads its configuration, then walks its files on one core before any rule asks
		go DefaultNames()
		return nil, nil
	}
	lastNames.Lock()
	defer lastNames.Unlock()
	if lastNames.db != nil && reflect.DeepEqual(lastNames.cfg, cfg) {
		return lastNames.db, nil
	}
	db, err := BuildNames(cfg)
	if err == nil {
		lastNames.cfg, lastNames.db = cfg, db
	}
	return db, err
}

func (l nameList) names() *NameDB {
	if l.db != nil {
		return l.db
	}
	db, err := DefaultNames()
	if err != nil {
		panic(err) // the embedded list is checked by the tests
	}
	return db
}

type spellingKind int

const (
	canonicalSpelling spellingKind = iota
	misspelling
	variantSpelling
)

type spelling struct {
	entry int
	kind  spellingKind
	text  string
}

// NameDB is a compiled canonical-name list.
type NameDB struct {
	Entries []NameEntry
	spells  []spelling
	bySpell map[string]int // folded spelling → index in spells
	trie    *match.Trie
	// starts holds the first byte of each spelling, as listed and in capitals: a name is
	// looked for only where one of them follows a word's start.
	starts [256]bool
	// capsStart: starts holds only capitals and non-ASCII bytes, which Find picks out of eight
	// bytes at once; highStart: some of them are non-ASCII (without, Find skips text in other
	// scripts eight bytes at a time).
	capsStart, highStart bool
	// heads is a filter of the spellings' first four bytes, ASCII letters folded as the trie
	// folds them (a bit per hash, headBits bits): where the four bytes are not in it, no
	// spelling starts. Used only when every spelling has four bytes or more (headsOK).
	heads   [1 << headBits / 64]uint64
	headsOK bool
	// never maps a folded name to the never-merge groups it belongs to.
	never map[string][]int
}

var (
	defaultDBOnce sync.Once
	defaultDB     *NameDB
	defaultDBErr  error
)

// DefaultNames returns the embedded list, compiled once.
func DefaultNames() (*NameDB, error) {
	defaultDBOnce.Do(func() { defaultDB, defaultDBErr = BuildNames(NamesConfig{}) })
	return defaultDB, defaultDBErr
}

// parseNames reads the embedded data format.
func parseNames(data string) ([]NameEntry, [][]string, error) {
	var entries []NameEntry
	var never [][]string
	for n, line := range strings.Split(data, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if rest, ok := strings.CutPrefix(line, "never-merge:"); ok {
			var g []string
			for _, f := range strings.Split(rest, "|") {
				if f = strings.TrimSpace(f); f != "" {
					g = append(g, f)
				}
			}
			never = append(never, g)
			continue
		}
		f := strings.Split(line, "|")
		if len(f) != 4 {
			return nil, nil, fmt.Errorf("names data line %d: want 4 fields, got %d", n+1, len(f))
		}
		e := NameEntry{Canonical: strings.TrimSpace(f[0]), Kind: strings.TrimSpace(f[1]),
			Misspellings: splitComma(f[2]), Variants: splitComma(f[3])}
		entries = append(entries, e)
	}
	return entries, never, nil
}

func splitComma(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// foldName folds case and hyphens, for comparing spellings.
func foldName(s string) string {
	return strings.ToLower(strings.ReplaceAll(s, "-", " "))
}

// BuildNames compiles the embedded list with cfg applied.
func BuildNames(cfg NamesConfig) (*NameDB, error) {
	entries, never, err := parseNames(namesData)
	if err != nil {
		return nil, err
	}
	drop := map[string]bool{}
	for _, d := range cfg.Disable {
		drop[d] = true
	}
	replace := map[string]NameEntry{}
	for _, e := range cfg.Entries {
		if strings.TrimSpace(e.Canonical) == "" {
			return nil, fmt.Errorf("names entry without canonical spelling")
		}
		switch e.Kind {
		case "", "person", "place", "org":
		default:
			return nil, fmt.Errorf("names entry %q: kind must be person, place or org, got %q", e.Canonical, e.Kind)
		}
		if e.Kind == "" {
			e.Kind = "person"
		}
		replace[e.Canonical] = e
	}
	known := map[string]bool{}
	for _, e := range entries {
		known[e.Canonical] = true
	}
	for _, d := range cfg.Disable {
		if !known[d] {
			return nil, fmt.Errorf("names.disable: %q is not in the embedded list", d)
		}
	}
	var final []NameEntry
	for _, e := range entries {
		if drop[e.Canonical] {
			continue
		}
		if r, ok := replace[e.Canonical]; ok {
			e = r
			delete(replace, e.Canonical)
		}
		final = append(final, e)
	}
	for _, e := range cfg.Entries { // new entries, in config order
		if _, ok := replace[e.Canonical]; ok {
			final = append(final, replace[e.Canonical])
			delete(replace, e.Canonical)
		}
	}
	never = append(never, cfg.NeverMerge...)
	return compileNames(final, never)
}

func compileNames(entries []NameEntry, never [][]string) (*NameDB, error) {
	db := &NameDB{Entries: entries, bySpell: map[string]int{}, never: map[string][]int{}}
	owner := map[string]int{} // lower-case spelling → entity, to keep entities apart
	exact := map[string]bool{}
	add := func(ei int, k spellingKind, text string) error {
		key := strings.ToLower(text)
		if prev, ok := owner[key]; ok && prev != ei {
			return fmt.Errorf("names: %q is listed for both %q and %q", text, entries[prev].Canonical, entries[ei].Canonical)
		}
		owner[key] = ei
		if exact[text] {
			return fmt.Errorf("names: %q is listed twice for %q", text, entries[ei].Canonical)
		}
		exact[text] = true
		if _, ok := db.bySpell[key]; !ok || k == canonicalSpelling {
			db.bySpell[key] = len(db.spells)
		}
		db.spells = append(db.spells, spelling{ei, k, text})
		return nil
	}
	for i, e := range entries {
		if err := add(i, canonicalSpelling, e.Canonical); err != nil {
			return nil, err
		}
	}
	for i, e := range entries {
		for _, s := range e.Misspellings {
			if err := add(i, misspelling, s); err != nil {
				return nil, err
			}
		}
		for _, s := range e.Variants {
			if err := add(i, variantSpelling, s); err != nil {
				return nil, err
			}
		}
	}
	for gi, g := range never {
		if len(g) < 2 {
			return nil, fmt.Errorf("names: a never-merge group needs two or more names: %q", g)
		}
		for _, n := range g {
			db.never[foldName(n)] = append(db.never[foldName(n)], gi)
		}
	}
	// No spelling of one entity may be a spelling of another entity it must not merge with.
	for _, sp := range db.spells {
		if sp.kind == canonicalSpelling {
			continue
		}
		canon := entries[sp.entry].Canonical
		for _, g := range db.never[foldName(sp.text)] {
			for _, other := range never[g] {
				if foldName(other) != foldName(canon) && foldName(other) == foldName(sp.text) {
					return nil, fmt.Errorf("names: %q, a spelling of %q, is the never-merge name %q", sp.text, canon, other)
				}
			}
		}
	}
	pats := make([]string, len(db.spells))
	for i, s := range db.spells {
		pats[i] = s.text
	}
	db.trie = match.NewTrie(pats, true)
	for _, p := range pats {
		if p != "" {
			db.starts[p[0]] = true
			db.starts[strings.ToUpper(p)[0]] = true
		}
	}
	db.headsOK = true
	for _, p := range pats {
		if len(p) < 4 {
			db.headsOK = false
		} else {
			h := headHash(p)
			db.heads[h/64] |= 1 << (h % 64)
		}
	}
	db.capsStart = true
	for b, ok := range db.starts {
		if ok && !(b >= 'A' && b <= 'Z' || b >= utf8.RuneSelf) {
			db.capsStart = false
		}
		db.highStart = db.highStart || ok && b >= utf8.RuneSelf
	}
	return db, nil
}

// NeverMerge reports whether a and b belong to one never-merge group.
func (db *NameDB) NeverMerge(a, b string) bool {
	ga, gb := db.never[foldName(a)], db.never[foldName(b)]
	for _, x := range ga {
		for _, y := range gb {
			if x == y {
				return true
			}
		}
	}
	return false
}

// InNeverMerge reports whether name is in any never-merge group.
func (db *NameDB) InNeverMerge(name string) bool { return len(db.never[foldName(name)]) > 0 }

// Known reports whether s is any spelling of a listed entity.
func (db *NameDB) Known(s string) bool {
	_, ok := db.bySpell[strings.ToLower(s)]
	return ok
}

// nameHit is a verified occurrence of a listed spelling.
type nameHit struct {
	start, end int
	sp         spelling
	upper      bool // written in capitals
}

// Find returns the listed spellings in text: whole names only, written exactly as listed (or in
// capitals), the leftmost-longest where occurrences overlap.
func (db *NameDB) Find(text string) []nameHit {
	var hits []nameHit
	var s int // where the name looked up starts
	check := func(p, e int) bool {
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
			return true // part of a longer word, or joined to one by a hyphen
		}
		hits = append(hits, nameHit{s, e, sp, upper})
		return true
	}
	// A name written as listed or in capitals starts with a byte of starts, and a whole name
	// follows no ASCII letter, digit, underscore or hyphen (which Bounded and the hyphen test
	// would reject): elsewhere there is nothing to look up.
	i := 0
	if db.capsStart {
		picks := capsOrHigh
		if !db.highStart {
			picks = caps
		}
		for ; i+8 <= len(text); i += 8 {
			for m := picks(load64(text[i:])); m != 0; m &= m - 1 {
				s = i + bits.TrailingZeros64(m)/8
				if db.starts[text[s]] && (s == 0 || !nameJoins[text[s-1]]) && db.mayStart(text, s) {
					db.trie.At(text, s, check)
				}
			}
		}
	}
	for ; i < len(text); i++ {
		if s = i; db.starts[text[s]] && (s == 0 || !nameJoins[text[s-1]]) && db.mayStart(text, s) {
			db.trie.At(text, s, check)
		}
	}
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

// headBits is the size of NameDB.heads: 4,096 bits for about a thousand spellings' heads.
const headBits = 12

// headHash hashes the first four bytes of s (at least four), ASCII capitals folded to small
// letters as the trie folds them.
func headHash(s string) uint32 {
	x := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
	const ones, tops = 0x01010101, 0x80808080
	ascii := x &^ tops
	caps := (ascii + (0x80-'A')*ones) &^ (ascii + (0x80-'Z'-1)*ones) &^ x & tops
	x |= caps >> 2 // 'A'..'Z' + 0x20 = 'a'..'z'
	return x * 0x9E3779B1 >> (32 - headBits)
}

// mayStart reports whether a spelling may start at text[s:]: false only where heads says that
// none does.
func (db *NameDB) mayStart(text string, s int) bool {
	if !db.headsOK {
		return true
	}
	if s+4 > len(text) {
		return false // every spelling is longer
	}
	h := headHash(text[s:])
	return db.heads[h/64]&(1<<(h%64)) != 0
}

// nameJoins are the ASCII bytes that join a name to the word before it: a letter, digit or
// underscore (a word rune, for document.Bounded) or a hyphen.
var nameJoins = func() (t [256]bool) {
	for b := 0; b < utf8.RuneSelf; b++ {
		c := byte(b)
		t[b] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-'
	}
	return t
}()

// capsOrHigh returns the top bit of each of the eight bytes of x (load64) that is an ASCII
// capital or not ASCII.
func capsOrHigh(x uint64) uint64 {
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	ascii := x &^ tops                                               // each byte below 0x80: no carry from one byte into the next
	caps := (ascii + (0x80-'A')*ones) &^ (ascii + (0x80-'Z'-1)*ones) // top bit: 'A' <= byte <= 'Z'
	return (x | caps) & tops
}

// caps returns the top bit of each of the eight bytes of x (load64) that is an ASCII capital.
func caps(x uint64) uint64 { return capsOrHigh(x) &^ x }

// load64 reads the first eight bytes of b, the first lowest.
func load64(b string) uint64 {
	b = b[:8]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}
