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
