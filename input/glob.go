// Package input finds the files to lint: it walks the paths given on the command line, matches
// them against include and exclude globs, and reads them.
package input

import (
	"path"
	"strings"
	"sync"
)

// Match reports whether the slash-separated path name matches glob. Besides path.Match syntax
// within a segment, "**" matches any number of segments, including none.
func Match(glob, name string) bool {
	return matchSegs(compileGlob(glob), strings.Split(name, "/"))
}

// segment is one "/"-separated part of a glob, compiled: "**", a literal, "*" followed by a
// literal ("*.txt"), a literal followed by "*" ("README*"), or a general path.Match pattern.
type segment struct {
	pat    string
	kind   segKind
	suffix string
}

type segKind uint8

const (
	segPattern segKind = iota
	segAny             // **
	segLiteral
	segSuffix // *suffix
	segPrefix // prefix*
)

// globs caches compiled globs: a run matches every walked path against the same few globs.
var globs sync.Map // string → []segment

func compileGlob(glob string) []segment {
	if v, ok := globs.Load(glob); ok {
		return v.([]segment)
	}
	parts := strings.Split(glob, "/")
	segs := make([]segment, len(parts))
	for i, p := range parts {
		switch {
		case p == "**":
			segs[i] = segment{pat: p, kind: segAny}
		case !strings.ContainsAny(p, `*?[\`):
			segs[i] = segment{pat: p, kind: segLiteral}
		case p[0] == '*' && !strings.ContainsAny(p[1:], `*?[\`):
			segs[i] = segment{pat: p, kind: segSuffix, suffix: p[1:]}
		case p[len(p)-1] == '*' && !strings.ContainsAny(p[:len(p)-1], `*?[\`):
			segs[i] = segment{pat: p, kind: segPrefix, suffix: p[:len(p)-1]}
		default:
			segs[i] = segment{pat: p}
		}
	}
	globs.Store(glob, segs)
	return segs
}

func (s segment) match(name string) bool {
	switch s.kind {
	case segLiteral:
		return name == s.pat
	case segSuffix:
		return strings.HasSuffix(name, s.suffix)
	case segPrefix:
		return strings.HasPrefix(name, s.suffix)
	}
	ok, err := path.Match(s.pat, name)
	return err == nil && ok
}

func matchSegs(g []segment, n []string) bool {
	for len(g) > 0 {
		if g[0].kind == segAny {
			for len(g) > 0 && g[0].kind == segAny {
				g = g[1:]
			}
			if len(g) == 0 {
				return true
			}
			if !hasAny(g) {
				// the rest matches exactly as many segments: only the last len(g) can match
				return len(n) >= len(g) && matchSegs(g, n[len(n)-len(g):])
			}
			for i := 0; i <= len(n); i++ {
				if matchSegs(g, n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 || !g[0].match(n[0]) {
			return false
		}
		g, n = g[1:], n[1:]
	}
	return len(n) == 0
}

// hasAny reports whether g holds a "**" segment.
func hasAny(g []segment) bool {
	for _, s := range g {
		if s.kind == segAny {
			return true
		}
	}
	return false
}

// ValidGlob reports a syntax error in glob.
func ValidGlob(glob string) error {
	for _, seg := range strings.Split(glob, "/") {
		if seg == "**" {
			continue
		}
		if _, err := path.Match(seg, ""); err != nil {
			return err
		}
	}
	return nil
}

// Matcher decides which walked files are linted.
type Matcher struct {
	Include, Exclude []string
}

// Included reports whether rel (slash-separated, relative to the walked root) is linted.
func (m Matcher) Included(rel string) bool { return m.compile().included(splitRel(rel)) }

// Excluded reports whether rel, a file or a directory, matches an exclude glob.
func (m Matcher) Excluded(rel string) bool { return m.compile().excluded(splitRel(rel)) }

func splitRel(rel string) []string { return strings.Split(rel, "/") }

// appendSplit appends the segments of rel to dst: splitRel without a slice per path.
func appendSplit(dst []string, rel string) []string {
	for {
		i := strings.IndexByte(rel, '/')
		if i < 0 {
			return append(dst, rel)
		}
		dst, rel = append(dst, rel[:i]), rel[i+1:]
	}
}

// compiledMatcher is a Matcher with its globs compiled, for matching many paths (a walk).
type compiledMatcher struct {
	include [][]segment
	// exclude holds each exclude glob and, for "dir/**", also "dir": the directory itself
	exclude [][]segment
	// includeBase and excludeBase are the globs of the form "**/name" (most of them: the
	// defaults are all of it), which only look at a path's last segment
	includeBase, excludeBase baseGlobs
}

// baseGlobs are segments matched against the last segment of a path. Literals and prefixes are
// tried only for a name whose first byte starts one of them.
type baseGlobs struct {
	first  [256]bool
	lits   []segment // literals and prefixes, not empty
	others []segment
}

func (b *baseGlobs) add(s segment) {
	switch {
	case (s.kind == segLiteral || s.kind == segPrefix) && s.pat != "" && s.pat[0] != '*':
		b.first[s.pat[0]] = true
		b.lits = append(b.lits, s)
	default:
		b.others = append(b.others, s)
	}
}

// match reports whether some glob "**/s" matches a path whose last segment is name.
func (b *baseGlobs) match(name string) bool {
	if name != "" && b.first[name[0]] {
		for _, s := range b.lits {
			if s.match(name) {
				return true
			}
		}
	}
	for _, s := range b.others {
		if s.match(name) {
			return true
		}
	}
	return false
}

// baseGlob reports whether g is "**/s", s not "**": it matches a path by its last segment.
func baseGlob(g []segment) bool {
	return len(g) == 2 && g[0].kind == segAny && g[1].kind != segAny
}

func (m Matcher) compile() compiledMatcher {
	var c compiledMatcher
	for _, g := range m.Include {
		if sg := compileGlob(g); baseGlob(sg) {
			c.includeBase.add(sg[1])
		} else {
			c.include = append(c.include, sg)
		}
	}
	for _, g := range m.Exclude {
		globs := []string{g}
		if d := strings.TrimSuffix(g, "/**"); d != g {
			globs = append(globs, d)
		}
		for _, g := range globs {
			if sg := compileGlob(g); baseGlob(sg) {
				c.excludeBase.add(sg[1])
			} else {
				c.exclude = append(c.exclude, sg)
			}
		}
	}
	return c
}

func (c compiledMatcher) included(n []string) bool { return !c.excluded(n) && c.includes(n) }

// includes reports whether the segments n match an include glob.
func (c compiledMatcher) includes(n []string) bool {
	if len(n) > 0 && c.includeBase.match(n[len(n)-1]) {
		return true
	}
	for _, g := range c.include {
		if matchSegs(g, n) {
			return true
		}
	}
	return false
}

func (c compiledMatcher) excluded(n []string) bool {
	if len(n) > 0 && c.excludeBase.match(n[len(n)-1]) {
		return true
	}
	for _, g := range c.exclude {
		if matchSegs(g, n) {
			return true
		}
	}
	return false
}
