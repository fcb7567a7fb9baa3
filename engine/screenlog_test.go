package engine

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/newslint/newslint/config"
	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/input"
	"github.com/newslint/newslint/lint"
)

// screenCorpus copies texts of testdata (the seeds, the labelled dev set and the look-alike
// articles) under a temporary directory, and adds a JSON Lines feed of some of them (with a
// record of another site, a record without text and a malformed line), so that a run has plain
// files, records, template lines, names and clean texts.
func screenCorpus(t *testing.T) (string, []input.File) {
	t.Helper()
	dir := t.TempDir()
	var files []input.File
	var feed strings.Builder
	n := 0
	for _, root := range []string{"../testdata/seeds/input", "../testdata/eval/dev", "../testdata/lookalike"} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".txt") {
				return err
			}
			raw, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel := filepath.ToSlash(filepath.Join(filepath.Base(root), strings.TrimPrefix(p, root)))
			dst := filepath.Join(dir, filepath.FromSlash(rel))
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(dst, raw, 0o644); err != nil {
				return err
			}
			files = append(files, input.NewFile(dst, rel, ""))
			if n++; n%3 == 0 {
				rec, _ := json.Marshal(map[string]string{"url": fmt.Sprintf("https://www.site%d.example/a/%d", n%4, n), "text": string(raw)})
				feed.Write(rec)
				feed.WriteByte('\n')
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	feed.WriteString(`{"url": "https://other.example/x", "title": "no text here"}` + "\n")
	feed.WriteString(`{"url": "https://other.example/y", "text": ` + "\n")
	feed.WriteString(`{"url": "https://other.example/z", "text": "Follow us on Twitter\nThe council met on Monday."}` + "\n")
	for _, f := range []struct{ rel, text string }{
		{"feed.jsonl", feed.String()}, {"empty.jsonl", ""}, {"empty.txt", ""}, {"blank.jsonl", "\n\n"},
		{"bad-utf8.txt", "Follow us on Twitter\nThe council met on Monday \xff and voted.\n"},
	} {
		p := filepath.Join(dir, f.rel)
		if err := os.WriteFile(p, []byte(f.text), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, input.NewFile(p, f.rel, ""))
	}
	return dir, files
}

// runReport runs a corpus pass and a checking pass over files as the command line does (the
// counts pruned between them) and returns everything the results hold, in order.
func runReport(t *testing.T, files []input.File, opts Options, between func()) string {
	t.Helper()
	cfg := config.Default()
	stats, err := GatherChecked(cfg, files, opts)
	if err != nil {
		t.Fatal(err)
	}
	cfg.Prune(stats)
	if between != nil {
		between()
	}
	opts.Corpus = stats
	var out strings.Builder
	Run(cfg, files, opts, func(r *Result) {
		fmt.Fprintf(&out, "== %s part %d last %v bytes %d changed %v\n", r.File.Rel(), r.Part, r.Last, r.Bytes, r.Changed)
		for _, e := range r.Errors {
			fmt.Fprintf(&out, "error: %v\n", e)
		}
		for _, fs := range [][]Finding{r.Findings, r.Suppressed} {
			for _, f := range fs {
				b, err := json.Marshal(f)
				if err != nil {
					t.Fatal(err)
				}
				out.Write(b)
				out.WriteByte('\n')
			}
		}
	})
	return out.String()
}

// TestOnePassFindsWhatTwoPassesFind: a run whose corpus pass also checks (OnePass) reports
// exactly what a corpus pass followed by a full checking pass reports, findings, previews,
// errors and sizes alike, with the screen log in memory and in a temporary file; and it does
// skip files, so the test does not pass by checking everything twice.
func TestOnePassFindsWhatTwoPassesFind(t *testing.T) {
	_, files := screenCorpus(t)
	base := Options{Preview: true, Context: 2, Jobs: 2}
	want := runReport(t, files, base, nil)
	if !strings.Contains(want, `"Rule":"template-line"`) || !strings.Contains(want, "malformed record") {
		t.Fatalf("the corpus lacks template lines or a malformed record:\n%.2000s", want)
	}
	for _, memory := range []int{screenLogMemory, 4 << 10} {
		t.Run(fmt.Sprintf("memory %d", memory), func(t *testing.T) {
			defer func(m int) { screenLogMemory = m }(screenLogMemory)
			screenLogMemory = memory
			var plans, skipped, units int
			defer func() { testHookPlan = nil }()
			testHookPlan = func(work, n int) {
				plans++
				units += n
				if work == 0 {
					skipped++
				}
			}
			o := base
			o.OnePass = true
			o.Jobs = 1 // the hook counts without locking
			// a buffer given back for reuse is overwritten at once: whatever still read it
			// (a count's key, a kept content) would change the report
			recycled := 0
			defer func() { testHookRecycle = nil }()
			testHookRecycle = func(b []byte) {
				recycled++
				b = b[:cap(b)]
				for i := range b {
					b[i] = 0xFF
				}
			}
			got := runReport(t, files, o, nil)
			if recycled == 0 {
				t.Error("no read buffer was given back")
			}
			if got != want {
				t.Errorf("one pass differs from two:\n%s", firstDiff(want, got))
			}
			if plans != len(files) || skipped == 0 || skipped == plans || units <= len(files) {
				t.Errorf("%d files: %d planned from the log, %d skipped, %d units", len(files), plans, skipped, units)
			}
		})
	}
}

