package input

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// File is one file to lint.
type File struct {
	// Path is the path as reported: relative to the working directory when given so.
	Path string
	// Rel is the slash-separated path relative to the root it was found under, for globs.
	Rel string
	// Explicit marks files named on the command line.
	Explicit bool
}

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

// Collect walks roots and returns the files to lint sorted by path, and the paths it could not
// read. Files named explicitly are linted whatever the globs say; directories are walked without
// following symbolic links, so link loops cannot hang a run.
func Collect(roots []string, m Matcher) ([]File, []Problem) {
	var files []File
	var problems []Problem
	seen := map[string]bool{}
	add := func(f File) {
		if !seen[f.Path] {
			seen[f.Path] = true
			files = append(files, f)
		}
	}
	for _, root := range roots {
		info, err := os.Stat(root)
		if err != nil {
			problems = append(problems, Problem{root, err})
			continue
		}
		if !info.IsDir() {
			if !info.Mode().IsRegular() { // a device or FIFO could be endless or block forever
				problems = append(problems, Problem{root, fmt.Errorf("not a regular file; skipped")})
				continue
			}
			add(File{Path: filepath.Clean(root), Rel: filepath.ToSlash(filepath.Base(root)), Explicit: true})
			continue
		}
		walkRoot := root
		if li, err := os.Lstat(root); err == nil && li.Mode()&fs.ModeSymlink != 0 {
			// a root named on the command line is followed when it links to a directory: a
			// trailing separator makes WalkDir start from the directory, not the link
			walkRoot = root + string(filepath.Separator)
		}
		err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				problems = append(problems, Problem{p, err})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			rel = filepath.ToSlash(rel)
			if d.IsDir() {
				if p != walkRoot && (skipDirs[d.Name()] || m.Excluded(rel)) {
					return fs.SkipDir
				}
				return nil
			}
			if ownFiles[d.Name()] || isTemp(d.Name()) {
				return nil
			}
			if !m.Included(rel) {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				st, err := os.Stat(p)
				if err != nil {
					problems = append(problems, Problem{p, fmt.Errorf("broken symbolic link: %v", err)})
					return nil
				}
				if st.IsDir() {
					return nil // links to directories are not followed, so loops cannot hang a walk
				}
			} else if !d.Type().IsRegular() {
				problems = append(problems, Problem{p, fmt.Errorf("not a regular file; skipped")})
				return nil
			}
			add(File{Path: p, Rel: rel})
			return nil
		})
		if err != nil && !errors.Is(err, fs.SkipDir) {
			problems = append(problems, Problem{root, err})
		}
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, problems
}

// TempPrefix starts the names of the temporary files --fix writes before renaming.
const TempPrefix = ".newslint-tmp-"

func isTemp(name string) bool { return strings.HasPrefix(name, TempPrefix) }
