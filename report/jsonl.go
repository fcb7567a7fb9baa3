package report

import (
	"io"
	"time"

	"github.com/newslint/newslint/finding"
)

// jsonFinding is the machine-readable form of a finding, encoded by encoding/json for json (and
// exports); jsonl writes the same object with appendFinding.
type jsonFinding struct {
	Path     string   `json:"path"`
	Line     int      `json:"line"`
	EndLine  int      `json:"end_line"`
	Col      int      `json:"col"`
	EndCol   int      `json:"end_col"`
	Rule     string   `json:"rule"`
	Severity string   `json:"severity"`
	Message  string   `json:"message"`
	Fix      *jsonFix `json:"fix"`
	// Record, RecordID: for JSON Lines and JSON inputs, the record's line in the file and its
	// id or url; line and col are then positions within the record's text.
	Record   int    `json:"record,omitempty"`
	RecordID string `json:"record_id,omitempty"`
	// Related are findings inside this one whose fix this one's fix implies.
	Related []jsonFinding `json:"related,omitempty"`
}

type jsonFix struct {
	Safety      string     `json:"safety"`
	Description string     `json:"description"`
	Applicable  bool       `json:"applicable"`
	Edits       []jsonEdit `json:"edits"`
}

type jsonPos struct {
	Line   int `json:"line"`
	Col    int `json:"col"`
	Offset int `json:"offset"`
}

type jsonEdit struct {
	Start   jsonPos `json:"start"`
	End     jsonPos `json:"end"`
	NewText string  `json:"new_text"`
}

func toJSON(path string, f *finding.Finding, unsafe bool) jsonFinding {
	j := jsonFinding{Path: path, Line: f.Line, EndLine: f.EndLine, Col: f.Col, EndCol: f.EndCol,
		Rule: f.Rule, Severity: f.Severity.String(), Message: f.Message, Record: f.Loc.Line, RecordID: f.Loc.ID}
	if f.Fix != nil {
		jf := &jsonFix{Safety: f.Fix.Safety.String(), Description: f.Fix.Description,
			Applicable: finding.Applies(f.Fix.Safety, unsafe), Edits: []jsonEdit{}}
		for i, e := range f.Fix.Edits {
			p := f.EditPos[i]
			jf.Edits = append(jf.Edits, jsonEdit{
				Start:   jsonPos{p.Line, p.Col, e.Start},
				End:     jsonPos{p.EndLine, p.EndCol, e.End},
				NewText: e.NewText,
			})
		}
		j.Fix = jf
	}
	for i := range f.Related {
		j.Related = append(j.Related, toJSON(path, &f.Related[i], unsafe))
	}
	return j
}

// jsonlReporter prints one JSON object per finding and nothing else, encoded by appendFinding.
// The lines of several files go out in one write (a write per file was a system call for nearly
// every file of a corpus whose files have findings): once the report holds jsonlChunk bytes, or
// once jsonlLatency has passed since it last wrote, so that a reader following the report still
// sees findings as files are done, and an interrupted run loses at most that much. Finish writes
// the rest.
type jsonlReporter struct {
	w    io.Writer
	o    Options
	buf  []byte
	path []byte    // the file's path as a JSON string, written once per file
	last time.Time // when the report last wrote (zero: never, so the first lines go at once)
	err  error     // the first failed write: later ones are not tried
}

const (
	jsonlChunk   = 64 << 10
	jsonlLatency = 100 * time.Millisecond
)

// now is time.Now, replaced by tests.
var now = time.Now

func (r *jsonlReporter) File(res *finding.Result) error {
	if len(res.Findings) == 0 {
		return nil
	}
	r.path = appendJSONString(r.path[:0], res.File.Path())
	b := r.buf
	for i := range res.Findings {
		b = append(appendFinding(b, r.path, &res.Findings[i], r.o.Unsafe), '\n')
	}
	r.buf = b
	if t := now(); len(b) >= jsonlChunk || t.Sub(r.last) >= jsonlLatency {
		r.last = t
		return r.flush()
	}
	return nil
}

// flush writes what the report holds.
func (r *jsonlReporter) flush() error {
	if len(r.buf) > 0 && r.err == nil {
		_, r.err = r.w.Write(r.buf)
	}
	r.buf = r.buf[:0]
	if cap(r.buf) > 1<<20 { // a file with very many findings does not keep its buffer
		r.buf = nil
	}
	return r.err
}

func (r *jsonlReporter) Finish(*Summary) error { return r.flush() }
