package lint

import "github.com/newslint/newslint/corpus"

// Pruner is implemented by corpus rules whose merged counts hold entries that can never
// produce a finding (a line seen in fewer files than any threshold asks): Prune deletes them
// from c. opts are every options value the rule runs with in the run (the base settings and
// each override), so a count is kept when any of them could use it. Pruning is only for the
// final, merged counts: counts added later may have needed what was dropped.
type Pruner interface {
	Prune(c *corpus.Counts, opts []any)
}
