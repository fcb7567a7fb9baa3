package engine

import (
	"sort"
	"sync"
	"sync/atomic"
)

// parallel is the worker pool of the engine for items read from a stream (the records of a
// file); eachIndex and eachIndexOrdered serve a list known up front (the files of a run). feed
// hands items to put in order; workers (numbered from 0, for per-worker state) run work on them,
// and work passes what it produces to emit, as many times as it likes; done receives everything
// emitted, item by item in the order items were fed, from the calling goroutine. At most window
// items wait between the feeder and done, so memory stays bounded however many items there are.
// With one worker, everything runs on the calling goroutine. parallel returns feed's error.
func parallel[T, R any](workers, window int, feed func(put func(T)) error, work func(w int, item T, emit func(R)), done func(R)) error {
	if workers <= 1 {
		return feed(func(item T) { work(0, item, done) })
	}
	type job struct {
		item T
		out  chan R
	}
	jobs := make(chan job, max(window, 1))
	order := make(chan chan R, max(window, 1))
	var ferr error
	go func() {
		ferr = feed(func(item T) {
			out := make(chan R, 4)
			order <- out
			jobs <- job{item, out}
		})
		close(jobs)
		close(order)
	}()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				work(w, j.item, func(r R) { j.out <- r })
				close(j.out)
			}
		}()
	}
	for out := range order {
		for r := range out {
			done(r)
		}
	}
	wg.Wait()
	return ferr
}

// eachIndex runs work on the indexes 0 to n-1 with up to workers workers (numbered from 0, for
// per-worker state), in no particular order, and returns the errors work returned, in the order
// of their indexes. Workers claim the next index themselves: no goroutine hands items out, so a
// run over many small files does not pay for waking one up per file.
func eachIndex(workers, n int, work func(w, i int) error) []error {
	type indexed struct {
		i   int
		err error
	}
	var (
		next atomic.Int64
		mu   sync.Mutex
		errs []indexed
	)
	run := func(w int) {
		for {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			if err := work(w, i); err != nil {
				mu.Lock()
				errs = append(errs, indexed{i, err})
				mu.Unlock()
			}
		}
	}
	workers = max(min(workers, n), 1)
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(w)
		}()
	}
	run(0)
	wg.Wait()
	sort.Slice(errs, func(a, b int) bool { return errs[a].i < errs[b].i })
	out := make([]error, len(errs))
	for k, e := range errs {
		out[k] = e.err
	}
	return out
}

// eachIndexOrdered runs work on the indexes 0 to n-1 with up to workers workers (numbered from
// 0) and hands what work emits to done, from the calling goroutine, index by index in order. At
// most window indexes are claimed past the first one not yet done, and an index holds at most
// heldResults results until its turn comes, so memory stays bounded however many indexes there
// are. As in eachIndex, workers claim indexes themselves, and done is woken only when the index
// it waits for has something for it.
func eachIndexOrdered[R any](workers, n, window int, work func(w, i int, emit func(R)), done func(R)) {
	if workers <= 1 || n <= 1 {
		for i := range n {
			work(0, i, done)
		}
		return
	}
	window = max(window, workers)
	type slot struct {
		rs       []R
		finished bool
	}
	var (
		mu         sync.Mutex
		cond       = sync.NewCond(&mu)
		slots      = make([]slot, window)
		next, head int // the next index to claim; the first index not yet handed to done
	)
	run := func(w int) {
		for {
			mu.Lock()
			for next < n && next >= head+window {
				cond.Wait()
			}
			if next >= n {
				mu.Unlock()
				return
			}
			i := next
			next++
			mu.Unlock()
			s := &slots[i%window]
			work(w, i, func(r R) {
				mu.Lock()
				for len(s.rs) >= heldResults {
					cond.Wait()
				}
				s.rs = append(s.rs, r)
				if i == head {
					cond.Broadcast()
				}
				mu.Unlock()
			})
			mu.Lock()
			s.finished = true
			if i == head {
				cond.Broadcast()
			}
			mu.Unlock()
		}
	}
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(w)
		}()
	}
	mu.Lock()
	for head < n {
		s := &slots[head%window]
		switch {
		case len(s.rs) > 0:
			rs := s.rs
			s.rs = nil
			cond.Broadcast() // the worker may wait for room
			mu.Unlock()
			for _, r := range rs {
				done(r)
			}
			mu.Lock()
		case s.finished:
			s.finished = false
			head++
			cond.Broadcast() // a worker may wait for room in the window
		default:
			cond.Wait()
		}
	}
	mu.Unlock()
	wg.Wait()
}

// heldResults is how many results an index not yet handed to done holds before its worker waits.
const heldResults = 4
