package rules

import "testing"

// BenchmarkBuildNames compiles the built-in list of names, as every run does once.
func BenchmarkBuildNames(b *testing.B) {
	for b.Loop() {
		if _, err := BuildNames(NamesConfig{}); err != nil {
			b.Fatal(err)
		}
	}
}
