package rules

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/newslint/newslint/corpus"
	"github.com/newslint/newslint/document"
	"github.com/newslint/newslint/lint"
)

// nameConsistencyID is name-consistency's ID, under which its corpus counts (uses of each
// spelling of a name) are kept.
const nameConsistencyID = "name-consistency"

// NameConsistency finds person-name spellings that are near-variants of a clearly dominant
// spelling of the same name in the corpus ("Sergei Lavrov" among many "Sergey Lavrov").
type NameConsistency struct {
	nameList
}

type consistencyOptions struct {
	// MinUses is the fewest uses the dominant spelling needs.
	MinUses int `toml:"min_uses" doc:"Fewest uses the dominant spelling of a name needs in the run."`
	// Ratio is how many times more often the dominant spelling must be used.
	Ratio int `toml:"ratio" doc:"How many times more often the dominant spelling must be used than the rare one."`
}

func (o *consistencyOptions) Validate() error {
	if o.MinUses < 2 {
		return fmt.Errorf("min_uses must be at least 2, got %d", o.MinUses)
	}
	if o.Ratio < 2 {
		return fmt.Errorf("ratio must be at least 2, got %d", o.Ratio)
	}
	return nil
}

// NewOptions implements lint.Configurable.
func (NameConsistency) NewOptions() any { return &consistencyOptions{MinUses: 3, Ratio: 3} }

// WithNames implements NamesAware: the never-merge groups and listed names come from [names].
func (NameConsistency) WithNames(cfg NamesConfig) (any, error) {
	l, err := withNames(cfg)
	return NameConsistency{l}, err
}

// Meta implements lint.Rule.
func (NameConsistency) Meta() *lint.Meta {
	return &lint.Meta{
		ID:       nameConsistencyID,
		Severity: lint.Info,
		Fixable:  true,
		Corpus:   true,
		Summary:  "rare spelling of a person's name that the corpus mostly spells otherwise",
		Doc: `Compares the spellings of person names across the English files of a run (capitalised
nouns of other languages, such as German, are not names). A spelling is reported when it is a
near-variant of a clearly dominant spelling: the same number of name words, at most one word
differing, and that word, of six letters or more, equal after folding case, accents and hyphens
and a small transliteration table (ei/ey, oo/u, o/u, kh/h, ou/u, y/i) or within one edit (two for
words of eight letters or more; an added ending such as "Lavrova" for "Lavrov" does not count, it
is often another person). Names that differ in a short word ("Gull", "Gould"), in a company's
legal form (Corp, Co, Ltd …) or in initials name different entities and are never merged, and a
spelling is never replaced by one without its diacritics ("Demirtaş" stays). The dominant spelling needs at least min_uses uses (default 3) and ratio times
(default 3) as many as the rare one. Inconsistent spellings split one person into several for
search and entity linking. Names of the canonical-name list are left to name-spelling, and
names in a never-merge group are never compared. The fix (unsafe) writes the dominant spelling.
The counts come from the corpus pass, or from --corpus-stats; the result does not depend on file
order or the number of workers.`,
		Why:       `Inconsistent spellings split one person into several for search and entity linking.`,
		FixSafety: `Unsafe: the dominant spelling is written.`,
		Example: "Andrei Volkonsky spoke first, and Andrei Volkonsky left.\nAndrei Volkonsky returned; Andrei Volkonsky said so.\n" +
			"Later, Andrey Volkonsky said more.\n",
	}
}

// nameTitles are words that precede names but are not part of them.
var nameTitles = set("mr", "mrs", "ms", "dr", "sir", "president", "minister", "prime", "foreign", "defence",
	"defense", "secretary", "general", "leader", "chancellor", "king", "queen", "prince", "princess",
	"senator", "sen", "rep", "governor", "gov", "mayor", "judge", "justice", "pope", "premier", "chairman",
	"ceo", "spokesman", "spokeswoman", "spokesperson", "professor", "prof", "rev", "lt", "col", "capt",
	"sgt", "deputy", "vice", "former", "the", "a", "an", "but", "and", "when", "after", "as", "in", "on",
	"at", "by", "for", "with", "from", "to", "of", "if", "while", "this", "that", "north", "south",
	"east", "west", "new", "saint", "st", "lord", "lady", "rabbi", "imam", "sheikh", "ayatollah", "cardinal",
	"archbishop", "bishop", "father", "brother", "sister", "coach", "captain", "officer", "agent")

