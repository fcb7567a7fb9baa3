package newslintbeam

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"github.com/newslint/newslint/internal/clitest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"

	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/pipeline"
)

func TestMain(m *testing.M) { ptest.Main(m) }

// feed writes articles sharing template lines and a gzipped JSON Lines feed whose records
// share a footer, with a malformed record.
func feed(t *testing.T) string {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "site"), 0o755)
	for i := range 6 {
		os.WriteFile(filepath.Join(dir, "site", fmt.Sprintf("a%d.txt", i)), fmt.Appendf(nil,
			"Harbour bridge reopens after repairs %d\n\nThe harbour bridge reopened on Monday after %d weeks of repairs, the city council said.\nWorkers replaced the old cables.\n\nShare this article\nRead more about transport\n", i, i+2), 0o644)
	}
	var b bytes.Buffer
	for i := range 7 {
		if i == 3 {
			b.WriteString("{\"url\": \"https://example.org/broken\", \"text\": \"cut short\n")
			continue
		}
		fmt.Fprintf(&b, "{\"url\": \"https://example.org/n/%d\", \"text\": \"Council approves new park %d\\n\\nThe council approved a new park by the river on Tuesday, with %d votes in favour.\\nIt will open next spring.\\n\\nSubscribe to our newsletter\\n\"}\n", i, i, i+10)
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write(b.Bytes())
	zw.Close()
	os.WriteFile(filepath.Join(dir, "feed.jsonl.gz"), gz.Bytes(), 0o644)
	// a second feed of the site, zstd-compressed, with a record whose text needs a fix
	var more bytes.Buffer
	for i := range 3 {
		fmt.Fprintf(&more, "{\"url\": \"https://example.org/m/%d\", \"text\": \"Library extends opening hours %d\\n\\nThe city library will open until nine from March, the council said on Friday.\\n\\nSubscribe to our newsletter\\n\"}\n", i, i)
	}
	zst, err := input.CompressAll(more.Bytes(), input.Zstd)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "more.jsonl.zst"), zst, 0o644)
	return dir
}

func lines(s string) []string {
	l := strings.SplitAfter(s, "\n")
	return slices.DeleteFunc(l, func(x string) bool { return x == "" })
}

// runBeam runs the pipeline on Prism and returns its sorted findings and errors (in the CLI's
// "newslint: PATH: MESSAGE" form) and the directory of fixed files.
func runBeam(t *testing.T, o Options) (findings, errs []string) {
	t.Helper()
	out := t.TempDir()
	o.Output = filepath.Join(out, "findings")
	p, s := beam.NewPipelineWithRoot()
	if err := Build(s, o); err != nil {
		t.Fatal(err)
	}
	if err := ptest.Run(p); err != nil {
		t.Fatalf("pipeline: %v", err)
	}
	shards, _ := filepath.Glob(filepath.Join(out, "findings-0*-of-*.jsonl"))
	for _, f := range shards {
		b, _ := os.ReadFile(f)
		findings = append(findings, lines(string(b))...)
	}
	es, _ := filepath.Glob(filepath.Join(out, "findings-errors-*.jsonl"))
	for _, f := range es {
		b, _ := os.ReadFile(f)
		for _, l := range lines(string(b)) {
			var e pipeline.Error
			if err := json.Unmarshal([]byte(l), &e); err != nil {
				t.Fatal(err)
			}
			errs = append(errs, fmt.Sprintf("newslint: %s: %s", e.Path, e.Message))
		}
	}
	slices.Sort(findings)
	slices.Sort(errs)
	return findings, errs
}

