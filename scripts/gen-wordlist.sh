#!/usr/bin/env bash
# Regenerates rules/data/words.txt, the word lists of the glued-word rule (and of the name
# rules' test for common words), from Debian's word-list packages:
#
#   %common  English words of SCOWL sizes 10 and 20 (the most frequent English words; SCOWL sizes
#            are ranked by frequency), in American, British, Canadian and Australian spellings
#   %words   English words of SCOWL sizes 35 to 70
#   %upper   capitalised English words of SCOWL sizes 10 to 40 (Arabic, April), lower-cased
#   %other   words that only keep glued-word from splitting them: SCOWL sizes 80 and 95,
#            SCOWL's proper names, capitalised words and abbreviations (lower-cased), and the
#            Spanish (wspanish, public domain), Dutch (wdutch, BSD), Polish (wpolish,
#            Apache-2.0) and Portuguese (wportuguese, MPL-1.1) word lists; only those that split
#            somewhere into two %common words are kept, since no other word can be mistaken for
#            a glue. (The German, French and Italian lists are GPL and are not used.)
#
# Words are lower-case ASCII letters: a possessive or contraction is also listed without its
# apostrophe ("today's" gives "todays"), and an accented word also without its accents
# ("attachés" gives "attaches"). A word is listed in its most common section only. The copyright
# notices are kept in rules/data/words.COPYRIGHT.
set -euo pipefail
cd "$(dirname "$0")/.."
pkgs="scowl wspanish wdutch wpolish wportuguese"
missing=()
for p in $pkgs; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing ${missing[*]}" >&2
  apt-get install -y "${missing[@]}" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null; }
fi
dir=/usr/share/dict/scowl
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
variants="english american british british_z canadian australian variant_1 variant_2"
# normalise: lower case, no apostrophes, accents folded; ASCII letters only
norm() {
  iconv -f utf-8 -t ascii//TRANSLIT -c 2>/dev/null | tr -d "'\`\"^~" | tr 'A-Z' 'a-z' | grep -E '^[a-z]{2,}$' || true
}
pick() { # pick KIND SIZES...: the SCOWL files of that kind and those sizes
  local kind=$1; shift
  for v in $variants; do for s in "$@"; do if [ -f "$dir/$v-$kind.$s" ]; then cat "$dir/$v-$kind.$s"; fi; done; done
}
# the original (accented) and folded forms of lower-case words
words() { { grep -E "^[[:lower:]][[:lower:]']*$" || true; } | norm; }
pick words 10 20 | words | LC_ALL=C sort -u > "$tmp/common"
pick words 35 40 50 55 60 70 | words | LC_ALL=C sort -u | LC_ALL=C comm -23 - "$tmp/common" > "$tmp/words"
pick upper 10 20 35 40 | norm | LC_ALL=C sort -u | LC_ALL=C comm -23 - "$tmp/common" | LC_ALL=C comm -23 - "$tmp/words" > "$tmp/upper"
{
  pick words 80 95 | words
  for k in upper proper-names abbreviations contractions; do pick "$k" 10 20 35 40 50 55 60 70 80 95; done | norm
  for f in spanish dutch polish portuguese; do norm < "/usr/share/dict/$f"; done
} | LC_ALL=C sort -u | LC_ALL=C comm -23 - "$tmp/common" | LC_ALL=C comm -23 - "$tmp/words" | LC_ALL=C comm -23 - "$tmp/upper" |
  awk -v common="$tmp/common" 'BEGIN { while ((getline w < common) > 0) c[w] = 1 }
    length($0) >= 4 { for (i = 2; i <= length($0) - 2; i++) if ((substr($0, 1, i) in c) && (substr($0, i + 1) in c)) { print; next } }' > "$tmp/other"
{ echo "%common"; cat "$tmp/common"; echo "%words"; cat "$tmp/words"; echo "%upper"; cat "$tmp/upper"; echo "%other"; cat "$tmp/other"; } > rules/data/words.txt
{
  cat /usr/share/doc/scowl/copyright
  for p in wspanish wdutch wpolish wportuguese; do
    printf '\n\n======== %s (Debian package %s) ========\n\n' "$p" "$p"
    cat "/usr/share/doc/$p/copyright"
  done
} > rules/data/words.COPYRIGHT
echo "rules/data/words.txt: $(wc -l < "$tmp/common") common, $(wc -l < "$tmp/words") other English words, $(wc -l < "$tmp/upper") capitalised, $(wc -l < "$tmp/other") words kept whole" >&2
# the index the rules read the list through is built ahead (rules/words.go, buildWordIndex)
go test ./rules -run WordIndex -update >/dev/null
echo "rules/data/words.idx rebuilt" >&2
