package input

import (
	"bufio"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// sameAsDecoder checks that the fast path, when it takes a record, gives what encoding/json's
// path gives.
func sameAsDecoder(t *testing.T, raw string, fields []string) bool {
	t.Helper()
	fast, ok := scanRecord([]byte(raw), fields)
	slow, err := parseRecord([]byte(raw), fields)
	// a record's text is valid UTF-8 whatever its bytes (documents of records skip the check)
	if err == nil && !utf8.ValidString(slow.Text) || ok && !utf8.ValidString(fast.Text) {
		t.Fatalf("%q: the text is not valid UTF-8", raw)
	}
	if !ok {
		return false
	}
	if err != nil {
		t.Fatalf("%q: the fast path took a record the decoder refuses (%v)", raw, err)
	}
	if !reflect.DeepEqual(fast, slow) {
		t.Fatalf("%q:\nfast %+v\nslow %+v", raw, fast, slow)
	}
	return true
}

var scanSeeds = []string{
	`{"url":"u","text":"a\nb","n":1.50}`, `{"id":7,"content":"x \u00e9 \/"}`, `{"text":"broken`, `[1,2]`,
	"{\"text\":\"caf\xe9 au lait\",\"id\":1}", "{\"id\":\"\xff\",\"text\":\"ok \\ud83d\\ude00\"}",
	`{"text":"lone \ud800 high","n":2}`, `{"text":"lone \udc00 low"}`, `{"text":"escaped \\ud800 is text","url":"u"}`,
	`{"text":"real \ufffd and \ud800\udc00"}`, ` { "text" : "spaced" , "id" : "a" } `, `{"text":"a","text":"b"}`,
	`{"body":"b","text":null}`, `{"body":"b","content":"c"}`, `{"text":42}`, `{"title":"t"}`, `{}`,
	`{"text":"x"} trailing`, `{"text":"x"}{"text":"y"}`, `{"a":{"b":[1,2,{"c":null}],"d":-0.5e-3},"text":"t"}`,
	`{"a":[1,],"text":"t"}`, `{"a":01,"text":"t"}`, `{"a":1.,"text":"t"}`, `{"a":tru,"text":"t"}`, `{"a\u0041":1,"text":"t"}`,
	"{\"text\":\"tab\there\"}", `{"text":"bad \x escape"}`, `{"id":1e6,"text":"t"}`, `{"link":{"x":1},"text":"t"}`,
	`{"url":"","link":"l","text":"t"}`, "{\"\xff\":1,\"\xfe\":2,\"text\":\"t\"}", `{"text":"t",}`, `{,"text":"t"}`,
	"\xef\xbb\xbf{\"text\":\"bom\"}", `{"text":"\u00"}`, `{"maintext":"m","article":"a"}`, `{"text":"t"`, `"text"`,
	`{"link":"http://a.example/x","url":"https://www.B.example/y","text":"t"}`, `{"url":"https://b.example/","link":"http://a.example/","text":"t"}`,
	`{"url":"https:\/\/c.example\/z","text":"t"}`, `{"text":"escaped \\ud800 x","id":"\ud800"}`,
	`{"a":"\u0041","text":"plain"}`, `{"text":"lone \ud800 x"}`, `{"text":"pair \ud83d\ude00","b":"\udfff"}`, `{"url":"not a host","link":"d.example/p","text":"t"}`,
}

func TestScanRecordIsTheDecoder(t *testing.T) {
	fields := DefaultTextFields
	taken := 0
	for _, raw := range scanSeeds {
		if sameAsDecoder(t, raw, fields) {
			taken++
		}
	}
	// every record of the JSON Lines files under testdata
	filepath.WalkDir("../testdata", func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !strings.HasSuffix(path, ".jsonl") {
			return nil
		}
		f, err := os.Open(path)
		if err != nil {
			return nil
		}
		defer f.Close()
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			if sameAsDecoder(t, sc.Text(), fields) {
				taken++
			}
		}
		return nil
	})
	if taken < 12 {
		t.Errorf("the fast path took only %d records", taken)
	}
	// random edits of the seeds: a byte deleted, doubled or replaced by a JSON-significant one
	rng := rand.New(rand.NewSource(1))
	marks := []byte(`{}[]:,"\ 0-.eE+tfnu` + "\xff\x01")
	for range 50000 {
		b := []byte(scanSeeds[rng.Intn(len(scanSeeds))])
		if len(b) == 0 {
			continue
		}
		i := rng.Intn(len(b))
		switch rng.Intn(3) {
		case 0:
			b = append(b[:i], b[i+1:]...)
		case 1:
			b = append(b[:i+1], b[i:]...)
		default:
			b[i] = marks[rng.Intn(len(marks))]
		}
		sameAsDecoder(t, string(b), fields)
		sameAsDecoder(t, string(b), []string{"body", "text"})
	}
}

