package corpus

// hashSet is a set of 64-bit hashes by open addressing (linear probing) in 8 bytes a slot, split
// into 64 shards by the hash's top bits so that growing copies a 64th of it at a time. A Go map
// of the same keys takes 16 bytes a slot (a struct{} value pads the slot) and a control byte.
// Hashes are never removed: promoted counts how many of them have a count in Hashes since.
type hashSet struct {
	shards   [64]setShard
	n        int
	zero     bool // 0 is in the set (0 marks an empty slot)
	promoted int
}

type setShard struct {
	slots []uint64
	n     int
}

// slot is where probing for k starts in a shard of size slots (a power of two).
func slot(k uint64, size int) int {
	return int((k * 0x9E3779B97F4A7C15) >> 32 & uint64(size-1))
}

func (s *hashSet) has(k uint64) bool {
	if s == nil {
		return false
	}
	if k == 0 {
		return s.zero
	}
	sh := &s.shards[k>>58]
	if len(sh.slots) == 0 {
		return false
	}
	for i := slot(k, len(sh.slots)); ; i = (i + 1) & (len(sh.slots) - 1) {
		switch sh.slots[i] {
		case k:
			return true
		case 0:
			return false
		}
	}
}

// add puts k in the set and tells whether it was not there.
func (s *hashSet) add(k uint64) bool {
	if k == 0 {
		if s.zero {
			return false
		}
		s.zero = true
		s.n++
		return true
	}
	sh := &s.shards[k>>58]
	if (sh.n+1)*4 > len(sh.slots)*3 {
		sh.grow()
	}
	for i := slot(k, len(sh.slots)); ; i = (i + 1) & (len(sh.slots) - 1) {
		switch sh.slots[i] {
		case k:
			return false
		case 0:
			sh.slots[i] = k
			sh.n++
			s.n++
			return true
		}
	}
}

func (sh *setShard) grow() {
	old := sh.slots
	sh.slots = make([]uint64, max(16, 2*len(old)))
	// A large table comes from memory the system has not handed over yet, and the runtime
	// does not clear it: probing it (a read) would map each page to the shared zero page and
	// the first key stored there (a write) would fault again and flush the page from every
	// core. Clearing it in order faults each page in once.
	clear(sh.slots)
	for _, k := range old {
		if k == 0 {
			continue
		}
		i := slot(k, len(sh.slots))
		for sh.slots[i] != 0 {
			i = (i + 1) & (len(sh.slots) - 1)
		}
		sh.slots[i] = k
	}
}

// each calls f with every hash of the set.
func (s *hashSet) each(f func(uint64)) {
	if s == nil {
		return
	}
	if s.zero {
		f(0)
	}
	for i := range s.shards {
		for _, k := range s.shards[i].slots {
			if k != 0 {
				f(k)
			}
		}
	}
}

func (s *hashSet) len() int {
	if s == nil {
		return 0
	}
	return s.n
}
