// Command newslint lints scraped news text. See README.md, or run `newslint --help`.
package main

import (
	"os"

	"github.com/newslint/newslint/cli"
)

func main() {
	os.Exit(cli.Main(os.Args[1:], cli.Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
}