func FuzzScanRecord(f *testing.F) {
	for _, s := range scanSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, raw string) {
		sameAsDecoder(t, raw, DefaultTextFields)
	})
}

// TestDecodeStringIsEncodingJSON: the scanner's own unescaping decodes JSON strings as
// encoding/json does, and declines (to encoding/json) what it does not take.
func TestDecodeStringIsEncodingJSON(t *testing.T) {
	for _, s := range []string{`"plain"`, `"a\nb"`, `"\u00e9\t\"x\"\\\/"`, `"\ud83d\ude00 smile"`, `"\uD800 lone"`,
		`"é\u0000z"`, `"\b\f\r"`, `"\u12"`, `"\u004A\u004a"`, `"tail\\"`, `"\x"`, "\"caf\xc3\xa9\\n\"", "\"bad \xff\\n\""} {
		var want string
		werr := json.Unmarshal([]byte(s), &want)
		got, ok := decodeString([]byte(s))
		if (werr == nil) != ok || got != want {
			t.Errorf("%s: got %q (%v), encoding/json %q (%v)", s, got, ok, want, werr)
		}
	}
	if s, ok := unescape([]byte(`a\nb\u00e9`)); !ok || s != "a\nbé" {
		t.Errorf("unescape: %q %v", s, ok)
	}
}

// TestSpecialIn: the eight-byte test says whether any byte is a quote, a backslash or a control
// character, and which is the first, exactly as a byte-by-byte test does.
func TestSpecialIn(t *testing.T) {
	r := rand.New(rand.NewSource(3))
	special := func(c byte) bool { return c == '"' || c == '\\' || c < 0x20 }
	interesting := []byte{0, 0x1f, 0x20, 0x21, '"', '\\', 0x5b, 0x5d, 0x7f, 0x80, 0xa2, 0xdc, 0xff, 'a', 'Z'}
	for range 200000 {
		var b [8]byte
		want, first := false, 8
		for i := range b {
			if r.Intn(2) == 0 {
				b[i] = interesting[r.Intn(len(interesting))]
			} else {
				b[i] = byte(r.Intn(256))
			}
			if special(b[i]) && !want {
				first = i
			}
			want = want || special(b[i])
		}
		if got := specialIn(binary.LittleEndian.Uint64(b[:])); got != want {
			t.Fatalf("%q: %v, want %v", b, got, want)
		}
		if got := firstSpecial(binary.LittleEndian.Uint64(b[:])); got != first {
			t.Fatalf("%q: first special at %d, want %d", b, got, first)
		}
	}
}

// noteFieldDecoded is noteField with encoding/json's decoding of every value, the reference of
// its fast path (plainJSON).
func noteFieldDecoded(rec *Record, key string, val []byte) {
	switch key {
	case "id", "url", "link":
	default:
		return
	}
	if rec.ID == "" {
		var v any
		if json.Unmarshal(val, &v) == nil {
			rec.ID = fmt.Sprint(v)
		}
	}
	if key != "url" && (key != "link" || rec.Site != "") || len(val) == 0 || val[0] != '"' {
		return
	}
	var s string
	if json.Unmarshal(val, &s) == nil {
		if h := HostOf(s); h != "" {
			rec.Site = h
		}
	}
}

var noteSeeds = []string{`0`, `7`, `007`, `-3`, `999999`, `1000000`, `123456789012345`, `1234567890123456`, `12345678901234567890`, `1e6`,
	`1.5`, `-0`, `""`, `"a"`, `"https://www.Example.com/x?y=1"`, `"https:\/\/e.example\/"`, `"caf\u00e9"`, "\"caf\xc3\xa9\"",
	"\"bad \xff\"", `"tab\there"`, `"a\"b"`, `" spaced.example "`, `"~"`, "\"\x7f\"", `null`, `true`, `{"a":1}`, `[1]`}

// TestNoteFieldIsTheDecoder: the ID and site noted of a field are those encoding/json's decoding
// of its value gives.
func TestNoteFieldIsTheDecoder(t *testing.T) {
	for _, v := range noteSeeds {
		sameNote(t, v)
	}
}

func sameNote(t *testing.T, val string) {
	t.Helper()
	if !json.Valid([]byte(val)) {
		return // the scanner hands noteField valid values only
	}
	for _, key := range []string{"id", "url", "link"} {
		for _, before := range []Record{{}, {ID: "x"}, {Site: "s.example"}} {
			got, want := before, before
			noteField(&got, key, []byte(val))
			noteFieldDecoded(&want, key, []byte(val))
			if got.ID != want.ID || got.Site != want.Site {
				t.Fatalf("%s: %s: ID %q site %q, decoded: ID %q site %q", key, val, got.ID, got.Site, want.ID, want.Site)
			}
		}
	}
}

func FuzzNoteField(f *testing.F) {
	for _, s := range noteSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, val string) { sameNote(t, val) })
}
