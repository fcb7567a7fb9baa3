package input

import (
	"net/url"
	"strings"
)

// HostOf returns the host of a URL, or of a bare host name such as "example.com", in lower case,
// without port, trailing dot or a leading "www."; "" when value names no host.
func HostOf(value string) string {
	v := strings.TrimSpace(value)
	if v == "" {
		return ""
	}
	var host string
	if strings.Contains(v, "://") || strings.HasPrefix(v, "//") {
		u, err := url.Parse(v)
		if err != nil {
			return ""
		}
		host = u.Hostname()
	} else {
		// a bare host, possibly followed by a path: "example.com/news/1"
		host, _, _ = strings.Cut(v, "/")
		if i := strings.LastIndexByte(host, ':'); i >= 0 && !strings.Contains(host[i:], "]") {
			host = host[:i]
		}
		if strings.ContainsAny(host, " \t@?#") || !strings.Contains(host, ".") && host != "localhost" {
			return ""
		}
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	host = strings.TrimPrefix(host, "www.")
	return host
}
