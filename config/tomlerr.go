package config

import (
	"regexp"
	"strings"
)

// The TOML library words type mismatches in Go terms ("TOML value has type int64; destination
// has type slice", "type mismatch for config.rawFiles: expected table but found []any"); a
// user of newslint writes TOML and should read TOML words.
var (
	incompatibleRE = regexp.MustCompile(`incompatible types: TOML value has type (\S+); destination has type (.+)$`)
	mismatchRE     = regexp.MustCompile(`(?s)type mismatch for .*: expected table but found (\S+)$`)
	unsupportedRE  = regexp.MustCompile(`unsupported type \S+$`)
)

// tomlTypeWords rewrites the Go type names of a TOML decoding message in TOML's words.
func tomlTypeWords(msg string) string {
	if m := incompatibleRE.FindStringSubmatchIndex(msg); m != nil {
		got, want := msg[m[2]:m[3]], msg[m[4]:m[5]]
		return msg[:m[0]] + "expected " + tomlKind(want) + ", got " + tomlKind(got)
	}
	if m := mismatchRE.FindStringSubmatchIndex(msg); m != nil {
		return msg[:m[0]] + "expected a table, got " + tomlKind(msg[m[2]:m[3]])
	}
	if m := unsupportedRE.FindStringIndex(msg); m != nil {
		return msg[:m[0]] + "this key takes no value of that kind"
	}
	return msg
}

// tomlKind names, in TOML's words, a Go type as the TOML library prints it.
func tomlKind(goType string) string {
	t := strings.TrimPrefix(goType, "*")
	switch {
	case strings.HasPrefix(t, "[]") || t == "slice" || t == "array":
		return "an array"
	case strings.HasPrefix(t, "map") || t == "struct" || t == "table":
		return "a table"
	case strings.HasPrefix(t, "int") || strings.HasPrefix(t, "uint") || t == "integer":
		return "an integer"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string" || strings.HasPrefix(t, "primitive (string-like)"):
		return "a string"
	case t == "bool" || t == "boolean":
		return "true or false"
	case strings.HasPrefix(t, "time.") || strings.HasPrefix(t, "toml.Local"):
		return "a date or time"
	}
	return "another kind of value"
}
