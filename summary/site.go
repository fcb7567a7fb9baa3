package summary

import (
	"path"
	"strings"

	"github.com/newslint/newslint/input"
)

// DefaultSiteField is the record field whose URL host names a record's site.
const DefaultSiteField = "url"

// Site names the site of a document. For a record with a site value (a URL, or the value of a
// configured "site" or "domain" field) it is the host of that value (see HostOf); otherwise it
// is the first depth directories of the document's path relative to the walked root (see
// DirSite).
func Site(value, rel string, depth int) string {
	if h := HostOf(value); h != "" {
		return h
	}
	return DirSite(rel, depth)
}

// HostOf returns the host of a URL, or of a bare host name such as "example.com", in lower case,
// without port, trailing dot or a leading "www."; "" when value names no host.
func HostOf(value string) string { return input.HostOf(value) }

// DirSite returns the first depth directory levels of rel, a slash-separated path relative to
// the root of the run ("bbc/2024/a.txt" gives "bbc" at depth 1, "bbc/2024" at depth 2). A file
// with fewer directory levels gets the directories it has, and a file at the root ".". A depth
// below 1 counts as 1.
func DirSite(rel string, depth int) string {
	depth = max(depth, 1)
	dir := path.Dir(path.Clean(strings.ReplaceAll(rel, "\\", "/")))
	dir = strings.TrimPrefix(dir, "/")
	if dir == "." || dir == "" {
		return "."
	}
	parts := strings.Split(dir, "/")
	for len(parts) > 0 && (parts[0] == ".." || parts[0] == ".") {
		parts = parts[1:]
	}
	if len(parts) == 0 {
		return "."
	}
	return strings.Join(parts[:min(depth, len(parts))], "/")
}

// RecordSite returns the site value of a JSON record: the string in field, or in
// DefaultSiteField when field is "". Pass it to Site.
func RecordSite(rec map[string]any, field string) string {
	if field == "" {
		field = DefaultSiteField
	}
	s, _ := rec[field].(string)
	return s
}
