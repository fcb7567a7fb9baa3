package cli

import (
	"os"
	"testing"
)

// TestMain lets tests run this test binary as newslint itself (NEWSLINT_TEST_MAIN=1), for tests
// that need a real process: killing it, or running it as another user.
func TestMain(m *testing.M) {
	if os.Getenv("NEWSLINT_TEST_MAIN") == "1" {
		os.Exit(Main(os.Args[1:], Env{Stdin: os.Stdin, Stdout: os.Stdout, Stderr: os.Stderr}))
	}
	os.Exit(m.Run())
}
