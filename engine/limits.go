package engine

import (
	"bytes"
	"errors"
	"fmt"
	"io"
)

// ErrDecompressedTooLarge is reported for files whose content, once decompressed, is over
// --max-file-size, and for JSON Lines records (lines) over it.
var ErrDecompressedTooLarge = errors.New("larger than --max-file-size once decompressed")

// workers is how many goroutines lint the units of one file: one for a plain file, --jobs for
// the records of a JSON Lines or JSON file.
func (o Options) recordWorkers(whole bool) int {
	if whole {
		return 1
	}
	return o.jobs()
}

// capped fails a read once more than limit bytes came through: a small compressed file that
// expands without end is stopped after limit bytes, not after it filled memory.
type capped struct {
	r     io.Reader
	limit int64
	n     int64
	what  string
}

func (c *capped) Read(p []byte) (int, error) {
	if c.n > c.limit {
		return 0, c.err()
	}
	if int64(len(p)) > c.limit-c.n+1 {
		p = p[:c.limit-c.n+1]
	}
	n, err := c.r.Read(p)
	c.n += int64(n)
	if c.n > c.limit {
		return 0, c.err()
	}
	return n, err
}

func (c *capped) err() error {
	return fmt.Errorf("%s is %w (%d bytes)", c.what, ErrDecompressedTooLarge, c.limit)
}

// cappedLines fails a read once one line (a JSON Lines record) is longer than limit bytes, so
// that one huge record cannot take the memory of the whole run; the file itself may be of any
// size.
type cappedLines struct {
	r     io.Reader
	limit int64
	run   int64 // bytes since the last newline
}

func (c *cappedLines) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	rest := p[:n]
	for {
		i := bytes.IndexByte(rest, '\n')
		if i < 0 {
			c.run += int64(len(rest))
			break
		}
		if c.run+int64(i) > c.limit {
			return 0, c.err()
		}
		c.run = 0
		rest = rest[i+1:]
	}
	if c.run > c.limit {
		return 0, c.err()
	}
	return n, err
}

func (c *cappedLines) err() error {
	return fmt.Errorf("a record is %w (%d bytes)", ErrDecompressedTooLarge, c.limit)
}

// ioErrors keeps the first error of reading a file itself (not of decompressing or parsing
// it): the corpus pass fails on those, since a file it could not read would be linted with
// counts that lack it.
type ioErrors struct {
	r   io.Reader
	err error
}

func (e *ioErrors) Read(p []byte) (int, error) {
	n, err := e.r.Read(p)
	if err != nil && err != io.EOF && e.err == nil {
		e.err = err
	}
	return n, err
}

// readCloser reads from one reader and closes another (the decompressor under a cap).
type readCloser struct {
	io.Reader
	c io.Closer
}

func (r readCloser) Close() error { return r.c.Close() }
