package corpus

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/newslint/newslint/atomicfile"
)

// magic starts the binary encoding of stats.
const magic = "NLSTATS\x00"

// Binary reports whether stats written to path use the binary encoding: files named *.bin
// do; others (*.json, standard output) get JSON, which people can read.
func Binary(path string) bool { return strings.EqualFold(filepath.Ext(path), ".bin") }

// WriteBinary serialises s compactly: after a header, varints, with keys and hashes sorted
// (hashes as deltas), so that equal stats give equal bytes.
func (s *Stats) WriteBinary(w io.Writer) error {
	s.settle()
	bw := bufio.NewWriter(w)
	var buf [binary.MaxVarintLen64]byte
	num := func(v uint64) { bw.Write(buf[:binary.PutUvarint(buf[:], v)]) }
	str := func(x string) { num(uint64(len(x))); bw.WriteString(x) }
	bw.WriteString(magic)
	num(uint64(s.Version))
	num(uint64(s.Files))
	flags := uint64(0)
	if s.Pruned {
		flags = 1
	}
	num(flags)
	ids := make([]string, 0, len(s.Rules))
	for id := range s.Rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	num(uint64(len(ids)))
	for _, id := range ids {
		c := s.Rules[id]
		str(id)
		keys := make([]string, 0, len(c.Keys))
		for k := range c.Keys {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		num(uint64(len(keys)))
		for _, k := range keys {
			str(k)
			num(uint64(c.Keys[k]))
		}
		hashes := make([]uint64, 0, len(c.Hashes))
		for h := range c.Hashes {
			hashes = append(hashes, h)
		}
		slices.Sort(hashes)
		num(uint64(len(hashes)))
		prev := uint64(0)
		for _, h := range hashes {
			num(h - prev)
			num(uint64(c.Hashes[h]))
			prev = h
		}
	}
	return bw.Flush()
}

// readBinary parses the binary encoding (after its header).
func readBinary(r *bufio.Reader) (*Stats, error) {
	var err error
	num := func() uint64 {
		if err != nil {
			return 0
		}
		var v uint64
		v, err = binary.ReadUvarint(r)
		return v
	}
	count := func() int { // a length, bounded so that a corrupt file cannot ask for huge maps
		n := num()
		if n > 1<<32 {
			err = fmt.Errorf("corrupt stats: count %d", n)
			return 0
		}
		return int(n)
	}
	str := func() string {
		n := count()
		if err != nil {
			return ""
		}
		if n > 1<<20 {
			err = fmt.Errorf("corrupt stats: key of %d bytes", n)
			return ""
		}
		b := make([]byte, n)
		_, err = io.ReadFull(r, b)
		return string(b)
	}
	s := New()
	s.Version = int(num())
	if err == nil && s.Version != Version {
		return nil, fmt.Errorf("corpus stats version %d, want %d: gather them again with this newslint (newslint stats)", s.Version, Version)
	}
	s.Files = count()
	s.Pruned = num()&1 != 0
	rules := count()
	for i := 0; i < rules && err == nil; i++ {
		c := s.For(str())
		nk := count()
		for j := 0; j < nk && err == nil; j++ {
			k := str()
			c.Keys[k] += uint32(num())
		}
		nh := count()
		h := uint64(0)
		for j := 0; j < nh && err == nil; j++ {
			h += num()
			c.Hashes[h] += uint32(num())
		}
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	if err != nil {
		return nil, fmt.Errorf("corpus stats: %v", err)
	}
	return s, nil
}

// ReadAny parses stats in either encoding, told by the header.
func ReadAny(r io.Reader) (*Stats, error) {
	br := bufio.NewReader(r)
	head, _ := br.Peek(len(magic))
	if bytes.Equal(head, []byte(magic)) {
		br.Discard(len(magic))
		return readBinary(br)
	}
	return Read(br)
}

// WriteFile writes s to path, atomically: binary for *.bin, else JSON.
func (s *Stats) WriteFile(path string) error {
	f, err := atomicfile.Create(path)
	if err != nil {
		return err
	}
	defer f.Abort()
	if Binary(path) {
		err = s.WriteBinary(f)
	} else {
		err = s.Write(f)
	}
	if err != nil {
		return err
	}
	return f.Commit()
}
