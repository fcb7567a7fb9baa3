package engine

import (
	"bytes"
	"testing"
)

// TestReadBufSizes checks that a buffer of readBuf holds what was asked, whatever pool it came
// from, and that buffers given back are taken again.
func TestReadBufSizes(t *testing.T) {
	for _, n := range []int{0, 1, readBufMin - 1, readBufMin, readBufMin + 1, 3 * readBufMin, 1 << 17, 1<<18 + 1, 1 << 20} {
		for range 3 {
			b := readBuf(n)
			if len(b) != 0 || cap(b) < n {
				t.Fatalf("readBuf(%d): len %d cap %d", n, len(b), cap(b))
			}
			recycleRead(append(b, bytes.Repeat([]byte{'x'}, n)...))
		}
	}
	reused := 0
	for range 10 {
		b := readBuf(5000)
		b = append(b, "some text"...)
		first := &b[0]
		recycleRead(b)
		if c := readBuf(4500); cap(c) >= 4500 && &c[:1][0] == first {
			reused++
		}
	}
	if reused == 0 {
		t.Error("no buffer given back was reused")
	}
}

// TestPutReadKeepsTheContent checks what the read cache keeps of a buffer: the content, in a
// buffer of about its size.
func TestPutReadKeepsTheContent(t *testing.T) {
	defer func() { testHookRecycle = nil }()
	testHookRecycle = func(b []byte) { // what the next reader does with a buffer given back
		b = b[:cap(b)]
		for j := range b {
			b[j] = 0
		}
	}
	c := newReadCache(readCacheBudget)
	for i, n := range []int{10, 3000, 4096, 5000, 60000, 50000} {
		b := append(readBuf(n+1), bytes.Repeat([]byte{byte('a' + i)}, n)...)
		if i == 5 {
			b = append(make([]byte, 0, 4*n), b...) // a file that shrank while it was read
		}
		want := string(b)
		c.putRead(i, b)
		got, ok := c.take(i)
		if !ok {
			t.Fatalf("%d bytes: not kept", n)
		}
		if string(got) != want {
			t.Errorf("%d bytes: content changed", n)
		}
		if cap(got) > len(got)+len(got)/4+readBufMin {
			t.Errorf("%d bytes kept in a buffer of %d", n, cap(got))
		}
	}
}
