// Package config reads .newslint.toml: which files to lint, which rules run with which severity
// and options, per-path overrides and custom rules. Unknown keys and bad values are errors that
// name the file, the line and the key.
package config

import (
	_ "embed"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/BurntSushi/toml"

	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
	"github.com/newslint/newslint/rules"
)

// FileName is the configuration file newslint looks for.
const FileName = ".newslint.toml"

// DefaultTOML is the commented default configuration, as `newslint init` writes it.
//
//go:embed default.toml
var DefaultTOML string

// DefaultInclude are the files linted when a directory is walked: text, Markdown and JSON
// Lines, plain or compressed.
var DefaultInclude = []string{"**/*.txt", "**/*.md", "**/*.jsonl", "**/*.ndjson",
	"**/*.txt.gz", "**/*.md.gz", "**/*.jsonl.gz", "**/*.ndjson.gz",
	"**/*.txt.zst", "**/*.md.zst", "**/*.jsonl.zst", "**/*.ndjson.zst"}

// DefaultExclude are the files and directories skipped when a directory is walked, unless
// [files] exclude replaces them: the usual non-article files of a repository (read-me, licence,
// change log…) and the folders of tools and package managers.
var DefaultExclude = []string{
	"**/README*", "**/readme*", "**/LICENSE*", "**/LICENCE*", "**/license*", "**/COPYING*",
	"**/CHANGELOG*", "**/changelog*", "**/CHANGES*", "**/HISTORY*", "**/CONTRIBUTING*",
	"**/CODE_OF_CONDUCT*", "**/SECURITY*", "**/NOTICE*", "**/AUTHORS*",
	"**/.venv", "**/venv", "**/.tox", "**/.nox", "**/__pycache__", "**/site-packages",
	"**/node_modules", "**/vendor", "**/.mypy_cache", "**/.pytest_cache", "**/.ruff_cache",
	"**/.direnv", "**/*.egg-info", "**/.ipynb_checkpoints",
}

// Error is a configuration error with its place.
type Error struct {
	File string
	Line int
	Key  string
	Msg  string
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
	}
	if e.Key != "" {
		fmt.Fprintf(&b, ": %s", e.Key)
	}
	fmt.Fprintf(&b, ": %s", e.Msg)
	return b.String()
}

// Config is a loaded configuration.
type Config struct {
	// Path is the file the configuration came from, or "(defaults)".
	Path  string
	Files input.Matcher
	// TextFields are the JSON fields holding the text of records, tried in order.
	TextFields []string
	// Ignores are the [[ignore]] entries, in file order; IgnoreField is the record field that
	// lists the rules to ignore in a record (see ignore.go).
	Ignores     []Ignore
	IgnoreField string

	all       []lint.Rule // built-in and custom rules, in run order
	byID      map[string]lint.Rule
	base      map[string]*setting
	overrides []override
	md        toml.MetaData
	selected  map[string]bool // nil: all enabled rules
	forced    map[string]bool // rules named by --select, which run even when disabled

	mu    sync.Mutex
	cache map[string][]lint.Active
}

type setting struct {
	enabled  *bool
	severity lint.Severity
	prim     *toml.Primitive
}

type override struct {
	paths []string
	rules map[string]*setting
}

type rawFile struct {
	Files struct {
		Include       []string `toml:"include"`
		Exclude       []string `toml:"exclude"`
		ExtendExclude []string `toml:"extend_exclude"`
	} `toml:"files"`
	Rules    map[string]toml.Primitive `toml:"rules"`
	Override []struct {
		Paths []string                  `toml:"paths"`
		Rules map[string]toml.Primitive `toml:"rules"`
	} `toml:"override"`
	Custom []rules.CustomSpec `toml:"custom"`
	Names  *rules.NamesConfig `toml:"names"`
	Input  struct {
		TextField   string  `toml:"text_field"`
		IgnoreField *string `toml:"ignore_field"`
	} `toml:"input"`
	Ignore []rawIgnore `toml:"ignore"`
}

type rawSetting struct {
	Enabled  *bool  `toml:"enabled"`
	Severity string `toml:"severity"`
}

// Default returns the built-in configuration.
func Default() *Config {
	c, err := Parse("(defaults)", []byte(DefaultTOML))
	if err != nil {
		panic("default configuration: " + err.Error())
	}
	return c
}

// Load reads a configuration file.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if err != nil {
		return nil, &Error{File: path, Msg: err.Error()}
	}
	return Parse(path, src)
}

// Find returns the nearest .newslint.toml in dir or its parents.
func Find(dir string) (string, bool) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(dir, FileName)
		if st, err := os.Stat(p); err == nil && !st.IsDir() {
			return p, true
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", false
		}
		dir = parent
	}
}

