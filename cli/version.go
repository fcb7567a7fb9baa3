package cli

import "runtime/debug"

// Version is newslint's version as reports record it. A release build may set it with
// -ldflags "-X github.com/newslint/newslint/cli.Version=v1.2.3"; otherwise it comes from the
// build information the Go toolchain stamps into the binary (see versionFrom).
var Version string

func init() {
	if Version == "" {
		bi, _ := debug.ReadBuildInfo()
		Version = versionFrom(bi)
	}
}

// versionFrom derives a version from build information: the module version when newslint was
// built by `go install module@version` or from a tagged checkout (Go stamps pseudo-versions such
// as v0.0.0-20261125015922-8085de9ec056+dirty from the checkout's revision), else "devel" with
// the VCS revision, else plain "devel" (built with -buildvcs=false, by `go run`, or in tests).
func versionFrom(bi *debug.BuildInfo) string {
	if bi == nil {
		return "devel"
	}
	if v := bi.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if rev == "" {
		return "devel"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	v := "devel-" + rev
	if modified == "true" {
		v += "+dirty"
	}
	return v
}

// versionLine is what --version prints.
func versionLine() string {
	if Version == "devel" {
		return "newslint devel (no version information: built by `go run`, with -buildvcs=false or outside a git checkout)\n"
	}
	return "newslint " + Version + "\n"
}
