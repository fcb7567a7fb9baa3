// Package newslintbeam runs newslint as an Apache Beam pipeline, with the results of the
// newslint command line (corpus rules included): documents are read with fileio and newslint's
// own decompression, their corpus counts are combined into one set of stats (pruned of what
// cannot produce a finding), and each document is linted with the stats as a side input.
// Findings and errors are written as JSON Lines in shards, fixed files in the input's format
// and compression.
package newslintbeam

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local" // local paths; commands add gs:// and others
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/pipeline"
)

func init() {
	beam.RegisterCoder(reflect.TypeOf((*corpus.Stats)(nil)), encodeStats, decodeStats)
	beam.RegisterType(reflect.TypeOf((*pipeline.Doc)(nil)).Elem())
	beam.RegisterType(reflect.TypeOf((*Part)(nil)).Elem())
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(pipeline.Doc), error](&readDocsFn{})
	register.Emitter1[pipeline.Doc]()
	register.Combiner3[*corpus.Stats, pipeline.Doc, []byte](&gatherFn{})
	register.DoFn5x0[pipeline.Doc, []byte, func(int, string), func(int, string), func(string, Part)](&lintFn{})
	register.Emitter2[int, string]()
	register.Emitter2[string, Part]()
	register.DoFn3x1[context.Context, int, func(*string) bool, error](&writeLinesFn{})
	register.Iter1[string]()
	register.DoFn3x1[context.Context, string, func(*Part) bool, error](&writeFixedFn{})
	register.Iter1[Part]()
}

func encodeStats(s *corpus.Stats) ([]byte, error) {
	var b bytes.Buffer
	err := s.WriteBinary(&b)
	return b.Bytes(), err
}

func decodeStats(b []byte) (*corpus.Stats, error) { return corpus.ReadAny(bytes.NewReader(b)) }

// Options configure a run.
type Options struct {
	// Spec says how to lint (configuration text, rules, fix mode).
	Spec pipeline.Spec
	// Inputs are file patterns (globs of the Beam filesystems: local paths, gs://, ...); Root
	// is the directory the files' paths are taken relative to, for configuration overrides and
	// corpus counts (default: the directory part of the first pattern before any wildcard).
	Inputs []string
	Root   string
	// Output is the prefix of the findings shards (OUTPUT-00000-of-00008.jsonl) and of the
	// errors shards (OUTPUT-errors-...); FixedOutput, when set, is the directory the fixed
	// files are written to, under their root-relative paths. Shards is the number of shards
	// (default 8).
	Output, FixedOutput string
	Shards              int
	// ReadTwice reads the inputs once for the corpus counts and again for linting, instead of
	// keeping every document between the two passes: less memory for more reading.
	ReadTwice bool
}

// RootOf is the directory part of a file pattern before its first wildcard.
func RootOf(pattern string) string {
	if i := strings.IndexAny(pattern, "*?["); i >= 0 {
		pattern = pattern[:i]
		if j := strings.LastIndex(pattern, "/"); j >= 0 {
			return pattern[:j]
		}
		return "."
	}
	return path.Dir(pattern)
}

func specJSON(s pipeline.Spec) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func linterOf(spec string) (*pipeline.Linter, error) {
	var s pipeline.Spec
	if err := json.Unmarshal([]byte(spec), &s); err != nil {
		return nil, err
	}
	return pipeline.New(s)
}

// ReadDocs reads the files that match the patterns (those the configuration's include and
// exclude globs let through, as a walk of root would) and splits them into documents: whole
// text files, records of JSON Lines and JSON files; .gz, .zst, ... are decompressed by newslint.
// Unreadable files fail the pipeline.
func ReadDocs(s beam.Scope, spec pipeline.Spec, root string, patterns ...string) beam.PCollection {
	s = s.Scope("ReadDocs")
	var matched []beam.PCollection
	for _, p := range patterns {
		matched = append(matched, fileio.MatchFiles(s, p))
	}
	files := fileio.ReadMatches(s, beam.Flatten(s, matched...), fileio.ReadUncompressed())
	return beam.ParDo(s, &readDocsFn{Spec: specJSON(spec), Root: root}, files)
}

