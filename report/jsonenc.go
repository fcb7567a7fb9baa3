package report

import (
	"strconv"
	"unicode/utf8"
)

// appendFinding appends the JSON of j as encoding/json writes it without HTML escaping (the
// form of jsonl), without reflection: a large report spends much of its time here.
func appendFinding(b []byte, j *jsonFinding) []byte {
	b = append(b, `{"path":`...)
	b = appendJSONString(b, j.Path)
	b = append(b, `,"line":`...)
	b = strconv.AppendInt(b, int64(j.Line), 10)
	b = append(b, `,"end_line":`...)
	b = strconv.AppendInt(b, int64(j.EndLine), 10)
	b = append(b, `,"col":`...)
	b = strconv.AppendInt(b, int64(j.Col), 10)
	b = append(b, `,"end_col":`...)
	b = strconv.AppendInt(b, int64(j.EndCol), 10)
	b = append(b, `,"rule":`...)
	b = appendJSONString(b, j.Rule)
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, j.Severity)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, j.Message)
	b = append(b, `,"fix":`...)
	if f := j.Fix; f == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, `{"safety":`...)
		b = appendJSONString(b, f.Safety)
		b = append(b, `,"description":`...)
		b = appendJSONString(b, f.Description)
		b = append(b, `,"applicable":`...)
		b = strconv.AppendBool(b, f.Applicable)
		b = append(b, `,"edits":`...)
		if f.Edits == nil {
			b = append(b, "null"...)
		} else {
			b = append(b, '[')
			for i := range f.Edits {
				e := &f.Edits[i]
				if i > 0 {
					b = append(b, ',')
				}
				b = append(b, `{"start":`...)
				b = appendPos(b, e.Start)
				b = append(b, `,"end":`...)
				b = appendPos(b, e.End)
				b = append(b, `,"new_text":`...)
				b = appendJSONString(b, e.NewText)
				b = append(b, '}')
			}
			b = append(b, ']')
		}
		b = append(b, '}')
	}
	if j.Record != 0 {
		b = append(b, `,"record":`...)
		b = strconv.AppendInt(b, int64(j.Record), 10)
	}
	if j.RecordID != "" {
		b = append(b, `,"record_id":`...)
		b = appendJSONString(b, j.RecordID)
	}
	if len(j.Related) > 0 {
		b = append(b, `,"related":[`...)
		for i := range j.Related {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendFinding(b, &j.Related[i])
		}
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendPos(b []byte, p jsonPos) []byte {
	b = append(b, `{"line":`...)
	b = strconv.AppendInt(b, int64(p.Line), 10)
	b = append(b, `,"col":`...)
	b = strconv.AppendInt(b, int64(p.Col), 10)
	b = append(b, `,"offset":`...)
	b = strconv.AppendInt(b, int64(p.Offset), 10)
	return append(b, '}')
}

// appendJSONString appends s as a JSON string, as encoding/json does without HTML escaping:
// quotes, backslashes and control characters escaped, invalid UTF-8 as U+FFFD, U+2028 and
// U+2029 escaped.
func appendJSONString(b []byte, s string) []byte {
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
