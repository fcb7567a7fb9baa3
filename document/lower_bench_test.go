package document

import "testing"

// BenchmarkAppendLower folds a line of news prose with curly quotes, as Feat folds every line.
func BenchmarkAppendLower(b *testing.B) {
	line := "The minister said on Friday that the “new rules” would take effect in March, after a vote in the Senate."
	buf := make([]byte, 0, 256)
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		buf, _, _ = appendLowerChanged(buf[:0], line)
	}
}
