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
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"log"
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
	"github.com/newslint/newslint/engine"
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
	beam.RegisterCoder(reflect.TypeOf((*roundAcc)(nil)), encodeRound, decodeRound)
	register.DoFn3x0[pipeline.Doc, []byte, func(*roundAcc)](&settleRoundFn{})
	register.Emitter1[*roundAcc]()
	register.Combiner2[*roundAcc, *roundAcc](&roundCombineFn{})
	register.DoFn3x1[*roundAcc, []byte, func([]byte), error](&advanceFn{})
	register.Emitter1[[]byte]()
	register.DoFn2x0[[]byte, func([]byte)](&firstStageFn{})
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

// The stages of a fixing run (see pipeline.Settle) travel as one encoded value: a magic
// prefix, a settled flag, then each stage's binary stats with its length.
const stagesMagic = "newslint-stages\x00"

func encodeStages(stages [][]byte, settled bool) []byte {
	b := []byte(stagesMagic)
	b = append(b, 0)
	if settled {
		b[len(b)-1] = 1
	}
	b = binary.AppendUvarint(b, uint64(len(stages)))
	for _, st := range stages {
		b = binary.AppendUvarint(b, uint64(len(st)))
		b = append(b, st...)
	}
	return b
}

// decodeStages reads encoded stages, or plain stats (as GatherStats gives them) as one
// settled stage.
func decodeStages(b []byte) (stages [][]byte, settled bool, err error) {
	rest, ok := bytes.CutPrefix(b, []byte(stagesMagic))
	if !ok {
		return [][]byte{b}, true, nil
	}
	if len(rest) == 0 {
		return nil, false, fmt.Errorf("stages cut short")
	}
	settled, rest = rest[0] == 1, rest[1:]
	n, k := binary.Uvarint(rest)
	if k <= 0 {
		return nil, false, fmt.Errorf("stages cut short")
	}
	rest = rest[k:]
	for range n {
		l, k := binary.Uvarint(rest)
		if k <= 0 || uint64(len(rest)-k) < l {
			return nil, false, fmt.Errorf("stages cut short")
		}
		stages = append(stages, rest[k:k+int(l)])
		rest = rest[k+int(l):]
	}
	return stages, settled, nil
}

// decodeAllStages decodes every stage's stats.
func decodeAllStages(b []byte) ([]*corpus.Stats, bool, error) {
	raw, settled, err := decodeStages(b)
	if err != nil {
		return nil, false, err
	}
	out := make([]*corpus.Stats, len(raw))
	for i, r := range raw {
		if out[i], err = decodeStats(r); err != nil {
			return nil, false, err
		}
	}
	return out, settled, nil
}

// Settle turns the stats of GatherStats into the stages a fixing run lints with, as the
// command line settles them (see pipeline.Settle): each round is one pass over the documents
// gathering the counts of the texts as fixing with the stages so far leaves them, combined
// like GatherStats; a round whose fixes changed nothing settles the stages, and the rounds
// after it only pass them on. Without a fix mode the stats are the one stage. The result is
// one value, Lint's side input.
func Settle(s beam.Scope, spec pipeline.Spec, docs, stats beam.PCollection) beam.PCollection {
	s = s.Scope("Settle")
	stages := beam.ParDo(s, &firstStageFn{Settled: spec.Fix == pipeline.NoFix}, stats)
	if spec.Fix == pipeline.NoFix {
		return stages
	}
	for round := 1; round < pipeline.MaxStages; round++ {
		rs := s.Scope(fmt.Sprintf("Round%d", round))
		parts := beam.ParDo(rs, &settleRoundFn{Spec: specJSON(spec)}, docs, beam.SideInput{Input: stages})
		total := beam.Combine(rs, &roundCombineFn{}, parts)
		stages = beam.ParDo(rs, &advanceFn{Spec: specJSON(spec), Last: round == pipeline.MaxStages-1}, total, beam.SideInput{Input: stages})
	}
	return stages
}

type firstStageFn struct{ Settled bool }

func (f *firstStageFn) ProcessElement(stats []byte, emit func([]byte)) {
	emit(encodeStages([][]byte{stats}, f.Settled))
}

// roundAcc is a round's counts so far, and whether a fix of the last stage changed a text.
type roundAcc struct {
	Stats   *corpus.Stats
	Changed bool
}

func encodeRound(a *roundAcc) ([]byte, error) {
	b, err := encodeStats(a.Stats)
	if err != nil {
		return nil, err
	}
	flag := byte(0)
	if a.Changed {
		flag = 1
	}
	return append([]byte{flag}, b...), nil
}

