// Package pipeline is newslint as a library for distributed runs: a serialisable Spec says how
// to lint, a Linter built from it gathers the corpus counts of one document at a time (Gather),
// partial counts add up in any order (Merge), and Lint checks and fixes one document against
// the merged counts. Documents are plain data (a locator and bytes), so that any scheduler can
// ship them between machines; Docs splits a file into them, and concatenating the Out of every
// document of a file gives the fixed file.
package pipeline

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/engine"
	"github.com/newslint/newslint/finding"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/processors"
	"github.com/newslint/newslint/report"
)

// Fix modes of a Spec.
const (
	NoFix     = ""
	FixSafe   = "safe"
	FixUnsafe = "unsafe"
)

// Spec is everything that decides what a Linter reports: it is plain data that serialises to
// JSON, so that every worker of a distributed run builds the same Linter from it.
type Spec struct {
	// Config is the text of a .newslint.toml (empty: the defaults); ConfigName names it in
	// error messages.
	Config     string `json:"config,omitempty"`
	ConfigName string `json:"config_name,omitempty"`
	// Select and Ignore choose rules by ID or prefix, as --select and --ignore do.
	Select []string `json:"select,omitempty"`
	Ignore []string `json:"ignore,omitempty"`
	// Fix is NoFix, FixSafe or FixUnsafe.
	Fix string `json:"fix,omitempty"`
	// TextFields are the JSON fields that hold a record's text, tried in order (default: the
	// configuration's, else input.DefaultTextFields).
	TextFields []string `json:"text_fields,omitempty"`
}

// Code classifies an Error.
type Code string

const (
	// CodeSpec: the Spec is invalid (configuration, rule selection, fix mode).
	CodeSpec Code = "spec"
	// CodeRead: the input could not be read or decompressed.
	CodeRead Code = "read"
	// CodeMalformed: a record is not a JSON object, or is cut short.
	CodeMalformed Code = "malformed"
	// CodeNoText: a record holds none of the text fields.
	CodeNoText Code = "no-text"
	// CodeNotText: a document is not text (binary content); it is skipped.
	CodeNotText Code = "not-text"
	// CodeInvalidUTF8: a document holds invalid UTF-8; it is linted as it is.
	CodeInvalidUTF8 Code = "invalid-utf8"
	// CodeNotSettled: fixes kept changing the text; it is left unchanged.
	CodeNotSettled Code = "not-settled"
	// CodeInternal: a rule failed on the document; it is left unchanged.
	CodeInternal Code = "internal"
	// CodeStats: corpus stats could not be read.
	CodeStats Code = "stats"
)

// Error is a problem with a Spec or a document, as a value: it serialises to JSON.
type Error struct {
	Code Code `json:"code"`
	// Path names the file, when the error is about one.
	Path    string `json:"path,omitempty"`
	Message string `json:"message"`
}

func (e *Error) Error() string {
	if e.Path != "" {
		return e.Path + ": " + e.Message
	}
	return e.Message
}

// classify turns an error of the engine into an Error.
func classify(path string, err error) Error {
	msg := err.Error()
	code := CodeNotText
	switch {
	case errors.Is(err, input.ErrNoText):
		code = CodeNoText
	case strings.Contains(msg, "malformed record"):
		code = CodeMalformed
	case strings.Contains(msg, "internal error"):
		code = CodeInternal
	case strings.Contains(msg, "did not settle"):
		code = CodeNotSettled
	case strings.Contains(msg, "invalid UTF-8"):
		code = CodeInvalidUTF8
	}
	return Error{Code: code, Path: path, Message: msg}
}

// Linter lints documents as a newslint run with the same Spec does. It is safe for concurrent
// use.
type Linter struct {
	spec   Spec
	cfg    *config.Config
	fields []string
	pipe   *processors.Pipeline
}

// New builds a Linter from spec. It reads no file: the configuration is parsed from its text.
func New(spec Spec) (*Linter, error) {
	cfg := config.Default()
	if spec.Config != "" {
		name := spec.ConfigName
		if name == "" {
			name = config.FileName
		}
		var err error
		if cfg, err = config.Parse(name, []byte(spec.Config)); err != nil {
			return nil, &Error{Code: CodeSpec, Message: err.Error()}
		}
	}
	if err := cfg.Select(spec.Select, spec.Ignore); err != nil {
		return nil, &Error{Code: CodeSpec, Message: err.Error()}
	}
	switch spec.Fix {
	case NoFix, FixSafe, FixUnsafe:
	default:
		return nil, &Error{Code: CodeSpec, Message: fmt.Sprintf("fix mode %q: want %q, %q or none", spec.Fix, FixSafe, FixUnsafe)}
	}
	fields := spec.TextFields
	if len(fields) == 0 {
		fields = cfg.TextFields
	}
	if len(fields) == 0 {
		fields = input.DefaultTextFields
	}
	return &Linter{spec: spec, cfg: cfg, fields: fields, pipe: defaultPipe()}, nil
}

