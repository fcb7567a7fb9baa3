package pipeline

import (
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/lint"
)

// Prune drops from merged stats what the corpus rules of cfg say can never produce a finding
// under any of its settings, and marks the stats pruned.
func Prune(cfg *config.Config, stats *corpus.Stats) {
	opts := map[string][]any{}
	pruners := map[string]lint.Pruner{}
	for _, set := range cfg.Variants() {
		for _, a := range set {
			if p, ok := a.Rule.(lint.Pruner); ok {
				id := a.Rule.Meta().ID
				pruners[id] = p
				opts[id] = append(opts[id], a.Options)
			}
		}
	}
	for id, c := range stats.Rules {
		if p, ok := pruners[id]; ok {
			p.Prune(c, opts[id])
		}
	}
	stats.Pruned = true
}
