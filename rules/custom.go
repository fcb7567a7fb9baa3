package rules

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/lint"
)

// CustomSpec is one [[custom]] rule of .newslint.toml: a rule declared without code, after
// Vale's extension points.
type CustomSpec struct {
	ID       string `toml:"id"`
	Kind     string `toml:"kind"` // existence | substitution | consistency
	Message  string `toml:"message"`
	Severity string `toml:"severity"`
	Doc      string `toml:"doc"`
	// existence
	Patterns []string `toml:"patterns"`
	Regex    bool     `toml:"regex"`
	Match    string   `toml:"match"` // line (the whole line) | phrase (anywhere in a line)
	Scope    string   `toml:"scope"` // line (anywhere) | header | footer
	Fix      string   `toml:"fix"`   // delete-line | none
	// substitution
	Swap      map[string]string `toml:"swap"`
	WholeWord *bool             `toml:"whole_word"`
	// consistency
	Either [][]string `toml:"either"`
	// shared
	IgnoreCase bool   `toml:"ignore_case"`
	FixSafety  string `toml:"fix_safety"`
}

// NewCustom builds the rule a spec declares, or says what is wrong with it.
func NewCustom(s CustomSpec) (lint.Rule, error) {
	if s.ID == "" {
		return nil, fmt.Errorf("custom rule needs an id")
	}
	if strings.ContainsAny(s.ID, " \t,") {
		return nil, fmt.Errorf("custom rule id %q must not contain spaces or commas", s.ID)
	}
	sev := lint.Warning
	if s.Severity != "" {
		v, err := lint.ParseSeverity(s.Severity)
		if err != nil {
			return nil, err
		}
		sev = v
	}
	safety := lint.Safe
	if s.FixSafety != "" {
		v, err := lint.ParseSafety(s.FixSafety)
		if err != nil {
			return nil, err
		}
		safety = v
	}
	c := &customRule{spec: s, sev: sev, safety: safety}
	flags := ""
	if s.IgnoreCase {
		flags = "(?i)"
	}
	switch s.Kind {
	case "existence":
		if len(s.Patterns) == 0 {
			return nil, fmt.Errorf("existence rule %q needs patterns", s.ID)
		}
		alts := make([]string, len(s.Patterns))
		for i, p := range s.Patterns {
			if s.Regex {
				if _, err := syntax.Parse(p, syntax.Perl); err != nil { // compiled once, below
					return nil, fmt.Errorf("pattern %q: %v", p, err)
				}
				alts[i] = "(?:" + p + ")"
			} else {
				alts[i] = regexp.QuoteMeta(p)
			}
		}
		body := strings.Join(alts, "|")
		var err error
		switch s.Match {
		case "", "line":
			c.re, err = regexp.Compile(flags + `^[ \t]*(?:` + body + `)[ \t]*$`)
		case "phrase":
			c.re, err = regexp.Compile(flags + `(?:` + body + `)`)
		default:
			return nil, fmt.Errorf("match must be line or phrase, got %q", s.Match)
		}
		if err != nil {
			return nil, fmt.Errorf("patterns: %v", err)
		}
		switch s.Scope {
		case "", "line", "header", "footer":
		default:
			return nil, fmt.Errorf("scope must be line, header or footer, got %q", s.Scope)
		}
		switch s.Fix {
		case "", "none", "delete-line":
		default:
			return nil, fmt.Errorf("fix must be delete-line or none, got %q", s.Fix)
		}
	case "substitution":
		if len(s.Swap) == 0 {
			return nil, fmt.Errorf("substitution rule %q needs a swap table", s.ID)
		}
		whole := s.WholeWord == nil || *s.WholeWord
		keys := make([]string, 0, len(s.Swap))
		for k := range s.Swap {
			if k == "" {
				return nil, fmt.Errorf("substitution rule %q has an empty key", s.ID)
			}
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { // longest first, so alternation prefers it
			if len(keys[i]) != len(keys[j]) {
				return len(keys[i]) > len(keys[j])
			}
			return keys[i] < keys[j]
		})
		alts := make([]string, len(keys))
		for i, k := range keys {
			alts[i] = regexp.QuoteMeta(k)
		}
		var err error
		if c.re, err = regexp.Compile(flags + `(?:` + strings.Join(alts, "|") + `)`); err != nil {
			return nil, fmt.Errorf("swap: %v", err)
		}
		c.whole = whole
		c.lookup = make(map[string]string, len(s.Swap))
		for k, v := range s.Swap {
			c.lookup[foldKey(k, s.IgnoreCase)] = v
		}
	case "consistency":
		if len(s.Either) == 0 {
			return nil, fmt.Errorf("consistency rule %q needs either = [[...], ...]", s.ID)
		}
		for _, g := range s.Either {
			if len(g) < 2 {
				return nil, fmt.Errorf("consistency rule %q: each either group needs two or more spellings", s.ID)
			}
			res := make([]*regexp.Regexp, len(g))
			for i, form := range g {
				re, err := regexp.Compile(flags + regexp.QuoteMeta(form))
				if err != nil {
					return nil, fmt.Errorf("either: %v", err)
				}
				res[i] = re
			}
			c.groups = append(c.groups, res)
		}
		c.whole = true
	case "":
		return nil, fmt.Errorf("custom rule %q needs a kind (existence, substitution or consistency)", s.ID)
	default:
		return nil, fmt.Errorf("custom rule %q: unknown kind %q (want existence, substitution or consistency)", s.ID, s.Kind)
	}
	return c, nil
}

