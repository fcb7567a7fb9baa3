// Package lint defines what a rule is and what it reports, after golang.org/x/tools/go/analysis:
// a Rule sees a Document through a Pass and reports Diagnostics; a Diagnostic carries a byte
// range, a message and at most one suggested Fix made of TextEdits. Rules never change text: the
// engine applies fixes and resolves overlaps.
package lint

import (
	"fmt"
	"strings"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
)

// Severity orders findings; --fail-on compares against it.
type Severity int

// Severities, lowest first.
const (
	Info Severity = iota + 1
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Info:
		return "info"
	case Warning:
		return "warning"
	case Error:
		return "error"
	}
	return "unknown"
}

// ParseSeverity reads "error", "warning" or "info".
func ParseSeverity(s string) (Severity, error) {
	switch strings.ToLower(s) {
	case "info":
		return Info, nil
	case "warning", "warn":
		return Warning, nil
	case "error":
		return Error, nil
	}
	return 0, fmt.Errorf("unknown severity %q (want error, warning or info)", s)
}

// Safety says when the engine may apply a fix.
type Safety int

// Fix safeties: Safe fixes are applied by --fix, Unsafe ones only with --unsafe-fixes, and
// DisplayOnly ones are shown but never applied.
const (
	Safe Safety = iota + 1
	Unsafe
	DisplayOnly
)

func (s Safety) String() string {
	switch s {
	case Safe:
		return "safe"
	case Unsafe:
		return "unsafe"
	case DisplayOnly:
		return "display-only"
	}
	return "unknown"
}

// ParseSafety reads "safe", "unsafe" or "display-only".
func ParseSafety(s string) (Safety, error) {
	switch strings.ToLower(s) {
	case "safe":
		return Safe, nil
	case "unsafe":
		return Unsafe, nil
	case "display-only", "display", "none":
		return DisplayOnly, nil
	}
	return 0, fmt.Errorf("unknown fix safety %q (want safe, unsafe or display-only)", s)
}

// TextEdit replaces Src[Start:End] with NewText.
type TextEdit struct {
	Start, End int
	NewText    string
}

// Fix is one suggested change. Its edits are applied together or not at all; they must not
// overlap each other.
type Fix struct {
	Description string
	Safety      Safety
	Edits       []TextEdit
}

// Diagnostic is one finding. Start and End are byte offsets into the document.
type Diagnostic struct {
	Rule     string
	Severity Severity
	Start    int
	End      int
	Message  string
	Fix      *Fix
}

// Option documents one configuration key of a rule.
type Option struct {
	Name, Type, Default, Doc string
}

// Meta describes a rule for the engine, the CLI and the docs.
type Meta struct {
	ID       string
	Severity Severity
	// Fixable says whether the rule suggests fixes.
	Fixable bool
	// Corpus marks rules that need statistics gathered over the whole run first.
	Corpus bool
	// Summary is one line. The documentation has fixed sections, as `newslint rule ID` shows
	// them: Doc says what the rule finds, Why why it matters, FixSafety what its fix does and
	// when it is safe; the example and the options follow from Example and the options struct.
	Summary, Doc, Why, FixSafety string
	// Example is text on which the rule reports, used in `newslint rule ID`.
	Example string
	Options []Option
	// Requires lists the shared analyses the rule reads with ResultOf.
	Requires []Analyzer
}

// Rule is a check over one document.
type Rule interface {
	Meta() *Meta
	// Check inspects p.Doc and calls p.Report. It must not keep p after returning.
	Check(p *Pass)
}

// Configurable rules take options from [rules.ID] tables. NewOptions returns a pointer to a fresh
// options struct holding the defaults; the config decodes the table into it and the engine hands
// it back in Pass.Options.
type Configurable interface {
	NewOptions() any
}

// Validator is implemented by option structs that check their values after decoding.
type Validator interface {
	Validate() error
}

