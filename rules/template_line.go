package rules

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"unicode"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// templateLineID is template-line's ID, under which its corpus counts are kept: files per
// directory (keys) and files holding each line of a directory (hashes of directory and line).
const templateLineID = "template-line"

// TemplateLine finds short lines that recur verbatim in many files of one directory: the
// furniture of the site the files were scraped from.
type TemplateLine struct{}

type templateOptions struct {
	// MinFiles is the fewest files of a directory that must hold the line.
	MinFiles int `toml:"min_files" doc:"Fewest files of a directory that must hold a line for it to count as site furniture."`
	// MinShare is the smallest share of the directory's files, in percent.
	MinShare float64 `toml:"min_share" doc:"Smallest share of the directory's files that must hold it, in percent."`
	// MaxWords is the most words of a line that can be furniture.
	MaxWords int `toml:"max_words" doc:"Most words of a line that can be furniture; prose sentences never count."`
}

func (o *templateOptions) Validate() error {
	if o.MinFiles < 2 {
		return fmt.Errorf("min_files must be at least 2, got %d", o.MinFiles)
	}
	if o.MinShare < 0 || o.MinShare > 100 {
		return fmt.Errorf("min_share must be a percentage, got %g", o.MinShare)
	}
	if o.MaxWords < 1 {
		return fmt.Errorf("max_words must be at least 1, got %d", o.MaxWords)
	}
	return nil
}

// NewOptions implements lint.Configurable.
func (TemplateLine) NewOptions() any { return &templateOptions{MinFiles: 4, MinShare: 2, MaxWords: 12} }

// Meta implements lint.Rule.
func (TemplateLine) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       templateLineID,
		Severity: lint.Warning,
		Fixable:  true,
		Corpus:   true,
		Requires: []lint.Analyzer{layoutOf},
		Summary:  "short line that recurs in many files of a directory (site furniture)",
		Doc: `Finds site furniture by repetition: a short line (at most max_words words, not prose, not
part of a hard-wrapped paragraph, a data block or a data row, not a sentence of three words or more
unless the lexicon or the legal triggers know it, not a line ending in a comma) that recurs verbatim
in at least min_files files and in at least min_share percent of the files of its directory,
compared after folding white space. Numbers are compared as written: lines of one shape with other
numbers (results rows, dividend dates) are different lines. Each record of a JSON Lines or JSON file
counts as a file of its directory, except a record that names its URL (a "url" or "link" field): it
counts with the records of its site (the URL's host without "www."), wherever they are stored; the
counts come from the corpus pass (one count per file, kept as 64-bit hashes so memory stays
bounded), and --corpus-stats can feed counts gathered elsewhere.`,
		Why: `Scraped files of one site share their template lines ("Sign up for our newsletter", "Follow
us", section names), whatever language they are in, while an article's own lines are rarely
repeated elsewhere.`,
		FixSafety: `Safe outside the article body; inside the body a recurring line may be the site's own
subheading ("Analysis"), so there the fix is unsafe. In an article extractor's output (neither a
whole page nor a page's footer) the fix is safe only for a line the rules' vocabularies know as a
site's (nav-leak's labels and furniture, the legal triggers, the links every page carries: "Share
this story", "Privacy Policy"): a site's follow-up stories share their own lists, fact boxes and
headings ("Key dates in the case", "THE VICTIMS", "Capital: Tripoli", "She is survived by:"),
dividers ("___") and section heads before sentences ("UP NEXT"). A finding whose fix is unsafe
is reported as info, so that a site's own headings fail no run.`,
	}
}

// lineKey hashes the directory and the line folded for comparison (white space runs to one
// space), with FNV-1a, without allocating. Digits are kept: numbers are content, and lines of
// one shape with other numbers (results rows, dates) are different lines.
func lineKey(dir, line string) uint64 { return lineKeyIn(dirKey(dir), line) }

// fnvPrime is the 64-bit FNV prime.
const fnvPrime = 1099511628211

// dirKey is the FNV-1a state after dir and the zero byte that ends it: the part of lineKey that
// all the lines of one document share.
func dirKey(dir string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(dir); i++ {
		h = (h ^ uint64(dir[i])) * fnvPrime
	}
	return (h ^ 0) * fnvPrime
}

