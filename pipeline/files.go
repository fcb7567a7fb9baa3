package pipeline

import (
	"fmt"

	"github.com/newslint/newslint/input"
)

// Files walks roots as a run does (the configuration's include and exclude globs, .gitignore
// honoured) and returns the files to lint, each with its path relative to the root it was found
// under, and the paths that could not be walked.
func (l *Linter) Files(roots []string) ([]input.File, []Error) {
	w := input.CollectWith(roots, l.cfg.Files, input.Options{})
	var errs []Error
	for _, p := range w.Problems {
		errs = append(errs, Error{Code: CodeRead, Path: p.Path, Message: fmt.Sprint(p.Err)})
	}
	return w.Files, errs
}
