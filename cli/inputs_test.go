package cli

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"
)

const cleanText = "The ministry said on Friday that the talks had made progress and would resume next month."

// feed is a JSON Lines feed: a dirty record with other fields in a particular order, a clean
// record with unusual escapes (must stay byte-identical), a malformed line, a record without
// text and a record whose text is in "content".
var feed = strings.Join([]string{
	`{"url":"https://example.com/a","title":"A","text":"` + cleanText + `\nveryGood! (62)\n","tags":["x"],"n":1.50}`,
	`{"id":7,"text":"` + cleanText + `\u00e9 \/ done."}`,
	`{"id":8,"text":"broken`,
	`{"id":9,"title":"no text here"}`,
	`{"id":10,"content":"` + cleanText + `\nLike (3)"}`,
}, "\n") + "\n"

func TestJSONLinesFixRoundTrip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "feed.jsonl")
	write(t, p, feed, 0o644)
	code, out, errs := run(t, dir, "--format", "jsonl", p)
	if code != 2 {
		t.Errorf("exit %d, want 2 for the malformed record", code)
	}
	for _, want := range []string{`"record":1`, `"record_id":"https://example.com/a"`, `"line":2`, `"record":5`, `"record_id":"10"`} {
		if !strings.Contains(out, want) {
			t.Errorf("findings lack %s:\n%s", want, out)
		}
	}
	if !strings.Contains(errs, "line 3: malformed record") || !strings.Contains(errs, "line 4: no text field") {
		t.Errorf("stderr: %s", errs)
	}
	run(t, dir, "--fix", p)
	got := strings.Split(read(t, p), "\n")
	want := strings.Split(feed, "\n")
	if got[0] != `{"url":"https://example.com/a","title":"A","text":"`+cleanText+`\n","tags":["x"],"n":1.50}` {
		t.Errorf("record 1 after --fix: %s", got[0])
	}
	for _, i := range []int{1, 2, 3} {
		if got[i] != want[i] {
			t.Errorf("record %d changed: %s", i+1, got[i])
		}
	}
	if got[4] != `{"id":10,"content":"`+cleanText+`"}` {
		t.Errorf("record 5 after --fix: %s", got[4])
	}
	before := read(t, p)
	run(t, dir, "--fix", p)
	if read(t, p) != before {
		t.Error("second --fix changed the feed")
	}
}

func TestJSONArrayAndTextField(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "items.json")
	write(t, p, "[\n  {\"body\": \"x\", \"maintext\": \""+cleanText+"\\nveryGood! (1)\"},\n  {\"maintext\": \""+cleanText+"\"}\n]\n", 0o644)
	cfg := filepath.Join(dir, "c.toml")
	write(t, cfg, "[input]\ntext_field = \"maintext\"\n", 0o644)
	if code, out, errs := run(t, dir, "--config", cfg, "--format", "jsonl", p); code != 1 || !strings.Contains(out, `"record":2`) {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	run(t, dir, "--config", cfg, "--fix", p)
	want := "[\n  {\"body\": \"x\", \"maintext\": \"" + cleanText + "\"},\n  {\"maintext\": \"" + cleanText + "\"}\n]\n"
	if got := read(t, p); got != want {
		t.Errorf("after --fix:\n%s\nwant\n%s", got, want)
	}
}

func compress(t *testing.T, kind, s string) []byte {
	var b bytes.Buffer
	var w io.WriteCloser
	if kind == "gz" {
		w = gzip.NewWriter(&b)
	} else {
		zw, err := zstd.NewWriter(&b)
		if err != nil {
			t.Fatal(err)
		}
		w = zw
	}
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

func decompress(t *testing.T, kind string, raw []byte) string {
	var r io.Reader
	if kind == "gz" {
		zr, err := gzip.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatalf("not gzip after --fix: %v", err)
		}
		r = zr
	} else {
		zr, err := zstd.NewReader(bytes.NewReader(raw))
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		r = zr
	}
	b, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("not %s after --fix: %v", kind, err)
	}
	return string(b)
}

