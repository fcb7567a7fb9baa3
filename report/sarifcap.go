package report

import (
	"bufio"
	"bytes"
	"container/heap"
	"encoding/json"
	"fmt"
	"io"
	"slices"

	"github.com/newslint/newslint/lint"
)

// capOf is the SARIF result cap for a --max-results value (0: GitHub's limit).
func capOf(max int) int {
	if max <= 0 {
		return DefaultMaxResults
	}
	return max
}

// severityCap keeps the max most severe results of a run: among results of one severity,
// those that came first (path order). Results are kept encoded, in a heap whose top is the
// result to drop first.
type severityCap struct {
	max     int
	seq     int
	omitted int
	h       capHeap
}

type capped struct {
	sev lint.Severity
	seq int
	raw json.RawMessage
}

// capHeap is a heap of results, least severe and then latest on top.
type capHeap []capped

func (h capHeap) Len() int { return len(h) }
func (h capHeap) Less(i, j int) bool {
	if h[i].sev != h[j].sev {
		return h[i].sev < h[j].sev
	}
	return h[i].seq > h[j].seq
}
func (h capHeap) Swap(i, j int) { h[i], h[j] = h[j], h[i] }
func (h *capHeap) Push(x any)   { *h = append(*h, x.(capped)) }
func (h *capHeap) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

func newSeverityCap(max int) *severityCap { return &severityCap{max: capOf(max)} }

// wants reports whether a result of severity sev would be kept, so that one that would not
// is never encoded.
func (c *severityCap) wants(sev lint.Severity) bool {
	return len(c.h) < c.max || c.h[0].sev < sev
}

// omit counts a result left out.
func (c *severityCap) omit() { c.omitted++ }

// add keeps a result that wants accepted, dropping the least severe kept one if full.
func (c *severityCap) add(sev lint.Severity, raw json.RawMessage) {
	c.seq++
	if len(c.h) >= c.max {
		heap.Pop(&c.h)
		c.omitted++
	}
	heap.Push(&c.h, capped{sev, c.seq, raw})
}

// kept returns the results kept, in the order they came.
func (c *severityCap) kept() []json.RawMessage {
	all := slices.Clone(c.h)
	slices.SortFunc(all, func(a, b capped) int { return a.seq - b.seq })
	out := make([]json.RawMessage, len(all))
	for i, x := range all {
		out[i] = x.raw
	}
	return out
}

// marshalCompact encodes v as JSON without escaping HTML characters, as the report's
// encoder does.
func marshalCompact(v any) (json.RawMessage, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

// resultsMarker stands for the results array while the rest of the SARIF document is encoded.
const resultsMarker = "\x00results\x00"

// writeWithResults writes doc as json.Encoder with a two-space indent would, with the results
// array, which stands in doc as resultsMarker, written one result at a time instead of built
// in memory whole.
func writeWithResults(w io.Writer, doc any, results []json.RawMessage) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return err
	}
	quoted := []byte(`"\u0000results\u0000"`)
	head, tail, ok := bytes.Cut(b.Bytes(), quoted)
	if !ok {
		return fmt.Errorf("internal error: no results in the SARIF document")
	}
	// the indentation of the line that holds the marker
	line := head[bytes.LastIndexByte(head, '\n')+1:]
	indent := string(line[:len(line)-len(bytes.TrimLeft(line, " "))])
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(head)
	if len(results) == 0 {
		bw.WriteString("[]")
	} else {
		bw.WriteString("[")
		var ind bytes.Buffer
		for i, raw := range results {
			if i > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n" + indent + "  ")
			ind.Reset()
			if err := json.Indent(&ind, raw, indent+"  ", "  "); err != nil {
				return err
			}
			bw.Write(ind.Bytes())
		}
		bw.WriteString("\n" + indent + "]")
	}
	bw.Write(tail)
	return bw.Flush()
}