// nameCandidates calls fn for each likely person name in text: two or three capitalised words
// in a row (after leading titles), at least one of them not an English dictionary word. words
// are the words of text (document.Words); a name word may join words with hyphens ("Jong-un").
func nameCandidates(text string, words []document.Word, fn func(start, end int, name string)) {
	// most runs are short: the run stays on the stack. It is not a field of r: escape analysis
	// sees r's text leak (a name is a slice of it) and would move all of r's contents to the heap
	var buf [16]nameTok
	toks := buf[:0]
	r := nameRun{text: text, fn: fn}
	const lone = document.LowerCase | document.HyphenAfter // a lower-case word alone: flags&lone == LowerCase
	for i := 0; i < len(words); i++ {
		if words[i].Flags&lone == document.LowerCase {
			// a lower-case word alone, most words: no capital; it ends a run, and so do the
			// lower-case words that follow it
			if len(toks) > 0 {
				toks = r.flush(toks)
			}
			for i+1 < len(words) && words[i+1].Flags&lone == document.LowerCase {
				i++
			}
			continue
		}
		w := words[i]
		// a name word: words joined by hyphens, the first with a capital, some letter lower case
		j, hasLower := i, w.Has(document.LowerCase) || w.Has(document.Capitalised)
		for j+1 < len(words) && words[j].Has(document.HyphenAfter) {
			j++
			hasLower = hasLower || words[j].Has(document.LowerCase) || words[j].Has(document.Capitalised)
		}
		start, end := int(w.Start), int(words[j].End)
		i = j
		first, _ := utf8.DecodeRuneInString(text[start:])
		capital := unicode.IsUpper(first) && hasLower && end-start >= 2 &&
			!(start > 0 && isDigit(text[start-1])) && !(end < len(text) && isDigit(text[end]))
		if !capital {
			toks = r.flush(toks)
			continue
		}
		if n := len(toks); n > 0 && !(toks[n-1].end == start-1 && text[start-1] == ' ') {
			toks = r.flush(toks)
		}
		toks = append(toks, nameTok{start: start, end: end})
		if end < len(text) && text[end] != ' ' {
			toks = r.flush(toks) // only a single space continues a run
		}
	}
	r.flush(toks)
}

// nameRun is the run of capitalised name words nameCandidates is reading.
type nameRun struct {
	text string
	fn   func(start, end int, name string)
	// lower holds the lower-case form of the token that starts at lowerAt-1, lowerLen bytes
	// (lowerAt is 0 when it holds none). A buffer in the run, never a slice stored in it, keeps
	// the run on its caller's stack.
	lower             [32]byte
	lowerAt, lowerLen int
}

// lowerOf returns the lower-case form of a token, folded once for both look-ups (a token longer
// than the buffer is folded at each).
func (r *nameRun) lowerOf(t *nameTok) []byte {
	if r.lowerAt == t.start+1 {
		return r.lower[:r.lowerLen]
	}
	low := document.AppendLower(r.lower[:0], r.text[t.start:t.end])
	r.lowerAt, r.lowerLen = 0, 0
	if len(low) <= len(r.lower) {
		r.lowerAt, r.lowerLen = t.start+1, len(low)
	}
	return low
}

// isTitle reports whether a token is a title (nameTitles), looked up once a token on its
// lower-case form, without allocating a string.
func (r *nameRun) isTitle(t *nameTok) bool {
	if !t.titleKnown {
		t.titleKnown, t.title = true, isNameTitle(r.lowerOf(t))
	}
	return t.title
}

