package engine

import (
	"errors"
	"fmt"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// TestParallelKeepsOrder: whatever the number of workers, done sees what each item emitted,
// item by item in feed order, and never more than the window of items is waiting.
func TestParallelKeepsOrder(t *testing.T) {
	const n = 2000
	var want []int
	for i := range n {
		for k := range i % 4 { // 0 to 3 results per item
			want = append(want, i*10+k)
		}
	}
	for _, workers := range []int{1, 2, 8} {
		var fed, finished atomic.Int64
		var got []int
		window := 5
		err := parallel(workers, window, func(put func(int)) error {
			for i := range n {
				put(i)
				fed.Add(1)
			}
			return nil
		}, func(w int, i int, emit func(int)) {
			if w < 0 || w >= max(workers, 1) {
				t.Errorf("worker number %d", w)
			}
			for k := range i % 4 {
				emit(i*10 + k)
			}
		}, func(r int) {
			if r%10 == 0 {
				finished.Add(1)
			}
			if ahead := fed.Load() - int64(r/10); ahead > int64(window+workers+1) {
				t.Errorf("%d workers: %d items fed ahead of the one done", workers, ahead)
			}
			got = append(got, r)
		})
		if err != nil || !slices.Equal(got, want) {
			t.Errorf("%d workers: error %v, %d results in order: %v", workers, err, len(got), slices.Equal(got, want))
		}
	}
	boom := errors.New("boom")
	if err := parallel(3, 2, func(put func(int)) error { put(1); return boom }, func(int, int, func(int)) {}, func(int) {}); err != boom {
		t.Errorf("feed error: %v", err)
	}
}

// TestEachIndexRunsEveryIndexOnce: every index runs once, on a worker numbered below workers,
// and the errors come back in the order of their indexes.
func TestEachIndexRunsEveryIndexOnce(t *testing.T) {
	for _, c := range []struct{ workers, n int }{{1, 0}, {1, 50}, {2, 1}, {2, 3000}, {8, 3000}, {0, 10}} {
		runs := make([]atomic.Int32, c.n)
		errs := eachIndex(c.workers, c.n, func(w, i int) error {
			if w < 0 || w >= max(c.workers, 1) {
				t.Errorf("%+v: worker number %d", c, w)
			}
			runs[i].Add(1)
			if i%7 == 3 {
				return fmt.Errorf("e%d", i)
			}
			return nil
		})
		var want []string
		for i := range c.n {
			if n := runs[i].Load(); n != 1 {
				t.Errorf("%+v: index %d ran %d times", c, i, n)
			}
			if i%7 == 3 {
				want = append(want, fmt.Sprintf("e%d", i))
			}
		}
		var got []string
		for _, err := range errs {
			got = append(got, err.Error())
		}
		if !slices.Equal(got, want) {
			t.Errorf("%+v: errors %v, want %v", c, got, want)
		}
	}
}

// TestEachIndexOrderedKeepsOrder: done sees what each index emitted, index by index in order,
// from the calling goroutine; no index is claimed more than the window past the first one not
// done, and an index waiting for its turn holds no more than heldResults results.
func TestEachIndexOrderedKeepsOrder(t *testing.T) {
	const n = 3000
	var want []int
	for i := range n {
		for k := range i % 13 { // 0 to 12 results per item: some wait for their turn
			want = append(want, i*10+k)
		}
	}
	for _, workers := range []int{1, 2, 8} {
		var claimed, handed atomic.Int64 // the highest index claimed; results handed to done
		var emitted atomic.Int64
		var got []int
		window := 5
		eachIndexOrdered(workers, n, window, func(w, i int, emit func(int)) {
			if w < 0 || w >= workers {
				t.Errorf("worker number %d", w)
			}
			for {
				c := claimed.Load()
				if int64(i) <= c || claimed.CompareAndSwap(c, int64(i)) {
					break
				}
			}
			for k := range i % 13 {
				emitted.Add(1)
				emit(i*10 + k)
			}
			if i%500 == 0 {
				time.Sleep(time.Millisecond) // let the others run ahead
			}
		}, func(r int) {
			handed.Add(1)
			if ahead := claimed.Load() - int64(r/10); ahead > int64(max(window, workers)) {
				t.Errorf("%d workers: index %d claimed while %d is handed to done", workers, claimed.Load(), r/10)
			}
			if held := emitted.Load() - handed.Load(); held > int64(max(window, workers)*heldResults+workers) {
				t.Errorf("%d workers: %d results held", workers, held)
			}
			if len(got)%300 == 0 {
				time.Sleep(100 * time.Microsecond) // a slow reporter: the workers wait
			}
			got = append(got, r)
		})
		if !slices.Equal(got, want) {
			t.Errorf("%d workers: %d results, in order: %v", workers, len(got), slices.Equal(got, want))
		}
	}
}
