package engine

import (
	"cmp"
	"io"
	"runtime/debug"
	"slices"
	"sync"
	"unsafe"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/input"
)

// The corpus pass keeps the content of small plain text files it read for the checking pass
// that follows with its statistics, so that a run opens and reads each of them once: on many
// small files, opening and reading them twice was a third of a run. What it keeps is bounded
// (readCacheBudget, counting each entry's own cost), so memory does not grow with the corpus;
// larger files, compressed files and files of records are read again. Runs that fix or diff
// always read the files afresh: what they write must be what is on disk.
//
// The budget also gives way to what a run over many files holds for its whole length (the list
// of files, their paths, the screen log): a cache that filled the heap up to the soft memory
// limit made the collector run back to back (a million small files: a hundred collections in
// two seconds) to save re-reading a small share of the corpus.
const (
	readCacheBudget  = 32 << 20
	readCacheMaxFile = 64 << 10
	// readCacheEntry is about what one entry costs besides its content (map slot, headers).
	readCacheEntry = 96
	// readCacheGiveUp: once the corpus pass has offered this many times the budget, the cache
	// is emptied and keeps nothing more. It would save re-reading a small share of such a
	// corpus, while holding its whole budget through the rest of the corpus pass, when the
	// counts are largest.
	readCacheGiveUp = 4
	// readCacheMin: a smaller budget is not worth keeping a cache for
	readCacheMin = 1 << 20
)

// readCacheBudgetFor is the budget of a corpus pass over files under the soft memory limit
// limit: at most readCacheBudget, and at most half of what three quarters of the limit leave
// when the files' list, their paths and the screen log are counted (0: keep nothing).
func readCacheBudgetFor(files []input.File, limit int64) int64 {
	held := int64(len(files)) * int64(unsafe.Sizeof(input.File{})+unsafe.Sizeof(screenedFile{}))
	for i := range files {
		held += int64(len(files[i].Path()))
	}
	budget := min((limit/4*3-held)/2, readCacheBudget)
	if budget < readCacheMin {
		return 0
	}
	return budget
}

// readCache holds the content of files the corpus pass read, by their index in its list of
// files: a list appended to while the corpus pass runs and sorted once when the checking pass
// first takes from it. A map of paths cost a hash and a comparison of the path for every file
// of both passes (on 15,000 short wire stories, 1.5% of a run), and a map of indexes still a
// growing table. A checking pass over another list of files rekeys the cache (rekey).
type readCache struct {
	mu     sync.Mutex
	files  []cachedFile
	sorted bool // files is in the order of idx
	budget int64
	used   int64
	// offered is the cost of every content offered, kept or not.
	offered int64
}

type cachedFile struct {
	idx     int
	content []byte // nil once taken
}

func newReadCache(budget int64) *readCache {
	return &readCache{budget: budget}
}

// put keeps the content of file idx if it is small and the budget allows, and reports whether
// it did.
func (c *readCache) put(idx int, content []byte) bool {
	if c == nil || len(content) > readCacheMaxFile || c.budget == 0 {
		return false
	}
	cost := int64(cap(content)) + readCacheEntry
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.offered += cost; c.offered > readCacheGiveUp*c.budget {
		if c.used <= c.budget {
			c.files, c.used = nil, c.budget+1 // nothing fits any more
		}
		return false
	}
	if c.used+cost > c.budget {
		return false
	}
	c.files = append(c.files, cachedFile{idx, content})
	c.sorted = false
	c.used += cost
	return true
}

// putRead is put for the content of a plain file in a buffer that readWhole took (readBuf).
// The buffers of readBuf are about the size of their content, so the cache keeps the buffer
// itself; one much larger (a file that shrank while it was read) is kept in a copy. A buffer
// the cache does not keep goes back for reuse.
func (c *readCache) putRead(idx int, content []byte) {
	kept := content
	if cap(content) > len(content)+len(content)/4+readBufMin {
		kept = append([]byte(nil), content...)
	}
	if c.put(idx, kept) && &kept[:1][0] == &content[:1][0] {
		return
	}
	recycleRead(content)
}

