package cli

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/input"
)

func TestInvalidUTF8IsReportedAndKept(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	text := "The ministry said on Friday that the talks \xff\xfe had made progress and would resume.\nveryGood! (62)\n"
	write(t, p, text, 0o644)
	code, _, errs := run(t, dir, "--fix", p)
	if code != 2 || !strings.Contains(errs, "invalid UTF-8 at line 1") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if got := read(t, p); got != "The ministry said on Friday that the talks \xff\xfe had made progress and would resume.\n" {
		t.Errorf("after --fix: %q", got)
	}
}

func TestOddInputs(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"utf16.txt": "\xff\xfeH\x00i\x00\n\x00",
		"empty.txt": "",
		"nul.txt":   "abc\x00def\n",
		"mixed.txt": "The ministry said on Friday that the talks had made progress.\r\nOfficials declined to give details.\nveryGood! (1)\r\nThey will meet again in May.\n",
		"dirty.txt": dirty,
	}
	for n, c := range files {
		write(t, filepath.Join(dir, n), c, 0o644)
	}
	code, _, errs := run(t, dir, "--fix", dir)
	if code != 2 {
		t.Errorf("exit %d, want 2 for the UTF-16 and NUL files", code)
	}
	for _, want := range []string{"utf16.txt: UTF-16", "nul.txt: binary file"} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q: %s", want, errs)
		}
	}
	for _, n := range []string{"utf16.txt", "empty.txt", "nul.txt"} {
		if read(t, filepath.Join(dir, n)) != files[n] {
			t.Errorf("%s changed", n)
		}
	}
	if got := read(t, filepath.Join(dir, "mixed.txt")); got != "The ministry said on Friday that the talks had made progress.\r\nOfficials declined to give details.\nThey will meet again in May.\n" {
		t.Errorf("mixed line endings: %q", got)
	}
	if read(t, filepath.Join(dir, "dirty.txt")) != clean {
		t.Error("the other files were not fixed")
	}
}

func TestHugeSingleLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "huge.txt")
	word := "word "
	line := strings.Repeat(word, 100<<20/len(word))
	write(t, p, line, 0o644)
	code, _, errs := run(t, dir, "--fix", p)
	if code != 0 {
		t.Errorf("exit %d: %s", code, errs)
	}
	st, _ := os.Stat(p)
	if st.Size() != int64(len(line)) {
		t.Errorf("size %d after --fix", st.Size())
	}
	if code, _, errs := run(t, dir, "--max-file-size", "1000", p); code != 2 || !strings.Contains(errs, "larger than --max-file-size") {
		t.Errorf("--max-file-size: %d %s", code, errs)
	}
}

func TestDeepTreeAndLinks(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	deep := root
	for i := 0; i < 120; i++ {
		deep = filepath.Join(deep, "d")
	}
	write(t, filepath.Join(deep, "deep.txt"), dirty, 0o644)
	write(t, filepath.Join(outside, "out.txt"), dirty, 0o644)
	os.Symlink(filepath.Join(outside, "out.txt"), filepath.Join(root, "link.txt"))
	os.Symlink(root, filepath.Join(root, "loop"))
	os.Symlink(filepath.Join(root, "nowhere.txt"), filepath.Join(root, "broken.txt"))
	done := make(chan struct{})
	var code int
	var errs string
	go func() {
		code, _, errs = run(t, root, "--fix", root)
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(2 * time.Minute):
		t.Fatal("walking a tree with a symlink loop did not finish")
	}
	if code != 2 || !strings.Contains(errs, "symbolic link") || !strings.Contains(errs, "broken symbolic link") {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	if read(t, filepath.Join(outside, "out.txt")) != dirty {
		t.Error("wrote through a symlink to a file outside the root")
	}
	if read(t, filepath.Join(deep, "deep.txt")) != clean {
		t.Error("file at depth 120 not fixed")
	}
}

// selfExec runs this test binary as newslint.
func selfExec(args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], args...)
	cmd.Env = append(os.Environ(), "NEWSLINT_TEST_MAIN=1")
	return cmd
}