type customRule struct {
	spec   CustomSpec
	sev    lint.Severity
	safety lint.Safety
	re     *regexp.Regexp
	whole  bool
	lookup map[string]string
	groups [][]*regexp.Regexp // consistency: one pattern per spelling of each group
}

func foldKey(s string, ignoreCase bool) string {
	if ignoreCase {
		return strings.ToLower(s)
	}
	return s
}

func (c *customRule) Meta() *lint.Meta {
	doc := c.spec.Doc
	if doc == "" {
		doc = fmt.Sprintf("A %s rule declared in .newslint.toml ([[custom]] id = %q).", c.spec.Kind, c.spec.ID)
	}
	return &lint.Meta{
		ID:        c.spec.ID,
		Severity:  c.sev,
		Fixable:   c.spec.Kind != "existence" || c.spec.Fix == "delete-line",
		Requires:  []lint.Analyzer{layoutOf},
		Summary:   fmt.Sprintf("custom %s rule", c.spec.Kind),
		Doc:       doc,
		Why:       "Declared in the configuration.",
		FixSafety: fmt.Sprintf("%s, as the rule's fix_safety sets it.", c.safety),
	}
}

// message is the spec's message with {match} (and {suggestion}) filled in, or the default.
func (c *customRule) message(match, suggestion, def string) string {
	if c.spec.Message == "" {
		return def
	}
	return strings.NewReplacer("{match}", match, "{suggestion}", suggestion).Replace(c.spec.Message)
}

func (c *customRule) Check(p *lint.Pass) {
	switch c.spec.Kind {
	case "existence":
		c.checkExistence(p)
	case "substitution":
		c.checkSubstitution(p)
	case "consistency":
		c.checkConsistency(p)
	}
}

func (c *customRule) checkExistence(p *lint.Pass) {
	d := p.Doc
	lay := lint.ResultOf(p, layoutOf)
	for i := 0; i < d.NumLines(); i++ {
		switch c.spec.Scope {
		case "header":
			if !lay.HeaderZone(i) {
				return
			}
		case "footer":
			if !lay.FooterZone(i) {
				continue
			}
		}
		text := d.Text(i)
		loc := c.re.FindStringIndex(text)
		if loc == nil {
			continue
		}
		l := d.Lines[i]
		m := text[loc[0]:loc[1]]
		diag := lint.Diagnostic{Start: l.Start + loc[0], End: l.Start + loc[1], Message: c.message(strings.TrimSpace(m), "", fmt.Sprintf("%q matches a custom existence rule", strings.TrimSpace(m)))}
		if c.spec.Fix == "delete-line" {
			diag.Fix = lint.DeleteLines(d, i, i, "delete the line", c.safety)
		}
		p.Report(diag)
	}
}

func (c *customRule) checkSubstitution(p *lint.Pass) {
	src := p.Doc.Src
	for _, loc := range c.re.FindAllStringIndex(src, -1) {
		if c.whole && !wordBounded(src, loc[0], loc[1]) {
			continue
		}
		found := src[loc[0]:loc[1]]
		want, ok := c.lookup[foldKey(found, c.spec.IgnoreCase)]
		if !ok {
			continue
		}
		if c.spec.IgnoreCase {
			want = matchCase(found, want)
		}
		if want == found {
			continue
		}
		p.Report(lint.Diagnostic{Start: loc[0], End: loc[1],
			Message: c.message(found, want, fmt.Sprintf("use %q instead of %q", want, found)),
			Fix: &lint.Fix{Description: fmt.Sprintf("replace %q with %q", found, want), Safety: c.safety,
				Edits: []lint.TextEdit{{Start: loc[0], End: loc[1], NewText: want}}}})
	}
}

func (c *customRule) checkConsistency(p *lint.Pass) {
	src := p.Doc.Src
	for gi, group := range c.spec.Either {
		type hit struct{ start, end, form int }
		var hits []hit
		counts := make([]int, len(group))
		for fi, re := range c.groups[gi] {
			for _, loc := range re.FindAllStringIndex(src, -1) {
				if wordBounded(src, loc[0], loc[1]) {
					hits = append(hits, hit{loc[0], loc[1], fi})
					counts[fi]++
				}
			}
		}
		best := 0
		for i := range counts {
			if counts[i] > counts[best] {
				best = i
			}
		}
		sort.Slice(hits, func(i, j int) bool { return hits[i].start < hits[j].start })
		for _, h := range hits {
			if h.form == best {
				continue
			}
			found := src[h.start:h.end]
			want := group[best]
			p.Report(lint.Diagnostic{Start: h.start, End: h.end,
				Message: c.message(found, want, fmt.Sprintf("%q is inconsistent with %q used %d times in this document", found, want, counts[best])),
				Fix: &lint.Fix{Description: fmt.Sprintf("use %q", want), Safety: lint.Unsafe,
					Edits: []lint.TextEdit{{Start: h.start, End: h.end, NewText: matchCase(found, want)}}}})
		}
	}
}

// matchCase gives want the case pattern of found: all capitals, or a capital first letter.
func matchCase(found, want string) string {
	if strings.ToUpper(found) == found && strings.ToLower(found) != found {
		return strings.ToUpper(want)
	}
	r, _ := utf8.DecodeRuneInString(found)
	w, size := utf8.DecodeRuneInString(want)
	if unicode.IsUpper(r) && unicode.IsLower(w) {
		return string(unicode.ToUpper(w)) + want[size:]
	}
	return want
}
