package input

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRelUnderIsRelToAbs: the walk's short way to a path relative to the base gives what
// filepath.Rel gives, for clean absolute paths inside the base, beside it and above it.
func TestRelUnderIsRelToAbs(t *testing.T) {
	bases := []string{"/", "/a", "/a/b", "/ab", ""}
	paths := []string{"/", "/a", "/a/b", "/a/bc", "/a/bc/d.txt", "/a/b/c", "/a/b/c/d.txt", "/ab/x.txt", "/b/x.txt", "/a/c"}
	for _, base := range bases {
		for _, p := range paths {
			want, wantOK := relToAbs(base, p)
			got, gotOK := relUnder(base, p)
			if got != want || gotOK != wantOK {
				t.Errorf("relUnder(%q, %q) = %q, %v; relToAbs: %q, %v", base, p, got, gotOK, want, wantOK)
			}
		}
	}
	if rel, ok := relUnder("/a/b", "/a/b/c/d.txt"); rel != "c/d.txt" || !ok {
		t.Errorf("relUnder(/a/b, /a/b/c/d.txt) = %q, %v", rel, ok)
	}
}

// TestWalkRelsAreRelToAbs: however a root is spelled (relative, with "./", "..", a trailing
// slash, absolute), each walked file's Rel is its path relative to the base, as filepath.Rel
// gives it from the absolute path, and files a .gitignore lists are left out.
func TestWalkRelsAreRelToAbs(t *testing.T) {
	top := t.TempDir()
	for _, f := range []string{"site/a.txt", "site/sub/b.txt", "site/sub/deep/c.md", "site/skip.txt", "other/d.txt"} {
		p := filepath.Join(top, filepath.FromSlash(f))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("Text.\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(top, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(top, ".gitignore"), []byte("skip.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(top, "site"))
	m := Matcher{Include: []string{"**/*.txt", "**/*.md"}}
	for _, root := range []string{".", "./", "sub", "./sub/", "../site", "../other", filepath.Join(top, "site"), top + "/site/"} {
		w := CollectWith([]string{root}, m, Options{Base: top})
		if len(w.Files) == 0 || len(w.Problems) > 0 {
			t.Fatalf("root %q: %d files, problems %v", root, len(w.Files), w.Problems)
		}
		for _, f := range w.Files {
			abs, err := filepath.Abs(f.Path())
			if err != nil {
				t.Fatal(err)
			}
			want, ok := relToAbs(top, abs)
			if !ok || f.Rel() != want {
				t.Errorf("root %q: %s has Rel %q, want %q", root, f.Path(), f.Rel(), want)
			}
			if filepath.Base(f.Path()) == "skip.txt" {
				t.Errorf("root %q: %s is ignored by .gitignore", root, f.Path())
			}
			if f.names != nil { // Rel ends the path, Group is empty: nothing kept aside
				t.Errorf("root %q: %s keeps its names aside", root, f.Path())
			}
		}
		// a base elsewhere: each file is named relative to its root, and grouped by its
		// directory's absolute path
		out := CollectWith([]string{root}, m, Options{Base: t.TempDir()})
		if len(out.Files) != len(w.Files) {
			t.Fatalf("root %q, base elsewhere: %d files, want %d", root, len(out.Files), len(w.Files))
		}
		names, dirs := map[*fileNames]bool{}, map[string]bool{}
		for _, f := range out.Files {
			rel, _ := filepath.Rel(root, f.Path())
			abs, _ := filepath.Abs(f.Path())
			if f.Rel() != filepath.ToSlash(rel) || f.Group() != filepath.ToSlash(filepath.Dir(abs)) {
				t.Errorf("root %q, base elsewhere: %s has Rel %q and Group %q, want %q and %q", root, f.Path(), f.Rel(), f.Group(), rel, filepath.Dir(abs))
			}
			if f.names != nil {
				names[f.names] = true
			}
			dirs[f.Group()] = true
		}
		if len(names) > len(dirs) { // the files of a directory share its Group elsewhere
			t.Errorf("root %q, base elsewhere: %d names kept aside for %d directories", root, len(names), len(dirs))
		}
	}
}

// TestWalkListsEveryFileOnce: a walk whose files fill several chunks of its list lists each file
// once, sorted by path, whether one root holds them all or overlapping roots name them.
func TestWalkListsEveryFileOnce(t *testing.T) {
	defer func(n int) { fileChunk = n }(fileChunk)
	fileChunk = 100
	top := t.TempDir()
	var want []string
	for d := range 7 {
		dir := filepath.Join(top, fmt.Sprintf("d%d", d))
		if err := os.Mkdir(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for f := range 3 + 40*d {
			p := filepath.Join(dir, fmt.Sprintf("f%03d.txt", f))
			if err := os.WriteFile(p, []byte("Text.\n"), 0o644); err != nil {
				t.Fatal(err)
			}
			want = append(want, p)
		}
	}
	slices.Sort(want)
	m := Matcher{Include: []string{"**/*.txt"}}
	for _, roots := range [][]string{{top}, {top, filepath.Join(top, "d3"), filepath.Join(top, "d6", "f001.txt")}} {
		w := CollectWith(roots, m, Options{Base: top, NoIgnore: true})
		var got []string
		for _, f := range w.Files {
			got = append(got, f.Path())
		}
		if len(w.Problems) > 0 || !slices.Equal(got, want) {
			t.Errorf("roots %v: %d files (problems %v), want the %d files once each, sorted", roots, len(got), w.Problems, len(want))
		}
	}
	if len(want) <= 3*fileChunk {
		t.Fatalf("%d files fill few chunks of %d: the test tests little", len(want), fileChunk)
	}
}

// TestPathArenaKeepsEveryPath: paths kept in the arena read back as they were given, however
// many blocks they fill, long paths included, and stay so as more are kept.
func TestPathArenaKeepsEveryPath(t *testing.T) {
	var a pathArena
	var want, got []string
	for i := range 20000 {
		s := fmt.Sprintf("/data/site%03d/%d.txt", i%700, i)
		switch i % 1000 {
		case 7:
			s = ""
		case 8:
			s = "/" + strings.Repeat("long/", pathBlock/40) + "x.txt" // past the arena's bound
		}
		want = append(want, s)
		got = append(got, a.keep(s))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("path %d: %q, want %q", i, got[i], want[i])
		}
	}
}