func TestUnreadablePaths(t *testing.T) {
	dir := t.TempDir()
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Dir(dir), 0o755) // t.TempDir's parent, for the other user
	write(t, filepath.Join(dir, "ok.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "secret.txt"), dirty, 0o000)
	write(t, filepath.Join(dir, "closed", "c.txt"), dirty, 0o644)
	os.Chmod(filepath.Join(dir, "closed"), 0o000)
	defer os.Chmod(filepath.Join(dir, "closed"), 0o755)
	var cmd *exec.Cmd
	if os.Geteuid() == 0 {
		// root reads everything: run newslint as nobody, from a copy of this binary it may execute
		bin := filepath.Join(dir, "newslint.test")
		src, err := os.Open(os.Args[0])
		if err != nil {
			t.Fatal(err)
		}
		dst, _ := os.OpenFile(bin, os.O_CREATE|os.O_WRONLY, 0o755)
		io.Copy(dst, src)
		src.Close()
		dst.Close()
		cmd = exec.Command(bin, "--no-color", dir)
		cmd.Env = append(os.Environ(), "NEWSLINT_TEST_MAIN=1")
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	} else {
		cmd = selfExec("--no-color", dir)
	}
	out, err := cmd.CombinedOutput()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	if code != 2 || !strings.Contains(s, "secret.txt") || !strings.Contains(s, "closed") || !strings.Contains(s, "permission denied") {
		t.Errorf("exit %d, output:\n%s", code, s)
	}
	if !strings.Contains(s, "ok.txt:2:1: warning [vote-widget]") {
		t.Errorf("the readable file was not linted:\n%s", s)
	}
}

// TestFixSurvivesKill kills --fix runs at random moments: every file must be either the
// original or the fully fixed version, and temporary files must never be linted.
func TestFixSurvivesKill(t *testing.T) {
	dir := t.TempDir()
	var para strings.Builder
	for i := 0; i < 400; i++ {
		para.WriteString("The ministry said on Friday that the talks had made progress and would resume next month.\n")
	}
	orig := para.String() + "veryGood! (62)\n" + para.String() + "Like (3)\n"
	fixed := para.String() + para.String()
	const n = 60
	for i := 0; i < n; i++ {
		write(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)), orig, 0o644)
	}
	r := rand.New(rand.NewSource(1))
	for round := 0; round < 15; round++ {
		cmd := selfExec("--fix", "--quiet", "--jobs", "2", dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Intn(60)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		done := 0
		for i := 0; i < n; i++ {
			got := read(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)))
			switch got {
			case fixed:
				done++
			case orig:
			default:
				t.Fatalf("round %d: f%02d.txt is neither the original nor the fixed text (%d bytes)", round, i, len(got))
			}
		}
		files, _ := input.Collect([]string{dir}, config.Default().Files)
		if len(files) != n {
			t.Fatalf("round %d: %d files collected, want %d (temporary files visible?)", round, len(files), n)
		}
		if done == n { // start again from the originals
			for i := 0; i < n; i++ {
				write(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i)), orig, 0o644)
			}
		}
	}
	if code, _, errs := run(t, dir, "--fix", dir); code != 0 {
		t.Fatalf("final --fix: %d %s", code, errs)
	}
	for i := 0; i < n; i++ {
		if read(t, filepath.Join(dir, fmt.Sprintf("f%02d.txt", i))) != fixed {
			t.Fatalf("f%02d.txt not fixed by the final run", i)
		}
	}
}

// TestConfigCannotReachOutsideRoots: include globs that climb out of the walked directory
// match nothing outside it, so --fix never writes there.
func TestConfigCannotReachOutsideRoots(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "root")
	write(t, filepath.Join(base, "outside.txt"), dirty, 0o644)
	write(t, filepath.Join(root, "in.txt"), dirty, 0o644)
	cfg := filepath.Join(base, "c.toml")
	write(t, cfg, "[files]\ninclude = [\"../*.txt\", \"../**/*.txt\", \"/**/*.txt\", \"**/*.txt\"]\n", 0o644)
	if code, _, errs := run(t, base, "--config", cfg, "--fix", root); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if read(t, filepath.Join(base, "outside.txt")) != dirty {
		t.Error("a config glob made --fix write outside the linted root")
	}
	if read(t, filepath.Join(root, "in.txt")) != clean {
		t.Error("the file inside the root was not fixed")
	}
}

