package config

import (
	"fmt"
	"regexp/syntax"

	"github.com/newslint/newslint/rules"
)

// maxPatternDepth bounds how deeply a custom pattern may nest. Go's regexp refuses 1000
// levels, and the rule wraps each pattern in a few more: a pattern that parses alone must not
// fail (or panic) once wrapped. Real patterns nest a handful of levels.
const maxPatternDepth = 100

// checkCustom refuses, before the rule is built, custom patterns that cannot work as intended:
// a pattern that can match empty text flags every line (and with fix = "delete-line" empties
// every file), and one that does not parse or nests too deeply. It returns the key at fault.
func checkCustom(s rules.CustomSpec) (string, error) {
	for _, p := range s.Patterns {
		if !s.Regex {
			if p == "" {
				return "patterns", fmt.Errorf("an empty pattern matches every line")
			}
			continue
		}
		re, err := syntax.Parse(p, syntax.Perl)
		if err != nil {
			return "patterns", fmt.Errorf("pattern %q: %v", p, err)
		}
		if d := depth(re); d > maxPatternDepth {
			return "patterns", fmt.Errorf("pattern %.40q… nests %d levels deep (at most %d)", p, d, maxPatternDepth)
		}
		if matchesEmpty(re) {
			return "patterns", fmt.Errorf("pattern %q can match empty text, so it would flag every line (and fix = \"delete-line\" would delete them); make it match at least one character", p)
		}
	}
	for _, g := range s.Either {
		for _, form := range g {
			if form == "" {
				return "either", fmt.Errorf("an empty spelling matches everywhere")
			}
		}
	}
	return "", nil
}

// depth is how deeply re nests.
func depth(re *syntax.Regexp) int {
	d := 0
	for _, sub := range re.Sub {
		d = max(d, depth(sub))
	}
	return d + 1
}

// matchesEmpty tells whether re can match a span of zero length somewhere: assertions such as
// ^, $ and \b match no characters, so a pattern made only of them (or of optional parts)
// matches empty text next to any line.
func matchesEmpty(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpNoMatch, syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return false
	case syntax.OpLiteral:
		return len(re.Rune) == 0
	case syntax.OpCapture, syntax.OpPlus:
		return matchesEmpty(re.Sub[0])
	case syntax.OpRepeat:
		return re.Min == 0 || matchesEmpty(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			if !matchesEmpty(sub) {
				return false
			}
		}
		return true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			if matchesEmpty(sub) {
				return true
			}
		}
		return false
	}
	// OpEmptyMatch, OpStar, OpQuest and the assertions (OpBeginLine, OpEndLine, OpBeginText,
	// OpEndText, OpWordBoundary, OpNoWordBoundary)
	return true
}
