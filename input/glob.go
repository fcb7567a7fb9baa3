// Package input finds the files to lint: it walks the paths given on the command line, matches
// them against include and exclude globs, and reads them.
package input

import (
	"path"
	"strings"
)

// Match reports whether the slash-separated path name matches glob. Besides path.Match syntax
// within a segment, "**" matches any number of segments, including none.
func Match(glob, name string) bool {
	return matchSegs(strings.Split(glob, "/"), strings.Split(name, "/"))
}

func matchSegs(g, n []string) bool {
	for len(g) > 0 {
		if g[0] == "**" {
			for len(g) > 0 && g[0] == "**" {
				g = g[1:]
			}
			if len(g) == 0 {
				return true
			}
			for i := 0; i <= len(n); i++ {
				if matchSegs(g, n[i:]) {
					return true
				}
			}
			return false
		}
		if len(n) == 0 {
			return false
		}
		if ok, err := path.Match(g[0], n[0]); err != nil || !ok {
			return false
		}
		g, n = g[1:], n[1:]
	}
	return len(n) == 0
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
	if m.Excluded(rel) {
		return false
	}
	for _, g := range m.Include {
		if Match(g, rel) {
			return true
		}
	}
	return false
}

// Excluded reports whether rel, a file or a directory, matches an exclude glob.
func (m Matcher) Excluded(rel string) bool {
	for _, g := range m.Exclude {
		if Match(g, rel) || Match(strings.TrimSuffix(g, "/**"), rel) {
			return true
		}
	}
	return false
}
