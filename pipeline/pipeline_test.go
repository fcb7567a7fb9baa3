package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newslint/newslint/internal/clitest"
	"github.com/newslint/newslint/pipeline"

	"github.com/newslint/newslint/corpus"
)

// lintTree runs a Linter over the files under root the way a distributed run does: documents
// gathered one by one into partial stats, merged, then linted one by one. It returns the
// findings as sorted JSON Lines, the error lines as a run prints them (sorted), and the
// decompressed text of each file after fixing (with a fix mode), by root-relative path.
func lintTree(t *testing.T, l *pipeline.Linter, roots ...string) (findings, errs []string, fixed map[string]string) {
	t.Helper()
	files, problems := l.Files(roots)
	if len(problems) > 0 {
		t.Fatalf("walking %v: %v", roots, problems)
	}
	docs := map[string][]pipeline.Doc{}
	var parts []*corpus.Stats
	for _, f := range files {
		in, err := os.Open(f.Path())
		if err != nil {
			t.Fatal(err)
		}
		err = l.ReadDocs(in, f.Path(), f.Rel(), func(d pipeline.Doc) error {
			docs[f.Rel()] = append(docs[f.Rel()], d)
			parts = append(parts, l.Gather(d))
			return nil
		})
		in.Close()
		if err != nil {
			errs = append(errs, "newslint: "+err.Error())
		}
	}
	var all []pipeline.Doc
	for _, ds := range docs {
		all = append(all, ds...)
	}
	stages, err := l.Settle(all, pipeline.Merge(parts...))
	if err != nil {
		t.Fatal(err)
	}
	fixed = map[string]string{}
	for rel, ds := range docs {
		var out []byte
		for _, d := range ds {
			r := l.LintStages(d, stages)
			lines, err := l.JSONLines(d, r.Findings)
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range strings.SplitAfter(string(lines), "\n") {
				if s != "" {
					findings = append(findings, s)
				}
			}
			for _, e := range r.Errors {
				errs = append(errs, fmt.Sprintf("newslint: %s: %s", e.Path, e.Message))
			}
			out = append(out, r.Out...)
		}
		fixed[rel] = string(out)
	}
	slices.Sort(findings)
	slices.Sort(errs)
	return findings, errs, fixed
}

// feedDir writes a small corpus: articles sharing template lines, and a gzipped JSON Lines
// feed whose records share a footer line, with a malformed record and a blank line.
func feedDir(t *testing.T) string {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "site"), 0o755)
	for i := range 6 {
		body := fmt.Sprintf("Harbour bridge reopens after repairs %d\n\nThe harbour bridge reopened on Monday after %d weeks of repairs, the city council said.\nWorkers replaced the old cables and repainted the deck.\n\nShare this article\nRead more about transport\n", i, i+2)
		os.WriteFile(filepath.Join(dir, "site", fmt.Sprintf("a%d.txt", i)), []byte(body), 0o644)
	}
	var feed bytes.Buffer
	for i := range 7 {
		if i == 3 {
			feed.WriteString("{\"url\": \"https://example.org/broken\", \"text\": \"cut short\n")
			feed.WriteString("\n")
			continue
		}
		fmt.Fprintf(&feed, "{\"url\": \"https://example.org/n/%d\", \"text\": \"Council approves new park %d\\n\\nThe council approved a new park by the river on Tuesday, with %d votes in favour.\\nIt will open next spring.\\n\\nSubscribe to our newsletter\\n\"}\n", i, i, i+10)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(feed.Bytes())
	zw.Close()
	os.WriteFile(filepath.Join(dir, "feed.jsonl.gz"), gz.Bytes(), 0o644)
	return dir
}

// devSlice is every fifth file of the labelled dev set's input directories.
func devSlice(rel string) bool {
	if !strings.HasSuffix(rel, ".txt") && !strings.HasSuffix(rel, ".jsonl") {
		return false
	}
	var n int
	fmt.Sscanf(filepath.Base(rel), "%d", &n)
	return n%5 == 0
}

