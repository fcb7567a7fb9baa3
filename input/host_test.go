package input

import "testing"

func TestRecordSite(t *testing.T) {
	for _, c := range []struct{ raw, want string }{
		{`{"url":"https://www.Example.com:8080/a","text":"x"}`, "example.com"},
		{`{"link":"http://news.example.org/a","text":"x"}`, "news.example.org"},
		{`{"link":"http://a.example/","url":"https://b.example/","text":"x"}`, "b.example"},
		{`{"url":"https://b.example/","link":"http://a.example/","text":"x"}`, "b.example"},
		{`{"url":"not a url","text":"x"}`, ""},
		{`{"url":42,"text":"x"}`, ""},
		{`{"text":"x"}`, ""},
	} {
		rec, err := ParseRecord([]byte(c.raw), DefaultTextFields)
		if err != nil {
			t.Fatalf("%s: %v", c.raw, err)
		}
		if rec.Site != c.want {
			t.Errorf("%s: site %q, want %q", c.raw, rec.Site, c.want)
		}
	}
}
