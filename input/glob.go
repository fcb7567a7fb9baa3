// Package input finds the files to lint: it walks the paths given on the command line, matches
// them against include and exclude globs, and reads them.
package input

import (
	"path"
	"strings"
	"sync"
	"sync/atomic"
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
func (m Matcher) Included(rel string) bool {
	n := strings.Split(rel, "/")
	return !m.excluded(n) && m.includes(n)
}

// includes reports whether the segments n match an include glob.
func (m Matcher) includes(n []string) bool {
	for _, g := range compiledSet(&lastInclude, m.Include) {
		if matchSegs(g, n) {
			return true
		}
	}
	return false
}

// Excluded reports whether rel, a file or a directory, matches an exclude glob.
func (m Matcher) Excluded(rel string) bool {
	return m.excluded(strings.Split(rel, "/"))
}

func (m Matcher) excluded(n []string) bool {
	set := compiledSet(&lastExclude, m.Exclude)
	for i := 0; i < len(set); i += 2 {
		if matchSegs(set[i], n) || matchSegs(set[i+1], n) {
			return true
		}
	}
	return false
}

// globSet is a list of globs compiled: for exclude globs, each glob and the glob without a
// trailing "/**" (which excludes the directory itself).
type globSet struct {
	pats []string
	segs [][]segment
}

// lastInclude and lastExclude hold the globs last compiled: a run matches every walked path
// against the same lists, which are then compiled once instead of looked up glob by glob.
var lastInclude, lastExclude atomic.Pointer[globSet]

func compiledSet(last *atomic.Pointer[globSet], pats []string) [][]segment {
	if s := last.Load(); s != nil && len(s.pats) == len(pats) {
		same := true
		for i := range pats {
			if pats[i] != s.pats[i] {
				same = false
				break
			}
		}
		if same {
			return s.segs
		}
	}
	s := &globSet{pats: append([]string(nil), pats...)}
	for _, g := range pats {
		if last == &lastExclude {
			s.segs = append(s.segs, compileGlob(g), compileGlob(strings.TrimSuffix(g, "/**")))
		} else {
			s.segs = append(s.segs, compileGlob(g))
		}
	}
	last.Store(s)
	return s.segs
}
