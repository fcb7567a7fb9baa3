package corpus

import (
	"path"
	"strings"
)

// GroupOf is the group a file's documents are counted in by rules that count per directory:
// the directory of rel, its slash-separated path relative to the run's root ("." at the top).
// Keys built from it are the same however the root was written (/abs/dir, dir, ./dir) and on
// whatever machine or mount point the files are read.
func GroupOf(rel string) string {
	if clean(rel) { // the walk's paths are: their directory is a part of them, not a new string
		if i := strings.LastIndexByte(rel, '/'); i >= 0 {
			return rel[:i]
		}
		return "."
	}
	rel = strings.TrimPrefix(path.Clean("/"+strings.ReplaceAll(rel, `\`, "/")), "/")
	return path.Dir(rel)
}

// clean reports a relative slash-separated path that cleaning leaves as it is: not empty, no
// backslash, and no segment that is empty, "." or "..".
func clean(rel string) bool {
	seg := 0 // where the current segment starts
	for i := 0; i <= len(rel); i++ {
		if i < len(rel) && rel[i] != '/' {
			if rel[i] == '\\' {
				return false
			}
			continue
		}
		switch rel[seg:i] {
		case "", ".", "..":
			return false
		}
		seg = i + 1
	}
	return true
}

// sitePrefix marks the group of records counted by site ("//example.com", as a scheme-relative
// URL): GroupOf never starts a directory group with a slash.
const sitePrefix = "//"

// SiteGroup is the group of the records of one site (a host, see input.HostOf): records that
// name their URL are counted by site, whichever file or directory holds them, so that a feed
// mixing many sites counts each site's template apart and shards of one site add up.
func SiteGroup(host string) string { return sitePrefix + host }

// SiteOf returns the host of a group made by SiteGroup, and false for a directory group.
func SiteOf(group string) (string, bool) {
	if strings.HasPrefix(group, sitePrefix) {
		return group[len(sitePrefix):], true
	}
	return "", false
}
