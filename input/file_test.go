package input

import (
	"strings"
	"testing"
	"unsafe"
)

// TestNewFileKeepsNames: whatever the relation of a file's Rel and Group to its path, the File
// gives them back as they were given.
func TestNewFileKeepsNames(t *testing.T) {
	cases := []struct{ path, rel, group string }{
		{"", "", ""},
		{"a.txt", "a.txt", ""},
		{"data/site/a.txt", "site/a.txt", ""},
		{"/abs/data/site/a.txt", "site/a.txt", "/abs/data/site"},
		{"../other/site/a.txt", "site/a.txt", "/home/u/other/site"}, // Group elsewhere
		{"data/a.txt", "feed.jsonl", ""},                            // Rel elsewhere
		{"/abs/a.txt", "x/a.txt", "/abs"},                           // Rel elsewhere, Group at the start
		{"a.txt", "b.txt", "/elsewhere"},                            // both elsewhere
		{"", "site/feed.jsonl", ""},                                 // no path (a record's name)
		{"-", "stdin.txt", ""},
		{"sub/a.txt", "site/sub/a.txt", ""},                       // a run from below the base
		{strings.Repeat("d/", 40000) + "a.txt", "a.txt", ""},      // Rel far from the start
		{"a.txt", strings.Repeat("d/", 40000) + "a.txt", ""},      // the path far from Rel's start
		{strings.Repeat("d/", 40000) + "a.txt", "a.txt", "/else"}, // and a Group elsewhere
	}
	for _, c := range cases {
		f := NewFile(c.path, c.rel, c.group)
		if f.Path() != c.path || f.Rel() != c.rel || f.Group() != c.group {
			t.Errorf("NewFile(%q, %q, %q) gives %q, %q, %q", c.path, c.rel, c.group, f.Path(), f.Rel(), f.Group())
		}
	}
	var zero File
	if zero.Path() != "" || zero.Rel() != "" || zero.Group() != "" {
		t.Errorf("the zero File has names %q, %q, %q", zero.Path(), zero.Rel(), zero.Group())
	}
}

// TestNewFileSharesGroupElsewhere: the files of a directory whose Group lies elsewhere share
// one copy of its names, and a file of another group or with its own Rel does not take it.
func TestNewFileSharesGroupElsewhere(t *testing.T) {
	var shared *fileNames
	a := newFile("../o/s/a.txt", "s/a.txt", "/u/o/s", &shared)
	b := newFile("../o/s/b.txt", "s/b.txt", "/u/o/s", &shared)
	if a.names == nil || a.names != b.names {
		t.Fatalf("two files of one group elsewhere do not share their names: %p %p", a.names, b.names)
	}
	c := newFile("../o/s/c.txt", "other.txt", "/u/o/s", &shared) // its own Rel
	d := newFile("../o/t/d.txt", "t/d.txt", "/u/o/t", &shared)   // another group
	for _, f := range []File{a, b, c, d} {
		t.Logf("%s: %s %s", f.Path(), f.Rel(), f.Group())
	}
	if c.names == a.names || c.Rel() != "other.txt" || c.Group() != "/u/o/s" {
		t.Errorf("a file with its own Rel: names shared %v, Rel %q, Group %q", c.names == a.names, c.Rel(), c.Group())
	}
	if d.names == a.names || d.Group() != "/u/o/t" || d.Rel() != "t/d.txt" {
		t.Errorf("a file of another group: names shared %v, Group %q", d.names == a.names, d.Group())
	}
	if e := newFile("../o/t/e.txt", "t/e.txt", "/u/o/t", &shared); e.names != d.names {
		t.Errorf("the next file of the new group does not share its names")
	}
}

// TestFileIsSmall: a walk holds a File for every file of a corpus for the whole run; a File is a
// path and two lengths, and one more pointer, nil for nearly every file.
func TestFileIsSmall(t *testing.T) {
	if s := unsafe.Sizeof(File{}); s > 32 {
		t.Errorf("a File is %d bytes, want at most 32", s)
	}
	if f := NewFile("/corpus/site/a.txt", "site/a.txt", "/corpus/site"); f.names != nil {
		t.Errorf("a file whose Rel ends its path and Group starts it keeps them aside")
	}
	if f := NewFile("sub/a.txt", "site/sub/a.txt", ""); f.names != nil {
		t.Errorf("a file whose path ends its Rel keeps them aside")
	}
	if f := NewFile("", "", ""); f.names != nil {
		t.Errorf("a File with no names keeps them aside")
	}
}
