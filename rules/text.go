// Package rules holds newslint's built-in rules, one per file, and the rules users declare in
// .newslint.toml without code (custom.go). Builtins lists them for the engine.
package rules

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/newslint/newslint/document"
)

// normLabel folds a short line for lexicon look-ups: lower case, single spaces, and without
// the decoration scrapers leave around labels (colons, arrows, bullets, pipes, brackets).
// Lines longer than maxLabel runes give "" so look-ups stay cheap on prose.
func normLabel(s string) string {
	const maxLabel = 120
	if len(s) > maxLabel*4 {
		return ""
	}
	if n, ok := normASCII(s); ok {
		return n
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	n := 0
	for _, r := range s {
		n++
		if n > maxLabel {
			return ""
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return trimDecoration(b.String())
}

// normLabelIn is normLabel for s, a substring of f.Trim: an ASCII label without runs of white
// space is a part of the line's shared folded copy.
func normLabelIn(f *document.Features, s string) string {
	if len(s) <= 120 && f.LowerAligned() && singleSpaced(s) {
		return trimDecoration(lowerIn(f, s))
	}
	return normLabel(s)
}

// singleSpaced reports text whose only white space is single spaces.
func singleSpaced(s string) bool {
	// eight bytes at a time while they are ASCII without control bytes: only two spaces in a
	// row can end it there
	const ones, tops = 0x0101010101010101, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load64(s[i:])
		if x&tops != 0 || ^((x|tops)-' '*ones)&tops != 0 {
			break // a byte of a non-ASCII letter or a control byte: byte by byte from here
		}
		e := x ^ ' '*ones                       // spaces become zero bytes
		sp := ^((e + (0x80-1)*ones) | e) & tops // top bit: a space (no byte carries, all below 0x80)
		if sp&(sp<<8) != 0 || sp&0x80 != 0 && i > 0 && s[i-1] == ' ' {
			return false
		}
	}
	for ; i < len(s); i++ {
		c := s[i]
		if c > ' ' && c < utf8.RuneSelf {
			continue
		}
		if c >= utf8.RuneSelf {
			// the white space beyond ASCII (U+0085, U+00A0, U+1680, U+2000 to U+3000) is encoded
			// from the bytes 0xC2, 0xE1, 0xE2 and 0xE3 on; other bytes start no space
			if spaceLead[c] {
				if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
					return false
				}
			}
			continue
		}
		switch c {
		case '\t', '\r', '\n', '\v', '\f':
			return false
		case ' ':
			if i > 0 && s[i-1] == ' ' {
				return false
			}
		}
	}
	return true
}

// spaceLead marks the first bytes of the UTF-8 encodings of the non-ASCII white space
// (unicode.IsSpace); a test checks it against every code point.
var spaceLead = [256]bool{0xC2: true, 0xE1: true, 0xE2: true, 0xE3: true}

// normASCII is normLabel for ASCII text; it allocates only when the text has capitals or
// runs of spaces to fold.
func normASCII(s string) (string, bool) {
	clean := true
	prevSpace := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		if c >= 'A' && c <= 'Z' || c == '\t' || c == '\r' || c == '\n' || c == ' ' && prevSpace {
			clean = false
		}
		prevSpace = c == ' '
	}
	if len(s) > 120 {
		return "", true
	}
	if clean {
		return trimDecoration(s), true
	}
	b := make([]byte, 0, len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\v' || c == '\f' {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return trimDecoration(string(b)), true
}

// hasPrefixFold reports whether s starts with prefix, ignoring case, without allocating.
// ASCII compares byte by byte; where either string holds other bytes, strings.EqualFold decides.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		a, b := s[i], prefix[i]
		if a|b >= utf8.RuneSelf {
			return strings.EqualFold(s[:len(prefix)], prefix)
		}
		if a != b && (a|0x20 != b|0x20 || a|0x20-'a' >= 26) {
			return false
		}
	}
	return true
}

// trimDecoration is strings.TrimFunc(s, isDecoration), ASCII bytes looked up in a table.
func trimDecoration(s string) string {
	i := 0
	for i < len(s) && asciiDecoration[s[i]] {
		i++
	}
	if s = s[i:]; s != "" && s[0] >= utf8.RuneSelf {
		s = strings.TrimLeftFunc(s, isDecoration)
	}
	j := len(s)
	for j > 0 && asciiDecoration[s[j-1]] {
		j--
	}
	if s = s[:j]; s != "" && s[j-1] >= utf8.RuneSelf {
		s = strings.TrimRightFunc(s, isDecoration)
	}
	return s
}