func decodeRound(b []byte) (*roundAcc, error) {
	if len(b) == 0 {
		return nil, fmt.Errorf("round counts cut short")
	}
	st, err := decodeStats(b[1:])
	return &roundAcc{Stats: st, Changed: b[0] == 1}, err
}

type settleRoundFn struct {
	Spec string
	l    *pipeline.Linter
	// the stages are decoded once per worker: again only when other bytes come
	raw     []byte
	stages  []*corpus.Stats
	settled bool
}

func (f *settleRoundFn) Setup() (err error) {
	f.l, err = linterOf(f.Spec)
	return err
}

func (f *settleRoundFn) ProcessElement(d pipeline.Doc, raw []byte, emit func(*roundAcc)) {
	if f.stages == nil || !bytes.Equal(raw, f.raw) {
		stages, settled, err := decodeAllStages(raw)
		if err != nil {
			panic(err) // written by Settle
		}
		f.raw, f.stages, f.settled = bytes.Clone(raw), stages, settled
	}
	if f.settled {
		// nothing more to gather: an empty part keeps the round's combine from being empty
		emit(&roundAcc{Stats: corpus.New()})
		return
	}
	st, changed := f.l.GatherFixed(d, f.stages)
	emit(&roundAcc{Stats: st, Changed: changed})
}

type roundCombineFn struct{}

func (roundCombineFn) CreateAccumulator() *roundAcc { return &roundAcc{Stats: corpus.New()} }

func (roundCombineFn) AddInput(a, in *roundAcc) *roundAcc {
	a.Stats.Merge(in.Stats)
	a.Changed = a.Changed || in.Changed
	return a
}

func (roundCombineFn) MergeAccumulators(a, b *roundAcc) *roundAcc {
	a.Stats.Merge(b.Stats)
	a.Changed = a.Changed || b.Changed
	return a
}

// advanceFn adds a round's counts to the stages as the next stage when the round's fixes
// changed a text, and settles them otherwise.
type advanceFn struct {
	Spec string
	// Last marks the last round: stages still changing then are used as they are, with a
	// warning, as the command line does.
	Last bool
}

func (f *advanceFn) ProcessElement(round *roundAcc, prev []byte, emit func([]byte)) error {
	stages, settled, err := decodeStages(prev)
	if err != nil {
		return err
	}
	if settled || !round.Changed {
		emit(encodeStages(stages, true))
		return nil
	}
	l, err := linterOf(f.Spec)
	if err != nil {
		return err
	}
	l.Prune(round.Stats)
	next, err := encodeStats(round.Stats)
	if err != nil {
		return err
	}
	stages = append(stages, next)
	if f.Last {
		log.Printf("newslint: %v", engine.ErrCorpusUnsettled)
	}
	emit(encodeStages(stages, f.Last))
	return nil
}

// Part is one document's share of its fixed file.
type Part struct {
	Record  int
	Out     []byte
	Changed bool
}

// Lint lints each document against the stats (a singleton side input, decoded once per
// worker: the stages of Settle, or the stats of GatherStats as one stage) and returns the
// findings as JSON Lines keyed by shard, the errors likewise, and with a fix mode each
// document's part of its fixed file, keyed by the file's root-relative path.
func Lint(s beam.Scope, spec pipeline.Spec, shards int, docs, stats beam.PCollection) (findings, errs, fixed beam.PCollection) {
	return beam.ParDo3(s.Scope("Lint"), &lintFn{Spec: specJSON(spec), Shards: shards}, docs, beam.SideInput{Input: stats})
}

type lintFn struct {
	Spec   string
	Shards int
	l      *pipeline.Linter
	// the stages are decoded once per worker: again only when other bytes come
	raw    []byte
	stages []*corpus.Stats
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
	if f.stages == nil || !bytes.Equal(raw, f.raw) {
		stages, _, err := decodeAllStages(raw)
		if err != nil {
			panic(err) // written by GatherStats or Settle
		}
		f.raw, f.stages = bytes.Clone(raw), stages
	}
	r := f.l.LintStages(d, f.stages)
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
	findings, errs, fixed := Lint(s, o.Spec, o.Shards, docs, Settle(s, o.Spec, docs, stats))
	WriteLines(s.Scope("Findings"), o.Output, o.Shards, findings)
	WriteLines(s.Scope("Errors"), o.Output+"-errors", o.Shards, errs)
	if o.FixedOutput != "" {
		WriteFixed(s, o.FixedOutput, fixed)
	}
	return nil
}
