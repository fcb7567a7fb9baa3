package input

import (
	"bytes"
	"compress/gzip"
	"strings"
	"testing"
)

func gz(t *testing.T, s string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.Bytes()
}

// TestGzipMembersAndPadding: members are read one after the other, zero padding at the end is
// accepted as gzip(1) accepts it, anything else after the stream is an error that says "gzip:"
// once.
func TestGzipMembersAndPadding(t *testing.T) {
	two := append(gz(t, "first\n"), gz(t, "second\n")...)
	for _, c := range []struct {
		name string
		raw  []byte
		want string // text, or the error
	}{
		{"two members", two, "first\nsecond\n"},
		{"zero padding", append(append([]byte{}, two...), make([]byte, 4096)...), "first\nsecond\n"},
		{"one zero", append(gz(t, "x\n"), 0), "x\n"},
		{"garbage after padding", append(append(gz(t, "x\n"), 0, 0), 'y'), "error: gzip: data after the zero padding at the end"},
		{"garbage", append(gz(t, "x\n"), 'y', 'z'), "error: gzip: data after the compressed stream is neither another gzip member nor zero padding"},
		{"not gzip", []byte("plain text\n"), "error: gzip: invalid header"},
		{"empty", nil, "error: gzip: empty file"},
		{"truncated", gz(t, "some text\n")[:15], "error: gzip: unexpected EOF"},
	} {
		got, err := DecompressAll(c.raw, Gzip)
		s := string(got)
		if err != nil {
			s = "error: " + err.Error()
		}
		if s != c.want || strings.Count(s, "gzip:") > 1 {
			t.Errorf("%s: got %q, want %q", c.name, s, c.want)
		}
	}
}