// isWord reports whether a token is a common or English dictionary word, looked up once a
// token: the word lists are large, and a look-up often misses the cache.
func (r *nameRun) isWord(t *nameTok) bool {
	if !t.wordKnown {
		c := classOfBytes(r.lowerOf(t))
		t.wordKnown, t.word = true, c == commonWord || c == englishWord
	}
	return t.word
}

// titleShape holds, for each first byte of the titles, a bit for each of their lengths (all
// below 64): a word of another length or first byte is no title, whatever the map says.
var titleShape = func() (shape [256]uint64) {
	for w := range nameTitles {
		shape[w[0]] |= 1 << len(w)
	}
	return shape
}()

// isNameTitle is nameTitles[string(low)], asking the map only about a word of a title's length
// and first byte.
func isNameTitle(low []byte) bool {
	if len(low) == 0 || len(low) >= 64 || titleShape[low[0]]&(1<<len(low)) == 0 {
		return false
	}
	return nameTitles[string(low)]
}

// flush reports the run read so far, the capitalised name words of run separated by single
// spaces, if it is a name; it returns run emptied for the next one.
func (r *nameRun) flush(run []nameTok) []nameTok {
	text, toks := r.text, run
	// dropping leading words never makes a run longer: fewer than two words are no name
	for len(toks) >= 2 {
		// titles, and a common word that is capitalised because it starts a sentence
		if t := &toks[0]; !r.isTitle(t) && !(sentenceStart(text, t.start) && r.isWord(t)) {
			break
		}
		toks = toks[1:]
	}
	if n := len(toks); n >= 2 && n <= 3 {
		start, end := toks[0].start, toks[n-1].end
		// a run with a title, or of dictionary words only, is no name
		plain := false
		for i := range toks {
			if r.isTitle(&toks[i]) {
				plain = true
				break
			}
		}
		if !plain {
			plain = true
			for i := range toks {
				if !r.isWord(&toks[i]) {
					plain = false
					break
				}
			}
		}
		if !plain {
			r.fn(start, end, text[start:end])
		}
	}
	return run[:0]
}

// nameTok is one capitalised name word of a run, with what the word lists say of it once asked.
type nameTok struct {
	start, end            int
	titleKnown, wordKnown bool
	title, word           bool
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// sentenceStart reports whether position i starts a line or follows a sentence end.
func sentenceStart(text string, i int) bool {
	j := i
	for j > 0 && (text[j-1] == ' ' || text[j-1] == '\t') {
		j--
	}
	if j == 0 || text[j-1] == '\n' {
		return true
	}
	r := lastRune(text[:j])
	return r == '.' || r == '!' || r == '?' || r == '"' || r == '”' || r == ':'
}

// Gather implements lint.Gatherer: it counts the uses of each candidate spelling in English
// documents (capitalised nouns of other languages are not names).
func (NameConsistency) Gather(doc *document.Document, _ any, stats *corpus.Stats) {
	if !isEnglish(doc) {
		return
	}
	countNames(doc, stats, nil)
}

// countNames adds the uses of each candidate spelling in doc to stats and, with cands, returns
// each use with the key of its spelling (nameKey).
func countNames(doc *document.Document, stats *corpus.Stats, cands *[]lint.Candidate) {
	uses := stats.For(nameConsistencyID)
	nameCandidates(doc.Src, document.WordsOf(doc), func(start, end int, name string) {
		if cands != nil {
			*cands = append(*cands, lint.Candidate{Start: start, End: end, Key: nameKey(name)})
		}
		uses.AddKey(name, 1) // a copy: a key must not keep the document's text alive
	})
}

// nameKey hashes a spelling (FNV-1a), for candidates that do not keep the text.
func nameKey(s string) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * prime
	}
	return h
}