// asciiDecoration marks the ASCII bytes isDecoration accepts (no byte from 0x80 on).
var asciiDecoration = func() (t [256]bool) {
	for c := range utf8.RuneSelf {
		t[c] = isDecoration(rune(c))
	}
	return
}()

func isDecoration(r rune) bool {
	switch r {
	case ':', '：', '>', '»', '›', '<', '«', '‹', '|', '•', '·', '▶', '►', '→', '-', '–', '—', '*', '#', '[', ']', '(', ')', '=', '_', '~', '+', ' ', '.':
		return true
	}
	return unicode.IsSpace(r)
}

// isMarkerOnly reports an orphan list marker line ("-", "•", "*", "1.").
func isMarkerOnly(f *document.Features) bool {
	switch f.Trim {
	case "-", "•", "*", "·", "–", "—", "◦", "▪", "■", "»", "›", ">":
		return true
	}
	return false
}

// stripListMarker removes a leading "- ", "• ", "* " from s.
func stripListMarker(s string) string {
	// every marker opens with one of these bytes ("•", "–", "—", "◦", "▪", "■" and "›" with
	// 0xE2, "·" and "»" with 0xC2)
	if s == "" || s[0] != '-' && s[0] != '*' && s[0] != 0xE2 && s[0] != 0xC2 {
		return s
	}
	for _, m := range []string{"- ", "• ", "* ", "· ", "– ", "— ", "◦ ", "▪ ", "■ ", "» ", "› "} {
		if strings.HasPrefix(s, m) {
			return strings.TrimSpace(s[len(m):])
		}
	}
	return s
}

// startsLikeTitle reports text that starts with an upper-case letter, a digit or a quote.
func startsLikeTitle(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || strings.ContainsRune("\"'“‘«„¿¡$€£", r) || (unicode.IsLetter(r) && !unicode.IsLower(r))
}

// isHeadline reports a line shaped like a linked headline in a list: a few words to a long title,
// at most two sentences, starting like a title. strict also refuses a full stop at the end,
// which is what separates a headline list inside the body from the paragraph that follows it.
func isHeadline(f *document.Features, strict bool) bool {
	t := stripListMarker(f.Trim)
	if t == "" || !startsLikeTitle(t) {
		return false
	}
	if strict {
		return f.Words >= 3 && f.Words <= 25 && f.Runes <= 180 && f.Terminal != '.' && f.Terminal != ':' && f.Sentences <= 1
	}
	return f.Words >= 2 && f.Words <= 40 && f.Runes <= 250 && f.Sentences <= 2
}

// nextNonBlank returns the first non-blank line at or after i, or -1.
func nextNonBlank(d *document.Document, i int) int {
	for ; i < d.NumLines(); i++ {
		if !d.Feat(i).Blank() {
			return i
		}
	}
	return -1
}

// set builds a lookup set.
func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// prefixSet finds which of a list of phrases a text starts with, trying only the phrases that can
// match its first byte, in the list's order.
type prefixSet struct {
	phrases []string
	exact   [256][]int32 // first byte → phrases starting with it
	fold    [256][]int32 // lower-case ASCII first byte → phrases that can match it ignoring case
	wide    [256][]int32 // non-ASCII first byte → phrases that can match it ignoring case
}

func newPrefixSet(phrases []string) *prefixSet {
	p := &prefixSet{phrases: phrases}
	for i, ph := range phrases {
		if ph == "" {
			// matches anything
			for b := range 256 {
				p.exact[b] = append(p.exact[b], int32(i))
				p.fold[b] = append(p.fold[b], int32(i))
			}
			for b := utf8.RuneSelf; b < 256; b++ {
				p.wide[b] = append(p.wide[b], int32(i))
			}
			continue
		}
		p.exact[ph[0]] = append(p.exact[ph[0]], int32(i))
		// the first code point of the text must be the phrase's or one of its case forms (the
		// Kelvin sign folds to k, the long s to s): the ASCII ones give the buckets of fold,
		// the first bytes of the others those of wide. A phrase that opens with invalid UTF-8
		// (or U+FFFD) matches a text that does, whatever its first byte.
		r0, _ := utf8.DecodeRuneInString(ph)
		var ascii [128]bool
		var wide [256]bool
		for r := r0; ; {
			if r < utf8.RuneSelf {
				ascii[lowerByte(byte(r))] = true
			} else {
				wide[utf8.AppendRune(nil, r)[0]] = true
			}
			if r = unicode.SimpleFold(r); r == r0 {
				break
			}
		}
		if r0 == utf8.RuneError {
			for b := utf8.RuneSelf; b < 256; b++ {
				wide[b] = true
			}
		}
		for b := range ascii {
			if ascii[b] {
				p.fold[b] = append(p.fold[b], int32(i))
			}
		}
		for b := range wide {
			if wide[b] {
				p.wide[b] = append(p.wide[b], int32(i))
			}
		}
	}
	return p
}

