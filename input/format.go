package input

import (
	"bytes"
	"compress/gzip"
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
		zr, err := gzip.NewReader(r)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		return zr, nil
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
	switch c {
	case Gzip:
		return gzip.NewWriter(w), nil
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
	if c == None {
		return data, nil
	}
	var b bytes.Buffer
	w, err := Compressor(&b, c)
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
