package report

import (
	"bytes"
	"encoding/json"

	"github.com/newslint/newslint/finding"
)

// JSONLine is one finding as `--format jsonl` prints it (with its newline), for tools that
// produce findings outside a run (the pipeline API, distributed runners): path names the file.
func JSONLine(path string, f *finding.Finding, unsafe bool) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(toJSON(path, f, unsafe)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
