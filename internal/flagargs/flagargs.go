// Package flagargs parses command lines whose flags may stand before, between or after the
// positional arguments, as newslint's subcommands allow ("newslint summary DIR -o run.json").
package flagargs

import "flag"

// Parse parses args with fs, collecting the positional arguments wherever they stand; "--" ends
// the flags as usual. It returns flag.ErrHelp for -h and --help, and fs's error otherwise.
func Parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}
