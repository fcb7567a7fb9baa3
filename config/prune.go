package config

import (
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/lint"
)

// Prune drops from merged stats what the corpus rules say can never produce a finding under
// any settings of this configuration (through lint.Pruner, with the options of every
// variant), and marks the stats pruned. Prune only the final merge: counts added later may
// have needed what was dropped.
func (c *Config) Prune(stats *corpus.Stats) {
	opts := map[string][]any{}
	pruners := map[string]lint.Pruner{}
	for _, set := range c.Variants() {
		for _, a := range set {
			if p, ok := a.Rule.(lint.Pruner); ok {
				id := a.Rule.Meta().ID
				pruners[id] = p
				opts[id] = append(opts[id], a.Options)
			}
		}
	}
	for id, counts := range stats.Rules {
		if p, ok := pruners[id]; ok {
			p.Prune(counts, opts[id])
		}
	}
	stats.Pruned = true
}
