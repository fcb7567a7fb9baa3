package cli

import (
	"fmt"
	"sort"
	"strings"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/input"
)

// warnEmpty warns about the directories given that held no file to lint, naming the include
// globs that matched nothing there and the kinds of files that were skipped, and reports
// whether the run must fail for it: when nothing at all is linted, unless --allow-empty. Files
// named on the command line and left out by --force-exclude are no cause for a warning (that is
// what pre-commit hooks ask for).
func warnEmpty(o *options, cfg *config.Config, w input.Walk, env Env) bool {
	var empty []input.Root
	for _, r := range w.Roots {
		if r.Dir && r.Files == 0 {
			empty = append(empty, r)
		}
	}
	if len(empty) == 0 {
		return false
	}
	for _, r := range empty {
		fmt.Fprintf(env.Stderr, "newslint: warning: %s: no file to lint: %s\n", r.Path, emptyReason(cfg, r))
	}
	if len(w.Files) > 0 || o.ux.allowEmpty {
		return false
	}
	fmt.Fprintf(env.Stderr, "newslint: no files to lint; name the files, change [files] include in %s, or pass --allow-empty to accept an empty run\n", configName(cfg))
	return true
}

func emptyReason(cfg *config.Config, r input.Root) string {
	var b strings.Builder
	fmt.Fprintf(&b, "the include globs %s matched nothing", quoteList(cfg.Files.Include))
	if len(r.Skipped) > 0 {
		kinds := make([]string, 0, len(r.Skipped))
		total := 0
		for k, n := range r.Skipped {
			kinds = append(kinds, k)
			total += n
		}
		sort.Slice(kinds, func(i, j int) bool {
			if r.Skipped[kinds[i]] != r.Skipped[kinds[j]] {
				return r.Skipped[kinds[i]] > r.Skipped[kinds[j]]
			}
			return kinds[i] < kinds[j]
		})
		var parts []string
		for i, k := range kinds {
			if i == 5 {
				parts = append(parts, "…")
				break
			}
			parts = append(parts, fmt.Sprintf("%d %s", r.Skipped[k], k))
		}
		fmt.Fprintf(&b, " among its %s (%s)", plural(total, "other file", "other files"), strings.Join(parts, ", "))
		if _, ok := r.Skipped[".json"]; ok {
			b.WriteString(`; add "**/*.json" to [files] include to lint JSON arrays`)
		}
	}
	if r.Excluded > 0 {
		fmt.Fprintf(&b, "; %s left out by exclude globs or .gitignore (--no-ignore lints ignored files)", plural(r.Excluded, "file", "files"))
	}
	return b.String()
}

func quoteList(globs []string) string {
	if len(globs) == 0 {
		return "(none)"
	}
	q := make([]string, len(globs))
	for i, g := range globs {
		q[i] = fmt.Sprintf("%q", g)
	}
	if len(q) > 6 {
		q = append(q[:6], fmt.Sprintf("and %d more", len(globs)-6))
	}
	return strings.Join(q, ", ")
}

func configName(cfg *config.Config) string {
	if cfg.Path == "" || cfg.Path == "(defaults)" {
		return "a new " + config.FileName + " ('newslint init' writes one)"
	}
	return cfg.Path
}
