package cli

import (
	"flag"
	"fmt"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/newslint/newslint/config"
)

// closest returns the candidate nearest to name by edit distance, if it is near enough to be
// what was meant (at most a third of the name's length, and at least one edit).
func closest(name string, candidates []string) (string, bool) {
	best, bestD := "", 1<<30
	for _, c := range candidates {
		if d := levenshtein.ComputeDistance(strings.ToLower(name), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best == "" || bestD > max(1, len(name)/3) {
		return "", false
	}
	return best, true
}

// flagHint is " (did you mean --X?)" for an unknown-flag error close to a defined flag.
func flagHint(fs *flag.FlagSet, err error) string {
	msg := err.Error()
	const prefix = "flag provided but not defined: -"
	if !strings.HasPrefix(msg, prefix) {
		return ""
	}
	name := strings.TrimLeft(strings.TrimPrefix(msg, prefix), "-")
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	if c, ok := closest(name, names); ok {
		return fmt.Sprintf(" (did you mean --%s?)", c)
	}
	return ""
}

// checkRuleIDs rejects unknown rule IDs in --select and --ignore, suggesting the closest one.
func checkRuleIDs(cfg *config.Config, o *options) error {
	for _, f := range []struct{ flag, list string }{{"--select", o.selectRules}, {"--ignore", o.ignoreRules}} {
		for _, id := range splitList(f.list) {
			if _, ok := cfg.Rule(id); !ok {
				return fmt.Errorf("%s: %s", f.flag, unknownRule(cfg, id))
			}
		}
	}
	return nil
}

func unknownRule(cfg *config.Config, id string) string {
	if c, ok := closest(id, cfg.IDs()); ok {
		return fmt.Sprintf("unknown rule %q (did you mean %s? see 'newslint rules')", id, c)
	}
	return fmt.Sprintf("unknown rule %q (see 'newslint rules')", id)
}