type readDocsFn struct {
	Spec, Root string
	l          *pipeline.Linter
}

func (f *readDocsFn) Setup() (err error) {
	f.l, err = linterOf(f.Spec)
	return err
}

func (f *readDocsFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(pipeline.Doc)) error {
	p := file.Metadata.Path
	rel := strings.TrimPrefix(strings.TrimPrefix(p, f.Root), "/")
	if !f.l.Included(rel) {
		return nil
	}
	rc, err := file.Open(ctx)
	if err != nil {
		return err
	}
	defer rc.Close()
	return f.l.ReadDocs(rc, p, rel, func(d pipeline.Doc) error { emit(d); return nil })
}

// GatherStats combines the corpus counts of all documents into one set of stats, pruned of
// the counts that cannot produce a finding, in their binary encoding (corpus.ReadAny reads it).
func GatherStats(s beam.Scope, spec pipeline.Spec, docs beam.PCollection) beam.PCollection {
	return beam.Combine(s.Scope("GatherStats"), &gatherFn{Spec: specJSON(spec)}, docs)
}

type gatherFn struct {
	Spec string
	l    *pipeline.Linter
}

func (f *gatherFn) linter() *pipeline.Linter {
	if f.l == nil {
		l, err := linterOf(f.Spec)
		if err != nil {
			panic(err) // the launcher built the same Spec
		}
		f.l = l
	}
	return f.l
}

func (f *gatherFn) CreateAccumulator() *corpus.Stats { return corpus.New() }

func (f *gatherFn) AddInput(a *corpus.Stats, d pipeline.Doc) *corpus.Stats {
	a.Merge(f.linter().Gather(d))
	return a
}

func (f *gatherFn) MergeAccumulators(a, b *corpus.Stats) *corpus.Stats {
	a.Merge(b)
	return a
}

func (f *gatherFn) ExtractOutput(a *corpus.Stats) ([]byte, error) {
	f.linter().Prune(a)
	return encodeStats(a)
}

// Part is one document's share of its fixed file.
type Part struct {
	Record  int
	Out     []byte
	Changed bool
}

// Lint lints each document against the stats (a singleton side input, as GatherStats gives
// them, decoded once per worker) and returns the
// findings as JSON Lines keyed by shard, the errors likewise, and with a fix mode each
// document's part of its fixed file, keyed by the file's root-relative path.
func Lint(s beam.Scope, spec pipeline.Spec, shards int, docs, stats beam.PCollection) (findings, errs, fixed beam.PCollection) {
	return beam.ParDo3(s.Scope("Lint"), &lintFn{Spec: specJSON(spec), Shards: shards}, docs, beam.SideInput{Input: stats})
}

type lintFn struct {
	Spec   string
	Shards int
	l      *pipeline.Linter
	// the stats are decoded once per worker: again only when other bytes come
	raw   []byte
	stats *corpus.Stats
}

func (f *lintFn) Setup() (err error) {
	f.l, err = linterOf(f.Spec)
	return err
}

func shardOf(key string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64() % uint64(max(n, 1)))
}

func (f *lintFn) ProcessElement(d pipeline.Doc, raw []byte, findings, errs func(int, string), fixed func(string, Part)) {
	if f.stats == nil || !bytes.Equal(raw, f.raw) {
		stats, err := decodeStats(raw)
		if err != nil {
			panic(err) // written by GatherStats
		}
		f.raw, f.stats = bytes.Clone(raw), stats
	}
	r := f.l.Lint(d, f.stats)
	shard := shardOf(d.Path, f.Shards)
	if len(r.Findings) > 0 {
		b, err := f.l.JSONLines(d, r.Findings)
		if err != nil {
			panic(err)
		}
		findings(shard, string(b))
	}
	for _, e := range r.Errors {
		b, _ := json.Marshal(e)
		errs(shard, string(b)+"\n")
	}
	if f.l.Spec().Fix != pipeline.NoFix {
		fixed(d.Rel, Part{Record: d.Record, Out: r.Out, Changed: r.Changed})
	}
}

