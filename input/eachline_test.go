package input

import (
	"bufio"
	"bytes"
	"errors"
	"io"
	"math/rand"
	"testing"
	"testing/iotest"
)

// refLines is what eachLine reads, as bufio.Reader.ReadBytes reads it: every line with its
// terminator, the last one without when the input does not end in one, then the error.
func refLines(r io.Reader) ([]string, error) {
	br := bufio.NewReader(r)
	var out []string
	for {
		b, err := br.ReadBytes('\n')
		if len(b) > 0 {
			out = append(out, string(b))
		}
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return out, err
		}
	}
}

// TestEachLineReadsWhatReadBytesReads: lines shorter and longer than a chunk, lines that span
// chunks, empty lines, no final terminator, readers that return a byte at a time, half a buffer,
// data with the error, and an error mid-stream: eachLine hands out what ReadBytes returns, with
// the same numbers and error, and a line handed out is never overwritten by the next reads.
func TestEachLineReadsWhatReadBytesReads(t *testing.T) {
	defer func(n int) { lineChunk = n }(lineChunk)
	rng := rand.New(rand.NewSource(1))
	boom := errors.New("boom")
	for round := range 400 {
		lineChunk = 1 + rng.Intn(64)
		var b bytes.Buffer
		for range rng.Intn(30) {
			b.WriteString(string(bytes.Repeat([]byte{byte('a' + rng.Intn(26))}, rng.Intn(150))))
			if rng.Intn(10) > 0 {
				b.WriteByte('\n')
			}
		}
		data := b.Bytes()
		readers := map[string]func() io.Reader{
			"plain":    func() io.Reader { return bytes.NewReader(data) },
			"one byte": func() io.Reader { return iotest.OneByteReader(bytes.NewReader(data)) },
			"half":     func() io.Reader { return iotest.HalfReader(bytes.NewReader(data)) },
			"data+err": func() io.Reader { return iotest.DataErrReader(bytes.NewReader(data)) },
			"fails":    func() io.Reader { return io.MultiReader(bytes.NewReader(data[:len(data)/2]), iotest.ErrReader(boom)) },
		}
		for name, mk := range readers {
			want, wantErr := refLines(mk())
			var got []string
			var held [][]byte
			n := 0
			err := eachLine(mk(), func(num int, line []byte) error {
				n++
				if num != n {
					t.Fatalf("round %d %s: line numbered %d, want %d", round, name, num, n)
				}
				got = append(got, string(line))
				held = append(held, line)
				return nil
			})
			if !errors.Is(err, wantErr) && err != wantErr {
				t.Fatalf("round %d %s: error %v, want %v", round, name, err, wantErr)
			}
			if len(got) != len(want) {
				t.Fatalf("round %d %s: %d lines, want %d", round, name, len(got), len(want))
			}
			for i := range want {
				if got[i] != want[i] || string(held[i]) != want[i] {
					t.Fatalf("round %d %s: line %d = %q (now %q), want %q", round, name, i+1, got[i], held[i], want[i])
				}
			}
		}
	}
	// fn's error stops the reading
	stop := errors.New("stop")
	calls := 0
	if err := eachLine(bytes.NewReader([]byte("a\nb\nc\n")), func(int, []byte) error { calls++; return stop }); err != stop || calls != 1 {
		t.Errorf("fn's error: %v after %d calls", err, calls)
	}
}
