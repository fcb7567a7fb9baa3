// Package clitest holds what the tests of the main module and of the beam module need to compare
// their outputs with the command line's: copies of test trees, a run of the command line, the
// decompressed content of a file.
package clitest

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/cli"
	"github.com/newslint/newslint/input"
)

// Copy copies the files under src whose slash-separated path relative to src keep accepts (all
// of them when keep is nil) into a new temporary directory of t, and returns that directory.
func Copy(t testing.TB, src string, keep func(rel string) bool) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if keep != nil && !keep(filepath.ToSlash(rel)) {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Join(dst, filepath.Dir(rel)), 0o755); err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// RunCLI runs newslint's command line in dir ("" for the working directory) with args, and
// returns its output lines (the findings of --format jsonl) and its "newslint: …" error lines,
// each sorted.
func RunCLI(t testing.TB, dir string, args ...string) (out, errs []string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cli.Main(args, cli.Env{Dir: dir, Stdin: strings.NewReader(""), Stdout: &stdout, Stderr: &stderr, Getenv: func(string) string { return "" }})
	out = strings.SplitAfter(stdout.String(), "\n")
	out = slices.DeleteFunc(out, func(s string) bool { return s == "" })
	for _, s := range strings.Split(stderr.String(), "\n") {
		if strings.HasPrefix(s, "newslint: ") {
			errs = append(errs, s)
		}
	}
	slices.Sort(out)
	slices.Sort(errs)
	return out, errs
}

// ReadText returns a file's content, decompressed as its name says.
func ReadText(t testing.TB, path string) string {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, comp := input.KindOf(path)
	b, err := input.DecompressAll(raw, comp)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
