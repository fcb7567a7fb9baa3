package cli

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/pipeline"
)

// changedSince keeps the files that git reports as changed since rev, or untracked. It works
// from any directory of the repository: git runs at the top of the work tree, where both the
// diff and the list of untracked files name paths relative to the top (ls-files run in a
// subdirectory would list only that subdirectory's files, relative to it).
func changedSince(files []input.File, rev string, env Env) ([]input.File, error) {
	git := func(dir string, args ...string) ([]byte, error) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		var errb bytes.Buffer
		cmd.Stderr = &errb
		out, err := cmd.Output()
		if err != nil {
			return nil, fmt.Errorf("git %s: %v %s", strings.Join(args, " "), err, strings.TrimSpace(errb.String()))
		}
		return out, nil
	}
	top, err := git(dirOf(env), "rev-parse", "--show-toplevel")
	if err != nil {
		return nil, err
	}
	root := strings.TrimSpace(string(top))
	changed, err := git(root, "diff", "--name-only", "--no-relative", "-z", "--diff-filter=ACMR", "--end-of-options", rev, "--")
	if err != nil {
		return nil, err
	}
	untracked, err := git(root, "ls-files", "--others", "--exclude-standard", "-z")
	if err != nil {
		return nil, err
	}
	keep := map[string]bool{}
	for _, p := range strings.Split(string(changed)+string(untracked), "\x00") {
		if p != "" {
			keep[filepath.Join(root, filepath.FromSlash(p))] = true
		}
	}
	var out []input.File
	for _, f := range files {
		if keep[realPath(f.Path())] {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path() < out[j].Path() })
	return out, nil
}

// realPath is p made absolute with the symbolic links of its directory resolved, as git names
// the top of the work tree.
func realPath(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(real, filepath.Base(abs))
	}
	return abs
}

// corpusStats is what corpus rules compare each text with. Corpus rules (template-line and
// others) judge a text by the files around it, so a run that lints only some files must still
// count the others: --corpus-stats reads counts gathered earlier; --corpus-root DIR gathers
// them over the files a walk of DIR finds (as 'newslint DIR' would lint them); otherwise they
// are gathered over every file the walk found, of which --changed-since may lint only a few.
// Nil when no rule that runs on the linted files needs them.
func corpusStats(o *options, cfg *config.Config, env Env, walked, linted []input.File, eo pipeline.RunOptions) (*corpus.Stats, error) {
	stats, _, err := corpusStatsOver(o, cfg, env, walked, linted, eo)
	return stats, err
}

// corpusStatsOver is corpusStats, also returning the files it gathered over (nil when it read
// --corpus-stats or no rule needs counts).
func corpusStatsOver(o *options, cfg *config.Config, env Env, walked, linted []input.File, eo pipeline.RunOptions) (*corpus.Stats, []input.File, error) {
	if o.corpusStats != "" {
		stats, err := corpus.ReadFiles(splitList(o.corpusStats))
		if err != nil {
			return nil, nil, fmt.Errorf("--corpus-stats: %v", err)
		}
		return stats, nil, nil
	}
	if !linterFor(o, cfg).NeedsCorpusFiles(linted) {
		return nil, nil, nil
	}
	over := walked
	if o.corpusRoot != "" {
		var err error
		if over, err = corpusRootFiles(o, cfg, env, linted); err != nil {
			return nil, nil, err
		}
	}
	// the corpus pass checks too when it goes over the files the run lints
	eo.OnePass = eo.OnePass && o.corpusRoot == "" && len(over) == len(linted)
	stats, err := linterFor(o, cfg).GatherFiles(over, eo)
	if err != nil {
		return nil, nil, fmt.Errorf("corpus pass: %v\nnothing was linted or fixed: corpus rules would have judged the other files without these", err)
	}
	// counts that cannot produce a finding are dropped before the checking pass: most lines are
	// seen in one file only, and the checking pass then holds a fraction of the counts
	cfg.Prune(stats)
	return stats, over, nil
}

// corpusRootFiles are the files of the --corpus-root walk, named as the linted files are named
// (corpus rules key their counts by root-relative directory: the other files of a linted
// file's directory must count in its directory), and the linted files the walk did not find.
func corpusRootFiles(o *options, cfg *config.Config, env Env, linted []input.File) ([]input.File, error) {
	root := o.corpusRoot
	if st, err := os.Stat(root); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("--corpus-root: %s is not a directory", root)
	}
	wo := *o
	wo.ux.forceExclude = false
	walk := collectFiles(&wo, cfg, []string{root}, env)
	byPath := map[string]input.File{}
	dirForm, dirRel, dirGroup := map[string]string{}, map[string]string{}, map[string]string{}
	for _, f := range linted {
		abs, _ := filepath.Abs(f.Path())
		byPath[abs] = f
		dirForm[filepath.Dir(abs)] = filepath.Dir(f.Path())
		dirRel[filepath.Dir(abs)] = path.Dir(f.Rel())
		dirGroup[filepath.Dir(abs)] = f.Group()
	}
	out := make([]input.File, 0, len(walk.Files)+len(linted))
	for _, f := range walk.Files {
		abs, _ := filepath.Abs(f.Path())
		if lf, ok := byPath[abs]; ok {
			out = append(out, lf)
			delete(byPath, abs)
			continue
		}
		if d, ok := dirForm[filepath.Dir(abs)]; ok {
			f = input.NewFile(filepath.Join(d, filepath.Base(abs)),
				path.Join(dirRel[filepath.Dir(abs)], filepath.Base(abs)), dirGroup[filepath.Dir(abs)])
		}
		out = append(out, f)
	}
	for _, f := range linted {
		abs, _ := filepath.Abs(f.Path())
		if _, ok := byPath[abs]; ok {
			out = append(out, f)
		}
	}
	return out, nil
}