func TestCompressedInputs(t *testing.T) {
	for _, kind := range []string{"gz", "zst"} {
		t.Run(kind, func(t *testing.T) {
			dir := t.TempDir()
			txt := filepath.Join(dir, "a.txt."+kind)
			jl := filepath.Join(dir, "b.jsonl."+kind)
			os.WriteFile(txt, compress(t, kind, dirty), 0o644)
			os.WriteFile(jl, compress(t, kind, `{"text":"`+cleanText+`\nveryGood! (62)"}`+"\n"), 0o644)
			code, out, errs := run(t, dir, "--format", "jsonl", dir)
			if code != 1 || strings.Count(out, "vote-widget") != 2 {
				t.Fatalf("exit %d\n%s\n%s", code, out, errs)
			}
			if code, _, errs := run(t, dir, "--fix", dir); code != 0 {
				t.Fatalf("--fix exit %d: %s", code, errs)
			}
			b, _ := os.ReadFile(txt)
			if got := decompress(t, kind, b); got != clean {
				t.Errorf("text after --fix: %q", got)
			}
			b, _ = os.ReadFile(jl)
			if got := decompress(t, kind, b); got != `{"text":"`+cleanText+`"}`+"\n" {
				t.Errorf("jsonl after --fix: %q", got)
			}
		})
	}
}

func TestStdin(t *testing.T) {
	in := func(s string, args ...string) (int, string, string) {
		var out, errb bytes.Buffer
		code := Main(args, Env{Stdin: strings.NewReader(s), Stdout: &out, Stderr: &errb, Getenv: func(string) string { return "" }})
		return code, out.String(), errb.String()
	}
	code, out, _ := in(dirty, "--format", "jsonl", "--stdin-filename", "news/a.txt", "-")
	if code != 1 || !strings.Contains(out, `"path":"news/a.txt"`) {
		t.Errorf("exit %d: %s", code, out)
	}
	code, out, errs := in(dirty, "--fix", "-")
	if code != 0 || out != clean || !strings.Contains(errs, "Fixed 1 finding") {
		t.Errorf("--fix on stdin: exit %d, stdout %q, stderr %q", code, out, errs)
	}
	if code, out, _ := in(clean, "--fix", "-"); code != 0 || out != clean {
		t.Errorf("clean stdin: %d %q", code, out)
	}
	if code, out, _ := in(dirty, "--diff", "-"); code != 1 || !strings.Contains(out, "-veryGood! (62)") {
		t.Errorf("--diff on stdin: %d %q", code, out)
	}
	if code, _, errs := in(dirty, "-", "x.txt"); code != 2 || !strings.Contains(errs, "only path") {
		t.Errorf("stdin with another path: %d %s", code, errs)
	}
}

// TestLargeFeedStreamsInParts: a feed with more findings than one part holds is reported in
// parts, and counted as one file.
func TestLargeFeedStreamsInParts(t *testing.T) {
	dir := t.TempDir()
	var b strings.Builder
	for i := 0; i < 2500; i++ {
		fmt.Fprintf(&b, `{"id":%d,"text":"%s\nveryGood! (%d)"}`+"\n", i, cleanText, i)
	}
	p := filepath.Join(dir, "big.jsonl")
	write(t, p, b.String(), 0o644)
	// each record repeats the same widget line, which template-line also reports: select one rule
	_, out, _ := run(t, dir, "--select", "vote-widget", "--format", "jsonl", p)
	if n := strings.Count(out, "\n"); n != 2500 {
		t.Errorf("%d findings, want 2500", n)
	}
	_, out, _ = run(t, dir, "--select", "vote-widget", "--statistics", p)
	if !strings.Contains(out, "2500 findings in 1 file.") {
		t.Errorf("statistics:\n%s", out)
	}
	_, out, _ = run(t, dir, "--select", "vote-widget", "--format", "junit", p)
	if strings.Count(out, "<testcase ") != 1 || strings.Count(out, "<failure ") != 2500 {
		t.Errorf("junit: %d test cases, %d failures", strings.Count(out, "<testcase "), strings.Count(out, "<failure "))
	}
	if code, out, _ := run(t, dir, "--select", "vote-widget", "--fix", p); code != 0 || !strings.Contains(out, "Fixed 2500 findings in 1 file.") {
		t.Errorf("--fix: %d\n%s", code, out)
	}
}