// TestOnePassChecksChangedTextAfresh: a file that changed between the passes is checked as it
// is now, as a checking pass that reads it again would.
func TestOnePassChecksChangedTextAfresh(t *testing.T) {
	_, files := screenCorpus(t)
	var target input.File
	for _, f := range files {
		if strings.HasSuffix(f.Rel(), ".txt") && strings.Contains(f.Rel(), "html-text") {
			target = f
			break
		}
	}
	raw, err := os.ReadFile(target.Path())
	if err != nil {
		t.Fatal(err)
	}
	change := func() {
		if err := os.WriteFile(target.Path(), append([]byte("Share this article\nSubscribe now\n"), raw...), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	restore := func() { os.WriteFile(target.Path(), raw, 0o644) }
	want := runReport(t, files, Options{Preview: true}, change)
	restore()
	got := runReport(t, files, Options{Preview: true, OnePass: true}, change)
	if got != want {
		t.Errorf("one pass differs from two on a changed file:\n%s", firstDiff(want, got))
	}
}

// TestOnePassChecksChangedRecordsAfresh: a JSON Lines file that changed between the passes,
// and that the checking pass reads again for some of its records, is checked as it is now, as a
// checking pass that reads it again would: its records no longer line up with those the corpus
// pass screened, so none is skipped on the strength of a frame.
func TestOnePassChecksChangedRecordsAfresh(t *testing.T) {
	clean := `{"text": "The council met on Monday and voted on the budget for next year, officials said.\n"}` + "\n"
	follow := `{"text": "Follow us on Twitter\nThe council met on Monday and voted on the budget for next year.\n"}` + "\n"
	subscribe := `{"text": "Subscribe to our newsletter\nThe council met on Tuesday and voted on the budget.\n"}` + "\n"
	for _, c := range []struct{ name, before, after string }{
		{"a clean record rewritten", follow + clean, follow + subscribe},
		{"a clean record removed", clean + subscribe + follow, subscribe + follow},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "feed.jsonl")
			files := []input.File{input.NewFile(p, "feed.jsonl", "")}
			write := func(s string) {
				if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			change := func() { write(c.after) }
			write(c.before)
			want := runReport(t, files, Options{}, change)
			if strings.Count(want, `"Rule":"prompt-line"`) != 2 {
				t.Fatalf("the changed feed does not have its two prompts:\n%s", want)
			}
			write(c.before)
			got := runReport(t, files, Options{OnePass: true}, change)
			if got != want {
				t.Errorf("one pass differs from two on a changed feed:\n%s", firstDiff(want, got))
			}
		})
	}
}