// take returns and forgets the content kept for file idx.
func (c *readCache) take(idx int) ([]byte, bool) {
	if c == nil {
		return nil, false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.sorted {
		slices.SortStableFunc(c.files, func(a, b cachedFile) int { return cmp.Compare(a.idx, b.idx) })
		c.sorted = true
	}
	k, _ := slices.BinarySearchFunc(c.files, idx, func(f cachedFile, idx int) int { return cmp.Compare(f.idx, idx) })
	// the first entry of idx not taken yet (a file kept again after it was taken, or two files
	// of one path that rekey filed under one index, have several)
	for ; k < len(c.files) && c.files[k].idx == idx; k++ {
		if b := c.files[k].content; b != nil {
			c.files[k].content = nil // the checking pass holds it now; the cache lets it go
			return b, true
		}
	}
	return nil, false
}

// rekey makes a cache kept by the indexes of from (the corpus pass's list of files, which no
// one changes after the pass) one kept by those of to, for a checking pass over other files
// than the corpus pass's (a run over the files that changed counts them all): a file of from
// that to holds is found under its (first) index in to; the others are dropped.
func (c *readCache) rekey(from, to []input.File) {
	if c == nil || len(c.files) == 0 {
		return
	}
	at := make(map[string]int, len(to))
	for i := len(to) - 1; i >= 0; i-- {
		at[to[i].Path()] = i
	}
	kept := c.files[:0]
	for _, f := range c.files {
		if j, ok := at[from[f.idx].Path()]; ok && f.content != nil {
			kept = append(kept, cachedFile{j, f.content})
		}
	}
	clear(c.files[len(kept):]) // keeps no dropped content alive
	c.files, c.sorted = kept, false
}

// lastGathered is the cache of the last corpus pass, with the statistics it produced: a
// checking pass run with exactly those statistics takes it (once).
var lastGathered struct {
	sync.Mutex
	stats *corpus.Stats
	cache *readCache
	// files the corpus pass went over with the rules of src, and the screen log of a one-pass
	// run (or nil)
	files []input.File
	src   RuleSource
	log   *screenLog
}

// keepReads makes the corpus pass of opts over files keep what it reads, when the run reads
// files only.
func keepReads(opts *Options, files []input.File) {
	if opts.Fix || opts.Diff || opts.gatherEach != nil {
		return
	}
	// a cache with no budget keeps nothing, and still marks the run as one that only reads
	opts.keep = newReadCache(readCacheBudgetFor(files, debug.SetMemoryLimit(-1)))
}

// offerReads hands the cache of a corpus pass over files, and its screen log, to the checking
// pass that will use its stats.
func offerReads(stats *corpus.Stats, c *readCache, src RuleSource, files []input.File, log *screenLog) {
	lastGathered.Lock()
	defer lastGathered.Unlock()
	if lastGathered.log != nil {
		lastGathered.log.close()
	}
	lastGathered.stats, lastGathered.cache, lastGathered.src, lastGathered.files, lastGathered.log = stats, c, src, files, log
}

// claimReads returns the cache the corpus pass kept for a checking pass with opts, if any, and
// the screen log when the checking pass goes over the same files, in the same order, with the
// same rules.
func claimReads(opts Options, src RuleSource, files []input.File) (*readCache, *screenLog) {
	if opts.Fix || opts.Diff || opts.Corpus == nil {
		return nil, nil
	}
	lastGathered.Lock()
	defer lastGathered.Unlock()
	if lastGathered.stats != opts.Corpus {
		return nil, nil
	}
	c, log := lastGathered.cache, lastGathered.log
	same := sameFiles(files, lastGathered.files)
	if log != nil && (log.broken || !sameSource(src, lastGathered.src) || !same) {
		log.close()
		log = nil
	}
	if !same {
		c.rekey(lastGathered.files, files)
	}
	lastGathered.stats, lastGathered.cache, lastGathered.src, lastGathered.files, lastGathered.log = nil, nil, nil, nil, nil
	return c, log
}

// sameSource reports whether a and b are the same rule source (false when they cannot be compared).
func sameSource(a, b RuleSource) (same bool) {
	defer func() {
		if recover() != nil {
			same = false
		}
	}()
	return a == b
}

// sameFiles reports whether a and b name the same files in the same order.
func sameFiles(a, b []input.File) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Path() != b[i].Path() || a[i].Rel() != b[i].Rel() || a[i].Group() != b[i].Group() {
			return false
		}
	}
	return true
}

// readBufs holds buffers that plain files were read into, given back once their content was
// screened (recycleRead), for the files read after them: on many small files, allocating (and
// zeroing) a buffer per file was a fifth of what a run allocated. Pool k holds buffers of at
// least readBufSize(k) bytes; the sizes grow by a quarter or less from one pool to the next, so
// a buffer is never much larger than its content and the read cache can keep it as it is.
var readBufs [readBufClasses]sync.Pool // *[]byte

const (
	readBufMin     = 512
	readBufClasses = 4 * 10 // up to 448 KiB
)

// readBufSize is the size of the buffers of pool k: readBufMin times 1, 1.25, 1.5, 1.75, 2,
// 2.5 and so on.
func readBufSize(k int) int { return readBufMin * (4 + k%4) << (k / 4) / 4 }

// readBuf returns an empty buffer of at least n bytes: a reused one, or a new one of its pool's
// size.
func readBuf(n int) []byte {
	if n > readBufSize(readBufClasses-1) {
		return make([]byte, 0, n)
	}
	k := 0
	for readBufSize(k) < n {
		k++
	}
	if p, ok := readBufs[k].Get().(*[]byte); ok {
		return (*p)[:0]
	}
	return make([]byte, 0, readBufSize(k))
}

// recycleRead gives back a buffer of readBuf that nothing uses any more.
func recycleRead(b []byte) {
	if testHookRecycle != nil {
		testHookRecycle(b)
	}
	if cap(b) < readBufMin || cap(b) > readBufSize(readBufClasses-1) {
		return
	}
	k := readBufClasses - 1
	for readBufSize(k) > cap(b) {
		k--
	}
	b = b[:0]
	readBufs[k].Put(&b)
}

// testHookRecycle, when set, sees each buffer given back (tests overwrite it, to show that
// nothing still reads it).
var testHookRecycle func([]byte)

// readWhole reads all of r into one buffer (readBuf). size >= 0 is r's exact size: reading that
// many bytes reads all of it, without the read that meets the end (a system call per file on many
// small files); size < 0 is a hint, -size-1 bytes.
func readWhole(r io.Reader, size int64) ([]byte, error) {
	exact := size >= 0
	hint := size
	if !exact {
		hint = -size - 1
	}
	if hint <= 0 || hint > 1<<30 {
		return io.ReadAll(r)
	}
	b := readBuf(int(hint) + 1) // +1: the read that meets the end needs no larger buffer
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err == io.EOF {
			return b, nil
		}
		if err != nil {
			return b, err
		}
		if exact && int64(len(b)) == hint {
			return b, nil
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}
