package corpus

import (
	"math/rand/v2"
	"testing"
)

func TestHashSetIsASet(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var s hashSet
	want := map[uint64]bool{}
	for i := 0; i < 50000; i++ {
		k := r.Uint64()
		switch i % 5 {
		case 0:
			k = uint64(i % 7) // small keys, 0 among them, added again and again
		case 1:
			k = k &^ (63 << 58) // all in one shard
		}
		if got := s.add(k); got == want[k] {
			t.Fatalf("add(%d) = %v with the key already there: %v", k, got, want[k])
		}
		want[k] = true
	}
	if s.len() != len(want) {
		t.Errorf("len %d, want %d", s.len(), len(want))
	}
	seen := 0
	s.each(func(k uint64) {
		if !want[k] {
			t.Errorf("each gave %d, never added", k)
		}
		seen++
	})
	if seen != len(want) {
		t.Errorf("each gave %d hashes, want %d", seen, len(want))
	}
	for k := range want {
		if !s.has(k) {
			t.Errorf("has(%d) false after add", k)
		}
	}
	for i := 0; i < 1000; i++ {
		if k := r.Uint64() | 1<<40; !want[k] && s.has(k) {
			t.Errorf("has(%d) true, never added", k)
		}
	}
}