// TestScreenFramesRoundTrip: a unit's frame decodes to what was encoded.
func TestScreenFramesRoundTrip(t *testing.T) {
	_, files := screenCorpus(t)
	cfg := config.Default()
	n := 0
	scratch := []byte("left over")
	var frames [][]byte
	var fresh []*screenedUnit
	var actives [][]lint.Active
	for _, f := range files[:40] {
		raw, _ := os.ReadFile(f.Path())
		text := string(raw)
		active := cfg.For(f.Rel())
		diags, cands := lint.Screen(document.New(f.Path(), text), active, corpus.New())
		u := input.OwnedUnit(f.Path(), raw)
		frame := unitFrame(unitHash(u), diags, cands)
		scratch = appendUnitFrame(scratch[:0], unitHash(u), diags, cands) // a reused buffer
		if !bytes.Equal(scratch, frame) {
			t.Errorf("%s: the frame appended to a buffer differs", f.Rel())
		}
		s, err := decodeUnit(frame, active)
		if err != nil {
			t.Fatal(err)
		}
		other := input.OwnedUnit(f.Path(), append(raw[:len(raw):len(raw)], ' '))
		if !s.of(u) || !frameOf(frame, u) || s.of(other) || frameOf(frame, other) {
			t.Errorf("%s: the frame does not name its unit", f.Rel())
		}
		if len(diags) > 0 && !reflect.DeepEqual(s.diags, diags) || !reflect.DeepEqual(s.cands, cands) {
			t.Errorf("%s: the frame does not decode to what was encoded", f.Rel())
		}
		for _, dg := range s.diags {
			// the fixes of a unit share one array of edits: each has its own part, full, so that
			// appending to one leaves the next alone
			if dg.Fix != nil && cap(dg.Fix.Edits) != len(dg.Fix.Edits) {
				t.Errorf("%s: a decoded fix has room for %d edits beyond its own", f.Rel(), cap(dg.Fix.Edits)-len(dg.Fix.Edits))
			}
		}
		n += len(diags)
		frames, fresh, actives = append(frames, frame), append(fresh, s), append(actives, active)
	}
	// one unit decoded into again and again, forwards and backwards, keeps nothing of the
	// frames before
	reused := new(screenedUnit)
	for _, backwards := range []bool{false, true} {
		for k := range frames {
			i := k
			if backwards {
				i = len(frames) - 1 - k
			}
			if err := reused.decode(frames[i], actives[i]); err != nil {
				t.Fatal(err)
			}
			want := fresh[i]
			if reused.full != want.full || reused.hash != want.hash || !reflect.DeepEqual(reused.diags, want.diags) || !reflect.DeepEqual(reused.cands, want.cands) {
				t.Errorf("%s: decoded into a reused unit, the frame differs from decoded afresh", files[i].Rel())
			}
		}
	}
	if n == 0 {
		t.Fatal("no diagnostics encoded")
	}
	for _, bad := range [][]byte{{unitLocal}, {unitLocal, 5}, {unitCands, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9}} {
		if _, err := decodeUnit(bad, make([]lint.Active, 3)); err == nil {
			t.Errorf("%v decoded without error", bad)
		}
	}
}

// firstDiff shows where two reports part.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %.600s\n+ %.600s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("lengths %d and %d lines", len(la), len(lb))
}

// TestScreenLogReadsBackWhatItWrote: spans written to the log (in memory, in several chunks,
// or in its file with reads a block at a time) read back as written, in order, out of order,
// across blocks, and longer than a block.
func TestScreenLogReadsBackWhatItWrote(t *testing.T) {
	for _, memory := range []int{1 << 20, 0} {
		defer func(m, b int) { screenLogMemory, screenBlock = m, b }(screenLogMemory, screenBlock)
		screenLogMemory, screenBlock = memory, 64
		l := newScreenLog(0)
		var spans []span
		var want [][]byte
		for i := range 200 {
			n := i%150 + 1
			if i%40 == 7 {
				n = 100 << 10 // several chunks in memory
			}
			b := []byte(strings.Repeat(string(rune('a'+i%26)), n))
			spans = append(spans, l.write(b))
			want = append(want, b)
		}
		l.finish()
		if l.broken || (memory == 0) != (l.file != nil) {
			t.Fatalf("memory %d: broken %v, file %v", memory, l.broken, l.file != nil)
		}
		order := rand.New(rand.NewPCG(1, 2)).Perm(len(spans))
		for k := range 2 * len(spans) {
			i := k % len(spans) // in order first, then shuffled
			if k >= len(spans) {
				i = order[i]
			}
			got, err := l.load(spans[i])
			if err != nil || !bytes.Equal(got, want[i]) {
				t.Fatalf("memory %d: span %d: %q (%v), want %q", memory, i, got, err, want[i])
			}
		}
		l.close()
	}
}

