package drift

import (
	"math"
	"sort"
)

// fisher returns the two-sided p-value of Fisher's exact test on the 2×2 table
//
//	a  b   (old run: documents with and without the property)
//	c  d   (new run)
//
// It sums the probabilities, under the hypergeometric law of the table with these margins, of
// every table no more probable than the one observed.
func fisher(a, b, c, d int64) float64 {
	n1, n2, k := a+b, c+d, a+c
	lo, hi := max(0, k-n2), min(k, n1)
	if lo == hi {
		return 1
	}
	logp := func(x int64) float64 {
		return lchoose(n1, x) + lchoose(n2, k-x) - lchoose(n1+n2, k)
	}
	obs := logp(a)
	p := 0.0
	for x := lo; x <= hi; x++ {
		if lp := logp(x); lp <= obs+1e-7 {
			p += math.Exp(lp)
		}
	}
	return min(1, p)
}

// fisherMin is the smallest p-value fisher can give for tables with these margins: a test that
// cannot reach the significance level is left out of the multiple-comparison family (Tarone).
func fisherMin(n1, n2, k int64) float64 {
	lo, hi := max(0, k-n2), min(k, n1)
	if lo == hi {
		return 1
	}
	return min(fisher(lo, n1-lo, k-lo, n2-k+lo), fisher(hi, n1-hi, k-hi, n2-k+hi))
}

func lchoose(n, k int64) float64 {
	a, _ := math.Lgamma(float64(n + 1))
	b, _ := math.Lgamma(float64(k + 1))
	c, _ := math.Lgamma(float64(n - k + 1))
	return a - b - c
}

// benjaminiHochberg returns the adjusted p-values (q-values) of the Benjamini-Hochberg
// procedure, which controls the false discovery rate: rejecting every test with q ≤ α expects at
// most a share α of false alarms among the alarms.
func benjaminiHochberg(p []float64) []float64 {
	m := len(p)
	idx := make([]int, m)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool { return p[idx[i]] < p[idx[j]] })
	q := make([]float64, m)
	running := 1.0
	for r := m - 1; r >= 0; r-- {
		i := idx[r]
		running = min(running, p[i]*float64(m)/float64(r+1))
		q[i] = running
	}
	return q
}

// rateTest compares the findings per document of two runs: x1 findings in n1 documents whose
// per-document counts have the sum of squares s1, and x2, n2, s2. Given the total, the new run's
// count of two Poisson processes with one rate is binomial with p = n2/(n1+n2) (the conditional
// test of two Poisson rates). Findings cluster in documents, far more than a Poisson process
// allows, so the counts are first divided by the dispersion φ ≥ 1 of the per-document counts
// around their run's mean (the Pearson estimate of a quasi-Poisson model); the test is then
// exact on the scaled counts. It returns the two-sided p-value and the smallest p-value the
// scaled total allows.
func rateTest(x1, s1, n1, x2, s2, n2 int64) (p, pmin float64) {
	phi := dispersion(x1, s1, n1, x2, s2, n2)
	k1 := int64(math.Round(float64(x1) / phi))
	k2 := int64(math.Round(float64(x2) / phi))
	pi := float64(n2) / float64(n1+n2)
	return binomTest(k2, k1+k2, pi), min(binomTest(0, k1+k2, pi), binomTest(k1+k2, k1+k2, pi))
}

// dispersion is the quasi-Poisson dispersion of per-document counts within two runs, at least 1.
func dispersion(x1, s1, n1, x2, s2, n2 int64) float64 {
	df := n1 + n2 - 2
	if df <= 0 {
		return 1
	}
	pearson := 0.0
	for _, g := range [][3]int64{{x1, s1, n1}, {x2, s2, n2}} {
		x, s, n := float64(g[0]), float64(g[1]), float64(g[2])
		if x == 0 || n == 0 {
			continue
		}
		mean := x / n
		pearson += max(0, s-n*mean*mean) / mean
	}
	return max(1, pearson/float64(df))
}

// binomTest is the two-sided exact binomial test of k successes in n trials with probability
// pi: the probability of every outcome no more probable than k.
func binomTest(k, n int64, pi float64) float64 {
	if n == 0 {
		return 1
	}
	if n > 20000 {
		// the normal approximation, with continuity correction, is exact enough here
		mean, sd := float64(n)*pi, math.Sqrt(float64(n)*pi*(1-pi))
		z := max(0, math.Abs(float64(k)-mean)-0.5) / sd
		return min(1, math.Erfc(z/math.Sqrt2))
	}
	logpmf := func(j int64) float64 {
		return lchoose(n, j) + float64(j)*math.Log(pi) + float64(n-j)*math.Log1p(-pi)
	}
	obs := logpmf(k)
	p := 0.0
	for j := int64(0); j <= n; j++ {
		if lp := logpmf(j); lp <= obs+1e-7 {
			p += math.Exp(lp)
		}
	}
	return min(1, p)
}