func TestSameAsCLIOnPrism(t *testing.T) {
	devSlice := func(rel string) bool {
		var n int
		fmt.Sscanf(filepath.Base(rel), "%x", &n)
		return strings.HasSuffix(rel, ".txt") && n%4 == 0
	}
	cases := []struct {
		name     string
		mk       func(t *testing.T) string
		patterns []string
	}{
		{"seeds", func(t *testing.T) string {
			return clitest.Copy(t, "../../testdata/seeds/input", func(string) bool { return true })
		}, []string{"*.txt"}},
		{"dev", func(t *testing.T) string { return clitest.Copy(t, "../../testdata/eval/dev", devSlice) }, []string{"*/*.txt"}},
		{"feed", feed, []string{"site/*.txt", "*.jsonl.gz", "*.jsonl.zst"}},
	}
	for _, c := range cases {
		for _, fix := range []string{pipeline.NoFix, pipeline.FixSafe} {
			twice := fix == pipeline.NoFix && c.name == "feed"
			t.Run(fmt.Sprintf("%s/%s/read-twice=%v", c.name, fix, twice), func(t *testing.T) {
				dir := c.mk(t)
				var pats []string
				for _, p := range c.patterns {
					pats = append(pats, filepath.Join(dir, p))
				}
				o := Options{Spec: pipeline.Spec{Fix: fix}, Inputs: pats, Root: dir, Shards: 3, ReadTwice: twice}
				if fix != pipeline.NoFix {
					o.FixedOutput = t.TempDir()
				}
				gotF, gotE := runBeam(t, o)
				args := []string{"--format", "jsonl", "--exit-zero"}
				if fix != pipeline.NoFix {
					args = append(args, "--fix")
				}
				wantF, wantE := clitest.RunCLI(t, "", append(args, dir)...)
				if len(wantF) == 0 && fix == pipeline.NoFix {
					t.Fatal("the CLI found nothing: the comparison would prove nothing")
				}
				if !slices.Equal(gotF, wantF) {
					t.Errorf("findings: Beam %d, CLI %d", len(gotF), len(wantF))
				}
				if !slices.Equal(gotE, wantE) {
					t.Errorf("errors:\nBeam %q\nCLI  %q", gotE, wantE)
				}
				if fix == pipeline.NoFix {
					return
				}
				n := 0
				filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return err
					}
					rel, _ := filepath.Rel(dir, p)
					n++
					if got, want := clitest.ReadText(t, filepath.Join(o.FixedOutput, rel)), clitest.ReadText(t, p); got != want {
						t.Errorf("%s: the fixed file differs from the CLI's", rel)
					}
					return nil
				})
				if n == 0 {
					t.Fatal("no file compared")
				}
			})
		}
	}
}

func TestRootOf(t *testing.T) {
	for pat, want := range map[string]string{
		"data/*/*.txt":            "data",
		"gs://b/news/*.jsonl.zst": "gs://b/news",
		"/abs/dir/file.txt":       "/abs/dir",
		"*.txt":                   ".",
	} {
		if got := RootOf(pat); got != want {
			t.Errorf("RootOf(%q) = %q, want %q", pat, got, want)
		}
	}
}

func TestStagesRoundTrip(t *testing.T) {
	for _, c := range []struct {
		stages  [][]byte
		settled bool
	}{
		{[][]byte{[]byte("a")}, false},
		{[][]byte{[]byte("first"), {}, []byte("third stage")}, true},
	} {
		got, settled, err := decodeStages(encodeStages(c.stages, c.settled))
		if err != nil || settled != c.settled || len(got) != len(c.stages) {
			t.Fatalf("%q: got %q settled=%v err=%v", c.stages, got, settled, err)
		}
		for i := range got {
			if !bytes.Equal(got[i], c.stages[i]) {
				t.Errorf("stage %d: %q, want %q", i, got[i], c.stages[i])
			}
		}
	}
	// plain stats, as GatherStats writes them, are one settled stage
	if got, settled, err := decodeStages([]byte("stats")); err != nil || !settled || len(got) != 1 || string(got[0]) != "stats" {
		t.Errorf("plain stats: %q settled=%v err=%v", got, settled, err)
	}
	// cut short anywhere: an error, never a panic
	enc := encodeStages([][]byte{[]byte("first"), []byte("second")}, false)
	for n := len(stagesMagic); n < len(enc); n++ {
		if _, _, err := decodeStages(enc[:n]); err == nil {
			t.Errorf("cut at %d of %d: no error", n, len(enc))
		}
	}
}
