package cli

import (
	"bytes"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// runEnv runs newslint with the given environment variables.
func runEnv(t *testing.T, vars map[string]string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, Env{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return vars[k] }})
	return code, out.String(), errb.String()
}

// TestPreviewWindowsLongLines: a fix far right on a long line shows in the preview as a window
// around the change, fitted to COLUMNS, with the changed words highlighted in colour, instead
// of two identical cut lines.
func TestPreviewWindowsLongLines(t *testing.T) {
	dir := t.TempDir()
	long := strings.Repeat("The delegations met again on Tuesday in the capital to discuss the terms of the agreement. ", 3) +
		"Officials said a letter from Kim Jung Un had been delivered on Monday.\n"
	p := filepath.Join(dir, "a.txt")
	write(t, p, long, 0o644)
	for _, cols := range []int{0, 100, 60} {
		vars := map[string]string{}
		width := 170
		if cols > 0 {
			vars["COLUMNS"] = strconv.Itoa(cols)
			width = cols
		}
		_, out, errs := runEnv(t, vars, "--select", "name-spelling", p)
		var minus, plus string
		for _, l := range strings.Split(out, "\n") {
			if strings.HasPrefix(l, "      ") && utf8.RuneCountInString(l) > width {
				t.Errorf("COLUMNS=%d: line wider than %d: %q", cols, width, l)
			}
			if strings.HasPrefix(l, "      1 - ") {
				minus = l
			}
			if strings.HasPrefix(l, "      1 + ") {
				plus = l
			}
		}
		if !strings.Contains(minus, "Kim Jung Un") || !strings.Contains(plus, "Kim Jong Un") || !strings.HasPrefix(minus[10:], "…") {
			t.Errorf("COLUMNS=%d: the change is not shown:\n%s%s", cols, out, errs)
		}
	}
	_, out, _ := runEnv(t, map[string]string{"COLUMNS": "100"}, "--color", "always", "--select", "name-spelling", p)
	if !strings.Contains(out, "\x1b[31;7mJung\x1b[0;27m") || !strings.Contains(out, "\x1b[32;7mJong\x1b[0;27m") {
		t.Errorf("changed words not highlighted:\n%q", out)
	}
}

// TestColorSwitches: --color=always|never, FORCE_COLOR, NO_COLOR and TERM=dumb.
func TestColorSwitches(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	write(t, p, dirty, 0o644)
	for _, c := range []struct {
		vars  map[string]string
		args  []string
		color bool
	}{
		{nil, nil, false}, // not a terminal
		{nil, []string{"--color", "always"}, true},
		{map[string]string{"FORCE_COLOR": "1"}, nil, true},
		{map[string]string{"FORCE_COLOR": "1"}, []string{"--color=never"}, false},
		{map[string]string{"FORCE_COLOR": "1"}, []string{"--no-color"}, false},
		{map[string]string{"FORCE_COLOR": "0"}, nil, false},
		{map[string]string{"NO_COLOR": "1"}, []string{"--color=always"}, true},
		{map[string]string{"TERM": "dumb", "FORCE_COLOR": "1"}, nil, true},
	} {
		_, out, _ := runEnv(t, c.vars, append(c.args, p)...)
		if got := strings.Contains(out, "\x1b["); got != c.color {
			t.Errorf("%v %v: colour %v, want %v", c.vars, c.args, got, c.color)
		}
	}
	if code, _, errs := runEnv(t, nil, "--color", "sometimes", p); code != 2 || !strings.Contains(errs, "auto, always or never") {
		t.Errorf("bad --color: %d %s", code, errs)
	}
}