// TestDecompressedSizeIsLimited: --max-file-size bounds what a file holds once decompressed,
// and each record of a JSON Lines file: a small gzip bomb is refused (exit 2, left as it is)
// without its content ever being held in memory.
func TestDecompressedSizeIsLimited(t *testing.T) {
	dir := t.TempDir()
	bomb := filepath.Join(dir, "bomb.txt.gz")
	var zb bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&zb, gzip.BestCompression)
	chunk := []byte(strings.Repeat("veryGood! (62)\n", 1<<12))
	for n := 0; n < 64<<20; n += len(chunk) {
		zw.Write(chunk)
	}
	zw.Close()
	write(t, bomb, zb.String(), 0o644)
	if zb.Len() > 1<<20 {
		t.Fatalf("the bomb is %d bytes compressed", zb.Len())
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	code, _, errs := run(t, dir, "--fix", "--max-file-size", "1000000", bomb)
	runtime.ReadMemStats(&after)
	if code != 2 || !strings.Contains(errs, "bomb.txt.gz") || !strings.Contains(errs, "larger than --max-file-size once decompressed") {
		t.Errorf("gzip bomb: exit %d, stderr %s", code, errs)
	}
	if read(t, bomb) != zb.String() {
		t.Error("the gzip bomb was rewritten")
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 48<<20 {
		t.Errorf("reading the bomb allocated %d MB", alloc>>20)
	}
	// one huge record of a JSON Lines file: the file is left as it is
	feed := filepath.Join(dir, "feed.jsonl")
	huge := `{"id":1,"text":"` + strings.Repeat("The talks resumed. ", 100000) + `veryGood! (62)"}` + "\n"
	small := `{"id":2,"text":"The ministry said on Friday that the talks had made progress.\nveryGood! (62)"}` + "\n"
	write(t, feed, small+huge+small, 0o644)
	code, _, errs = run(t, dir, "--fix", "--max-file-size", "1000000", feed)
	if code != 2 || !strings.Contains(errs, "a record is larger than --max-file-size") || !strings.Contains(errs, "file left unchanged") {
		t.Errorf("huge record: exit %d, stderr %s", code, errs)
	}
	if read(t, feed) != small+huge+small {
		t.Error("a feed with a record over the limit was rewritten")
	}
	noTemps(t, dir)
}

// TestMixedLineEndingsKept: a fix keeps every line terminator it did not delete, the last
// one included: LF after CRLF lines, CRLF after LF lines, a lone CR of CR-only files.
func TestMixedLineEndingsKept(t *testing.T) {
	dir := t.TempDir()
	const a, b = "The ministry said on Friday that the talks had made progress.", "Officials declined to give details of the plan."
	cases := map[string][2]string{
		"crlf-then-lf.txt": {a + "\r\n" + b + "\r\nveryGood! (1)\r\n" + a + "\n", a + "\r\n" + b + "\r\n" + a + "\n"},
		"lf-then-crlf.txt": {a + "\n" + b + "\nveryGood! (1)\n" + a + "\r\n", a + "\n" + b + "\n" + a + "\r\n"},
		"last-deleted.txt": {a + "\r\n" + b + "\nveryGood! (1)\r\n", a + "\r\n" + b + "\n"},
		"cr-final.txt":     {a + "\nveryGood! (1)\n" + b + "\r", a + "\n" + b + "\r"},
		"cr-last-del.txt":  {a + "\n" + b + "\rveryGood! (1)\n", a + "\n" + b + "\rveryGood! (1)\n"},
		"no-final.txt":     {a + "\r\n" + b + "\nveryGood! (1)", a + "\r\n" + b},
	}
	for n, c := range cases {
		write(t, filepath.Join(dir, n), c[0], 0o644)
	}
	if code, _, errs := run(t, dir, "--fix", dir); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for n, c := range cases {
		if got := read(t, filepath.Join(dir, n)); got != c[1] {
			t.Errorf("%s: got %q, want %q", n, got, c[1])
		}
	}
}

// TestAmbiguousJSONRefused: a JSON file with data after its array (a second array) and a
// record with a key twice are refused with a message, and left as they are.
func TestAmbiguousJSONRefused(t *testing.T) {
	dir := t.TempDir()
	rec := `{"id":1,"text":"The ministry said on Friday that the talks had made progress.\nveryGood! (62)"}`
	files := map[string]string{
		"two.json":   "[" + rec + "]\n[" + rec + "]\n",
		"tail.json":  "[" + rec + "] trailing\n",
		"dup.jsonl":  `{"id":1,"text":"The ministry said on Friday that the talks had made progress.","text":"Other text.\nveryGood! (62)"}` + "\n" + rec + "\n",
		"dup.json":   `[{"text":"Some text.\nveryGood! (62)","id":2,"text":"x"}]`,
		"empty.json": "[]\n",
	}
	args := []string{"--fix"}
	for n, c := range files {
		write(t, filepath.Join(dir, n), c, 0o644)
		args = append(args, filepath.Join(dir, n))
	}
	code, _, errs := run(t, dir, args...)
	if code != 2 {
		t.Errorf("exit %d", code)
	}
	for _, want := range []string{"two.json: reading records: not a JSON array of records: data after the array", "tail.json: reading records: not a JSON array of records: data after the array",
		`dup.jsonl: line 1: malformed record: key "text" appears twice`, `dup.json: line 1: malformed record: key "text" appears twice`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errs)
		}
	}
	for n, c := range files {
		if got := read(t, filepath.Join(dir, n)); got != c && n != "dup.jsonl" {
			t.Errorf("%s changed: %q", n, got)
		}
	}
	if got := read(t, filepath.Join(dir, "dup.jsonl")); !strings.HasPrefix(got, strings.SplitAfter(files["dup.jsonl"], "\n")[0]) || strings.Count(got, "veryGood") != 1 {
		t.Errorf("dup.jsonl: the ambiguous record changed or the good one was not fixed: %q", got)
	}
}