// Screen implements lint.Screener: every use of a candidate spelling in an English document.
func (NameConsistency) Screen(p *lint.Pass, stats *corpus.Stats) []lint.Candidate {
	if !isEnglish(p.Doc) {
		return p.CandidateRoom() // none, and the room kept for the next document
	}
	cands := p.CandidateRoom()
	countNames(p.Doc, stats, &cands)
	return cands
}

// Wants implements lint.Screener: some candidate is a rare spelling.
func (r NameConsistency) Wants(stats *corpus.Stats, opts any, cands []lint.Candidate) bool {
	o, _ := opts.(*consistencyOptions)
	if o == nil {
		o = r.NewOptions().(*consistencyOptions)
	}
	set := r.variants(stats, o)
	if len(set.rare) == 0 {
		return false
	}
	for _, c := range cands {
		if set.keys[c.Key] {
			return true
		}
	}
	return false
}

// Resolve implements lint.Screener.
func (r NameConsistency) Resolve(p *lint.Pass, cands []lint.Candidate) {
	o := lint.OptionsOf[consistencyOptions](p, r)
	vars := r.variants(p.Corpus, o).rare
	src := p.Doc.Src
	for _, c := range cands {
		r.report(p, vars, c.Start, c.End, src[c.Start:c.End])
	}
}

// report reports the spelling name at start..end when it is a rare one.
func (NameConsistency) report(p *lint.Pass, vars map[string]string, start, end int, name string) {
	dom, ok := vars[name]
	if !ok {
		return
	}
	p.Report(lint.Diagnostic{Start: start, End: end,
		Message: fmt.Sprintf("%q is a rare spelling: this corpus writes %q %d times, %q %d", name, dom,
			p.Corpus.Of(nameConsistencyID).Keys[dom], name, p.Corpus.Of(nameConsistencyID).Keys[name]),
		Fix: &lint.Fix{Description: fmt.Sprintf("write %q", dom), Safety: lint.Unsafe,
			Edits: []lint.TextEdit{{Start: start, End: end, NewText: dom}}}})
}

// translit folds a name word for comparison: lower case, no accents, and the transliteration
// table applied.
func translit(w string) string {
	w = foldAccents(strings.ToLower(w))
	for _, p := range [][2]string{{"kh", "h"}, {"ey", "ei"}, {"oo", "u"}, {"ou", "u"}, {"o", "u"}, {"y", "i"}} {
		w = strings.ReplaceAll(w, p[0], p[1])
	}
	return w
}

// accentPairs are the letters accentFold folds, each followed by its folded form.
var accentPairs = []string{
	"á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "ā", "a", "ă", "a", "ą", "a",
	"ç", "c", "ć", "c", "č", "c", "ď", "d", "đ", "d", "é", "e", "è", "e", "ê", "e", "ë", "e", "ē", "e",
	"ė", "e", "ę", "e", "ě", "e", "ğ", "g", "í", "i", "ì", "i", "î", "i", "ï", "i", "ī", "i", "ı", "i",
	"ł", "l", "ľ", "l", "ñ", "n", "ń", "n", "ň", "n", "ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o",
	"ø", "o", "ō", "o", "ő", "o", "ř", "r", "ś", "s", "š", "s", "ş", "s", "ș", "s", "ť", "t", "ţ", "t",
	"ț", "t", "ú", "u", "ù", "u", "û", "u", "ü", "u", "ū", "u", "ů", "u", "ű", "u", "ý", "y", "ÿ", "y",
	"ź", "z", "ż", "z", "ž", "z", "’", "'"}

var accentFold = strings.NewReplacer(accentPairs...)

// foldAccents folds the accents of s. The replacer's keys are all non-ASCII: an ASCII string,
// most names, is left as it is without running it.
func foldAccents(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return accentFold.Replace(s)
		}
	}
	return s
}

func nameWords(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' })
}