// lineKeyIn is lineKey for a directory whose dirKey is h.
func lineKeyIn(h uint64, line string) uint64 {
	space := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c <= ' ' && (c == ' ' || c == '\t' || c == '\r') {
			space = true
			continue
		}
		if space {
			h = (h ^ ' ') * fnvPrime
			space = false
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	return h
}

func (o *templateOptions) candidate(d *document.Document, st *Layout, i int) bool {
	f := d.Feat(i)
	if f.Blank() || f.Words > o.MaxWords || st.Prose[i] || st.Wrapped(i) || st.Data[i] || st.Rows[i] {
		return false
	}
	switch f.Terminal {
	case '.', '。':
		// a sentence ("Residents were told to stay indoors, police said.") that syndicated copies
		// of one story share is the story's, however short, and so is the closing fact of a
		// site's briefs ("No one was injured.", "Services will be private."); a short one the
		// lexicon or the legal triggers know ("Sign up for our newsletter.", "© 2019 Hearst
		// Communications, Inc.") is the site's
		return f.Words < 3 || f.Words < 6 && (st.Classes[i] != 0 || st.legal[i] != "")
	case ',', ';':
		// a line that goes on ("Dear Marlene,") is text, not a menu item
		return false
	}
	return true
}

// templateUnsafe reports a recurring line that deleting is a guess: inside the body it may be
// the site's own subheading ("Analysis"); in an article extractor's output (not a whole page)
// a line without letters or digits divides the article's sections ("___" in wire copy, "* * *"),
// a line no vocabulary knows may be the stories' own, and after the body a line that a sentence
// follows heads a section that the site's stories share ("UP NEXT" before "Heat: Host the Knicks
// on Friday night.").
func templateUnsafe(d *document.Document, st *Layout, i int) bool {
	if st.BodyFirst >= 0 && !st.Outside(i) {
		return true
	}
	if st.PageDump() {
		return false
	}
	if !hasLetterOrDigit(d.Feat(i).Trim) {
		return true
	}
	// in an article extractor's output that keeps no page footer either, a recurring line that
	// no vocabulary knows as a site's (nav-leak's labels and furniture, the legal triggers, the
	// links of every page) is weak evidence: a site's follow-up stories share lists,
	// fact boxes and headings ("Key dates in the case:", "THE VICTIMS", "Capital: Tripoli",
	// "## Method", "She is survived by:")
	if !st.FooterDump() && st.Classes[i] == 0 && st.legal[i] == "" && !siteLinks[st.Labels[i]] &&
		(st.Labels[i] == "" || !furnitureLineOf(st.Labels[i], st.Classes[i], d.Feat(i), defaultNavOptions)) {
		return true
	}
	if i < st.BodyLast {
		return false
	}
	j := nextNonBlank(d, i+1)
	if j < 0 {
		return false
	}
	g := d.Feat(j)
	return g.Words >= 4 && (g.Terminal == '.' || g.Terminal == '。') &&
		st.Classes[j] == 0 && st.legal[j] == "" && !st.widget[j]
}

// Gather implements lint.Gatherer: one count per file for each distinct candidate line.
func (r TemplateLine) Gather(doc *document.Document, opts any, stats *corpus.Stats) {
	o, _ := opts.(*templateOptions)
	if o == nil {
		o = r.NewOptions().(*templateOptions)
	}
	r.count(doc, o, computeLayout(doc), stats, nil) // gathering runs outside a pass
}

// count adds doc's counts to stats: the file to its directory's, and the file to each distinct
// candidate line's. With cands, it also returns each candidate line (Start) with its key and
// whether deleting it is unsafe (Flag 1).
func (TemplateLine) count(doc *document.Document, o *templateOptions, st *Layout, stats *corpus.Stats, cands *[]lint.Candidate) {
	dir := groupOf(doc)
	counts := stats.For(templateLineID)
	counts.Keys[dir]++ // files of the directory
	dk := dirKey(dir)
	// most documents have few candidate lines: their keys stay on the stack
	var buf [64]uint64
	keys := buf[:0]
	for i := 0; i < doc.NumLines(); i++ {
		if !o.candidate(doc, st, i) {
			continue
		}
		k := lineKeyIn(dk, doc.Feat(i).Trim)
		if cands != nil {
			var flag uint8
			if templateUnsafe(doc, st, i) {
				flag = 1
			}
			if len(*cands) == cap(*cands) { // doubling, never past the lines left
				*cands = slices.Grow(*cands, min(doc.NumLines()-i, max(8, len(*cands))))
			}
			*cands = append(*cands, lint.Candidate{Start: i, End: i, Key: k, Flag: flag})
		}
		if len(keys) == cap(keys) {
			// a page's text can hold hundreds of candidates: past the stack's, room for every
			// line left at once (the lines are the bound) instead of growing step by step
			keys = slices.Grow(keys, doc.NumLines()-i)
		}
		keys = append(keys, k)
	}
	// each distinct line once: files of the directory holding the line
	slices.Sort(keys)
	counts.AddHashes(slices.Compact(keys))
}

// Screen implements lint.Screener: the candidate lines, with their keys.
func (r TemplateLine) Screen(p *lint.Pass, stats *corpus.Stats) []lint.Candidate {
	cands := p.CandidateRoom()
	r.count(p.Doc, lint.OptionsOf[templateOptions](p, r), lint.ResultOf(p, layoutOf), stats, &cands)
	return cands
}

// Wants implements lint.Screener: some candidate line is in enough files.
func (r TemplateLine) Wants(stats *corpus.Stats, opts any, cands []lint.Candidate) bool {
	o, _ := opts.(*templateOptions)
	if o == nil {
		o = r.NewOptions().(*templateOptions)
	}
	counts := stats.Of(templateLineID)
	for _, c := range cands {
		if int(counts.Hash(c.Key)) >= o.MinFiles {
			return true
		}
	}
	return false
}

// Check implements lint.Rule.
func (r TemplateLine) Check(p *lint.Pass) {
	if p.Corpus == nil {
		return
	}
	o := lint.OptionsOf[templateOptions](p, r)
	d := p.Doc
	dir := groupOf(d)
	dk := dirKey(dir)
	tc := templateCountsOf(p, dir)
	st := lint.ResultOf(p, layoutOf)
	for i := 0; i < d.NumLines(); i++ {
		if !o.candidate(d, st, i) {
			continue
		}
		f := d.Feat(i)
		tc.report(p, o, i, lineKeyIn(dk, f.Trim), templateUnsafe(d, st, i), f)
	}
}

// Resolve implements lint.Screener.
func (r TemplateLine) Resolve(p *lint.Pass, cands []lint.Candidate) {
	o := lint.OptionsOf[templateOptions](p, r)
	tc := templateCountsOf(p, groupOf(p.Doc))
	for _, c := range cands {
		tc.report(p, o, c.Start, c.Key, c.Flag == 1, nil)
	}
}

// templateCounts are the counts a document's lines are compared with: the files holding each
// line and the files of the document's directory.
type templateCounts struct {
	counts *corpus.Counts
	dir    string
	files  float64
}

func templateCountsOf(p *lint.Pass, dir string) templateCounts {
	counts := p.Corpus.Of(templateLineID)
	return templateCounts{counts: counts, dir: dir, files: float64(counts.Keys[dir])}
}

// report reports candidate line i, whose key is k, when it recurs in enough files; f is the
// line's features, or nil when the document's lines are not measured.
func (tc templateCounts) report(p *lint.Pass, o *templateOptions, i int, k uint64, unsafe bool, f *document.Features) {
	n := tc.counts.Hash(k)
	if int(n) < o.MinFiles {
		return
	}
	files := tc.files
	if float64(n)*100 < o.MinShare*files {
		return
	}
	safety := lint.Safe
	if unsafe {
		safety = lint.Unsafe
	}
	of := "files of this directory"
	if site, ok := corpus.SiteOf(tc.dir); ok {
		of = "records of " + site
	}
	var trim string
	if f != nil {
		trim = f.Trim
	} else {
		// the document's lines are not measured when resolving: this one is only trimmed
		trim = document.TrimLine(p.Doc.Text(i))
	}
	// the message is put together in one buffer: a page's text can have hundreds
	var buf [160]byte
	msg := append(buf[:0], "template line "...)
	msg = appendQuote(msg, clipMsg(trim))
	msg = append(msg, " recurs in "...)
	msg = strconv.AppendUint(msg, uint64(n), 10)
	msg = append(msg, " of "...)
	msg = strconv.AppendInt(msg, int64(int(files)), 10)
	msg = append(append(msg, ' '), of...)
	// a line whose deletion is a guess (unsafe) is reported as info: a site's stories share
	// their own headings as often as its furniture, and a clean corpus must not fail a run
	var sev lint.Severity
	if unsafe {
		sev = lint.Info
	}
	p.ReportLinesAs(sev, i, i, string(msg), "delete the template line", safety)
}

// groupOf is the directory whose files a document's lines are counted with: its group (the
// directory relative to the run's root, so that counts do not depend on how the root was
// written), or the directory of its path when it has none.
func groupOf(d *document.Document) string {
	if d.Group != "" {
		return d.Group
	}
	return filepath.Dir(d.Path)
}

// defaultNavOptions are nav-leak's default options, whose furniture template-line knows as a
// site's.
var defaultNavOptions = NavLeak{}.NewOptions().(*navOptions)

// siteLinks are the labels of the links every page of a site carries, folded (Layout.Labels).
var siteLinks = set("home", "about", "about us", "contact", "contact us", "privacy", "privacy policy",
	"terms", "terms of use", "terms of service", "terms and conditions", "cookie policy", "cookies",
	"community guidelines", "advertise", "advertise with us", "careers", "sitemap", "site map", "subscribe",
	"log in", "login", "sign in", "register", "newsletter", "newsletters", "rss", "faq", "help", "search",
	"menu", "comments", "share", "follow us", "skip to content", "back to top")

// hasLetterOrDigit reports whether s holds a letter or a digit.
func hasLetterOrDigit(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}
