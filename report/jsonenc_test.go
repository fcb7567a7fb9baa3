package report

import (
	"bytes"
	"encoding/json"
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// encodingJSON is what encoding/json writes for v, as the jsonl format wrote it before
// appendFinding: no HTML escaping, no newline.
func encodingJSON(t testing.TB, v any) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

// oddStrings are texts whose JSON escaping differs from their bytes.
var oddStrings = []string{"", "plain", `quote " and \ backslash`, "tab\tnew\nline\r", "\b\f\x00\x01\x1f\x7f",
	"<html> & 'apostrophe'", "café ünïcödé 中文", "line\u2028sep\u2029para", "bad \xff\xfe utf-8 \xc3", "emoji 😀", "\U0010FFFF",
	"a path/with \"quotes\" and a much longer run of plain text before the \\ end",
	"surrogate \xed\xa0\x80 and overlong \xc0\xaf and cut \xe2\x80 and \xf0\x9f\x98 and \xe2\x80\xa8\xe2\x80\xa9 twice"}

// TestAppendFindingIsEncodingJSON: the jsonl encoder writes what encoding/json writes for the
// finding's toJSON form, for findings with and without fixes, records, related findings and
// every kind of odd string.
func TestAppendFindingIsEncodingJSON(t *testing.T) {
	var fs []finding.Finding
	fs = append(fs, sample().Findings...)
	for i, s := range oddStrings {
		f := finding.Finding{Diagnostic: lint.Diagnostic{Rule: "rule-" + s, Severity: lint.Severity(i % 5), Start: i, End: i + 5, Message: s},
			Line: i, Col: -i, EndLine: 1 << 40, EndCol: i}
		if i%2 == 0 {
			f.Fix = &lint.Fix{Safety: lint.Safety(i % 5), Description: s, Edits: []lint.TextEdit{{Start: 1, End: 2, NewText: s}, {Start: 3, End: 4}}}
			f.EditPos = []finding.Span{{Line: 1, Col: 2, EndLine: 3, EndCol: 4}, {}}
		}
		if i%3 == 0 {
			f.Loc = input.Locator{Path: s, Record: i + 1, Line: i + 7, ID: s}
			f.Fix = &lint.Fix{Safety: lint.Unsafe, Description: s}
		}
		if i%4 == 1 {
			f.Related = []finding.Finding{fs[len(fs)-1], fs[0]}
		}
		fs = append(fs, f)
	}
	for _, unsafe := range []bool{false, true} {
		for i := range fs {
			path := oddStrings[i%len(oddStrings)]
			got := string(appendFinding(nil, appendJSONString(nil, path), &fs[i], unsafe))
			if want := encodingJSON(t, toJSON(path, &fs[i], unsafe)); got != want {
				t.Errorf("finding %d:\n got %s\nwant %s", i, got, want)
			}
		}
	}
}

// TestJSONLIsEncodingJSON: the jsonl reporter writes one encoding/json line per finding, the
// path escaped once per file shared by the findings and their related ones.
func TestJSONLIsEncodingJSON(t *testing.T) {
	r1, r2 := sample(), sample()
	r2.File = input.NewFile("odd \"dir\"\\naïve\u2028\xff.txt", "", "")
	for _, unsafe := range []bool{false, true} {
		var want strings.Builder
		for _, r := range []*finding.Result{r1, r2} {
			for i := range r.Findings {
				want.WriteString(encodingJSON(t, toJSON(r.File.Path(), &r.Findings[i], unsafe)) + "\n")
			}
		}
		if got := render(t, "jsonl", Options{Unsafe: unsafe}, r1, r2); got != want.String() {
			t.Errorf("unsafe %v:\n got %s\nwant %s", unsafe, got, want.String())
		}
	}
}

// appendJSONStringByByte is appendJSONString as it was first written, a byte at a time: the
// oracle for the word-at-a-time scan.
func appendJSONStringByByte(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// checkJSONString compares appendJSONString on s with encoding/json and with the byte-at-a-time
// oracle.
func checkJSONString(t testing.TB, s string) {
	t.Helper()
	got := string(appendJSONString(nil, s))
	if want := encodingJSON(t, s); got != want {
		t.Fatalf("%q:\n got %s\nwant %s (encoding/json)", s, got, want)
	}
	if want := string(appendJSONStringByByte(nil, s)); got != want {
		t.Fatalf("%q:\n got %s\nwant %s (byte by byte)", s, got, want)
	}
}

// TestJSONStringEveryByteEverywhere: every byte value, and every sequence that needs a look past
// its first byte, at every offset of plain texts of every length up to three words: each lane
// of the eight-byte scan, its boundaries and the byte-by-byte tail.
func TestJSONStringEveryByteEverywhere(t *testing.T) {
	var pieces []string
	for c := 0; c < 256; c++ {
		pieces = append(pieces, string([]byte{byte(c)}))
	}
	pieces = append(pieces, "\u2028", "\u2029", "\u2027", "\u202a", "\xe2\x80", "\xe2\x80\xa8\xa8", "é", "中", "😀",
		"\xed\xa0\x80", "\xc0\xaf", "\xf0\x9f\x98", "\xf4\x90\x80\x80", `\"`, "\"\"", "\x00\x7f\x80\xff")
	for n := 0; n <= 24; n++ {
		for _, fill := range []string{"x", "~", " ", "é"} {
			blank := strings.Repeat(fill, n)
			checkJSONString(t, blank)
			for _, p := range pieces {
				for k := 0; k <= len(blank); k++ {
					checkJSONString(t, blank[:k]+p+blank[k:])
				}
			}
		}
	}
}

// TestJSONStringRandom: random texts dense in bytes the scan must stop at, next to plain runs
// of every length.
func TestJSONStringRandom(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	frags := []string{"a", "plain text ", "abcdefgh", "\"", "\\", "\n", "\t", "\x00", "\x1f", " ", "\x7f", "\x80", "\xff",
		"é", "中文", "😀", "\u2028", "\u2029", "\xe2\x80", "\xed\xbf\xbf", "</script>", "&", "0123456789abcdef"}
	for range 20000 {
		var b strings.Builder
		for range r.Intn(12) {
			b.WriteString(frags[r.Intn(len(frags))])
		}
		checkJSONString(t, b.String())
	}
}

func FuzzJSONString(f *testing.F) {
	for _, s := range oddStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkJSONString(t, s)
	})
}

// BenchmarkJSONL writes the findings of a report as jsonl.
func BenchmarkJSONL(b *testing.B) {
	r := sample()
	r.File = input.NewFile("corpus/site/2026/05/a-long-file-name-of-a-news-page.txt", "", "")
	rep := &jsonlReporter{w: discard{}}
	for b.Loop() {
		if err := rep.File(r); err != nil {
			b.Fatal(err)
		}
	}
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
