// Command newslint-beam runs newslint over a corpus as an Apache Beam pipeline, on Prism (in
// this process, the default), Dataflow, Flink or Spark, with the findings of the newslint
// command line:
//
//	newslint-beam --input 'data/*/*.jsonl.gz' --output out/findings [--fixed-output out/fixed]
//	newslint-beam --runner=dataflow --project=P --region=R --temp_location=gs://B/tmp \
//	    --input 'gs://B/news/*.jsonl.zst' --output gs://B/out/findings
//
// Beam's own flags (--runner, --endpoint, --project, --job_name, ...) are accepted as usual.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"

	// the file systems --input and --output name
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"

	// the runners --runner names
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/flink"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/spark"

	"github.com/newslint/newslint/beam/newslintbeam"
	"github.com/newslint/newslint/pipeline"
)

var (
	inputs      = flag.String("input", "", "files to lint: comma-separated patterns (local paths, gs://, ...)")
	root        = flag.String("root", "", "directory paths are taken relative to (default: the first pattern's directory before any wildcard)")
	output      = flag.String("output", "", "prefix of the findings shards (PREFIX-00000-of-00008.jsonl) and of the errors shards (PREFIX-errors-...)")
	fixedOutput = flag.String("fixed-output", "", "directory to write the fixed files to (turns fixing on)")
	unsafeFixes = flag.Bool("unsafe-fixes", false, "also apply unsafe fixes")
	configPath  = flag.String("config", "", "a .newslint.toml, read here and shipped to the workers")
	selectRules = flag.String("select", "", "run only these rules (comma-separated)")
	ignoreRules = flag.String("ignore", "", "do not run these rules (comma-separated)")
	shards      = flag.Int("shards", 8, "number of findings and errors shards")
	readTwice   = flag.Bool("read-twice", false, "read the inputs again for linting instead of keeping the documents between the corpus pass and the checking pass")
)

func list(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

func main() {
	flag.Parse()
	beam.Init()
	spec := pipeline.Spec{Select: list(*selectRules), Ignore: list(*ignoreRules)}
	if *configPath != "" {
		b, err := os.ReadFile(*configPath)
		if err != nil {
			fmt.Fprintf(os.Stderr, "newslint-beam: %v\n", err)
			os.Exit(2)
		}
		spec.Config, spec.ConfigName = string(b), *configPath
	}
	if *fixedOutput != "" {
		spec.Fix = pipeline.FixSafe
		if *unsafeFixes {
			spec.Fix = pipeline.FixUnsafe
		}
	}
	p, s := beam.NewPipelineWithRoot()
	err := newslintbeam.Build(s, newslintbeam.Options{Spec: spec, Inputs: list(*inputs), Root: *root,
		Output: *output, FixedOutput: *fixedOutput, Shards: *shards, ReadTwice: *readTwice})
	if err == nil {
		err = beamx.Run(context.Background(), p)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "newslint-beam: %v\n", err)
		os.Exit(2)
	}
}