// TestJSONValuesThatCannotRoundTrip: a text value holding invalid UTF-8 or a lone surrogate
// escape would come back with U+FFFD in their place; such a record is reported and kept byte
// for byte, while the other records of the file are fixed.
func TestJSONValuesThatCannotRoundTrip(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "feed.jsonl")
	bad1 := "{\"id\":1,\"text\":\"The caf\xe9 said on Friday that the talks had made progress.\\nveryGood! (62)\"}\n"
	bad2 := `{"id":2,"text":"The ministry \ud800 said on Friday that the talks had made progress.\nveryGood! (62)"}` + "\n"
	pair := `{"id":3,"text":"The ministry \ud83d\ude00 said on Friday that the talks had made progress.\nveryGood! (62)"}` + "\n"
	good := `{"id":4,"text":"The ministry said on Friday that the talks had made progress.\nveryGood! (62)"}` + "\n"
	write(t, p, bad1+bad2+pair+good, 0o644)
	code, _, errs := run(t, dir, "--fix", p)
	if code != 2 || !strings.Contains(errs, `line 1: the "text" value holds invalid UTF-8`) || !strings.Contains(errs, `line 2: the "text" value holds a lone surrogate escape (\ud800)`) {
		t.Errorf("exit %d, stderr %s", code, errs)
	}
	if strings.Contains(errs, "line 3") {
		t.Errorf("a surrogate pair was reported: %s", errs)
	}
	// a valid escape is decoded and written as the character it stands for
	fixedPair := strings.Replace(strings.Replace(pair, `\nveryGood! (62)`, "", 1), `\ud83d\ude00`, "\U0001F600", 1)
	want := bad1 + bad2 + fixedPair + strings.Replace(good, `\nveryGood! (62)`, "", 1)
	if got := read(t, p); got != want {
		t.Errorf("after --fix:\n%q\nwant\n%q", got, want)
	}
}

// TestFixReachesAFixedPointWithCorpusRules: on a generated corpus where a name fix makes lines
// identical across enough files for template-line (files of a directory, records of a feed),
// one --fix leaves what a second --fix does not change.
func TestFixReachesAFixedPointWithCorpusRules(t *testing.T) {
	dir := t.TempDir()
	names := [][2]string{{"Marta Kowalska", "Marta Kowalsky"}, {"Sofia Marchetti", "Sofia Marcheti"}, {"Pieter Jansen", "Pieter Janssen"}}
	article := func(i int, name, variant string) string {
		who := name
		if i < 2 {
			who = variant
		}
		line := ""
		if i < 4 {
			line = "Notes from " + who + " in Warsaw\n"
		}
		return fmt.Sprintf("The council met on Tuesday %d and %s said the budget would pass after a long debate.\n%s"+
			"%s added that the vote on item %d would come later in the week, officials said.\n"+
			"Residents were told that %s would speak again at the next meeting on topic %d.\n", i, name, line, name, i, name, i)
	}
	var feed strings.Builder
	for d, n := range names {
		for i := 0; i < 8; i++ {
			write(t, filepath.Join(dir, fmt.Sprintf("site%d", d), fmt.Sprintf("%02d.txt", i)), article(i, n[0], n[1]), 0o644)
		}
	}
	for i := 0; i < 8; i++ {
		b, _ := json.Marshal(map[string]any{"id": i, "text": article(i, names[0][0], names[0][1])})
		feed.Write(append(b, '\n'))
	}
	write(t, filepath.Join(dir, "feeds", "feed.jsonl"), feed.String(), 0o644)
	snapshot := func() map[string]string {
		out := map[string]string{}
		filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
			if err == nil && info.Mode().IsRegular() {
				out[p] = read(t, p)
			}
			return nil
		})
		return out
	}
	before := snapshot()
	if code, _, errs := run(t, dir, "--fix", "--unsafe-fixes", dir); code != 0 {
		t.Fatalf("first --fix: exit %d %s", code, errs)
	}
	first := snapshot()
	if code, _, errs := run(t, dir, "--fix", "--unsafe-fixes", dir); code != 0 {
		t.Fatalf("second --fix: exit %d %s", code, errs)
	}
	second := snapshot()
	changed := 0
	for p := range before {
		if first[p] != before[p] {
			changed++
		}
		if second[p] != first[p] {
			t.Errorf("%s: the second --fix changed it:\n%s\n---\n%s", p, first[p], second[p])
		}
	}
	if changed != 13 || strings.Contains(first[filepath.Join(dir, "site0", "00.txt")], "Notes from") || strings.Contains(first[filepath.Join(dir, "feeds", "feed.jsonl")], "Notes from") {
		t.Errorf("%d files changed by the first --fix; site0/00.txt:\n%s", changed, first[filepath.Join(dir, "site0", "00.txt")])
	}
}
