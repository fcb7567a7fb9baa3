package rules

import "strings"

// labelClass says what a folded line label is in the rules' vocabularies; a label may be several
// things at once ("related" opens a headline list and labels a link line).
type labelClass uint16

const (
	// classNav opens a headline list anywhere (nav-leak).
	classNav labelClass = 1 << iota
	// classNavTail opens a headline list only after the body (nav-leak).
	classNavTail
	// classLink introduces a single linked headline on its line (nav-leak).
	classLink
	// classFurniture is a whole line of page furniture (nav-leak).
	classFurniture
	// classTag introduces a tag or category list (tag-list).
	classTag
	// classCredit is a picture credit or caption control (caption).
	classCredit
	// classCaption is a caption or credit label (caption).
	classCaption
	// classVote is a whole line of a rating or reaction widget (vote-widget).
	classVote
)

func (c labelClass) has(x labelClass) bool { return c&x != 0 }

// lexicon maps each folded label of the rules' vocabularies to its classes, so that a rule asks
// one question ("is this line's label anything the rules know?") instead of reading the word
// lists of other rules.
var lexicon = map[string]labelClass{}

// lexiconShape holds, for each first byte of the lexicon's labels, a bit for each of their
// lengths (bit 63 for all lengths of 63 bytes or more); lexiconLongest is the longest label's
// length. Most lines' labels are longer than any the rules know, or open with a byte none of
// them does: their look-up need not hash them.
var (
	lexiconShape   [256]uint64
	lexiconLongest int
)

// lexiconClass is lexicon[label], asking the map only about labels of a length and first byte
// that some label of the lexicon has.
func lexiconClass(label string) labelClass {
	if len(label) > 0 && (len(label) > lexiconLongest || lexiconShape[label[0]]&(1<<min(len(label), 63)) == 0) {
		return 0 // the lexicon holds no label of this shape
	}
	return lexicon[label]
}

func init() {
	add := func(c labelClass, words map[string]bool) {
		for w := range words {
			lexicon[w] |= c
		}
	}
	add(classNav, navLabels)
	add(classNavTail, navTailLabels)
	add(classLink, linkLabels)
	add(classFurniture, furniture)
	add(classTag, tagKeys)
	add(classCredit, creditLines)
	add(classVote, votePhrases)
	for _, pre := range captionPrefixes {
		lexicon[normLabel(strings.TrimSpace(pre))] |= classCaption
	}
	for w := range lexicon {
		if w != "" {
			lexiconShape[w[0]] |= 1 << min(len(w), 63)
			lexiconLongest = max(lexiconLongest, len(w))
		}
	}
}
