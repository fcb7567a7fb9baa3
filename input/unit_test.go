package input

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// units reads all units of content and checks that writing each back unchanged gives the
// content byte for byte.
func units(t *testing.T, content string, k Kind) []*Unit {
	t.Helper()
	var out []*Unit
	if err := Units(strings.NewReader(content), "f", k, DefaultTextFields, func(u *Unit) error {
		out = append(out, u)
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	for _, u := range out {
		for _, p := range u.WriteBack(nil) {
			b.Write(p)
		}
	}
	if b.String() != content {
		t.Errorf("written back unchanged:\n%q\nwant\n%q", b.String(), content)
	}
	return out
}

func TestUnitsOfJSONLines(t *testing.T) {
	content := "{\"id\":1,\"text\":\"a\"}\r\n\n{\"url\":\"u\",\"body\":\"b\"}\n{\"text\":\"broken\n{\"title\":\"x\"}"
	us := units(t, content, JSONLines)
	if len(us) != 5 {
		t.Fatalf("%d units, want 5 (one per line)", len(us))
	}
	for i, want := range []struct {
		text string
		err  error
		id   string
	}{{"a", nil, "1"}, {"", ErrSkip, ""}, {"b", nil, "u"}, {"", errors.New("malformed record"), ""}, {"", ErrNoText, ""}} {
		u := us[i]
		if u.IsWhole() || u.Loc.Record != i+1 || u.Loc.Line != i+1 {
			t.Errorf("unit %d: locator %+v", i, u.Loc)
		}
		text, err := u.Content()
		switch {
		case want.err == nil && (err != nil || string(text) != want.text):
			t.Errorf("unit %d: %q, %v", i, text, err)
		case want.err != nil && (err == nil || !errors.Is(err, want.err) && !strings.Contains(err.Error(), want.err.Error())):
			t.Errorf("unit %d: error %v, want %v", i, err, want.err)
		}
		if u.Loc.ID != want.id {
			t.Errorf("unit %d: id %q, want %q", i, u.Loc.ID, want.id)
		}
	}
	fixed := "A\n\"quoted\""
	got := bytes.Join(us[0].WriteBack(&fixed), nil)
	if string(got) != "{\"id\":1,\"text\":\"A\\n\\\"quoted\\\"\"}\r\n" {
		t.Errorf("record written back with new text: %q", got)
	}
}

func TestUnitsOfJSONArray(t *testing.T) {
	content := "[\n  {\"text\": \"a\"},\n\n  {\"text\": \"b\",\n   \"id\": 2}\n]\n"
	us := units(t, content, JSONArray)
	if len(us) != 3 {
		t.Fatalf("%d units, want 2 records and what follows them", len(us))
	}
	if us[0].Loc.Line != 2 || us[1].Loc.Line != 4 || us[1].Loc.ID != "" {
		t.Errorf("lines %d, %d", us[0].Loc.Line, us[1].Loc.Line)
	}
	if text, err := us[1].Content(); string(text) != "b" || err != nil || us[1].Loc.ID != "2" {
		t.Errorf("second record: %q %v id %q", text, err, us[1].Loc.ID)
	}
	if _, err := us[2].Content(); !errors.Is(err, ErrSkip) {
		t.Errorf("what follows the last element: %v", err)
	}
	if err := Units(strings.NewReader(`{"text":"x"}`), "f", JSONArray, DefaultTextFields, func(*Unit) error { return nil }); err == nil {
		t.Error("an object read as an array")
	}
}

func TestWholeUnit(t *testing.T) {
	us := units(t, "a text\nof two lines\n", Text)
	if len(us) != 1 || !us[0].IsWhole() || us[0].Loc.IsRecord() || us[0].Loc.String() != "f" {
		t.Fatalf("units %+v", us)
	}
	fixed := "a text\n"
	if got := bytes.Join(us[0].WriteBack(&fixed), nil); string(got) != fixed {
		t.Errorf("written back: %q", got)
	}
	for _, c := range []struct {
		loc  Locator
		want string
	}{{Locator{Path: "a.txt"}, "a.txt"}, {Locator{Path: "f.jsonl", Record: 3, Line: 3}, "f.jsonl[line 3]"},
		{Locator{Path: "f.jsonl", Record: 3, Line: 3, ID: "42"}, "f.jsonl[line 3, 42]"}} {
		if got := c.loc.String(); got != c.want {
			t.Errorf("%+v: %q, want %q", c.loc, got, c.want)
		}
	}
}