// defaultPipe is the findings pipeline of a run without baseline or suppressions.
func defaultPipe() *processors.Pipeline {
	return processors.New(nil, processors.Sort{}, processors.Fold{})
}

// Spec returns the Spec the Linter was built from.
func (l *Linter) Spec() Spec { return l.spec }

// NeedsCorpus reports whether a rule that runs on the document at rel is a corpus rule, so
// that a run without one can skip the gathering pass.
func (l *Linter) NeedsCorpus(rel string) bool {
	return engine.NeedsCorpus(l.cfg, []input.File{input.NewFile("", rel, "")})
}

// Doc is one unit of text to lint: a whole file, or one record of a JSON Lines or JSON file.
// It is plain data.
type Doc struct {
	// Path names the file in findings and errors.
	Path string `json:"path"`
	// Rel is the file's slash-separated path relative to the run's root: configuration
	// overrides match it, and corpus counts are keyed by its directory.
	Rel string `json:"rel"`
	// IsRecord marks one record of a file; Record numbers it from 1 and Line is the line of the
	// file it starts on.
	IsRecord bool `json:"is_record,omitempty"`
	Record   int  `json:"record,omitempty"`
	Line     int  `json:"line,omitempty"`
	// Raw is the whole file's text, or the record's bytes (nil: only a Gap, what follows the
	// last element of a JSON array). Gap precedes a record (a JSON array's separators), Term
	// is its line terminator.
	Raw  []byte `json:"raw,omitempty"`
	Gap  []byte `json:"gap,omitempty"`
	Term []byte `json:"term,omitempty"`
}

// Locator says where the document is.
func (d *Doc) Locator() input.Locator {
	return input.Locator{Path: d.Path, Record: d.Record, Line: d.Line}
}

func (l *Linter) unit(d *Doc) *input.Unit {
	return input.NewUnit(d.Locator(), d.Gap, d.Raw, d.Term, d.IsRecord, l.fields)
}

// Docs reads the (uncompressed) content r of the file path, whose root-relative path is rel,
// and calls fn with each of its documents in order: the whole text for a text file, each
// record (and blank line) of a JSON Lines file, each element of a JSON array and what follows
// the last one. The kind of file is told by its name, as a run tells it.
func (l *Linter) Docs(r io.Reader, path, rel string, fn func(Doc) error) error {
	kind, _ := input.KindOf(path)
	err := input.Units(r, path, kind, l.fields, func(u *input.Unit) error {
		gap, raw, term := u.Parts()
		return fn(Doc{Path: path, Rel: rel, IsRecord: !u.IsWhole(), Record: u.Loc.Record, Line: u.Loc.Line, Raw: raw, Gap: gap, Term: term})
	})
	if err != nil {
		return &Error{Code: CodeRead, Path: path, Message: err.Error()}
	}
	return nil
}

// ReadDocs is Docs over a file's bytes as stored: compressed files (.gz, .zst, ...) are
// decompressed as a run decompresses them.
func (l *Linter) ReadDocs(r io.Reader, path, rel string, fn func(Doc) error) error {
	_, comp := input.KindOf(path)
	dr, err := input.Decompress(r, comp)
	if err != nil {
		return &Error{Code: CodeRead, Path: path, Message: err.Error()}
	}
	defer dr.Close()
	return l.Docs(dr, path, rel, fn)
}

// Gather returns the corpus counts of one document (empty stats when no corpus rule runs on
// it or it cannot be read: Lint reports why). A file counts once, with its first document.
func (l *Linter) Gather(d Doc) *corpus.Stats {
	s := engine.GatherUnit(l.unit(&d), corpus.GroupOf(d.Rel), l.cfg.For(d.Rel), corpus.New())
	if d.Record <= 1 {
		s.Files = 1
	}
	return s
}

// Merge adds partial stats into one, in any order; nil parts are skipped.
func Merge(parts ...*corpus.Stats) *corpus.Stats {
	total := corpus.New()
	for _, p := range parts {
		if p != nil {
			total.Merge(p)
		}
	}
	return total
}

// MaxStages caps the corpus stages of a fixing run (see Settle).
const MaxStages = engine.MaxCorpusStages + 1

// Stages: a fixing run judges corpus rules as the command line does, by stages. Fixes change
// what corpus rules count (a name fix makes two lines identical, which template-line then
// sees in more files), so a second --fix, gathering from the fixed files, could fix more. To
// reach in one run the texts a second run would leave alone, the command line gathers the
// counts again from the texts as fixing would leave them, until fixing with the new counts
// changes nothing more: stage 0 is Gather's counts of the texts as read, stage k+1 the counts
// GatherFixed gives with stages 0..k, and LintStages fixes with each stage in turn and reports
// the findings of the last. A distributed run does the same with one pass over the documents
// per stage (Settle does it over documents in memory); without a fix mode one stage is all.

