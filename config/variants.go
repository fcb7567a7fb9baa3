package config

import "github.com/newslint/newslint/lint"

// Variants returns each set of rules a file can run with that differs in its settings: the
// base settings and those of each [[override]] on its own. A file matched by several overrides
// takes each setting from one of these layers, so every value a rule's option can take in
// the run appears in one of them.
func (c *Config) Variants() [][]lint.Active {
	base, _ := c.resolve(nil)
	out := [][]lint.Active{base}
	for i := range c.overrides {
		if set, err := c.resolve([]int{i}); err == nil {
			out = append(out, set)
		}
	}
	return out
}
