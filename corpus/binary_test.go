package corpus

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func sample() *Stats {
	s := New()
	s.Files = 42
	c := s.For("template-line")
	c.Keys["news/site"] = 17
	c.Keys["."] = 3
	c.Hashes[0xfedcba9876543210] = 5
	c.Hashes[1] = 1
	c.Hashes[1<<63] = 9
	g := s.For("glued-word")
	g.Keys["thenews"] = 2
	g.Keys["ünïcode"] = 4
	s.For("empty-rule")
	return s
}

func TestBinaryRoundTrip(t *testing.T) {
	for _, pruned := range []bool{false, true} {
		s := sample()
		s.Pruned = pruned
		var b bytes.Buffer
		if err := s.WriteBinary(&b); err != nil {
			t.Fatal(err)
		}
		got, err := ReadAny(bytes.NewReader(b.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if got.Files != s.Files || got.Pruned != pruned || !reflect.DeepEqual(got.Rules, s.Rules) {
			t.Errorf("round trip changed the stats:\n got %+v\nwant %+v", got.Rules, s.Rules)
		}
		// equal stats give equal bytes, whatever the map order
		var again bytes.Buffer
		got.WriteBinary(&again)
		if !bytes.Equal(again.Bytes(), b.Bytes()) {
			t.Error("writing the same stats twice gave different bytes")
		}
		var js bytes.Buffer
		s.Write(&js)
		if b.Len()*2 > js.Len() {
			t.Errorf("binary encoding is %d bytes, JSON %d: not compact", b.Len(), js.Len())
		}
	}
}

func TestReadAnyTellsEncodings(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"s.json", "s.bin"} {
		p := filepath.Join(dir, name)
		if err := sample().WriteFile(p); err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(p)
		if isBin := strings.HasPrefix(string(raw), magic); isBin != (name == "s.bin") {
			t.Errorf("%s: binary %v", name, isBin)
		}
	}
	merged, err := ReadFiles([]string{filepath.Join(dir, "s.json"), filepath.Join(dir, "s.bin")})
	if err != nil {
		t.Fatal(err)
	}
	if merged.Files != 84 || merged.Of("template-line").Hashes[1<<63] != 18 {
		t.Errorf("merging a JSON and a binary file gave %d files, %d", merged.Files, merged.Of("template-line").Hashes[1<<63])
	}
}

func TestReadBinaryRefusesDamage(t *testing.T) {
	var b bytes.Buffer
	sample().WriteBinary(&b)
	full := b.Bytes()
	for _, cut := range []int{len(magic) + 1, len(full) / 2, len(full) - 1} {
		if _, err := ReadAny(bytes.NewReader(full[:cut])); err == nil {
			t.Errorf("stats cut at %d of %d bytes were accepted", cut, len(full))
		}
	}
	bad := append([]byte(magic), 1) // version 1
	if _, err := ReadAny(bytes.NewReader(bad)); err == nil || !strings.Contains(err.Error(), "version 1") {
		t.Errorf("old version: %v", err)
	}
}

func TestSize(t *testing.T) {
	s := New()
	if s.Size() != 0 {
		t.Fatalf("empty stats have size %d", s.Size())
	}
	s.For("a").Keys["x"]++
	s.For("a").Hashes[1]++
	s.For("b").Keys["y"] += 3
	o := New()
	o.For("b").Keys["y"]++
	o.For("b").Keys["z"]++
	s.Merge(o)
	if s.Size() != 4 || s.Of("b").Keys["y"] != 4 {
		t.Errorf("size %d, y %d; want 4, 4", s.Size(), s.Of("b").Keys["y"])
	}
}
