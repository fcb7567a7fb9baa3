package rules

// Preload builds the word lists in the background (the dictionary takes about 50 ms of CPU), so
// that the first documents of a run do not wait for them: a command that will lint calls it
// before it reads its configuration and walks its paths, which the building then overlaps.
func Preload() { go dictionary() }
