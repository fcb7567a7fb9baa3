package cli

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
)

// validateJUnit checks a JUnit report against testdata/junit/junit.xsd with xmllint.
func validateJUnit(t *testing.T, path string) {
	t.Helper()
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		t.Fatal("xmllint (Debian's libxml2-utils; .ci/run installs it) is needed to validate JUnit reports")
	}
	out, err := exec.Command(xmllint, "--noout", "--schema", filepath.Join("..", "testdata", "junit", "junit.xsd"), path).CombinedOutput()
	if err != nil {
		t.Errorf("%s does not validate: %v\n%s", path, err, out)
	}
}

// TestJUnitFollowsFailOn: a finding below --fail-on is no <failure> (the run exits 0), it is
// listed in <system-out>; at or above --fail-on it is a failure and the run exits 1. Both
// reports, and the golden one, validate against the JUnit schema.
func TestJUnitFollowsFailOn(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, config.FileName), "[rules.vote-widget]\nseverity = \"info\"\n", 0o644)
	write(t, filepath.Join(dir, "a.txt"), dirty, 0o644)
	write(t, filepath.Join(dir, "b.txt"), clean, 0o644)
	for _, c := range []struct {
		failOn   string
		code     int
		failures int
	}{
		{"warning", 0, 0},
		{"info", 1, 1},
	} {
		report := filepath.Join(dir, "junit-"+c.failOn+".xml")
		code, _, errs := run(t, dir, "--fail-on", c.failOn, "--format", "text", "--output", "junit="+report, dir)
		if code != c.code {
			t.Fatalf("--fail-on %s: exit %d, want %d: %s", c.failOn, code, c.code, errs)
		}
		x := read(t, report)
		if n := strings.Count(x, "<failure "); n != c.failures {
			t.Errorf("--fail-on %s: %d <failure> elements, want %d:\n%s", c.failOn, n, c.failures, x)
		}
		if !strings.Contains(x, `failures="`+string(rune('0'+c.failures))+`"`) {
			t.Errorf("--fail-on %s: failures attribute wrong:\n%s", c.failOn, x)
		}
		if c.failures == 0 && !strings.Contains(x, "<system-out>"+filepath.Join(dir, "a.txt")+":2:1: info [vote-widget]") {
			t.Errorf("--fail-on %s: the finding below the threshold is not in <system-out>:\n%s", c.failOn, x)
		}
		validateJUnit(t, report)
	}
	validateJUnit(t, filepath.Join("..", "testdata", "golden", "junit.golden"))
}
