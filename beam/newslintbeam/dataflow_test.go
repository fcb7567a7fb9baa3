package newslintbeam

import (
	"context"
	"flag"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/gcs"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/runners/dataflow"

	"github.com/newslint/newslint/pipeline"
)

// The pipeline translates to a Dataflow job offline (--dry_run submits nothing): every DoFn,
// coder and side input is one Dataflow accepts, and the options reach the workers.
func TestDataflowDryRun(t *testing.T) {
	for name, value := range map[string]string{
		"dry_run":          "true",
		"project":          "newslint-test",
		"region":           "europe-west1",
		"staging_location": "gs://newslint-test/staging",
		"temp_location":    "gs://newslint-test/tmp",
	} {
		if err := flag.Set(name, value); err != nil {
			t.Fatal(err)
		}
	}
	p, s := beam.NewPipelineWithRoot()
	err := Build(s, Options{Spec: pipeline.Spec{Select: []string{"template-line", "page-chrome"}}, Inputs: []string{"gs://newslint-test/news/*.jsonl.gz"},
		Output: "gs://newslint-test/out/findings", FixedOutput: "gs://newslint-test/out/fixed", ReadTwice: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dataflow.Execute(context.Background(), p); err != nil {
		t.Fatalf("dry run: %v", err)
	}
}
