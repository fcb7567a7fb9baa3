// Command triggers prints the literal trigger strings of newslint's built-in rules, one per
// line: what a plain multi-literal search (ripgrep -F -f) would need to look for to find the
// same candidates. scripts/bench.sh compares newslint with such a search.
package main

import (
	"fmt"

	"github.com/newslint/newslint/rules"
)

func main() {
	for _, t := range rules.TriggerLiterals() {
		fmt.Println(t)
	}
}
