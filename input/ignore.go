package input

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// gitIgnore answers whether git ignores a path, from the .gitignore files of the repository the
// path is in and its .git/info/exclude. Patterns are parsed and matched by go-git's gitignore
// package (negations, directory-only patterns, anchoring and "**" as git has them).
type gitIgnore struct {
	top  string                         // the work tree's root, absolute; "" outside a repository
	dirs map[string][]gitignore.Pattern // patterns in force in a directory (absolute), cached
}

func newGitIgnore() *gitIgnore { return &gitIgnore{dirs: map[string][]gitignore.Pattern{}} }

// repoTop returns the work tree holding abs (a directory), or "".
func repoTop(abs string) string {
	for d := abs; ; {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}

func segments(top, abs string) ([]string, bool) {
	rel, err := filepath.Rel(top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return nil, false
	}
	if rel == "." {
		return nil, true
	}
	return strings.Split(filepath.ToSlash(rel), "/"), true
}

func readPatterns(file string, domain []string) []gitignore.Pattern {
	f, err := os.Open(file)
	if err != nil {
		return nil
	}
	defer f.Close()
	var ps []gitignore.Pattern
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSuffix(sc.Text(), "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}

// patterns returns the patterns that apply inside directory dir (absolute, inside the work
// tree top): .git/info/exclude, then every .gitignore from the top down to dir.
func (g *gitIgnore) patterns(top, dir string) []gitignore.Pattern {
	if ps, ok := g.dirs[dir]; ok {
		return ps
	}
	var ps []gitignore.Pattern
	if dir == top {
		ps = readPatterns(filepath.Join(top, ".git", "info", "exclude"), nil)
	} else {
		ps = append(ps, g.patterns(top, filepath.Dir(dir))...)
	}
	dom, _ := segments(top, dir)
	ps = append(ps[:len(ps):len(ps)], readPatterns(filepath.Join(dir, ".gitignore"), dom)...)
	g.dirs[dir] = ps
	return ps
}

// Ignored reports whether git ignores path (a file, or a directory when isDir), or one of its
// parent directories. Paths outside a git work tree are never ignored.
func (g *gitIgnore) Ignored(path string, isDir bool) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	top := repoTop(filepath.Dir(abs))
	if top == "" {
		return false
	}
	segs, ok := segments(top, abs)
	if !ok || len(segs) == 0 {
		return false
	}
	// git does not descend into ignored directories: check each parent, then the path
	for i := 1; i <= len(segs); i++ {
		dir := filepath.Join(top, filepath.Join(segs[:i-1]...))
		last := i == len(segs)
		if gitignore.NewMatcher(g.patterns(top, dir)).Match(segs[:i], !last || isDir) {
			return true
		}
	}
	return false
}

// ignoredEntry reports whether git ignores the walked entry abs, whose parent directories
// below the walk's root were already checked.
func (g *gitIgnore) ignoredEntry(top, abs string, isDir bool) bool {
	segs, ok := segments(top, abs)
	if !ok || len(segs) == 0 {
		return false
	}
	return gitignore.NewMatcher(g.patterns(top, filepath.Dir(abs))).Match(segs, isDir)
}
