package processors

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
)

// IgnoreEntry is one suppression of the configuration ([[ignore]] in .newslint.toml).
type IgnoreEntry struct {
	// Paths are globs matched against the unit's file relative to the filter's base.
	Paths []string
	// Rules are the rule IDs suppressed; nil for every rule.
	Rules []string
	// Line, when set, tells whether a line of text matches the entry; a finding is suppressed
	// when one of the lines it spans (or their text together) matches.
	Line func(string) bool
	// Record, when set, limits the entry to the JSON record whose id, url or link it is.
	Record string
}

// Ignores is the filter of suppressions: [[ignore]] entries of the configuration, and a field
// of JSON records that lists the rules to ignore in the record. It keeps account of the
// entries that suppressed something, for reporting unused ones.
type Ignores struct {
	base    string
	entries []IgnoreEntry
	field   string
	known   func(id string) bool
	cwd     string

	used []atomic.Bool
	rels sync.Map // path -> relPath

	mu      sync.Mutex
	unknown map[string]FieldProblem
}

type relPath struct {
	rel string
	ok  bool
}

// FieldProblem is a record field naming a rule that does not exist.
type FieldProblem struct {
	Loc  input.Locator
	Rule string
	// NotList is set when the field holds neither a list of rule IDs nor one as a string;
	// Rule then holds the value as written.
	NotList bool
}

// NewIgnores returns the suppression filter for entries whose globs are relative to base, and
// the record field (none when ""); known tells rule IDs from typos in record fields.
func NewIgnores(base string, entries []IgnoreEntry, field string, known func(string) bool) *Ignores {
	cwd, _ := os.Getwd()
	return &Ignores{base: base, entries: entries, field: field, known: known, cwd: cwd,
		used: make([]atomic.Bool, len(entries)), unknown: map[string]FieldProblem{}}
}

func (g *Ignores) rel(path string) (string, bool) {
	if v, ok := g.rels.Load(path); ok {
		r := v.(relPath)
		return r.rel, r.ok
	}
	p := path
	if !filepath.IsAbs(p) && g.cwd != "" {
		p = filepath.Join(g.cwd, p)
	}
	rel, ok := input.RelTo(g.base, p)
	g.rels.Store(path, relPath{rel, ok})
	return rel, ok
}

// Hide implements Filter.
func (g *Ignores) Hide(u Unit, fs []finding.Finding) []bool {
	out := make([]bool, len(fs))
	if len(fs) == 0 {
		return out
	}
	if g.field != "" && u.Record != nil {
		if ids, ok := g.recordField(u); ok {
			for i := range fs {
				if slices.Contains(ids, "*") || slices.Contains(ids, "all") || slices.Contains(ids, fs[i].Rule) {
					out[i] = true
				}
			}
		}
	}
	if len(g.entries) == 0 {
		return out
	}
	rel, inBase := g.rel(u.Loc.Path)
	if !inBase {
		return out
	}
	var ids []string
	idsRead := false
	for e := range g.entries {
		ent := &g.entries[e]
		if !matchAny(ent.Paths, rel) {
			continue
		}
		if ent.Record != "" {
			if u.Record == nil && u.Loc.ID == "" {
				continue
			}
			if !idsRead {
				ids, idsRead = recordIDs(u), true
			}
			if !slices.Contains(ids, ent.Record) {
				continue
			}
		}
		for i := range fs {
			if ent.Rules != nil && !slices.Contains(ent.Rules, fs[i].Rule) {
				continue
			}
			if ent.Line != nil && !spanMatches(u, &fs[i], ent.Line) {
				continue
			}
			out[i] = true
			g.used[e].Store(true)
		}
	}
	return out
}

func matchAny(globs []string, rel string) bool {
	for _, gl := range globs {
		if input.Match(gl, rel) {
			return true
		}
	}
	return false
}

// spanMatches tells whether one of the lines a finding spans, or their text together, matches.
func spanMatches(u Unit, f *finding.Finding, match func(string) bool) bool {
	if u.Doc == nil {
		return match(f.Text)
	}
	first, last := f.Line-1, f.EndLine-1
	if f.EndLine > f.Line && f.EndCol <= 1 {
		last-- // a span that ends at the start of a line does not cover it
	}
	n := u.Doc.NumLines()
	first, last = max(first, 0), min(max(last, first), n-1)
	if first > last {
		return false
	}
	lines := make([]string, 0, last-first+1)
	for i := first; i <= last; i++ {
		l := u.Doc.Text(i)
		if match(l) {
			return true
		}
		lines = append(lines, l)
	}
	return len(lines) > 1 && match(strings.Join(lines, "\n"))
}

// recordIDs are the values of a record's "id", "url" and "link" fields.
func recordIDs(u Unit) []string {
	out := []string{}
	if u.Loc.ID != "" {
		out = append(out, u.Loc.ID)
	}
	if u.Record == nil {
		return out
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(u.Record.Raw, &obj) != nil {
		return out
	}
	for _, k := range []string{"id", "url", "link"} {
		if v, ok := obj[k]; ok {
			out = append(out, scalar(v))
		}
	}
	return out
}

// scalar is a JSON string's value, or a number's (or any other value's) text.
func scalar(v json.RawMessage) string {
	var s string
	if json.Unmarshal(v, &s) == nil {
		return s
	}
	return string(bytes.TrimSpace(v))
}

// recordField reads the rules a record lists in the ignore field: a list of rule IDs (or one
// as a string), "*" or "all" for every rule. Unknown IDs are noted for FieldProblems.
func (g *Ignores) recordField(u Unit) ([]string, bool) {
	raw := u.Record.Raw
	if !bytes.Contains(raw, []byte(g.field)) {
		return nil, false
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil {
		return nil, false
	}
	v, ok := obj[g.field]
	if !ok {
		return nil, false
	}
	var ids []string
	if err := json.Unmarshal(v, &ids); err != nil {
		var one string
		if json.Unmarshal(v, &one) != nil {
			g.note(u.Loc, string(bytes.TrimSpace(v)), true)
			return nil, false
		}
		ids = []string{one}
	}
	for _, id := range ids {
		if id != "*" && id != "all" && g.known != nil && !g.known(id) {
			g.note(u.Loc, id, false)
		}
	}
	return ids, true
}

func (g *Ignores) note(loc input.Locator, id string, notList bool) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.unknown[fmt.Sprintf("%s\x00%d\x00%s", loc.Path, loc.Line, id)] = FieldProblem{Loc: loc, Rule: id, NotList: notList}
}

// FieldProblems are the record fields that named unknown rules (or held no list of rules),
// in file and line order.
func (g *Ignores) FieldProblems() []FieldProblem {
	g.mu.Lock()
	defer g.mu.Unlock()
	out := make([]FieldProblem, 0, len(g.unknown))
	for _, p := range g.unknown {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b FieldProblem) int {
		if c := strings.Compare(a.Loc.Path, b.Loc.Path); c != 0 {
			return c
		}
		if a.Loc.Line != b.Loc.Line {
			return a.Loc.Line - b.Loc.Line
		}
		return strings.Compare(a.Rule, b.Rule)
	})
	return out
}

// Unused returns the indices of the entries that suppressed nothing so far.
func (g *Ignores) Unused() []int {
	var out []int
	for i := range g.used {
		if !g.used[i].Load() {
			out = append(out, i)
		}
	}
	return out
}

// Field is the record field the filter reads ("" for none).
func (g *Ignores) Field() string { return g.field }
