package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// templateFindings returns the template-line findings of a jsonl report, with paths made
// relative to the corpus directory, sorted.
func templateFindings(t *testing.T, out, prefix string) []string {
	t.Helper()
	var got []string
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, `"rule":"template-line"`) {
			got = append(got, strings.Replace(l, `"path":"`+prefix, `"path":"`, 1))
		}
	}
	slices.Sort(got)
	return got
}

// Stats gathered on a root written one way must give the same findings when applied to the
// root written another way (absolute, relative, with ./).
func TestCorpusStatsArePathIndependent(t *testing.T) {
	top := t.TempDir()
	os.MkdirAll(filepath.Join(top, "news", "site"), 0o755)
	for i := range 6 {
		write(t, filepath.Join(top, "news", "site", fmt.Sprintf("a%d.txt", i)), fmt.Sprintf(
			"Harbour bridge reopens %d\n\nThe harbour bridge reopened on Monday after %d weeks of repairs, the city council said.\n\nShare this article\nRead more about transport\n", i, i+2), 0o644)
	}
	t.Chdir(top)
	abs := filepath.Join(top, "news")
	roots := map[string]string{"absolute": abs, "relative": "news", "dot": "./news"}
	var want []string
	for gname, groot := range roots {
		stats := filepath.Join(top, gname+".json")
		if code, _, stderr := run(t, "", "stats", "-o", stats, groot); code != 0 {
			t.Fatalf("stats %s: exit %d: %s", groot, code, stderr)
		}
		for lname, lroot := range roots {
			_, out, _ := run(t, "", "--format", "jsonl", "--exit-zero", "--select", "template-line", "--corpus-stats", stats, lroot)
			prefix := strings.TrimPrefix(filepath.Join(lroot, "x"), "./")
			got := templateFindings(t, out, strings.TrimSuffix(prefix, "x"))
			if want == nil {
				want = got
				if len(want) != 12 {
					t.Fatalf("want 12 template-line findings (2 lines in 6 files), got %d:\n%s", len(want), out)
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("stats of %s applied to %s: %d findings, want %d\n%s", gname, lname, len(got), len(want), strings.Join(got, "\n"))
			}
		}
	}
}

// Directories of different roots outside the working directory (whose files have the same
// root-relative paths) do not count together.
func TestRootsOutsideTheBaseCountApart(t *testing.T) {
	top := t.TempDir()
	for _, d := range []string{"one", "two"} {
		os.MkdirAll(filepath.Join(top, d), 0o755)
		for i := range 3 { // 3 files each: below min_files (4), 6 together would reach it
			write(t, filepath.Join(top, d, fmt.Sprintf("a%d.txt", i)), fmt.Sprintf(
				"Harbour bridge reopens %d\n\nThe harbour bridge reopened on Monday after %d weeks of repairs, the city council said.\n\nShare this article\n", i, i+2), 0o644)
		}
	}
	t.Chdir(t.TempDir())
	_, out, _ := run(t, "", "--format", "jsonl", "--exit-zero", "--select", "template-line", filepath.Join(top, "one"), filepath.Join(top, "two"))
	if got := templateFindings(t, out, ""); len(got) != 0 {
		t.Errorf("files of two roots counted together: %s", strings.Join(got, "\n"))
	}
}

// Records that name their URL are counted by site: a feed mixing two sites finds each site's
// template line in that site's records only, and records of one site spread over two
// directories (two crawls, two shards) add up.
func TestRecordsWithURLCountBySite(t *testing.T) {
	top := t.TempDir()
	for _, d := range []string{"crawl1", "crawl2"} {
		os.MkdirAll(filepath.Join(top, d), 0o755)
	}
	record := func(site string, i int, tail string) string {
		return fmt.Sprintf(`{"url":"https://www.%s/news/%d","text":"Harbour bridge update %d\n\nThe harbour bridge reopened on Monday after %d weeks of repairs, the city council said.\n\n%s\n"}`+"\n", site, i, i, i+2, tail)
	}
	// crawl1 holds three records of each site, crawl2 two more of harbour.example: the line
	// "More from Harbour News" recurs in 5 of 5 records of harbour.example, never elsewhere; a
	// line in 3 records of each site recurs 6 times in crawl1 but only 3 times per site
	var feed1, feed2 strings.Builder
	for i := range 3 {
		feed1.WriteString(record("harbour.example", i, "More from Harbour News"))
		feed1.WriteString(record("valley.example", i, "Weather"))
	}
	for i := 3; i < 5; i++ {
		feed2.WriteString(record("harbour.example", i, "More from Harbour News"))
	}
	write(t, filepath.Join(top, "crawl1", "feed.jsonl"), feed1.String(), 0o644)
	write(t, filepath.Join(top, "crawl2", "feed.jsonl"), feed2.String(), 0o644)
	t.Chdir(top)
	_, out, _ := run(t, "", "--format", "jsonl", "--exit-zero", "--select", "template-line", ".")
	got := templateFindings(t, out, "")
	if len(got) != 5 {
		t.Fatalf("want 5 template-line findings (one per harbour.example record), got %d:\n%s", len(got), out)
	}
	for _, l := range got {
		if !strings.Contains(l, `More from Harbour News`) || !strings.Contains(l, "5 of 5 records of harbour.example") {
			t.Errorf("unexpected finding: %s", l)
		}
	}
	// the same counts whether gathered in one run or from each crawl apart and merged
	for i, d := range []string{"crawl1", "crawl2"} {
		if code, _, stderr := run(t, "", "stats", "-o", fmt.Sprintf("part%d.bin", i), d); code != 0 {
			t.Fatalf("stats %s: exit %d: %s", d, code, stderr)
		}
	}
	if code, _, stderr := run(t, "", "stats", "merge", "-o", "all.bin", "part0.bin", "part1.bin"); code != 0 {
		t.Fatalf("stats merge: exit %d: %s", code, stderr)
	}
	_, out2, _ := run(t, "", "--format", "jsonl", "--exit-zero", "--select", "template-line", "--corpus-stats", "all.bin", ".")
	if got2 := templateFindings(t, out2, ""); !slices.Equal(got2, got) {
		t.Errorf("merged per-crawl stats give other findings:\n%s\nwant:\n%s", strings.Join(got2, "\n"), strings.Join(got, "\n"))
	}
}
