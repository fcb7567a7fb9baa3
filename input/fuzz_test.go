package input

import (
	"encoding/json"
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
	f.Fuzz(func(t *testing.T, raw, text string) {
		rec, err := ParseRecord([]byte(raw), DefaultTextFields)
		if err != nil {
			return
		}
		out := rec.WithText(text)
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
