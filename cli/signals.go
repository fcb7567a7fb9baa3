package cli

import (
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/newslint/newslint/pipeline"
)

// onSignals makes SIGINT, SIGTERM, SIGHUP and SIGPIPE (the reader of the report went away:
// `newslint --fix | head`) end a run cleanly: the temporary files of fixes under way are
// removed (the files they were to replace stay as they were; files already fixed stay fixed)
// and newslint exits 128 plus the signal's number (130, 143, 129, 141), as a shell reports
// those signals. It returns the function that stops watching.
func onSignals(stderr io.Writer) (stop func()) {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, os.Interrupt, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGPIPE)
	done := make(chan struct{})
	go func() {
		select {
		case s := <-ch:
			n := pipeline.RemoveTemps()
			code := 130
			if sig, ok := s.(syscall.Signal); ok {
				code = 128 + int(sig)
			}
			fmt.Fprintf(stderr, "newslint: interrupted (%v); %d file(s) being fixed were left as they were\n", s, n)
			os.Exit(code)
		case <-done:
		}
	}()
	return func() {
		signal.Stop(ch)
		close(done)
	}
}
