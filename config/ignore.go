package config

import (
	"fmt"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
)

// DefaultIgnoreField is the field of a JSON record that lists the rules to ignore in that
// record ("newslint_ignore": ["vote-widget"], or ["*"] for all), unless [input] ignore_field
// names another ("" turns the field off).
const DefaultIgnoreField = "newslint_ignore"

// Ignore is one [[ignore]] entry: it suppresses the findings of Rules (nil: every rule) in the
// files its Paths globs match (relative to the configuration file's directory), optionally
// only on lines matching Text, or only in the JSON record whose id or url is Record.
type Ignore struct {
	// Line is where the entry's [[ignore]] header stands in the configuration file.
	Line  int
	Paths []string
	Rules []string
	// Text is the line pattern as written (literal, or a regular expression with Regex).
	Text  string
	Regex bool
	// Record is the id (or url) of the JSON record the entry applies to; "" for any.
	Record string
	re     *regexp.Regexp
}

// MatchLine reports whether a line the finding is on matches the entry's text pattern (always
// true without one). Literal patterns match anywhere in the line, white space runs folded, so
// that re-wrapping or a fix of spacing elsewhere in the line keeps the entry in force.
func (ig *Ignore) MatchLine(line string) bool {
	switch {
	case ig.Text == "":
		return true
	case ig.re != nil:
		return ig.re.MatchString(line)
	}
	return strings.Contains(finding.NormText(line), finding.NormText(ig.Text))
}

// HasText reports whether the entry is limited to lines matching a pattern.
func (ig *Ignore) HasText() bool { return ig.Text != "" }

// rawIgnore is an [[ignore]] table as written; paths and rules take a string or a list, and
// every field is checked by hand so that a wrong type gets a plain message.
type rawIgnore struct {
	Paths  any `toml:"paths"`
	Rules  any `toml:"rules"`
	Text   any `toml:"text"`
	Regex  any `toml:"regex"`
	Record any `toml:"record"`
}

// parseIgnores checks and compiles the [[ignore]] entries and the record field's name.
func (c *Config) parseIgnores(file string, raw rawFile, loc *locator) error {
	c.IgnoreField = DefaultIgnoreField
	if raw.Input.IgnoreField != nil {
		c.IgnoreField = strings.TrimSpace(*raw.Input.IgnoreField)
	}
	for i, r := range raw.Ignore {
		fail := func(key, msg string, args ...any) error {
			k := fmt.Sprintf("ignore[%d]", i+1)
			line := loc.nth([]string{"ignore"}, i)
			if key != "" {
				k += "." + key
				line = loc.within([]string{"ignore"}, i, key)
			}
			return &Error{File: file, Line: line, Key: k, Msg: fmt.Sprintf(msg, args...)}
		}
		ig := Ignore{Line: loc.nth([]string{"ignore"}, i)}
		var err error
		if ig.Paths, err = stringList(r.Paths); err != nil {
			return fail("paths", "%v", err)
		}
		if len(ig.Paths) == 0 {
			return fail("paths", "an ignore entry needs paths (globs relative to %s's directory, e.g. [\"feeds/**\"])", FileName)
		}
		for _, g := range ig.Paths {
			if err := input.ValidGlob(g); err != nil {
				return fail("paths", "bad glob %q: %v", g, err)
			}
		}
		ids, err := stringList(r.Rules)
		if err != nil {
			return fail("rules", "%v", err)
		}
		if len(ids) == 0 {
			return fail("rules", "an ignore entry needs rules: rule IDs, or \"all\"")
		}
		for _, id := range ids {
			if id == "all" || id == "*" {
				if len(ids) > 1 {
					return fail("rules", "%q stands for every rule; list no other rule with it", id)
				}
				ids = nil
				break
			}
			if _, ok := c.byID[id]; !ok {
				return fail("rules", "%s", c.unknownRule(id))
			}
		}
		ig.Rules = ids
		if r.Regex != nil {
			b, ok := r.Regex.(bool)
			if !ok {
				return fail("regex", "must be true or false")
			}
			ig.Regex = b
		}
		if r.Text != nil {
			s, ok := r.Text.(string)
			if !ok {
				return fail("text", "must be a string (the text of the line, or a regular expression with regex = true)")
			}
			if err := checkLinePattern(s, ig.Regex); err != nil {
				return fail("text", "%v", err)
			}
			ig.Text = s
			if ig.Regex {
				ig.re = regexp.MustCompile(s) // checkLinePattern parsed it
			}
		} else if ig.Regex {
			return fail("regex", "regex = true needs a text pattern")
		}
		if r.Record != nil {
			s, ok := r.Record.(string)
			if !ok || strings.TrimSpace(s) == "" {
				return fail("record", "must be the id or url of a JSON record, as a string")
			}
			ig.Record = s
		}
		c.Ignores = append(c.Ignores, ig)
	}
	return nil
}

// checkLinePattern refuses line patterns that would suppress every finding they are near: a
// pattern that matches empty text matches every line.
func checkLinePattern(p string, regex bool) error {
	if !regex {
		if strings.TrimSpace(p) == "" {
			return fmt.Errorf("an empty text matches every line; leave text out to ignore the rules in the whole file")
		}
		return nil
	}
	re, err := syntax.Parse(p, syntax.Perl)
	if err != nil {
		return fmt.Errorf("pattern %q: %v", p, err)
	}
	if d := depth(re); d > maxPatternDepth {
		return fmt.Errorf("pattern %.40q… nests %d levels deep (at most %d)", p, d, maxPatternDepth)
	}
	if matchesEmpty(re) {
		return fmt.Errorf("pattern %q can match empty text, so it would match every line; make it match at least one character", p)
	}
	if _, err := regexp.Compile(p); err != nil {
		return fmt.Errorf("pattern %q: %v", p, err)
	}
	return nil
}

// stringList reads a value that is a string or a list of strings.
func stringList(v any) ([]string, error) {
	switch x := v.(type) {
	case nil:
		return nil, nil
	case string:
		return []string{x}, nil
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			s, ok := e.(string)
			if !ok {
				return nil, fmt.Errorf("must be a string or a list of strings")
			}
			out = append(out, s)
		}
		return out, nil
	}
	return nil, fmt.Errorf("must be a string or a list of strings")
}

// unknownRule words an unknown rule ID, with the nearest known one when it is close enough to
// be a typo.
func (c *Config) unknownRule(id string) string {
	best, bestD := "", 1<<30
	for known := range c.byID {
		d := levenshtein.ComputeDistance(strings.ToLower(id), strings.ToLower(known))
		if d < bestD || d == bestD && known < best {
			best, bestD = known, d
		}
	}
	if best != "" && bestD <= max(1, len(id)/3) {
		return fmt.Sprintf("unknown rule %q (did you mean %s? see 'newslint rules')", id, best)
	}
	return fmt.Sprintf("unknown rule %q (see 'newslint rules')", id)
}
