package cli

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
)

// TestInitForceAndHelp: 'newslint init --force' (which the refusal message suggests) overwrites
// the file, and 'newslint help' shows the help.
func TestInitForceAndHelp(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, config.FileName)
	write(t, p, "# mine\n", 0o644)
	code, _, errs := run(t, dir, "init")
	if code != 2 || !strings.Contains(errs, "newslint init --force") {
		t.Fatalf("init over a file: exit %d %s", code, errs)
	}
	if read(t, p) != "# mine\n" {
		t.Error("init without --force overwrote the file")
	}
	for _, args := range [][]string{{"init", "--force"}, {"--force", "init"}} {
		write(t, p, "# mine\n", 0o644)
		if code, _, errs := run(t, dir, args...); code != 0 || read(t, p) != config.DefaultTOML {
			t.Errorf("%v: exit %d %s", args, code, errs)
		}
	}
	if code, _, errs := run(t, dir, "init", "extra"); code != 2 || !strings.Contains(errs, "usage: newslint init [--force]") {
		t.Errorf("init extra: exit %d %s", code, errs)
	}
	code, out, _ := run(t, dir, "help")
	if code != 0 || !strings.Contains(out, "Usage:") || !strings.Contains(out, "--force-exclude") || !strings.Contains(out, "--allow-empty") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
}

// TestDidYouMean: unknown flags and rule IDs suggest the closest known one.
func TestDidYouMean(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--unsafe-fix"}, "did you mean --unsafe-fixes?"},
		{[]string{"--forse-exclude", "."}, "did you mean --force-exclude?"},
		{[]string{"--select", "nav-leek", "."}, `--select: unknown rule "nav-leek" (did you mean nav-leak?`},
		{[]string{"--ignore", "vote_widget", "."}, `--ignore: unknown rule "vote_widget" (did you mean vote-widget?`},
		{[]string{"rule", "glued-words"}, "did you mean glued-word?"},
	} {
		code, _, errs := run(t, t.TempDir(), c.args...)
		if code != 2 || !strings.Contains(errs, c.want) {
			t.Errorf("%v: exit %d, stderr %q, want %q", c.args, code, errs, c.want)
		}
	}
	if _, _, errs := run(t, "", "--zzzzzzzz"); strings.Contains(errs, "did you mean") {
		t.Errorf("a far-off flag got a suggestion: %s", errs)
	}
}
