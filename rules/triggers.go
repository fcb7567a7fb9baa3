package rules

import "sort"

// TriggerLiterals returns the literal strings the built-in rules look for (labels, furniture,
// widget phrases, caption and byline keys, name spellings), for comparing newslint with a plain
// multi-literal search in benchmarks.
func TriggerLiterals() []string {
	seen := map[string]bool{}
	var out []string
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, m := range []map[string]bool{navLabels, navTailLabels, linkLabels, furniture, votePhrases, creditLines, tagKeys, metadataKeys} {
		for k := range m {
			add(k)
		}
	}
	for _, l := range [][]string{furniturePrefixes, furnitureContains, captionPrefixes, bylinePrefixes, breadcrumbPrefixes} {
		for _, k := range l {
			add(k)
		}
	}
	if db, err := DefaultNames(); err == nil {
		for _, s := range db.spells {
			add(s.text)
		}
	}
	sort.Strings(out)
	return out
}
