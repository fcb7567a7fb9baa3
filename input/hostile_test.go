package input

import (
	"strings"
	"testing"
)

// TestAmbiguousJSON: data after an array and a key given twice are errors, whatever the key.
func TestAmbiguousJSON(t *testing.T) {
	for _, c := range []struct{ raw, err string }{
		{`[{"text":"a"}] [{"text":"b"}]`, "data after the array"},
		{`[{"text":"a"}]x`, "data after the array"},
		{"[{\"text\":\"a\"}]\n\t ", ""},
	} {
		_, err := SplitArray([]byte(c.raw))
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("SplitArray(%q): %v, want %q", c.raw, err, c.err)
		}
	}
	for _, c := range []struct{ raw, err string }{
		{`{"text":"a","text":"b"}`, `key "text" appears twice`},
		{`{"id":1,"text":"a","id":2}`, `key "id" appears twice`},
		{`{"text":"a","meta":{"x":1,"y":1}}`, ""},
	} {
		_, err := ParseRecord([]byte(c.raw), DefaultTextFields)
		if c.err == "" && err != nil || c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)) {
			t.Errorf("ParseRecord(%q): %v, want %q", c.raw, err, c.err)
		}
	}
}

// TestLossyValues: values that decoding would change (invalid UTF-8, lone surrogates) are
// flagged; valid escapes, surrogate pairs and escaped backslashes are not.
func TestLossyValues(t *testing.T) {
	for _, c := range []struct {
		val  string
		want bool
	}{
		{"\"caf\xe9\"", true},
		{`"a \ud800 b"`, true},
		{`"a \udfff"`, true},
		{`"end \ud83d"`, true},
		{`"\ud83d\u0041"`, true},
		{`"pair \ud83d\ude00"`, false},
		{`"escaped \\ud800"`, false},
		{`"\\\ud800"`, true},
		{`"plain \u00e9 \n \""`, false},
		{`"\ufffd"`, false},
	} {
		if got := lossy([]byte(c.val)) != ""; got != c.want {
			t.Errorf("lossy(%s) = %v, want %v", c.val, got, c.want)
		}
	}
}