func TestSameAsCLI(t *testing.T) {
	trees := map[string]func(t *testing.T) string{
		"seeds": func(t *testing.T) string { return clitest.Copy(t, "../testdata/seeds/input", nil) },
		"dev":   func(t *testing.T) string { return clitest.Copy(t, "../testdata/eval/dev", devSlice) },
		"feed":  feedDir,
	}
	for name, mk := range trees {
		for _, mode := range []string{pipeline.NoFix, pipeline.FixSafe, pipeline.FixUnsafe} {
			t.Run(name+"/"+mode, func(t *testing.T) {
				dir, orig := mk(t), mk(t)
				l, err := pipeline.New(pipeline.Spec{Fix: mode})
				if err != nil {
					t.Fatal(err)
				}
				args := []string{"--format", "jsonl", "--exit-zero"}
				switch mode {
				case pipeline.FixSafe:
					args = append(args, "--fix")
				case pipeline.FixUnsafe:
					args = append(args, "--fix", "--unsafe-fixes")
				}
				// the pipeline reads the tree before the CLI fixes it in place
				gotF, gotE, fixed := lintTree(t, l, dir)
				wantF, wantE := clitest.RunCLI(t, dir, append(args, dir)...)
				if len(wantF) == 0 && mode == pipeline.NoFix {
					t.Fatal("the CLI found nothing: the comparison would prove nothing")
				}
				if !slices.Equal(gotF, wantF) {
					t.Errorf("findings differ: pipeline %d, CLI %d\n%s", len(gotF), len(wantF), firstDiff(gotF, wantF))
				}
				if !slices.Equal(gotE, wantE) {
					t.Errorf("errors differ:\npipeline %q\nCLI      %q", gotE, wantE)
				}
				if mode == pipeline.NoFix {
					return
				}
				changed := 0
				for rel, text := range fixed {
					want := clitest.ReadText(t, filepath.Join(dir, rel))
					if text != want {
						t.Errorf("%s: fixed text differs from the CLI's", rel)
					}
					if text != clitest.ReadText(t, filepath.Join(orig, rel)) {
						changed++
					}
				}
				if changed == 0 {
					t.Error("fixing changed no file: the comparison would prove nothing")
				}
			})
		}
	}
}

func firstDiff(a, b []string) string {
	for i := range max(len(a), len(b)) {
		var x, y string
		if i < len(a) {
			x = a[i]
		}
		if i < len(b) {
			y = b[i]
		}
		if x != y {
			return fmt.Sprintf("pipeline: %sCLI:      %s", x, y)
		}
	}
	return ""
}

func TestFeedErrorsHaveCodes(t *testing.T) {
	l, err := pipeline.New(pipeline.Spec{})
	if err != nil {
		t.Fatal(err)
	}
	dir := feedDir(t)
	in, err := os.Open(filepath.Join(dir, "feed.jsonl.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	var codes []pipeline.Code
	var records int
	err = l.ReadDocs(in, "feed.jsonl.gz", "feed.jsonl.gz", func(d pipeline.Doc) error {
		records++
		for _, e := range l.Lint(d, nil).Errors {
			codes = append(codes, e.Code)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if records != 8 || !slices.Equal(codes, []pipeline.Code{pipeline.CodeMalformed}) {
		t.Errorf("got %d documents and error codes %v, want 8 and [malformed]", records, codes)
	}
}

func TestNewRejectsBadSpecs(t *testing.T) {
	for _, spec := range []pipeline.Spec{
		{Config: "[rules\n"},
		{Select: []string{"no-such-rule"}},
		{Fix: "everything"},
	} {
		_, err := pipeline.New(spec)
		var e *pipeline.Error
		if !errorsAs(err, &e) || e.Code != pipeline.CodeSpec {
			t.Errorf("New(%+v) = %v, want a spec error", spec, err)
		}
	}
	if _, err := pipeline.New(pipeline.Spec{Config: "[rules.template-line]\nmin_files = 3\n", Select: []string{"template-line"}}); err != nil {
		t.Errorf("a valid configuration text was refused: %v", err)
	}
}

func errorsAs(err error, e **pipeline.Error) bool {
	x, ok := err.(*pipeline.Error)
	*e = x
	return ok
}
