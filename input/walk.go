package input

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"unsafe"
)

// Problem is a path that could not be walked.
type Problem struct {
	Path string
	Err  error
}

func (p Problem) Error() string { return fmt.Sprintf("%s: %v", p.Path, p.Err) }

// ownFiles are never linted: newslint's own configuration and baseline.
var ownFiles = map[string]bool{".newslint.toml": true, ".newslint-baseline.json": true}

// skipDirs are version-control directories, never walked.
var skipDirs = map[string]bool{".git": true, ".hg": true, ".svn": true}

// Options shape a walk.
type Options struct {
	// Base is the directory globs are relative to: the configuration file's directory (or the
	// working directory without one), so that a file gets the same settings however newslint
	// is called. Files outside Base match relative to the root they were found under. "" makes
	// every glob relative to the walked root.
	Base string
	// ForceExclude filters files named on the command line as walked ones are: by include and
	// exclude globs and .gitignore. (Without it, named files are always linted.)
	ForceExclude bool
	// NoIgnore lints files that .gitignore lists.
	NoIgnore bool
}

// Walk is what Collect found.
type Walk struct {
	Files    []File
	Problems []Problem
	// Roots describes each path given, in order.
	Roots []Root
}

// Root is one path given to Collect and what came of it.
type Root struct {
	Path string
	Dir  bool
	// Files counts the files it contributed; Skipped the regular files seen while walking that
	// no include glob matched, by extension (".html", or the name when there is none).
	Files   int
	Skipped map[string]int
	// Excluded counts files left out by exclude globs or .gitignore while walking, or, for a
	// file named with ForceExclude, by any glob.
	Excluded int
}

// Collect walks roots and returns the files to lint sorted by path, and the paths it could not
// read; globs are relative to each walked root. See CollectWith.
func Collect(roots []string, m Matcher) ([]File, []Problem) {
	w := CollectWith(roots, m, Options{NoIgnore: true})
	return w.Files, w.Problems
}

// RelTo returns p relative to the absolute directory base, slash-separated, when p lies inside
// it: the path globs match (see Options.Base).
func RelTo(base, p string) (string, bool) { return relTo(base, p) }

// relTo returns p relative to base, slash-separated, when p lies inside base.
func relTo(base, p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	return relToAbs(base, abs)
}

