package cli

import (
	"github.com/newslint/newslint/drift"
	"github.com/newslint/newslint/htmlreport"
	"github.com/newslint/newslint/monitor"
)

// The crawl-monitoring subcommands, each given the arguments after its name:
//
//	newslint summary [-o FILE] [--label L] [--site-field F] [--site-depth N] [PATH...]
//	newslint summary --merge [-o FILE] SUMMARY.json...
//	newslint drift [--format text|json|github] [--fail-on SEVERITY] OLD.json NEW.json
//	newslint report -o report.html [--drift DRIFT.json] [--worst WORST.json] SUMMARY.json...
//
// Their help is monitor.Usage, drift.Usage and htmlreport.Usage. Main dispatches them before
// parsing its own flags, since each parses its own.

func cmdSummary(args []string, env Env) int {
	return monitor.Command(args, env.Dir, env.Stdout, env.Stderr)
}

func cmdDrift(args []string, env Env) int {
	return drift.CommandIn(env.Dir, args, env.Stdout, env.Stderr)
}

func cmdReport(args []string, env Env) int {
	return htmlreport.CommandIn(env.Dir, args, env.Stdout, env.Stderr)
}
