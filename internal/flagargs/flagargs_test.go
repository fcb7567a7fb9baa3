package flagargs

import (
	"errors"
	"flag"
	"io"
	"slices"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		args []string
		out  string
		pos  []string
	}{
		{[]string{"-o", "a.json", "dir"}, "a.json", []string{"dir"}},
		{[]string{"dir", "-o", "a.json", "dir2"}, "a.json", []string{"dir", "dir2"}},
		{[]string{"dir", "dir2", "-o=b.json"}, "b.json", []string{"dir", "dir2"}},
		{nil, "", nil},
	} {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		out := fs.String("o", "", "")
		pos, err := Parse(fs, c.args)
		if err != nil || *out != c.out || !slices.Equal(pos, c.pos) {
			t.Errorf("Parse(%q) = %q, -o %q, %v; want %q, -o %q", c.args, pos, *out, err, c.pos, c.out)
		}
	}
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if _, err := Parse(fs, []string{"dir", "--help"}); !errors.Is(err, flag.ErrHelp) {
		t.Errorf("--help: %v", err)
	}
	if _, err := Parse(fs, []string{"-nope"}); err == nil {
		t.Error("an unknown flag must be an error")
	}
}
