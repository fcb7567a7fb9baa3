package input

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzRecord parses arbitrary JSON Lines records: parsing never panics, and replacing the text
// value keeps the record valid JSON with every other field unchanged.
func FuzzRecord(f *testing.F) {
	f.Add(`{"url":"u","text":"a\nb","n":1.50}`, "new text")
	f.Add(`{"id":7,"content":"x \u00e9 \/"}`, "é \"quoted\" <b>")
	f.Add(`{"text":"broken`, "")
	f.Add(`[1,2]`, "x")
	// invalid UTF-8 and lone surrogates, which decoding would turn into U+FFFD
	f.Add("{\"text\":\"caf\xe9 au lait\",\"id\":1}", "new")
	f.Add("{\"id\":\"\xff\",\"text\":\"ok \\ud83d\\ude00\"}", "x")
	f.Add(`{"text":"lone \ud800 high","n":2}`, "y")
	f.Add(`{"text":"lone \udc00 low"}`, "z")
	f.Add(`{"text":"escaped \\ud800 is text","url":"u"}`, "z")
	f.Add(`{"text":"real \ufffd and \ud800\udc00"}`, "w")
	f.Fuzz(func(t *testing.T, raw, text string) {
		rec, err := ParseRecord([]byte(raw), DefaultTextFields)
		if err != nil {
			return
		}
		// untouched bytes stay untouched: what is not the text value is kept byte for byte
		out := rec.WithText(text)
		if !bytes.HasPrefix(out, []byte(raw[:rec.ValueStart])) || !bytes.HasSuffix(out, []byte(raw[rec.ValueEnd:])) {
			t.Fatalf("bytes outside the text value changed:\n%q\n%q", raw, out)
		}
		// a value that decoding cannot carry faithfully is flagged: U+FFFD in the decoded text
		// comes only from U+FFFD or its escape in the value itself
		val := raw[rec.ValueStart:rec.ValueEnd]
		own := strings.Count(val, "\ufffd") + fffdEscapes(val)
		if rec.Lossy == "" && strings.Count(rec.Text, "\ufffd") != own {
			t.Fatalf("value %q decoded to %q with U+FFFD it did not hold, and is not flagged", val, rec.Text)
		}
		var before, after map[string]json.RawMessage
		if err := json.Unmarshal([]byte(raw), &before); err != nil {
			return // duplicate keys or other oddities encoding/json rejects
		}
		if err := json.Unmarshal(out, &after); err != nil {
			t.Fatalf("record invalid after WithText: %v\n%s", err, out)
		}
		var got string
		// invalid UTF-8 is encoded as U+FFFD, so only valid text must come back as it was
		if err := json.Unmarshal(after[rec.Field], &got); err != nil || utf8.ValidString(text) && got != text {
			t.Fatalf("text field %q = %q, want %q", rec.Field, got, text)
		}
		if len(before) != len(after) {
			t.Fatalf("fields changed: %d -> %d", len(before), len(after))
		}
	})
}

// fffdEscapes counts the escapes of U+FFFD in a JSON string value: \ufffd in any case, not
// preceded by an escaping backslash ("\\ufffd" is a backslash and the letters ufffd).
func fffdEscapes(val string) int {
	n := 0
	for i := 0; i+1 < len(val); i++ {
		if val[i] != '\\' {
			continue
		}
		if val[i+1] == 'u' && i+6 <= len(val) && strings.EqualFold(val[i+2:i+6], "fffd") {
			n++
			i += 5
			continue
		}
		i++ // an escaped character, perhaps a backslash
	}
	return n
}
