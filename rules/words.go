package rules

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"sync"
)

// wordsGz is the English word list of the glued-word rule, derived from SCOWL (see
// data/words.COPYRIGHT and scripts/gen-wordlist.sh).
//
//go:embed data/words.txt.gz
var wordsGz []byte

var (
	dictOnce sync.Once
	dict     map[string]struct{}
)

// dictionary returns the set of lower-case English words, loaded on first use.
func dictionary() map[string]struct{} {
	dictOnce.Do(func() {
		zr, err := gzip.NewReader(bytes.NewReader(wordsGz))
		if err != nil {
			panic("embedded word list: " + err.Error())
		}
		dict = make(map[string]struct{}, 120000)
		sc := bufio.NewScanner(zr)
		for sc.Scan() {
			dict[sc.Text()] = struct{}{}
		}
		if err := sc.Err(); err != nil {
			panic("embedded word list: " + err.Error())
		}
	})
	return dict
}

// isWord reports whether w (lower case) is an English word.
func isWord(w string) bool {
	_, ok := dictionary()[w]
	return ok
}

// Scrapers glue function words to their neighbours ("statedthat", "accordingto", "saidthe",
// "ofthe"). gluedRight may follow the glued word, gluedLeft precede it; pronouns and modal verbs
// are left out, since they make too many accidental words ("he"+"ute", "ads"+"can").
var gluedRight = set("the", "to", "of", "and", "in", "on", "at", "for", "with", "that", "this", "by",
	"from", "as", "is", "was", "has", "have", "had", "said", "says", "not", "but", "or", "his", "her",
	"their", "its", "will", "would", "who", "which", "when", "where", "an", "are", "were", "been", "than")

var gluedLeft = set("the", "to", "of", "and", "in", "on", "at", "for", "with", "that", "this", "from",
	"by", "said", "says", "was", "were", "has", "have", "had", "their", "his", "her", "its", "which")

// englishStopwords mark English prose, for rules that only make sense on English text.
var englishStopwords = set("the", "a", "an", "and", "or", "but", "of", "to", "in", "on", "at", "for",
	"with", "by", "from", "as", "is", "was", "are", "were", "be", "been", "has", "have", "had", "that",
	"this", "it", "he", "she", "they", "we", "his", "her", "their", "its", "not", "will", "would",
	"said", "which", "who", "after", "about", "than", "there", "what", "when")