// GatherFixed returns the corpus counts of one document as fixing with stages (each in turn)
// would leave it, and whether the fixes of the last stage changed its text: summed over all
// documents they make the next stage, and when no document changed the stages have settled.
// Without a fix mode it is Gather's counts, unchanged.
func (l *Linter) GatherFixed(d Doc, stages []*corpus.Stats) (*corpus.Stats, bool) {
	if l.spec.Fix == NoFix || len(stages) == 0 {
		return l.Gather(d), false
	}
	s, changed := engine.GatherFixedUnit(l.unit(&d), corpus.GroupOf(d.Rel), l.cfg.For(d.Rel), stages, l.spec.Fix == FixUnsafe, corpus.New())
	if d.Record <= 1 {
		s.Files = 1
	}
	return s, changed
}

// Settle returns the stages to lint documents held in memory with, starting from their merged
// counts first (nil: gathered here), as the command line settles them: one GatherFixed pass
// per stage, at most MaxStages stages. The error, a CodeNotSettled Error, says that fixes still
// changed the texts at the last stage; the stages returned are still the ones to lint with (the
// command line warns and goes on likewise). Without a fix mode it returns the first counts.
func (l *Linter) Settle(docs []Doc, first *corpus.Stats) ([]*corpus.Stats, error) {
	if first == nil {
		parts := make([]*corpus.Stats, len(docs))
		for i := range docs {
			parts[i] = l.Gather(docs[i])
		}
		first = Merge(parts...)
	}
	stages := []*corpus.Stats{first}
	if l.spec.Fix == NoFix {
		return stages, nil
	}
	for len(stages) < MaxStages {
		next, changed := corpus.New(), false
		for i := range docs {
			s, c := l.GatherFixed(docs[i], stages)
			next.Merge(s)
			changed = changed || c
		}
		if !changed {
			return stages, nil
		}
		stages = append(stages, next)
	}
	return stages, &Error{Code: CodeNotSettled, Message: engine.ErrCorpusUnsettled.Error()}
}

// Result is what linting one document gave.
type Result struct {
	// Findings are those a run reports: with a fix mode, the ones left after fixing.
	Findings []finding.Finding
	// Errors are the document's problems.
	Errors []Error
	// Changed reports that fixing changed the text; Applied counts the fixes applied.
	Changed bool
	Applied int
	// Out is the bytes the fixed file gets for this document (its own bytes when nothing
	// changed), set with a fix mode: the Out of all documents of a file, in order, make the
	// fixed file.
	Out []byte
}

// Lint checks one document against the merged corpus stats (nil: the document on its own is
// the corpus) and, with a fix mode, fixes it.
func (l *Linter) Lint(d Doc, stats *corpus.Stats) Result {
	return l.LintStages(d, []*corpus.Stats{stats})
}

// LintStages is Lint with the stages of a fixing run (see Settle): fixes are made with each
// stage in turn, and the findings reported are those the last stage leaves.
func (l *Linter) LintStages(d Doc, stages []*corpus.Stats) Result {
	u := l.unit(&d)
	active := l.cfg.For(d.Rel)
	group := corpus.GroupOf(d.Rel)
	var stats *corpus.Stats
	if n := len(stages); n > 0 {
		stats, stages = stages[n-1], stages[:n-1]
	}
	if stats == nil {
		stats = engine.GatherUnit(u, group, active, nil)
	}
	opts := engine.Options{Fix: l.spec.Fix != NoFix, Unsafe: l.spec.Fix == FixUnsafe, Corpus: stats, Stages: stages, TextFields: l.fields, Pipeline: l.pipe}
	ur := engine.LintUnit(u, group, active, opts)
	res := Result{Findings: ur.Found, Applied: ur.Applied, Changed: ur.Fixed != nil}
	for _, e := range ur.Errors {
		res.Errors = append(res.Errors, classify(d.Path, e))
	}
	if opts.Fix {
		for _, b := range u.WriteBack(ur.Fixed) {
			res.Out = append(res.Out, b...)
		}
	}
	return res
}

// JSONLines returns the findings as `newslint --format jsonl` prints them.
func (l *Linter) JSONLines(d Doc, fs []finding.Finding) ([]byte, error) {
	var out []byte
	for i := range fs {
		b, err := report.JSONLine(d.Path, &fs[i], l.spec.Fix == FixUnsafe)
		if err != nil {
			return nil, err
		}
		out = append(out, b...)
	}
	return out, nil
}

// Prune drops from merged stats the counts that cannot produce a finding with this Linter's
// configuration (asking each corpus rule that knows how, through lint.Pruner), and marks them
// pruned. Prune only the final merge: counts added later may have needed what was dropped.
func (l *Linter) Prune(stats *corpus.Stats) {
	l.cfg.Prune(stats)
}