// Parse reads a configuration from src; file names it in errors.
func Parse(file string, src []byte) (*Config, error) {
	var raw rawFile
	md, err := toml.Decode(string(src), &raw)
	if err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			return nil, &Error{File: file, Line: pe.Position.Line, Key: pe.LastKey, Msg: pe.Message}
		}
		return nil, &Error{File: file, Msg: cleanTOMLError(err)}
	}
	loc := newLocator(string(src))
	fail := func(key []string, msg string, args ...any) error {
		return &Error{File: file, Line: loc.line(key), Key: strings.Join(key, "."), Msg: fmt.Sprintf(msg, args...)}
	}
	c := &Config{Path: file, md: md, base: map[string]*setting{}, cache: map[string][]lint.Active{}}
	c.Files = input.Matcher{Include: raw.Files.Include, Exclude: raw.Files.Exclude}
	if !md.IsDefined("files", "include") {
		c.Files.Include = DefaultInclude
	}
	if !md.IsDefined("files", "exclude") {
		c.Files.Exclude = DefaultExclude
	}
	c.Files.Exclude = append(append([]string{}, c.Files.Exclude...), raw.Files.ExtendExclude...)
	c.TextFields = input.DefaultTextFields
	if f := strings.TrimSpace(raw.Input.TextField); f != "" {
		c.TextFields = []string{f}
	}
	for _, g := range append(append([]string{}, c.Files.Include...), c.Files.Exclude...) {
		if err := input.ValidGlob(g); err != nil {
			return nil, fail([]string{"files"}, "bad glob %q: %v", g, err)
		}
	}
	c.all = rules.Builtins()
	if raw.Names != nil {
		for i, r := range c.all {
			if na, ok := r.(rules.NamesAware); ok {
				nr, err := na.WithNames(*raw.Names)
				if err != nil {
					return nil, fail([]string{"names"}, "%v", err)
				}
				c.all[i] = nr.(lint.Rule)
			}
		}
	}
	for i, spec := range raw.Custom {
		if key, err := checkCustom(spec); err != nil {
			return nil, &Error{File: file, Line: loc.within([]string{"custom"}, i, key), Key: fmt.Sprintf("custom[%d].%s", i+1, key), Msg: err.Error()}
		}
		r, err := rules.NewCustom(spec)
		if err != nil {
			return nil, &Error{File: file, Line: loc.nth([]string{"custom"}, i), Key: fmt.Sprintf("custom[%d]", i+1), Msg: err.Error()}
		}
		c.all = append(c.all, r)
	}
	c.byID = map[string]lint.Rule{}
	for _, r := range c.all {
		id := r.Meta().ID
		if _, dup := c.byID[id]; dup {
			return nil, fail([]string{"custom"}, "rule id %q is already taken", id)
		}
		c.byID[id] = r
	}
	decodeSetting := func(table []string, id string, prim toml.Primitive) (*setting, error) {
		key := append(append([]string{}, table...), id)
		r, ok := c.byID[id]
		if !ok {
			return nil, fail(key, "unknown rule %q (see `newslint rules`)", id)
		}
		var rs rawSetting
		if err := md.PrimitiveDecode(prim, &rs); err != nil {
			return nil, fail(key, "%s", cleanTOMLError(err))
		}
		s := &setting{enabled: rs.Enabled, prim: &prim}
		if rs.Severity != "" {
			sev, err := lint.ParseSeverity(rs.Severity)
			if err != nil {
				return nil, fail(append(key, "severity"), "%v", err)
			}
			s.severity = sev
		}
		if cf, ok := r.(lint.Configurable); ok {
			opts := cf.NewOptions()
			if err := md.PrimitiveDecode(prim, opts); err != nil {
				return nil, fail(key, "%s", cleanTOMLError(err))
			}
		}
		return s, nil
	}
	for id, prim := range raw.Rules {
		s, err := decodeSetting([]string{"rules"}, id, prim)
		if err != nil {
			return nil, err
		}
		c.base[id] = s
	}
	for i, o := range raw.Override {
		if len(o.Paths) == 0 {
			return nil, &Error{File: file, Line: loc.nth([]string{"override"}, i), Key: fmt.Sprintf("override[%d].paths", i+1), Msg: "an override needs paths"}
		}
		for _, g := range o.Paths {
			if err := input.ValidGlob(g); err != nil {
				return nil, &Error{File: file, Line: loc.nth([]string{"override"}, i), Key: fmt.Sprintf("override[%d].paths", i+1), Msg: fmt.Sprintf("bad glob %q: %v", g, err)}
			}
		}
		ov := override{paths: o.Paths, rules: map[string]*setting{}}
		for id, prim := range o.Rules {
			s, err := decodeSetting([]string{"override", "rules"}, id, prim)
			if err != nil {
				return nil, err
			}
			ov.rules[id] = s
		}
		c.overrides = append(c.overrides, ov)
	}
	if err := c.parseIgnores(file, raw, loc); err != nil {
		return nil, err
	}
	if und := md.Undecoded(); len(und) > 0 {
		k := []string(und[0])
		return nil, fail(k, "unknown key")
	}
	// Resolve every combination that can occur once now, so that bad option values surface as
	// configuration errors and not in the middle of a run.
	if _, err := c.resolve(nil); err != nil {
		return nil, &Error{File: file, Line: loc.line([]string{"rules"}), Msg: err.Error()}
	}
	for i := range c.overrides {
		if _, err := c.resolve([]int{i}); err != nil {
			return nil, &Error{File: file, Line: loc.nth([]string{"override"}, i), Key: fmt.Sprintf("override[%d]", i+1), Msg: err.Error()}
		}
	}
	return c, nil
}

