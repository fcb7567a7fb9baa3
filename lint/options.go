package lint

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// A rule's options struct is the one source of its options: each exported field's `toml` tag
// names the key, its `doc` tag documents it, its Go type gives the type, and the value NewOptions
// sets is the default. Meta.Options, `newslint rule ID` and the default configuration are derived
// from it (see MetaOf), so they cannot disagree.

// MetaOf returns r's metadata with Options derived from its options struct.
func MetaOf(r Rule) *Meta {
	m := r.Meta()
	if c, ok := r.(Configurable); ok {
		m.Options = DescribeOptions(c.NewOptions())
	}
	return m
}

// DescribeOptions lists the options of an options struct (or a pointer to one) from its field
// tags and values. Fields without a `toml` tag are not options.
func DescribeOptions(opts any) []Option {
	v := reflect.ValueOf(opts)
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil
	}
	t := v.Type()
	var out []Option
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
		if name == "" || name == "-" || !f.IsExported() {
			continue
		}
		out = append(out, Option{Name: name, Type: typeName(f.Type), Default: TOMLValue(v.Field(i).Interface()), Doc: f.Tag.Get("doc")})
	}
	return out
}

func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.String:
		return "string"
	case reflect.Slice:
		return "list of " + typeName(t.Elem()) + "s"
	}
	return t.String()
}

// TOMLValue writes a default value as it is written in .newslint.toml.
func TOMLValue(v any) string {
	switch x := v.(type) {
	case string:
		return strconv.Quote(x)
	case float64:
		f := strconv.FormatFloat(x, 'g', -1, 64)
		if !strings.ContainsAny(f, ".eEn") { // a TOML float, not an integer
			f += ".0"
		}
		return f
	case []string:
		q := make([]string, len(x))
		for i, s := range x {
			q[i] = strconv.Quote(s)
		}
		return "[" + strings.Join(q, ", ") + "]"
	}
	return fmt.Sprint(v)
}
