package engine

import "sync"

// parallel is the one worker pool of the engine. feed hands items to put in order; workers
// (numbered from 0, for per-worker state) run work on them, and work passes what it produces to
// emit, as many times as it likes; done receives everything emitted, item by item in the order
// items were fed, from the calling goroutine. At most window items wait between the feeder and
// done, so memory stays bounded however many items there are. With one worker, everything
// runs on the calling goroutine. parallel returns feed's error.
func parallel[T, R any](workers, window int, feed func(put func(T)) error, work func(w int, item T, emit func(R)), done func(R)) error {
	if workers <= 1 {
		return feed(func(item T) { work(0, item, done) })
	}
	type job struct {
		item T
		out  chan R
	}
	jobs := make(chan job)
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
