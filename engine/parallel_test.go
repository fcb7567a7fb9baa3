package engine

import (
	"errors"
	"slices"
	"sync/atomic"
	"testing"
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
