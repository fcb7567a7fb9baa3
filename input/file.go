package input

import (
	"math"
	"strings"
)

// File is one file to lint: its path as reported, the slash-separated path that globs match
// (Rel) and the directory corpus rules count it with (Group). Make one with NewFile.
//
// A walk of a large corpus holds a File for each of millions of files for the whole run, so a
// File is small and holds one pointer for the collector to follow. Path and Rel are nearly
// always the one the end of the other (Rel the end of Path; or Path the end of Rel, for a run
// from a directory below the base), and Group empty or the start of Path: a File keeps the
// longer of the two, where each starts in it and Group's length. The rare file whose names are
// not so (a Group elsewhere, a Rel on another system's separators) keeps them aside in names.
type File struct {
	// s is Path or Rel, whichever holds the other at its end; Path starts at path in it, Rel
	// at rel (unless names has it)
	s         string
	path, rel uint16
	// grp is the length of Group at the start of Path, unless names is set
	grp   int32
	names *fileNames
}

// fileNames are a File's Group when it is not the start of its path, and its Rel when neither
// it nor the path ends the other. A walk shares one among the files of a directory whose Group lies
// elsewhere.
type fileNames struct {
	group  string
	rel    string
	hasRel bool // rel is the File's Rel, else the File has it
}

// NewFile returns the File at path with the given Rel and Group.
//
// path: the path as reported, relative to the working directory when given so.
// rel: the slash-separated path globs match: relative to Options.Base when the file lies inside
// it, else to the root it was found under (a named file: its base name).
// group: the directory corpus rules count the file with when rel cannot say it: set for files
// outside Options.Base (their absolute directory), so that files of different roots never count
// together; empty means the directory of rel.
func NewFile(path, rel, group string) File {
	return newFile(path, rel, group, nil)
}

// newFile is NewFile that reuses *shared for a Group elsewhere when it names the same group, and
// sets it to the names it makes otherwise (shared may be nil).
func newFile(path, rel, group string, shared **fileNames) File {
	f := File{s: path}
	relKept := true // Rel is read off s
	switch {
	case len(path) > math.MaxInt32:
		relKept = false
	case strings.HasSuffix(path, rel) && len(path)-len(rel) <= math.MaxUint16:
		f.rel = uint16(len(path) - len(rel))
	case strings.HasSuffix(rel, path) && len(rel)-len(path) <= math.MaxUint16:
		f.s, f.path = rel, uint16(len(rel)-len(path))
	default:
		relKept = false
	}
	switch {
	case !relKept:
		f.names = &fileNames{group: group, rel: rel, hasRel: true}
	case strings.HasPrefix(path, group):
		f.grp = int32(len(group))
	case shared != nil && *shared != nil && (*shared).group == group:
		f.names = *shared
	default:
		f.names = &fileNames{group: group}
		if shared != nil {
			*shared = f.names
		}
	}
	return f
}

// Path is the path as reported: relative to the working directory when given so.
func (f File) Path() string { return f.s[f.path:] }

// Rel is the slash-separated path that globs match: relative to Options.Base when the file lies
// inside it, else to the root it was found under (a named file: its base name).
func (f File) Rel() string {
	if f.names != nil && f.names.hasRel {
		return f.names.rel
	}
	return f.s[f.rel:]
}

// Group is the directory corpus rules count the file with when Rel cannot say it: set for files
// outside Options.Base (their absolute directory), so that files of different roots never count
// together. Empty means the directory of Rel.
func (f File) Group() string {
	if f.names != nil {
		return f.names.group
	}
	return f.s[f.path : int(f.path)+int(f.grp)]
}
