#!/usr/bin/env bash
# Regenerates rules/data/words.txt.gz, the English word list of the glued-word rule, from
# Debian's scowl package (SCOWL, sizes 10 to 70, English plus American, British, Canadian and
# Australian spellings; lower-case words of letters only). SCOWL's copyright notice is kept in
# rules/data/words.COPYRIGHT.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=/usr/share/dict/scowl
if [ ! -d "$dir" ]; then
  echo "installing Debian's scowl package" >&2
  apt-get install -y scowl >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y scowl >/dev/null; }
fi
files=()
for v in english american british canadian australian; do
  for s in 10 20 35 40 50 55 60 70; do
    [ -f "$dir/$v-words.$s" ] && files+=("$dir/$v-words.$s")
  done
done
cat "${files[@]}" | iconv -f utf-8 -t utf-8 -c | grep -E '^[a-z]+$' | LC_ALL=C sort -u | gzip -9n > rules/data/words.txt.gz
cp /usr/share/doc/scowl/copyright rules/data/words.COPYRIGHT
echo "rules/data/words.txt.gz: $(zcat rules/data/words.txt.gz | wc -l) words" >&2