func lowerByte(c byte) byte {
	if c-'A' < 26 {
		return c + 'a' - 'A'
	}
	return c
}

// first returns the index of the first phrase s starts with (strings.HasPrefix), or -1.
func (p *prefixSet) first(s string) int {
	if s == "" {
		for i, ph := range p.phrases {
			if ph == "" {
				return i
			}
		}
		return -1
	}
	for _, i := range p.exact[s[0]] {
		if strings.HasPrefix(s, p.phrases[i]) {
			return int(i)
		}
	}
	return -1
}

// firstLower is first(strings.ToLower(s)), the text folded only when it must be: as long as the
// bytes a phrase is compared with are ASCII, they are folded one by one (the lower case of an
// ASCII byte is one byte, and what follows them cannot change them); a phrase that reaches a byte
// beyond ASCII, or a text that opens with one, folds the text (lower, which returns
// strings.ToLower(s)) unless no phrase opens with the first byte it would have. Most lines open
// with a word no phrase opens with and are never folded.
func (p *prefixSet) firstLower(s string, lower func(string) string) int {
	if s == "" {
		return p.first(lower(s))
	}
	if s[0] >= utf8.RuneSelf {
		// the folded text opens with the first byte of its first rune's lower case (U+FFFD
		// for an invalid byte): no phrase opens with it, nothing to fold
		r, _ := utf8.DecodeRuneInString(s)
		var b [utf8.UTFMax]byte
		utf8.EncodeRune(b[:], unicode.ToLower(r))
		if len(p.exact[b[0]]) == 0 {
			return -1
		}
		return p.first(lower(s))
	}
	for _, i := range p.exact[lowerByte(s[0])] {
		ph := p.phrases[i]
		n := min(len(ph), len(s))
		for k := 0; k < n; k++ {
			c := s[k]
			if c >= utf8.RuneSelf {
				return p.first(lower(s))
			}
			if lowerByte(c) != ph[k] {
				n = -1
				break
			}
		}
		if n == len(ph) {
			return int(i)
		}
	}
	return -1
}

// firstFold returns the index of the first phrase s starts with ignoring case (hasPrefixFold), or
// -1. A text that opens with a non-ASCII byte tries the phrases whose first letter has a case
// form that opens with that byte (the Kelvin sign is a k).
func (p *prefixSet) firstFold(s string) int {
	if s == "" {
		for i, ph := range p.phrases {
			if hasPrefixFold(s, ph) {
				return i
			}
		}
		return -1
	}
	if s[0] >= utf8.RuneSelf {
		for _, i := range p.wide[s[0]] {
			if hasPrefixFold(s, p.phrases[i]) {
				return int(i)
			}
		}
		return -1
	}
	for _, i := range p.fold[lowerByte(s[0])] {
		if hasPrefixFold(s, p.phrases[i]) {
			return int(i)
		}
	}
	return -1
}

// fieldsInto puts the first len(dst) fields of s (as strings.Fields splits it) into dst and
// returns how many fields s has, counting no further than len(dst)+1.
func fieldsInto(s string, dst []string) int {
	n := 0
	for i := 0; ; {
		start, end := nextField(s, i)
		if start == end {
			return n
		}
		if n < len(dst) {
			dst[n] = s[start:end]
		}
		n++
		if n > len(dst) {
			return n
		}
		i = end
	}
}