// nearName reports whether a and b spell one name: the same number of words, at most one word
// differing, and that one close (sameNameWord). Spellings that differ only in diacritics the
// rare one (a) has and b lacks are not merged: that would strip correct accents.
func nearName(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) != len(wb) || len(wa) < 2 || stripsDiacritics(a, b) {
		return false
	}
	diff := 0
	for i := range wa {
		if strings.EqualFold(wa[i], wb[i]) {
			continue
		}
		diff++
		// an English word is not a misspelt name ("Intel Xeon Platinum", "Arabic Standard Time")
		if c := classOf(strings.ToLower(wa[i])); diff > 1 || c == commonWord || c == englishWord || c == upperWord || !sameNameWord(wa[i], wb[i]) {
			return false
		}
	}
	return true
}

// legalForms are the words that name a company's legal form: "Itel Corp" and "Itel Co" may be
// different companies.
var legalForms = set("inc", "corp", "co", "ltd", "llc", "plc", "lp", "llp", "ag", "gmbh", "sa", "nv", "bv",
	"spa", "ab", "as", "asa", "oy", "oyj", "se", "kg", "pty", "srl", "sarl", "kk", "bhd", "tbk", "pt")

// sameNameWord reports whether two different name words may spell one name: neither is a legal
// form or shorter than six letters (a letter apart, "Gull" and "Gould", "Geico" and "Gelco",
// "Rule" and "Rose" are other names), and they are equal after transliteration folding or close
// (closeWord).
func sameNameWord(a, b string) bool {
	x, y := foldAccents(strings.ToLower(a)), foldAccents(strings.ToLower(b))
	if legalForms[x] || legalForms[y] {
		return false
	}
	if min(utf8.RuneCountInString(x), utf8.RuneCountInString(y)) < 6 {
		return false
	}
	// a final vowel makes another name, often of a sister or brother ("Daniela" and "Daniele",
	// "Giulia" and "Giulio", "Rossi" and "Rosso"); compared before transliteration folds y to i
	if len(x) == len(y) && x[:len(x)-1] == y[:len(y)-1] && x[len(x)-1] != y[len(y)-1] && isVowel(x[len(x)-1]) && isVowel(y[len(y)-1]) {
		return false
	}
	tx, ty := translit(x), translit(y)
	return tx == ty || closeWord(tx, ty)
}

// stripsDiacritics reports whether b lacks a letter with a diacritic that a has.
func stripsDiacritics(a, b string) bool {
	for _, r := range a {
		if r < utf8.RuneSelf || !unicode.IsLetter(r) {
			continue
		}
		if s := string(r); foldAccents(strings.ToLower(s)) != strings.ToLower(s) && !strings.ContainsRune(b, r) {
			return true
		}
	}
	return false
}

// closeWord allows one edit (two from eight letters), but not an ending added to the same stem,
// and nothing for words of three letters or fewer.
func closeWord(x, y string) bool {
	rx, ry := []rune(x), []rune(y)
	n := min(len(rx), len(ry))
	if n <= 3 {
		return false
	}
	// an ending added to the same stem ("Lavrova", "Korean") is another word, except a
	// doubled final i ("Zelenskiy" beside "Zelensky", both folded to i)
	if strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
		long, short := x, y
		if len(y) > len(x) {
			long, short = y, x
		}
		return long[len(short):] == "i"
	}
	limit := 1
	if n >= 8 {
		limit = 2
	}
	return editDistance(rx, ry, limit) <= limit
}

// isVowel reports a vowel of the Latin alphabet (the words are folded to lower-case ASCII). Not y:
// "Kowalsky" is a misspelling of "Kowalska" as often as another name.
func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// editDistance is the Levenshtein distance, or limit+1 once it exceeds limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		best := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if best > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// variantsKey identifies the variants derived from one set of counts: they depend on the counts
// (the stats, and how many files and spellings they hold, so that counts merged later are not
// mistaken for the same), the options and the name list.
type variantsKey struct {
	stats          *corpus.Stats
	files, names   int
	minUses, ratio int
	db             *NameDB
}

