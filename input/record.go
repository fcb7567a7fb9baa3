package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DefaultTextFields are the fields that hold the article text in common scraper exports
// (Scrapy feeds, trafilatura, news-please), tried in order.
var DefaultTextFields = []string{"text", "content", "body", "maintext", "article"}

// Record is one JSON object of a JSON Lines file or JSON array, with the place of its text.
type Record struct {
	// Raw is the object's bytes as read.
	Raw []byte
	// Text is the decoded article text; ValueStart and ValueEnd bound its JSON string in Raw.
	Text                 string
	ValueStart, ValueEnd int
	// Field is the name of the text field; ID is the record's "id" or "url", if any.
	Field, ID string
	// Site is the host of the record's "url" (else "link") value (see HostOf), "" when it has
	// none: corpus rules count records of one site together.
	Site string
	// Lossy, when not "", says why the text value cannot be written back byte for byte once
	// decoded (invalid UTF-8, a lone surrogate escape): such a record must not be rewritten.
	Lossy string
}

// ErrNoText is returned for records without any of the text fields.
var ErrNoText = errors.New("no text field")

// ParseRecord finds the text field of a JSON object, the first present of fields, without
// re-encoding anything: other fields and their order are untouched when only the text value is
// replaced.
func ParseRecord(raw []byte, fields []string) (*Record, error) {
	if rec, ok := scanRecord(raw, fields); ok {
		return rec, nil
	}
	return parseRecord(raw, fields)
}

// parseRecord is ParseRecord with encoding/json's decoder: it handles every record, and words
// the errors of malformed ones.
func parseRecord(raw []byte, fields []string) (*Record, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, fmt.Errorf("not a JSON object")
	}
	type span struct {
		text       string
		start, end int
	}
	found := map[string]span{}
	other := map[string]string{} // fields that hold something else than a string
	rec := &Record{Raw: raw}
	keys := map[string]bool{}
	lossyKeys := map[string]string{}
	for dec.More() {
		kt, err := dec.Token()
		if err != nil {
			return nil, err
		}
		key, _ := kt.(string)
		if keys[key] {
			return nil, fmt.Errorf("key %q appears twice (newslint would lint one value and JSON readers use the other)", key)
		}
		keys[key] = true
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return nil, err
		}
		end := int(dec.InputOffset())
		start := end - len(val)
		noteField(rec, key, val)
		if len(val) > 0 && val[0] != '"' {
			if _, dup := other[key]; !dup {
				other[key] = jsonKind(val)
			}
		}
		if len(val) > 0 && val[0] == '"' {
			if _, dup := found[key]; !dup {
				var s string
				if err := json.Unmarshal(val, &s); err != nil {
					return nil, err
				}
				found[key] = span{s, start, end}
				if lossy(val) != "" {
					lossyKeys[key] = lossy(val)
				}
			}
		}
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("data after the object")
	}
	for _, f := range fields {
		if sp, ok := found[f]; ok {
			rec.Field, rec.Text, rec.ValueStart, rec.ValueEnd = f, sp.text, sp.start, sp.end
			rec.Lossy = lossyKeys[f]
			return rec, nil
		}
	}
	for _, f := range fields {
		if kind, ok := other[f]; ok {
			return nil, notText{fmt.Sprintf("field %q is %s, not a string", f, kind)}
		}
	}
	return nil, fmt.Errorf("%w (looked for %s)", ErrNoText, strings.Join(fields, ", "))
}

// notText is the error of a record whose text field holds null, a number, an object or an
// array; it is an ErrNoText.
type notText struct{ msg string }

func (e notText) Error() string        { return e.msg }
func (e notText) Is(target error) bool { return target == ErrNoText }

// jsonKind names the kind of a JSON value that is not a string.
func jsonKind(val []byte) string {
	switch val[0] {
	case 'n':
		return "null"
	case 't', 'f':
		return "a boolean"
	case '{':
		return "an object"
	case '[':
		return "an array"
	}
	return "a number"
}

// WithText returns the record's bytes with its text value replaced by text, everything else
// byte for byte as it was.
func (r *Record) WithText(text string) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(text)
	val := bytes.TrimRight(b.Bytes(), "\n")
	out := make([]byte, 0, len(r.Raw)+len(val)-(r.ValueEnd-r.ValueStart))
	out = append(out, r.Raw[:r.ValueStart]...)
	out = append(out, val...)
	return append(out, r.Raw[r.ValueEnd:]...)
}

// SplitArray returns the byte spans of the elements of a JSON array.
func SplitArray(raw []byte) ([][2]int, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, fmt.Errorf("not a JSON array")
	}
	var out [][2]int
	for dec.More() {
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return nil, err
		}
		end := int(dec.InputOffset())
		out = append(out, [2]int{end - len(val), end})
	}
	if _, err := dec.Token(); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, fmt.Errorf("data after the array at byte %d", dec.InputOffset())
	}
	return out, nil
}

// noteField notes what a top-level field tells of the record besides its text: its ID (the
// first of "id", "url", "link") and its site (the host of the "url" value, else of the "link"
// value).
func noteField(rec *Record, key string, val []byte) {
	switch key {
	case "id", "url", "link":
	default:
		return
	}
	plain, isPlain := plainJSON(val)
	if rec.ID == "" {
		var v any
		if isPlain {
			rec.ID = plain
		} else if json.Unmarshal(val, &v) == nil {
			rec.ID = fmt.Sprint(v)
		}
	}
	if key != "url" && (key != "link" || rec.Site != "") || len(val) == 0 || val[0] != '"' {
		return
	}
	s := plain
	if !isPlain && json.Unmarshal(val, &s) != nil {
		return
	}
	if h := HostOf(s); h != "" {
		rec.Site = h
	}
}

// plainJSON returns what fmt.Sprint prints of the value encoding/json decodes from val, a JSON
// value, when that is val's own text: a string of printable ASCII without escapes (its
// content), or an integer of up to six digits without a sign (the float64 it decodes to prints
// so; larger ones print with an exponent). IDs and URLs are nearly always such values: decoding them took a twentieth of a run
// over one JSON Lines file.
func plainJSON(val []byte) (string, bool) {
	switch {
	case len(val) >= 2 && val[0] == '"' && val[len(val)-1] == '"':
		for _, c := range val[1 : len(val)-1] {
			if c < 0x20 || c >= 0x7f || c == '\\' || c == '"' {
				return "", false
			}
		}
		return string(val[1 : len(val)-1]), true
	case len(val) >= 1 && len(val) <= 6 && (val[0] != '0' || len(val) == 1):
		for _, c := range val {
			if c < '0' || c > '9' {
				return "", false
			}
		}
		return string(val), true
	}
	return "", false
}
