package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestMonitorCommands runs summary, drift and report through Main as a user would: two crawls of
// one site, the second full of widgets.
func TestMonitorCommands(t *testing.T) {
	dir := t.TempDir()
	story := "The council approved the budget on Tuesday after a debate that lasted late into the evening, officials said.\n" +
		"Members said the plan would add teachers and repair buildings across the district over the next three years.\n"
	for i := 0; i < 6; i++ {
		write(t, filepath.Join(dir, "old", "example.com", string(rune('a'+i))+".txt"), story, 0o644)
		write(t, filepath.Join(dir, "new", "example.com", string(rune('a'+i))+".txt"), story+"veryGood! (62)\nLike (3)\n", 0o644)
	}
	for _, crawl := range []string{"old", "new"} {
		if code, _, errs := run(t, dir, "summary", "-o", crawl+".json", crawl); code != 0 {
			t.Fatalf("summary %s: exit %d %s", crawl, code, errs)
		}
	}
	code, out, errs := run(t, dir, "drift", "old.json", "new.json")
	if code != 1 || !strings.Contains(out, "example.com") || !strings.Contains(out, "vote-widget") {
		t.Errorf("drift: exit %d\n%s\n%s", code, out, errs)
	}
	if code, _, errs := run(t, dir, "report", "-o", "report.html", "old.json", "new.json"); code != 0 {
		t.Fatalf("report: exit %d %s", code, errs)
	}
	if html := read(t, filepath.Join(dir, "report.html")); !strings.Contains(html, "example.com") || strings.Contains(html, "http://") && strings.Contains(html, "<script src=") {
		t.Errorf("report.html does not list the site or loads scripts from the network")
	}
}
