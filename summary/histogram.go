package summary

import (
	"encoding/json"
	"fmt"
	"math"
	"sort"
)

// Histogram counts non-negative lengths in fixed buckets whose bounds grow geometrically: the
// first bucket holds [0, 16), and each later bucket is 2^(1/4) (about 19%) wider than the one
// before, up to 16.7 million. Fixed bounds make histograms merge by adding bucket counts, and a
// quantile read from one is within a bucket's width (under 19%) of the exact value.
type Histogram struct {
	counts [numBuckets]int64
	// Median is the estimated median (derived).
	Median float64
}

const numBuckets = 82

// bucketLow holds the lower bound of each bucket.
var bucketLow = func() [numBuckets]int {
	var b [numBuckets]int
	for i := 1; i < numBuckets; i++ {
		b[i] = int(math.Round(16 * math.Pow(2, float64(i-1)/4)))
	}
	return b
}()

func bucketOf(n int) int {
	if n < 0 {
		n = 0
	}
	return sort.Search(numBuckets, func(i int) bool { return bucketLow[i] > n }) - 1
}

// Add counts one value.
func (h *Histogram) Add(n int) { h.counts[bucketOf(n)]++ }

// Merge adds o's counts.
func (h *Histogram) Merge(o *Histogram) {
	for i, c := range o.counts {
		h.counts[i] += c
	}
}

// Total is the number of values counted.
func (h *Histogram) Total() int64 {
	var t int64
	for _, c := range h.counts {
		t += c
	}
	return t
}

// Quantile estimates the q-quantile (0 ≤ q ≤ 1) by interpolating within the bucket that holds it;
// 0 when the histogram is empty.
func (h *Histogram) Quantile(q float64) float64 {
	n := h.Total()
	if n == 0 {
		return 0
	}
	rank := q * float64(n-1) // position among the sorted values, from 0
	var cum int64
	for i, c := range h.counts {
		if c == 0 || float64(cum+c) <= rank {
			cum += c
			continue
		}
		lo := float64(bucketLow[i])
		hi := lo * math.Pow(2, 0.25)
		if i+1 < numBuckets {
			hi = float64(bucketLow[i+1])
		}
		frac := (rank - float64(cum) + 0.5) / float64(c)
		return math.Round(lo + (hi-lo)*frac)
	}
	return float64(bucketLow[numBuckets-1])
}

// Buckets returns the non-empty buckets as (lower bound, count) pairs in increasing order.
func (h *Histogram) Buckets() [][2]int64 {
	var out [][2]int64
	for i, c := range h.counts {
		if c > 0 {
			out = append(out, [2]int64{int64(bucketLow[i]), c})
		}
	}
	return out
}

// BelowCount counts the values in the buckets wholly below the bucket that holds x, and
// returns the bound those buckets end at: the exact count of values below that bound.
func (h *Histogram) BelowCount(x float64) (int64, int) {
	b := bucketOf(int(x))
	var n int64
	for i := 0; i < b; i++ {
		n += h.counts[i]
	}
	return n, bucketLow[b]
}

type histogramJSON struct {
	Median float64 `json:"median"`
	// Buckets are [lower bound, count] pairs of the non-empty buckets.
	Buckets [][2]int64 `json:"buckets"`
}

// MarshalJSON writes the median and the non-empty buckets.
func (h Histogram) MarshalJSON() ([]byte, error) {
	b := h.Buckets()
	if b == nil {
		b = [][2]int64{}
	}
	return json.Marshal(histogramJSON{Median: h.Quantile(0.5), Buckets: b})
}

// UnmarshalJSON reads what MarshalJSON wrote; bucket bounds must be those of Histogram.
func (h *Histogram) UnmarshalJSON(data []byte) error {
	var j histogramJSON
	if err := json.Unmarshal(data, &j); err != nil {
		return err
	}
	*h = Histogram{}
	for _, b := range j.Buckets {
		i := sort.SearchInts(bucketLow[:], int(b[0]))
		if i >= numBuckets || int64(bucketLow[i]) != b[0] {
			return fmt.Errorf("histogram bucket bound %d is not one of newslint's", b[0])
		}
		if b[1] < 0 {
			return fmt.Errorf("histogram bucket %d has a negative count", b[0])
		}
		h.counts[i] += b[1]
	}
	return nil
}
