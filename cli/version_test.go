package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionFrom(t *testing.T) {
	vcs := func(rev, modified string) []debug.BuildSetting {
		return []debug.BuildSetting{{Key: "vcs", Value: "git"}, {Key: "vcs.revision", Value: rev}, {Key: "vcs.modified", Value: modified}}
	}
	for _, c := range []struct {
		bi   *debug.BuildInfo
		want string
	}{
		{nil, "devel"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}}, "v0.2.0"},
		{&debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261125015922-8085de9ec056+dirty"}}, "v0.0.0-20261125015922-8085de9ec056+dirty"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("8085de9ec0568de2db1b5247433dd62004a2c597", "false")}, "devel-8085de9ec056"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: vcs("8085de9ec0568de2db1b5247433dd62004a2c597", "true")}, "devel-8085de9ec056+dirty"},
		{&debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "devel"}, // -buildvcs=false
	} {
		if got := versionFrom(c.bi); got != c.want {
			t.Errorf("versionFrom(%+v) = %q, want %q", c.bi, got, c.want)
		}
	}
	if code, out, _ := run(t, "", "--version"); code != 0 || out != versionLine() || !strings.HasPrefix(out, "newslint devel") {
		t.Errorf("--version in tests (no VCS stamp): %d %q", code, out)
	}
}

// TestVersionStampedFromClone builds newslint the way the README says, in a fresh clone of this
// repository, and checks that --version names the clone's revision, not a fixed string.
func TestVersionStampedFromClone(t *testing.T) {
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	clone := filepath.Join(tmp, "newslint")
	if out, err := exec.Command("git", "clone", "-q", root, clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone (this test needs a git checkout): %v %s", err, out)
	}
	head, err := exec.Command("git", "-C", clone, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(tmp, "newslint-bin")
	build := exec.Command("go", "build", "-buildvcs=true", "-o", bin, "./cmd/newslint")
	build.Dir = clone
	build.Env = append(os.Environ(), "GOFLAGS=-buildvcs=true")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v %s", err, out)
	}
	out, err := exec.Command(bin, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	// Go stamps a pseudo-version holding the first 12 digits of the revision
	if rev := strings.TrimSpace(string(head))[:12]; !strings.Contains(string(out), rev) {
		t.Errorf("--version = %q, want the revision %s", out, rev)
	}
}
