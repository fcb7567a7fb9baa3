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

// Included reports whether a walk of the run's root lints the file at rel (its slash-separated
// root-relative path): the configuration's include and exclude globs, as a run applies them.
func (l *Linter) Included(rel string) bool { return l.cfg.Files.Included(rel) }
