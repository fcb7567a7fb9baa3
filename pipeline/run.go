package pipeline

import (
	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
)

// The file level: a run over files on one machine, as the newslint command runs. It is the
// document level above scheduled by newslint itself: the same corpus counts, stages and
// checks, over files read (and fixed files written, atomically) in parallel.

// RunOptions configure a run over files: fixing, diffs, workers, limits, write policy, the
// findings pipeline and the corpus counts (Corpus, Stages) to judge by.
type RunOptions = engine.Options

// FromConfig builds a Linter from a configuration the caller has loaded, with its rule
// selection applied (the newslint command reads .newslint.toml with the files it names and
// resolves its globs against its directory); fix is NoFix, FixSafe or FixUnsafe.
func FromConfig(cfg *config.Config, fix string) (*Linter, error) {
	switch fix {
	case NoFix, FixSafe, FixUnsafe:
	default:
		return nil, &Error{Code: CodeSpec, Message: "fix mode " + fix + ": want safe, unsafe or none"}
	}
	fields := cfg.TextFields
	if len(fields) == 0 {
		fields = input.DefaultTextFields
	}
	return &Linter{spec: Spec{Fix: fix, TextFields: fields}, cfg: cfg, fields: fields, pipe: defaultPipe()}, nil
}

// NeedsCorpusFiles reports whether a rule that runs on any of files is a corpus rule, so that
// a run without one can skip the gathering pass.
func (l *Linter) NeedsCorpusFiles(files []input.File) bool { return engine.NeedsCorpus(l.cfg, files) }

// GatherFiles is the corpus pass over files: Gather of every document, merged (per-worker
// counts, in parallel). It fails on files it could not read for a passing reason (too many
// open files, an I/O error): counts that lack them would judge the other files wrongly.
func (l *Linter) GatherFiles(files []input.File, o RunOptions) (*corpus.Stats, error) {
	return engine.GatherChecked(l.cfg, files, o)
}

// SettleFiles is Settle over files: given o.Corpus gathered over the files of over, it adds the
// stages a fixing run (o.Fix or o.Diff) judges by, fixing only the files of linted (the others
// are counted as they are). The error engine.ErrCorpusUnsettled says the last stage still
// changed texts; the options returned are still the ones to run with.
func (l *Linter) SettleFiles(over, linted []input.File, o RunOptions) (RunOptions, error) {
	return engine.SettleCorpus(l.cfg, over, linted, o)
}

// Run lints files with o, fixing them when o says so, and calls emit with each file's result,
// in the order of files.
func (l *Linter) Run(files []input.File, o RunOptions, emit func(*finding.Result)) {
	engine.Run(l.cfg, files, o, emit)
}

// LintBytes lints the content of one file held in memory (standard input) as Run would lint
// the file, and returns the fixed text (the content when nothing changed).
func (l *Linter) LintBytes(f input.File, raw []byte, o RunOptions) (*finding.Result, string) {
	return engine.LintBytes(l.cfg, f, raw, o)
}

// WritePolicy says where a fixing run may write (see engine.WritePolicy).
type WritePolicy = engine.WritePolicy

// DefaultMaxDeleteShare is the largest share of a text fixes may delete unless
// RunOptions.MaxDeleteShare says otherwise.
const DefaultMaxDeleteShare = engine.DefaultMaxDeleteShare

// ErrCorpusUnsettled is SettleFiles' error when the last stage still changed texts.
var ErrCorpusUnsettled = engine.ErrCorpusUnsettled

// RemoveTemps removes the temporary files of fixed files not yet renamed into place (on an
// interrupt) and returns how many it removed.
func RemoveTemps() int { return engine.RemoveTemps() }