// Pass is what a rule sees of one document.
type Pass struct {
	Doc *document.Document
	// Options is the rule's decoded options (from NewOptions), or nil.
	Options any
	// Corpus holds the statistics gathered over the whole run, or nil when none were gathered.
	Corpus *corpus.Stats
	rule   string
	sev    Severity
	report func(Diagnostic)

	state    *docState
	who      string // the rule or analysis running, named by whoKind
	whoKind  string
	requires []Analyzer
	// room is where Screen may make its list of candidates (CandidateRoom)
	room []Candidate
}

// CandidateRoom returns an empty list with room for candidates, which Screen may append its
// candidates to and return: the room an earlier document's list of the same rule left, once its
// caller was done with that list (ScreenInto), or nil.
func (p *Pass) CandidateRoom() []Candidate { return p.room[:0] }

// Report records d, filling in the rule ID and the configured severity when d leaves them empty.
// A finding whose fix is display-only (evidence too weak for any fix to be applied) is reported
// as info, whatever the rule's severity: it shows what a rule saw and fails no run.
func (p *Pass) Report(d Diagnostic) {
	if d.Rule == "" {
		d.Rule = p.rule
	}
	if d.Severity == 0 {
		d.Severity = p.sev
		if d.Fix != nil && d.Fix.Safety == DisplayOnly {
			d.Severity = Info
		}
	}
	p.report(d)
}

// Severity is the configured severity of the running rule.
func (p *Pass) Severity() Severity { return p.sev }

// LineSpan returns the byte range covering lines first..last (0-based, inclusive) including the
// last line's terminator, which is what deleting those lines removes.
func LineSpan(d *document.Document, first, last int) (start, end int) {
	return d.Lines[first].Start, d.Lines[last].Next
}

// DeleteLines is a fix removing lines first..last entirely.
func DeleteLines(d *document.Document, first, last int, desc string, safety Safety) *Fix {
	s, e := LineSpan(d, first, last)
	return oneEdit(desc, safety, TextEdit{Start: s, End: e})
}

// oneEdit is a fix of one edit, allocated with its edit: a page's text can have hundreds.
func oneEdit(desc string, safety Safety, e TextEdit) *Fix {
	f := &struct {
		Fix
		edit [1]TextEdit
	}{Fix{Description: desc, Safety: safety}, [1]TextEdit{e}}
	f.Edits = f.edit[:]
	return &f.Fix
}

// ReportLines reports lines first..last with a fix that deletes them.
func (p *Pass) ReportLines(first, last int, msg, fixDesc string, safety Safety) {
	p.ReportLinesAs(0, first, last, msg, fixDesc, safety)
}

// ReportLinesAs is ReportLines with a severity of the finding's own (0: the rule's).
func (p *Pass) ReportLinesAs(sev Severity, first, last int, msg, fixDesc string, safety Safety) {
	d := p.Doc
	p.Report(Diagnostic{
		Start:    d.Lines[first].Start + leadingSpace(d.Text(first)),
		End:      d.Lines[last].End,
		Severity: sev,
		Message:  msg,
		Fix:      DeleteLines(d, first, last, fixDesc, safety),
	})
}

func leadingSpace(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t"))
}

// Active is a rule as it runs on one file: with its configured severity and decoded options.
type Active struct {
	Rule     Rule
	Severity Severity
	Options  any
	// Meta is Rule.Meta(), when the configuration computed it once; nil: asked for each use.
	Meta *Meta
}

// meta returns the rule's metadata, computed once by the configuration where it could be.
func (a *Active) meta() *Meta {
	if a.Meta != nil {
		return a.Meta
	}
	return a.Rule.Meta()
}

// Gatherer is implemented by corpus rules: before any file is checked, the engine calls Gather
// on every file the rule runs on, then hands the merged statistics to Check in Pass.Corpus.
// Gather must only add counts, so that the result does not depend on file order or workers.
type Gatherer interface {
	Gather(doc *document.Document, opts any, stats *corpus.Stats)
}

// OptionsOf returns the pass's options as *T, or the rule's defaults when the pass has none
// (a rule run outside a configuration, as in tests and examples).
func OptionsOf[T any](p *Pass, r Configurable) *T {
	if o, ok := p.Options.(*T); ok && o != nil {
		return o
	}
	return r.NewOptions().(*T)
}
