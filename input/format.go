package input

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/klauspost/compress/zstd"
)

// Kind is how a file holds its documents.
type Kind int

// File kinds.
const (
	// Text is one document per file (.txt, .md and anything else).
	Text Kind = iota
	// JSONLines holds one JSON object per line (.jsonl, .ndjson), the text in a field.
	JSONLines
	// JSONArray holds an array of JSON objects (.json), the text in a field.
	JSONArray
)

// Compression of a file, by its last extension.
type Compression int

// Compressions.
const (
	None Compression = iota
	Gzip
	Zstd
)

// KindOf tells a file's kind and compression from its name: "a.jsonl.gz" is gzip-compressed
// JSON Lines.
func KindOf(name string) (Kind, Compression) {
	low := strings.ToLower(name)
	c := None
	switch {
	case strings.HasSuffix(low, ".gz"):
		c, low = Gzip, strings.TrimSuffix(low, ".gz")
	case strings.HasSuffix(low, ".zst"):
		c, low = Zstd, strings.TrimSuffix(low, ".zst")
	}
	switch {
	case strings.HasSuffix(low, ".jsonl") || strings.HasSuffix(low, ".ndjson"):
		return JSONLines, c
	case strings.HasSuffix(low, ".json"):
		return JSONArray, c
	}
	return Text, c
}

// Decompress returns a reader of the uncompressed content.
func Decompress(r io.Reader, c Compression) (io.ReadCloser, error) {
	switch c {
	case Gzip:
		return newGzipReader(r)
	case Zstd:
		zr, err := zstd.NewReader(r, zstd.WithDecoderConcurrency(1), zstd.WithDecoderLowmem(true))
		if err != nil {
			return nil, fmt.Errorf("zstd: %w", err)
		}
		return zr.IOReadCloser(), nil
	}
	return io.NopCloser(r), nil
}

// Compressor wraps w so that what is written to it is compressed with c.
func Compressor(w io.Writer, c Compression) (io.WriteCloser, error) {
	return CompressorLike(w, c, nil)
}

// CompressorLike is Compressor keeping what the original file's header recorded (a gzip
// file's name, time and comment), from the reader Decompress returned for it.
func CompressorLike(w io.Writer, c Compression, from io.Reader) (io.WriteCloser, error) {
	switch c {
	case Gzip:
		zw := gzip.NewWriter(w)
		if g, ok := from.(*gzipReader); ok {
			zw.Header = g.header
		}
		return zw, nil
	case Zstd:
		return zstd.NewWriter(w, zstd.WithEncoderConcurrency(1))
	}
	return nopWriteCloser{w}, nil
}

type nopWriteCloser struct{ io.Writer }

func (nopWriteCloser) Close() error { return nil }

// DecompressAll decompresses a whole buffer.
func DecompressAll(raw []byte, c Compression) ([]byte, error) {
	if c == None {
		return raw, nil
	}
	r, err := Decompress(bytes.NewReader(raw), c)
	if err != nil {
		return nil, err
	}
	defer r.Close()
	return io.ReadAll(r)
}

// CompressAll compresses a whole buffer.
func CompressAll(data []byte, c Compression) ([]byte, error) {
	return CompressAllLike(data, c, nil)
}

// CompressAllLike compresses a whole buffer, keeping the header of orig, the compressed file
// it replaces (see CompressorLike).
func CompressAllLike(data []byte, c Compression, orig []byte) ([]byte, error) {
	if c == None {
		return data, nil
	}
	var from io.Reader
	if c == Gzip && orig != nil {
		if g, err := newGzipReader(bytes.NewReader(orig)); err == nil {
			from = g
		}
	}
	var b bytes.Buffer
	w, err := CompressorLike(&b, c, from)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(data); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// gzipReader reads a gzip file as gzip(1) does: member after member, and zero bytes padding the
// end (as tape and block writers leave them) are accepted.
type gzipReader struct {
	br     *bufio.Reader
	zr     *gzip.Reader
	header gzip.Header // of the first member
	done   bool
}

func newGzipReader(r io.Reader) (*gzipReader, error) {
	br := bufio.NewReader(r)
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, gzipError(err)
	}
	zr.Multistream(false)
	return &gzipReader{br: br, zr: zr, header: zr.Header}, nil
}

// gzipError says "gzip:" once: compress/gzip's own errors already start with it.
func gzipError(err error) error {
	switch {
	case err == io.EOF:
		return errors.New("gzip: empty file")
	case strings.HasPrefix(err.Error(), "gzip:"):
		return err
	}
	return fmt.Errorf("gzip: %w", err)
}

func (g *gzipReader) Read(p []byte) (int, error) {
	for {
		if g.done {
			return 0, io.EOF
		}
		n, err := g.zr.Read(p)
		if n > 0 || err != io.EOF {
			if err == io.EOF {
				err = nil // the end of the member is handled by the next call
			}
			if err != nil {
				err = gzipError(err)
			}
			return n, err
		}
		// the end of a member: the end of the file, zero padding, or another member
		b, err := g.br.ReadByte()
		if err == io.EOF {
			g.done = true
			continue
		}
		if err != nil {
			return 0, err
		}
		if b == 0 {
			for {
				b, err = g.br.ReadByte()
				if err == io.EOF {
					g.done = true
					break
				}
				if err != nil {
					return 0, err
				}
				if b != 0 {
					return 0, errors.New("gzip: data after the zero padding at the end")
				}
			}
			continue
		}
		g.br.UnreadByte()
		if err := g.zr.Reset(g.br); err != nil {
			return 0, errors.New("gzip: data after the compressed stream is neither another gzip member nor zero padding")
		}
		g.zr.Multistream(false)
	}
}

func (g *gzipReader) Close() error { return g.zr.Close() }
