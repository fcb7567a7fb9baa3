package rules

import "github.com/newslint/newslint/corpus"

// Prune implements lint.Pruner: a line held by fewer files than the lowest min_files can never
// be furniture. Directory sizes are kept (min_share divides by them).
func (r TemplateLine) Prune(c *corpus.Counts, opts []any) {
	least := 0
	for _, o := range opts {
		if to, ok := o.(*templateOptions); ok && (least == 0 || to.MinFiles < least) {
			least = to.MinFiles
		}
	}
	if least == 0 {
		least = r.NewOptions().(*templateOptions).MinFiles
	}
	if least > 1 {
		c.DropSingles()
	} else {
		c.Settle()
	}
	// the survivors go into a map of their own size: deleting leaves a map as large as it was
	kept := 0
	for _, n := range c.Hashes {
		if int(n) >= least {
			kept++
		}
	}
	hashes := make(map[uint64]uint32, kept)
	for k, n := range c.Hashes {
		if int(n) >= least {
			hashes[k] = n
		}
	}
	c.Hashes = hashes
}

// Prune implements lint.Pruner: a word used in fewer files than the lowest corpus_files never
// counts as a word of the run.
func (r GluedWord) Prune(c *corpus.Counts, opts []any) {
	least := 0
	for _, o := range opts {
		if g, ok := o.(*gluedOptions); ok && (least == 0 || g.CorpusFiles < least) {
			least = g.CorpusFiles
		}
	}
	if least == 0 {
		least = r.NewOptions().(*gluedOptions).CorpusFiles
	}
	keys := map[string]uint32{}
	for k, n := range c.Keys {
		if int(n) >= least {
			keys[k] = n
		}
	}
	c.Keys = keys
}