// asciiSpace marks the ASCII white space (unicode.IsSpace).
var asciiSpace = [256]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// nextField returns the bounds of the first field of s at or after byte i, as strings.Fields
// splits s (i on a field's or a space's first byte), or start == end == len(s) when there is
// none. Only the bytes that can start non-ASCII white space (spaceLead) are decoded.
func nextField(s string, i int) (start, end int) {
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if !asciiSpace[c] {
				break
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	start = i
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				break
			}
			i++
			continue
		}
		if spaceLead[c] {
			if r, n := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				break
			} else if n > 1 {
				i += n
				continue
			}
		}
		i++
	}
	return start, i
}

// containsSpaced is strings.Contains(s, " "+w) for w that does not open with a space: it
// looks for w, whose first letter is rarer than a space, and then for the space before it.
func containsSpaced(s, w string) bool {
	for i := 1; i < len(s); i++ {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		if i += j; s[i-1] == ' ' {
			return true
		}
	}
	return false
}

// indexColon is strings.IndexAny(s, ":：") without decoding s rune by rune: the index of the
// first colon, ASCII or full-width.
func indexColon(s string) int {
	i := strings.IndexByte(s, ':')
	// a full-width colon counts before the ASCII one (its bytes EF BC 9A hold no ':'), and
	// only a text with its first byte can hold one
	before := s
	if i >= 0 {
		before = s[:i]
	}
	if strings.IndexByte(before, 0xEF) >= 0 {
		if j := strings.Index(before, "："); j >= 0 {
			return j
		}
	}
	return i
}

// lowerIn returns strings.ToLower(part) for part, a substring of f.Trim (or any string when f is
// nil): a part of the line's shared folded copy when the line folds in place, so that no rule
// allocates to fold it.
func lowerIn(f *document.Features, part string) string {
	if f != nil && part != "" && f.LowerAligned() {
		base := uintptr(unsafe.Pointer(unsafe.StringData(f.Trim)))
		p := uintptr(unsafe.Pointer(unsafe.StringData(part)))
		if p >= base && p+uintptr(len(part)) <= base+uintptr(len(f.Trim)) {
			off := int(p - base)
			end := off + len(part)
			if utf8.RuneStart(f.Trim[off]) && (end == len(f.Trim) || utf8.RuneStart(f.Trim[end])) {
				return f.Lower()[off:end]
			}
		}
	}
	return strings.ToLower(part)
}

// quote is strconv.Quote(s), which messages use to show the text they are about: text that
// strconv.Quote only puts between double quotes (printable characters other than '"' and '\',
// valid UTF-8: most lines) is copied as it is, without strconv's escaping of each rune.
func quote(s string) string {
	if !quotesAsIs(s) {
		return strconv.Quote(s)
	}
	return `"` + s + `"`
}

// appendQuote is strconv.AppendQuote(dst, s), as quote is strconv.Quote.
func appendQuote(dst []byte, s string) []byte {
	if !quotesAsIs(s) {
		return strconv.AppendQuote(dst, s)
	}
	dst = append(dst, '"')
	dst = append(dst, s...)
	return append(dst, '"')
}

// quotesAsIs reports whether strconv.Quote(s) is s between double quotes: s is valid UTF-8 and
// every character is one strconv.IsPrint accepts (of ASCII, ' ' to '~'), other than '"' and '\'.
func quotesAsIs(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c > '~' || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !strconv.IsPrint(r) {
			return false
		}
		i += size
	}
	return true
}

// factLine reports whether line i (which may be out of range) is a line of a fact box: a label of
// at most three words without digits (not a time) that no rule's vocabulary knows, a colon and a
// value ("Venue: Baku Olympic Stadium", "Display: 6.1 inches", "Less: 12 per cent"). A tag, caption
// or link label the rules know next to such a line is the box's own.
func factLine(d *document.Document, i int) bool {
	if i < 0 || i >= d.NumLines() {
		return false
	}
	f := d.Feat(i)
	if f.Blank() {
		return false
	}
	t := f.Trim
	j := indexColon(t[:min(len(t), 34)])
	if j <= 0 || j > 30 || strings.TrimSpace(strings.TrimLeft(t[j:], ":：")) == "" {
		return false
	}
	label := normLabelIn(f, t[:j])
	return label != "" && !hasDigit(label) && len(strings.Fields(label)) <= 3 && lexiconClass(label) == 0 && !tagKeys[label]
}

// inFactBox reports whether a line next to line i is a line of a fact box (factLine).
func inFactBox(d *document.Document, i int) bool { return factLine(d, i-1) || factLine(d, i+1) }
