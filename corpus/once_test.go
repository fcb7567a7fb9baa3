package corpus

import (
	"bytes"
	"reflect"
	"testing"
)

// counted adds each hash of seq to fresh stats of rule "t" through AddHash.
func counted(seq ...uint64) *Stats {
	s := New()
	for _, k := range seq {
		s.For("t").AddHash(k)
	}
	return s
}

func TestAddHashCountsSinglesApart(t *testing.T) {
	s := counted(1, 2, 2, 3, 3, 3, 4)
	c := s.Of("t")
	want := map[uint64]uint32{1: 1, 2: 2, 3: 3, 4: 1, 5: 0}
	for k, n := range want {
		if got := c.Hash(k); got != n {
			t.Errorf("Hash(%d) = %d, want %d", k, got, n)
		}
	}
	if c.Singles() != 2 || len(c.Hashes) != 2 || s.Size() != 4 {
		t.Errorf("%d singles, %d counts, size %d; want 2, 2, 4", c.Singles(), len(c.Hashes), s.Size())
	}
}

// TestAddHashesIsAddHashEach: counting hashes together counts what counting each does.
func TestAddHashesIsAddHashEach(t *testing.T) {
	seq := []uint64{1, 2, 2, 3, 3, 3, 4, 9, 1}
	for cut := 0; cut <= len(seq); cut++ {
		s := New()
		s.For("t").AddHashes(seq[:cut])
		s.For("t").AddHashes(seq[cut:])
		whole, c := counted(seq...).Of("t"), s.Of("t")
		for k := uint64(0); k <= 10; k++ {
			if got, want := c.Hash(k), whole.Hash(k); got != want {
				t.Errorf("cut %d: Hash(%d) = %d, want %d", cut, k, got, want)
			}
		}
		if c.Singles() != whole.Singles() || len(c.Hashes) != len(whole.Hashes) {
			t.Errorf("cut %d: %d singles, %d counts; want %d, %d", cut, c.Singles(), len(c.Hashes), whole.Singles(), len(whole.Hashes))
		}
	}
}

func TestMergeOfSinglesEqualsOneCount(t *testing.T) {
	// split one sequence between two parts in every way: the merge counts as one part would
	seq := []uint64{7, 8, 7, 9, 8, 7, 10, 11, 11}
	whole := counted(seq...)
	for cut := 0; cut <= len(seq); cut++ {
		a, b := counted(seq[:cut]...), counted(seq[cut:]...)
		for _, order := range [][2]*Stats{{a, b}, {counted(seq[cut:]...), counted(seq[:cut]...)}} {
			dst, src := order[0], order[1]
			dst.Merge(src)
			for _, k := range []uint64{7, 8, 9, 10, 11, 12} {
				if got, want := dst.Of("t").Hash(k), whole.Of("t").Hash(k); got != want {
					t.Errorf("cut %d: Hash(%d) = %d, want %d", cut, k, got, want)
				}
			}
			if dst.Size() != whole.Size() {
				t.Errorf("cut %d: size %d, want %d", cut, dst.Size(), whole.Size())
			}
		}
	}
}

func TestWriteSettlesSingles(t *testing.T) {
	for _, binary := range []bool{false, true} {
		s := counted(5, 6, 6)
		var b bytes.Buffer
		var err error
		if binary {
			err = s.WriteBinary(&b)
		} else {
			err = s.Write(&b)
		}
		if err != nil {
			t.Fatal(err)
		}
		back, err := ReadAny(&b)
		if err != nil {
			t.Fatal(err)
		}
		if want := map[uint64]uint32{5: 1, 6: 2}; !reflect.DeepEqual(back.Of("t").Hashes, want) {
			t.Errorf("binary %v: read back %v, want %v", binary, back.Of("t").Hashes, want)
		}
	}
}

func TestSharedPartsCountAsOne(t *testing.T) {
	seq := []uint64{1, 2, 2, 3, 3, 3, 4, 5, 5}
	whole := counted(seq...)
	whole.For("t").Keys["dir"] = uint32(len(seq))
	parts := Shared(2)
	done := make(chan bool)
	for w, p := range parts {
		go func() {
			for i, k := range seq {
				if i%2 != w {
					continue
				}
				if i%3 == 0 { // through counts of its own merged in, as the records of a file are
					o := New()
					o.For("t").AddHash(k)
					o.For("t").Keys["dir"]++
					p.Merge(o)
					continue
				}
				if i%3 == 1 { // through the lock taken once for a document's hashes
					p.For("t").AddHashes([]uint64{k})
				} else {
					p.For("t").AddHash(k)
				}
				p.For("t").Keys["dir"]++
			}
			done <- true
		}()
	}
	<-done
	<-done
	parts[0].Merge(parts[1])
	parts[0].Detach()
	got := parts[0].Of("t")
	for _, k := range []uint64{1, 2, 3, 4, 5, 6} {
		if got.Hash(k) != whole.Of("t").Hash(k) {
			t.Errorf("Hash(%d) = %d, want %d", k, got.Hash(k), whole.Of("t").Hash(k))
		}
	}
	if got.Keys["dir"] != uint32(len(seq)) || parts[0].Size() != whole.Size() {
		t.Errorf("keys %v, size %d; want %d, %d", got.Keys, parts[0].Size(), len(seq), whole.Size())
	}
}
