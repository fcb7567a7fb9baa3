package input

import (
	"strconv"
	"unicode/utf8"
)

// lossy tells why the JSON string val (with its quotes) cannot be decoded and encoded again
// byte for byte: encoding/json decodes invalid UTF-8 and lone surrogate escapes ("\ud800") to
// U+FFFD, so writing such a value back would replace them. It returns "" for a faithful value.
func lossy(val []byte) string {
	if !utf8.Valid(val) {
		return "invalid UTF-8"
	}
	for i := 0; i < len(val); i++ {
		if val[i] != '\\' || i+1 >= len(val) {
			continue
		}
		if val[i+1] != 'u' {
			i++ // an escaped character, perhaps a backslash
			continue
		}
		r, ok := hex4(val, i+2)
		if !ok {
			continue
		}
		switch {
		case r >= 0xD800 && r < 0xDC00: // high surrogate: a low one must follow
			if lo, ok := hex4(val, i+8); ok && i+7 < len(val) && val[i+6] == '\\' && val[i+7] == 'u' && lo >= 0xDC00 && lo < 0xE000 {
				i += 11
				continue
			}
			return "a lone surrogate escape (" + string(val[i:i+6]) + ")"
		case r >= 0xDC00 && r < 0xE000:
			return "a lone surrogate escape (" + string(val[i:i+6]) + ")"
		}
		i += 5
	}
	return ""
}

// hex4 reads the four hexadecimal digits at val[i:].
func hex4(val []byte, i int) (rune, bool) {
	if i < 0 || i+4 > len(val) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(val[i:i+4]), 16, 32)
	return rune(n), err == nil
}