// WriteLines writes keyed JSON Lines to one file per shard, prefix-SSSSS-of-NNNNN.jsonl, each
// written by the worker that holds the shard, its lines sorted.
func WriteLines(s beam.Scope, prefix string, shards int, keyed beam.PCollection) {
	s = s.Scope("WriteLines")
	beam.ParDo0(s, &writeLinesFn{Prefix: prefix, Shards: shards}, beam.GroupByKey(s, keyed))
}

type writeLinesFn struct {
	Prefix string
	Shards int
}

func (f *writeLinesFn) ProcessElement(ctx context.Context, shard int, lines func(*string) bool) error {
	var all []string
	var l string
	for lines(&l) {
		all = append(all, l)
	}
	slices.Sort(all)
	return writeFile(ctx, fmt.Sprintf("%s-%05d-of-%05d.jsonl", f.Prefix, shard, f.Shards), []byte(strings.Join(all, "")))
}

func writeFile(ctx context.Context, name string, data []byte) error {
	fs, err := filesystem.New(ctx, name)
	if err != nil {
		return err
	}
	defer fs.Close()
	w, err := fs.OpenWrite(ctx, name)
	if err != nil {
		return err
	}
	if _, err := w.Write(data); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}

// WriteFixed writes each file's fixed text under dir, at its root-relative path, in its
// format and compression.
func WriteFixed(s beam.Scope, dir string, parts beam.PCollection) {
	s = s.Scope("WriteFixed")
	beam.ParDo0(s, &writeFixedFn{Dir: dir}, beam.GroupByKey(s, parts))
}

type writeFixedFn struct{ Dir string }

func (f *writeFixedFn) ProcessElement(ctx context.Context, rel string, parts func(*Part) bool) error {
	var all []Part
	var p Part
	for parts(&p) {
		all = append(all, p)
	}
	slices.SortFunc(all, func(a, b Part) int { return a.Record - b.Record })
	var text []byte
	for _, p := range all {
		text = append(text, p.Out...)
	}
	_, comp := input.KindOf(rel)
	data, err := input.CompressAll(text, comp)
	if err != nil {
		return err
	}
	return writeFile(ctx, strings.TrimSuffix(f.Dir, "/")+"/"+rel, data)
}

// Build adds the whole run to the pipeline: read, gather, lint, write.
func Build(s beam.Scope, o Options) error {
	if len(o.Inputs) == 0 {
		return fmt.Errorf("no --input")
	}
	if o.Output == "" {
		return fmt.Errorf("no --output")
	}
	if o.Shards <= 0 {
		o.Shards = 8
	}
	if o.FixedOutput != "" && o.Spec.Fix == pipeline.NoFix {
		o.Spec.Fix = pipeline.FixSafe
	}
	if _, err := pipeline.New(o.Spec); err != nil {
		return err
	}
	root := o.Root
	if root == "" {
		root = RootOf(o.Inputs[0])
	}
	docs := ReadDocs(s, o.Spec, root, o.Inputs...)
	stats := GatherStats(s, o.Spec, docs)
	if o.ReadTwice {
		docs = ReadDocs(s.Scope("Again"), o.Spec, root, o.Inputs...)
	}
	findings, errs, fixed := Lint(s, o.Spec, o.Shards, docs, stats)
	WriteLines(s.Scope("Findings"), o.Output, o.Shards, findings)
	WriteLines(s.Scope("Errors"), o.Output+"-errors", o.Shards, errs)
	if o.FixedOutput != "" {
		WriteFixed(s, o.FixedOutput, fixed)
	}
	return nil
}