// cleanTOMLError drops the library's "toml: " prefix and its Go type names.
func cleanTOMLError(err error) string {
	return tomlTypeWords(strings.TrimPrefix(err.Error(), "toml: "))
}

// Rules returns every known rule (built-in and custom) in run order.
func (c *Config) Rules() []lint.Rule { return c.all }

// Rule returns the rule with the given ID.
func (c *Config) Rule(id string) (lint.Rule, bool) {
	r, ok := c.byID[id]
	return r, ok
}

// Select limits the run to the given rule IDs and removes the ignored ones (--select, --ignore).
// A selected rule runs even when the configuration disables it.
func (c *Config) Select(sel, ignore []string) error {
	for _, id := range append(append([]string{}, sel...), ignore...) {
		if _, ok := c.byID[id]; !ok {
			return fmt.Errorf("unknown rule %q (see `newslint rules`)", id)
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.cache = map[string][]lint.Active{}
	c.selected, c.forced = map[string]bool{}, map[string]bool{}
	for _, r := range c.all {
		id := r.Meta().ID
		switch {
		case contains(ignore, id):
		case len(sel) == 0:
			c.selected[id] = true
		case contains(sel, id):
			c.selected[id], c.forced[id] = true, true
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// For returns the rules that run on a file, rel being its slash-separated path relative to the
// walked root.
func (c *Config) For(rel string) []lint.Active {
	var idx []int
	for i, o := range c.overrides {
		for _, g := range o.paths {
			if input.Match(g, rel) {
				idx = append(idx, i)
				break
			}
		}
	}
	set, err := c.resolve(idx)
	if err != nil { // every combination of one override was checked by Parse; combinations of
		// several may still conflict, and then the base settings apply
		set, _ = c.resolve(nil)
	}
	return set
}

func (c *Config) resolve(idx []int) ([]lint.Active, error) {
	// the key lists the overrides; it is made on the stack and copied only to be stored, since
	// every file of a run asks (looking a map up with string(bytes) does not allocate)
	var kb [64]byte
	key := kb[:0]
	for _, i := range idx {
		key = strconv.AppendInt(key, int64(i), 10)
		key = append(key, ',')
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if s, ok := c.cache[string(key)]; ok {
		return s, nil
	}
	var out []lint.Active
	for _, r := range c.all {
		m := r.Meta()
		enabled, sev := true, m.Severity
		layers := []*setting{c.base[m.ID]}
		for _, i := range idx {
			layers = append(layers, c.overrides[i].rules[m.ID])
		}
		var opts any
		if cf, ok := r.(lint.Configurable); ok {
			opts = cf.NewOptions()
		}
		for _, s := range layers {
			if s == nil {
				continue
			}
			if s.enabled != nil {
				enabled = *s.enabled
			}
			if s.severity != 0 {
				sev = s.severity
			}
			if opts != nil {
				if err := c.md.PrimitiveDecode(*s.prim, opts); err != nil {
					return nil, fmt.Errorf("rule %s: %s", m.ID, cleanTOMLError(err))
				}
			}
		}
		if v, ok := opts.(lint.Validator); ok {
			if err := v.Validate(); err != nil {
				return nil, fmt.Errorf("rule %s: %v", m.ID, err)
			}
		}
		if c.selected != nil {
			if !c.selected[m.ID] {
				continue
			}
			if c.forced[m.ID] {
				enabled = true
			}
		}
		if enabled {
			out = append(out, lint.Active{Rule: r, Severity: sev, Options: opts, Meta: m})
		}
	}
	c.cache[string(key)] = out
	return out, nil
}

// IDs returns the sorted IDs of all known rules.
func (c *Config) IDs() []string {
	ids := make([]string, 0, len(c.all))
	for _, r := range c.all {
		ids = append(ids, r.Meta().ID)
	}
	sort.Strings(ids)
	return ids
}
