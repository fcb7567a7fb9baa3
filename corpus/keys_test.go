package corpus

import (
	"testing"
	"unsafe"
)

// TestAddKeyKeepsNoTextOfTheCaller counts substrings of a buffer that is then overwritten, as a
// reused read buffer is: the counts' keys must not change with it. (Counting with Keys[k]++
// would fail here: Go stores the key of every assignment, so the map would hold the last
// substring counted.)
func TestAddKeyKeepsNoTextOfTheCaller(t *testing.T) {
	c := New().For("r")
	buf := []byte("Kim Jong Un met Kim Jong Un")
	for _, r := range [][2]int{{0, 11}, {16, 27}, {0, 3}} {
		c.AddKey(string(buf[r[0]:r[1]]), 1)       // a copy: the usual case
		c.AddKey(unsafeString(buf[r[0]:r[1]]), 2) // the buffer's own bytes
	}
	for i := range buf {
		buf[i] = 'x'
	}
	want := map[string]uint32{"Kim Jong Un": 6, "Kim": 3}
	if len(c.Keys) != len(want) {
		t.Fatalf("keys %v, want %v", c.Keys, want)
	}
	for k, n := range want {
		if c.Keys[k] != n {
			t.Errorf("%q: %d, want %d (keys %v)", k, c.Keys[k], n, c.Keys)
		}
	}
}

// unsafeString is b's bytes as a string, as a document's text is its read buffer's.
func unsafeString(b []byte) string { return unsafe.String(&b[0], len(b)) }
