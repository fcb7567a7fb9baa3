package cli

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/mattn/go-isatty"
)

// colorFlag is --color=auto|always|never.
type colorFlag string

func (c *colorFlag) String() string { return string(*c) }

// Set implements flag.Value.
func (c *colorFlag) Set(v string) error {
	switch v {
	case "auto", "always", "never":
		*c = colorFlag(v)
		return nil
	}
	return fmt.Errorf("want auto, always or never, got %q", v)
}

func addTermFlags(fs *flag.FlagSet, c *colorFlag) {
	*c = "auto"
	fs.Var(c, "color", "colour the text output: `WHEN` is auto (on a terminal, unless NO_COLOR is set or TERM=dumb; FORCE_COLOR forces it), always or never")
}

// colorWanted decides colour: --no-color and --color=never turn it off, --color=always on;
// otherwise FORCE_COLOR (set and not "0") turns it on, NO_COLOR or TERM=dumb off, and else
// colour is used on a terminal only.
func colorWanted(o *options, env Env) bool {
	switch {
	case o.noColor || o.color == "never":
		return false
	case o.color == "always":
		return true
	}
	if fc := env.Getenv("FORCE_COLOR"); fc != "" && fc != "0" && fc != "false" {
		return true
	}
	if env.Getenv("NO_COLOR") != "" || env.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := env.Stdout.(*os.File)
	return ok && (isatty.IsTerminal(f.Fd()) || isatty.IsCygwinTerminal(f.Fd()))
}

// termWidth is the terminal width from COLUMNS, or 0 when unknown.
func termWidth(env Env) int {
	n, err := strconv.Atoi(strings.TrimSpace(env.Getenv("COLUMNS")))
	if err != nil || n <= 0 {
		return 0
	}
	return n
}