// relToAbs is relTo for an absolute p.
func relToAbs(base, abs string) (string, bool) {
	if base == "" {
		return "", false
	}
	rel, err := filepath.Rel(base, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// relUnder is relToAbs for a clean base and a clean abs (filepath.Abs and filepath.Join clean
// what they return): a path below base is its tail, found without filepath.Rel, which costs more
// than the rest of a walk's work on a file.
func relUnder(base, abs string) (string, bool) {
	if rel, ok := below(base, abs); ok {
		return filepath.ToSlash(rel), true
	}
	// elsewhere, a clean absolute path is outside the base, unless it is the base (or differs
	// only in case where filepath.Rel ignores it: Windows)
	if base != "" && abs != base && runtime.GOOS != "windows" && filepath.IsAbs(base) && filepath.IsAbs(abs) {
		return "", false
	}
	return relToAbs(base, abs)
}

// below returns the part of p after dir, a clean directory path, when p lies below dir (as
// filepath.Rel would give it for clean paths); false otherwise.
func below(dir, p string) (string, bool) {
	n := len(dir)
	if n == 0 || len(p) <= n || p[:n] != dir {
		return "", false
	}
	switch {
	case dir[n-1] == filepath.Separator: // the root directory
		return p[n:], true
	case p[n] == filepath.Separator:
		return p[n+1:], true
	}
	return "", false
}

// excludedPath reports whether rel or one of its parent directories matches an exclude glob.
func excludedPath(m Matcher, rel string) bool {
	for i := 0; i < len(rel); i++ {
		if rel[i] == '/' && m.Excluded(rel[:i]) {
			return true
		}
	}
	return m.Excluded(rel)
}

// CollectWith walks roots and returns the files to lint sorted by path, the paths it could not
// read and what each root gave. Files named explicitly are linted whatever the globs say
// (unless o.ForceExclude); directories are walked without following symbolic links, so link
// loops cannot hang a run.
func CollectWith(roots []string, m Matcher, o Options) Walk {
	var w Walk
	if o.Base != "" {
		if abs, err := filepath.Abs(o.Base); err == nil {
			o.Base = abs
		}
	}
	// filepath.Abs asks the system for the working directory on every call (two stats): a
	// walk of many small files resolves every path against it once
	cwd, cwdErr := os.Getwd()
	absOf := func(p string) (string, error) {
		if filepath.IsAbs(p) {
			return filepath.Clean(p), nil
		}
		if cwdErr != nil {
			return "", cwdErr
		}
		return filepath.Join(cwd, p), nil
	}
	cm := m.compile()
	var ign *gitIgnore
	if !o.NoIgnore {
		ign = newGitIgnore()
	}
	// a file named twice (overlapping roots) is linted once; one root names each file once
	var seen map[string]bool
	// the files found, in chunks that fill up one after the other and are copied once into a
	// list of the exact length at the end: a growing list copied itself at every growth, and
	// held twice its length at worst (a million files: 112 MB for 56 MB of list)
	var chunks [][]File
	var chunk []File
	var paths pathArena
	lastGroup := ""       // the last Group elsewhere, kept in the arena
	var shared *fileNames // and the names that hold it
	if len(roots) > 1 {
		seen = map[string]bool{}
	}
	add := func(r *Root, f File) {
		r.Files++
		if seen != nil {
			if seen[f.Path()] {
				return
			}
			seen[f.Path()] = true
		}
		if len(chunk) == cap(chunk) {
			if len(chunk) > 0 {
				chunks = append(chunks, chunk)
			}
			chunk = make([]File, 0, min(max(2*cap(chunk), 256), fileChunk))
		}
		chunk = append(chunk, f)
	}
	var segBuf []string // the segments of the path the walk is at, reused
	for _, root := range roots {
		w.Roots = append(w.Roots, Root{Path: root, Skipped: map[string]int{}})
		r := &w.Roots[len(w.Roots)-1]
		info, err := os.Stat(root)
		if err != nil {
			w.Problems = append(w.Problems, Problem{root, err})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() { // a device or FIFO could be endless or block forever
				w.Problems = append(w.Problems, Problem{root, fmt.Errorf("not a regular file; skipped")})
				continue
			}
			rel, ok := relTo(o.Base, root)
			group := ""
			if !ok {
				rel = filepath.ToSlash(filepath.Base(root))
				group = outsideGroup(o.Base, root)
			}
			if o.ForceExclude && (excludedPath(m, rel) || !cm.included(splitRel(rel)) || ign != nil && ign.Ignored(root, false)) {
				r.Excluded++
				continue
			}
			add(r, NewFile(filepath.Clean(root), rel, group))
			continue
		}
		r.Dir = true
		top := ""
		if ign != nil {
			if abs, err := filepath.Abs(root); err == nil {
				top = repoTop(abs)
			}
		}
		walkRoot := root
		if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// a root named on the command line is followed when it links to a directory: a
			// trailing separator makes WalkDir start from the directory, not the link
			walkRoot = root + string(filepath.Separator)
		}
		// absEntry is absOf for a path the walk gave: below the root, filepath.Join made it, so
		// it is clean already, and a relative one that does not climb joins the working
		// directory as it is
		absEntry := func(p string) (string, error) {
			switch {
			case p == walkRoot:
			case filepath.IsAbs(p):
				return p, nil
			case cwdErr == nil && !strings.HasPrefix(p, "..") && p != ".":
				if strings.HasSuffix(cwd, string(filepath.Separator)) { // the root directory
					return cwd + p, nil
				}
				return cwd + string(filepath.Separator) + p, nil
			}
			return absOf(p)
		}
		// relToRoot is filepath.Rel(root, p) for a path the walk gave: below the root, the
		// part after it
		cleanRoot := filepath.Clean(root)
		relToRoot := func(p string) string {
			switch {
			case p == walkRoot:
			case cleanRoot == ".":
				if !strings.HasPrefix(p, "..") {
					return p
				}
			default:
				if rel, ok := below(cleanRoot, p); ok {
					return rel
				}
			}
			rel, _ := filepath.Rel(root, p)
			return rel
		}
		ignored := func(abs string, absErr error, isDir bool) bool {
			return top != "" && absErr == nil && ign.ignoredEntry(top, abs, isDir)
		}
		err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				w.Problems = append(w.Problems, Problem{p, err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			rel, ok := "", false
			abs, absErr := absEntry(p)
			if absErr == nil {
				rel, ok = relUnder(o.Base, abs)
			}
			group := ""
			if !ok {
				rel = filepath.ToSlash(relToRoot(p))
				if absErr == nil && o.Base != "" {
					group = filepath.ToSlash(filepath.Dir(abs)) // outsideGroup, abs known
				} else {
					group = outsideGroup(o.Base, p)
				}
			}
			segBuf = appendSplit(segBuf[:0], rel)
			segs := segBuf
			if d.IsDir() {
				if p != walkRoot && (skipDirs[d.Name()] || cm.excluded(segs) || ignored(abs, absErr, true)) {
					return fs.SkipDir
				}
				return nil
			}
			if ownFiles[d.Name()] || isTemp(d.Name()) {
				return nil
			}
			if cm.excluded(segs) || ignored(abs, absErr, false) {
				r.Excluded++
				return nil
			}
			if !cm.includes(segs) { // not excluded: tested above
				if d.Type().IsRegular() && d.Name() != ".gitignore" {
					ext := filepath.Ext(d.Name())
					if ext == "" {
						ext = d.Name()
					}
					r.Skipped[ext]++
				}
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				st, err := os.Stat(p)
				if err != nil {
					w.Problems = append(w.Problems, Problem{p, fmt.Errorf("broken symbolic link: %v", err)})
					return nil
				}
				if st.IsDir() {
					return nil // links to directories are not followed, so loops cannot hang a walk
				}
			} else if !d.Type().IsRegular() {
				w.Problems = append(w.Problems, Problem{p, fmt.Errorf("not a regular file; skipped")})
				return nil
			}
			// the path is kept in the walk's arena, or its Rel when that ends with it (a run from
			// a directory below the base); the other is the end of it, which is what File keeps
			// (and Group the start of the path, or the files of a directory whose Group lies
			// elsewhere share one copy of it): a corpus may hold millions of files
			if group != "" && !strings.HasPrefix(p, group) {
				if group != lastGroup {
					lastGroup = paths.keep(group)
				}
				group = lastGroup
			}
			if len(rel) > len(p) && strings.HasSuffix(rel, p) {
				rel = paths.keep(rel)
				p = rel[len(rel)-len(p):]
			} else {
				p = paths.keep(p)
			}
			add(r, newFile(p, rel, group, &shared))
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			w.Problems = append(w.Problems, Problem{root, err})
		}
	}
	if w.Files = chunk; len(chunks) > 0 {
		w.Files = slices.Concat(append(chunks, chunk)...) // one list of the exact length
	}
	sort.Slice(w.Files, func(i, j int) bool { return w.Files[i].Path() < w.Files[j].Path() })
	return w
}

// pathArena holds the paths of a walk's files in large blocks. Each path the walk is given is a
// string of its own; kept as they are, a million files are a million small objects that the
// collector marks at every cycle, and at the soft memory limit it runs hundreds of cycles.
type pathArena struct{ block []byte }

// pathBlock is the size of an arena's block.
const pathBlock = 64 << 10

// keep returns s copied into the arena (a long s is returned as it is).
func (a *pathArena) keep(s string) string {
	if len(s) == 0 || len(s) > pathBlock/8 {
		return s
	}
	if len(a.block)+len(s) > cap(a.block) {
		a.block = make([]byte, 0, pathBlock)
	}
	start := len(a.block)
	a.block = append(a.block, s...)
	// the block is only ever appended to: the bytes behind the string never change
	return unsafe.String(&a.block[start], len(s))
}

// fileChunk is how many files a chunk of a walk's list holds: 64k files, 3 MB (a variable for
// tests).
var fileChunk = 1 << 16

// TempPrefix starts the names of the temporary files --fix writes before renaming.
const TempPrefix = ".newslint-tmp-"

func isTemp(name string) bool { return strings.HasPrefix(name, TempPrefix) }

// outsideGroup is the corpus group of a file at p outside base: its absolute directory,
// slash-separated ("" without a base: paths are then relative to a single root).
func outsideGroup(base, p string) string {
	if base == "" {
		return ""
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		abs = p
	}
	return filepath.ToSlash(filepath.Dir(abs))
}