// TestOnePassKeepsItsLogForItsOwnRules: a checking pass with other rules than the corpus pass
// that screened the files does not take its screen log, and reports what its own rules find.
func TestOnePassKeepsItsLogForItsOwnRules(t *testing.T) {
	_, files := screenCorpus(t)
	files = files[:60]
	cfg := config.Default()
	other, err := config.Parse("other.toml", []byte("[rules.page-chrome]\nseverity = \"error\"\n[rules.nav-leak]\nseverity = \"info\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	report := func(src RuleSource, stats *Options) string {
		var out strings.Builder
		Run(src, files, *stats, func(r *Result) {
			for _, f := range r.Findings {
				fmt.Fprintf(&out, "%s:%d %s %s\n", r.File.Rel(), f.Line, f.Rule, f.Severity)
			}
		})
		return out.String()
	}
	twoPass, err := GatherChecked(other, files, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := report(other, &Options{Corpus: twoPass})
	onePass, err := GatherChecked(cfg, files, Options{OnePass: true})
	if err != nil {
		t.Fatal(err)
	}
	got := report(other, &Options{Corpus: onePass, OnePass: true})
	if got != want || !strings.Contains(got, "page-chrome error") {
		t.Errorf("the checking pass took the log of other rules:\n%s", firstDiff(want, got))
	}
}

// TestFrameNeedsIsWants: what the plan reads of a frame without decoding its diagnostics says
// what the decoded frame says, for units with diagnostics, with candidates alone (interesting to
// the merged counts or not) and with nothing.
func TestFrameNeedsIsWants(t *testing.T) {
	cfg := config.Default()
	active := cfg.For("site/a.txt")
	var docs []*document.Document
	for i := range 8 {
		// a line every page of the site repeats (template-line's candidate) and, on some, a
		// navigation label (a diagnostic of its own)
		text := fmt.Sprintf("Council approves budget %d\n\nThe city council approved the budget for the coming year on Tuesday, after a debate that lasted %d hours and ended in a narrow vote.\n\nHarbour Valley Gazette weekend edition\n", i, i+2)
		if i%3 == 0 {
			text += "\nMore from the region\n"
		}
		if i == 7 {
			text = "The mayor said the plan would be reviewed in the spring, and that residents could comment until March.\n"
		}
		docs = append(docs, document.New(fmt.Sprintf("site/%d.txt", i), text))
	}
	stats := corpus.New()
	var frames [][]byte
	for _, d := range docs {
		diags, cands := lint.Screen(d, active, stats)
		frames = append(frames, unitFrame(unitHash(input.OwnedUnit(d.Path, []byte(d.Src))), diags, cands))
	}
	kinds := map[string]int{}
	for _, counts := range []*corpus.Stats{stats, corpus.New()} {
		opts := Options{Corpus: counts}
		for i, frame := range frames {
			s, err := decodeUnit(frame, active)
			if err != nil {
				t.Fatal(err)
			}
			need, err := frameNeeds(frame, active, opts)
			if want := s.wants(active, opts); err != nil || need != want {
				t.Errorf("doc %d: frameNeeds = %v, %v; wants %v", i, need, err, want)
			}
			switch {
			case len(s.diags) > 0:
				kinds["diagnostics"]++
			case s.cands != nil && need:
				kinds["wanted candidates"]++
			case s.cands != nil:
				kinds["other candidates"]++
			default:
				kinds["nothing"]++
			}
		}
	}
	if len(kinds) < 4 {
		t.Errorf("the frames cover too little: %v", kinds)
	}
	if need, err := frameNeeds([]byte{unitFull}, nil, Options{}); !need || err != nil {
		t.Errorf("a unit checked whole: frameNeeds = %v, %v", need, err)
	}
	for _, bad := range [][]byte{{}, {unitLocal}, {unitLocal, 5}, {unitCands, 1, 1, 2, 3, 4, 5, 6, 7, 8, 9}} {
		if _, err := frameNeeds(bad, make([]lint.Active, 3), Options{}); err == nil {
			t.Errorf("%v read without error", bad)
		}
	}
}

// TestScreenedFileKeepsSizeAndFull: a file's size and whether it is checked afresh share one
// word; each comes back as it was set, for empty, small and huge files.
func TestScreenedFileKeepsSizeAndFull(t *testing.T) {
	l := newScreenLog(1)
	for _, size := range []int64{0, 1, 4096, 1 << 40, math.MaxInt64 - 1} {
		for _, full := range []bool{false, true} {
			l.setFile(0, nil, size, full)
			if f := &l.files[0]; f.size() != size || f.full() != full {
				t.Errorf("setFile(size %d, full %v): size %d, full %v", size, full, f.size(), f.full())
			}
		}
	}
}

// TestScreenLogSpansPackedOrNot: a file's spans come back as they were set, whether its one span
// packs into a word or not (an offset past 1 TiB, a length past 16 MiB) and with several spans.
func TestScreenLogSpansPackedOrNot(t *testing.T) {
	l := newScreenLog(1)
	for _, spans := range [][]span{
		nil,
		{{0, 1}},
		{{12345, 678}},
		{{1<<40 - 1, 1<<24 - 1}},
		{{1 << 40, 10}},
		{{7, 1 << 24}},
		{{0, 3}, {100, 4}},
	} {
		l.more = nil
		l.setFile(0, spans, 99, false)
		if got := l.spans(0); !reflect.DeepEqual(got, spans) && !(len(got) == 0 && len(spans) == 0) {
			t.Errorf("setFile(%v): spans %v", spans, got)
		}
		if _, inMore := l.more[0]; inMore != (len(spans) > 1 || len(spans) == 1 && (spans[0].off >= 1<<40 || spans[0].n >= 1<<24)) {
			t.Errorf("setFile(%v): kept in more: %v", spans, inMore)
		}
	}
}