// variantsCache keeps the variants derived from the last few sets of counts: every document of a
// run is checked with the same counts, so they are derived once per run (a few times when fixing
// gathers the counts again).
var variantsCache struct {
	sync.Mutex
	keys [4]variantsKey
	vals [4]variantSet
	next int
}

// variantSet maps each rare spelling to its dominant spelling; firsts holds the first word (the
// leading run of letters) of each rare spelling, so that a document none of whose words is one
// need not be searched for names.
type variantSet struct {
	rare   map[string]string
	firsts map[string]bool
	// keys holds the nameKey of each rare spelling.
	keys map[uint64]bool
}

// newVariantSet indexes the rare spellings of vars by their first words.
func newVariantSet(vars map[string]string) variantSet {
	v := variantSet{rare: vars, firsts: map[string]bool{}, keys: map[uint64]bool{}}
	for name := range vars {
		v.keys[nameKey(name)] = true
		end := len(name)
		for i, r := range name {
			if !unicode.IsLetter(r) {
				end = i
				break
			}
		}
		v.firsts[name[:end]] = true
	}
	return v
}

// mayHold reports whether the text of words may hold a rare spelling: a name starts at a word
// with a capital letter (no lower-case word), which is then the first word of the spelling.
func (v variantSet) mayHold(src string, words []document.Word) bool {
	for _, w := range words {
		if !w.Has(document.LowerCase) && v.firsts[w.In(src)] {
			return true
		}
	}
	return false
}

// variants maps each rare spelling to its dominant spelling, computed once from the counts.
func (r NameConsistency) variants(stats *corpus.Stats, o *consistencyOptions) variantSet {
	key := variantsKey{stats, stats.Files, len(stats.Of(nameConsistencyID).Keys), o.MinUses, o.Ratio, r.names()}
	c := &variantsCache
	c.Lock()
	defer c.Unlock()
	for i, k := range c.keys {
		if k == key {
			return c.vals[i]
		}
	}
	v := newVariantSet(r.deriveVariants(stats, o))
	c.keys[c.next], c.vals[c.next] = key, v
	c.next = (c.next + 1) % len(c.keys)
	return v
}

// deriveVariants computes what variants returns.
func (r NameConsistency) deriveVariants(s *corpus.Stats, o *consistencyOptions) map[string]string {
	db := r.names()
	blocks := map[string][]string{}
	uses := s.Of(nameConsistencyID).Keys
	for name := range uses {
		if db.Known(name) || db.InNeverMerge(name) {
			continue
		}
		var b strings.Builder
		for _, w := range nameWords(name) {
			t := translit(w)
			r, _ := utf8.DecodeRuneInString(t)
			b.WriteRune(r)
		}
		k := b.String()
		blocks[k] = append(blocks[k], name)
	}
	out := map[string]string{}
	for _, names := range blocks {
		sort.Slice(names, func(i, j int) bool {
			if uses[names[i]] != uses[names[j]] {
				return uses[names[i]] > uses[names[j]]
			}
			return names[i] < names[j]
		})
		for i, rare := range names {
			cr := uses[rare]
			for _, dom := range names[:i] {
				cd := uses[dom]
				if cd < uint32(o.MinUses) || cd < uint32(o.Ratio)*cr {
					continue
				}
				if nearName(rare, dom) && !db.NeverMerge(rare, dom) {
					out[rare] = dom
					break
				}
			}
		}
	}
	return out
}

// Check implements lint.Rule.
func (r NameConsistency) Check(p *lint.Pass) {
	if p.Corpus == nil {
		return
	}
	o := lint.OptionsOf[consistencyOptions](p, r)
	set := r.variants(p.Corpus, o)
	vars := set.rare
	if len(vars) == 0 {
		return
	}
	if !isEnglish(p.Doc) {
		return
	}
	words := document.WordsOf(p.Doc)
	if !set.mayHold(p.Doc.Src, words) {
		return
	}
	nameCandidates(p.Doc.Src, words, func(start, end int, name string) { r.report(p, vars, start, end, name) })
}
