#!/usr/bin/env bash
# Benchmarks a default newslint run (every default rule, corpus rules included, JSON Lines
# report) on real and generated text, and compares it with ripgrep (given the rules' trigger
# literals), with the engine floor when one is given, and with Vale when installed.
#
#   scripts/bench.sh [MB] [--jsonl]    generated corpus size (default 100 MB); --jsonl also lints
#                                      one JSON Lines file of that size
#
# Corpora:
#   real       the labelled dev set and the seeds (testdata/eval/dev, testdata/seeds/input)
#              replicated to REAL_MB (default 20) MB, each copy in its own directories with its
#              digits rotated, so that copies are distinct texts of the same kinds
#   generated  scripts/benchcorpus, MB megabytes of synthetic scraped files
#   tiny       TINY_FILES (default 20000) one-line files, for the cost per file
# For each: seconds (wall), CPU seconds (user+sys), MB/s, documents (files or records) per second,
# peak RSS. With FLOOR set to the
# directory of an engine floor (a Go program taking -hash -j N -triggers FILE [-jsonl] PATH, such
# as ../shared/bench/floor), the floor runs on the same input and the ratio floor/newslint of wall
# time is printed (1.0: as fast as the floor). Each timing is the median of RUNS (default 3) runs
# after a warm-up. Installs Debian's ripgrep and time if missing. Vale is used when `vale` is on
# PATH, on a separate VALE_MB (default 10) MB corpus, since it is far slower.
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
jsonl=${2:-}
real_mb=${REAL_MB:-20}
tiny_files=${TINY_FILES:-20000}
runs=${RUNS:-3}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2" >&2; apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need rg ripgrep
[ -x /usr/bin/time ] || need /usr/bin/time time
go build -o "$tmp/newslint" ./cmd/newslint
go run ./scripts/triggers > "$tmp/triggers.txt"
floor=
if [ -n "${FLOOR:-}" ]; then
  (cd "$FLOOR" && go build -o "$tmp/floor" .) && floor=$tmp/floor
fi

# the real corpus: the dev set and the seeds, copied with their digits rotated until REAL_MB
real() {
  local out=$1 k=0 total=0 rot src
  mkdir -p "$out"
  while [ "$total" -lt $((real_mb * 1000000)) ]; do
    rot=$(( k % 10 ))
    for src in testdata/eval/dev/*/ testdata/seeds/input/; do
      local dir; dir="$out/$k/$(basename "$src")"; mkdir -p "$dir"
      for f in "$src"*.txt; do
        local from=0123456789 to; to=${from:rot}${from:0:rot}
        tr "$from" "$to" < "$f" > "$dir/$(basename "$f" .txt)-$k.txt"
      done
    done
    total=$(du -sb "$out" | cut -f1); k=$((k + 1))
  done
}
tiny() {
  local out=$1
  mkdir -p "$out"
  awk -v n="$tiny_files" -v out="$out" 'BEGIN {
    split("the a council said on monday that new plan would cut costs in city budget report police market", w, " ")
    srand(1)
    for (i = 0; i < n; i++) {
      d = sprintf("%s/d%02d", out, i % 50); if (i < 50) system("mkdir -p " d)
      s = "The"; for (j = 0; j < 7; j++) s = s " " w[int(rand() * 17) + 1]
      print s "." > (d "/f" i ".txt"); close(d "/f" i ".txt")
    } }'
}

# times CMD... RUNS times after a warm-up; sets wall, cpu, rss (medians)
timed() {
  "$@" >/dev/null 2>&1 || true
  local i
  for i in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$tmp/t$i" "$@" >/dev/null 2>"$tmp/err" || true
  done
  read -r wall cpu rss < <(for i in $(seq "$runs"); do tail -1 "$tmp/t$i"; done |
    awk '{ print $1, $2 + $3, $4 }' | sort -n | awk -v m=$(( (runs + 1) / 2 )) 'NR == m')
}
row() { # name, bytes, files, floor wall ("" when none)
  local f=""
  [ -n "$4" ] && f=$(awk -v n="$wall" -v fl="$4" 'BEGIN { printf "%.2fx", fl / n }')
  awk -v name="$1" -v b="$2" -v n="$3" -v w="$wall" -v c="$cpu" -v r="$rss" -v f="$f" 'BEGIN {
    w = (w > 0 ? w : 0.01)
    printf "%-36s %7.2f %7.2f %8.1f %9.0f %8d %8s\n", name, w, c, b / 1e6 / w, n / w, r / 1024, f }'
}
declare -A rate
bench() { # name, path (a directory or one .jsonl file)
  local name=$1 path=$2 bytes files fw="" fl
  bytes=$(du -sb "$path" | cut -f1)
  # documents: the files of a directory, the records of a JSON Lines file
  if [ -d "$path" ]; then files=$(find "$path" -type f | wc -l); else files=$(grep -c . "$path"); fi
  if [ -n "$floor" ]; then
    fl=(-hash -j "$(nproc)" -triggers "$tmp/triggers.txt"); [[ $path == *.jsonl ]] && fl+=(-jsonl)
    timed "$floor" "${fl[@]}" "$path"; fw=$wall
  fi
  timed "$tmp/newslint" --format jsonl --exit-zero "$path"
  rate[$name]=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.2f", b / 1e6 / (s > 0 ? s : 0.01) }')
  row "newslint, $name" "$bytes" "$files" "$fw"
  if [ "$name" = tiny ]; then
    awk -v c="$cpu" -v n="$files" 'BEGIN { printf "%-36s %.1f us of CPU per file\n", "", c / n * 1e6 }'
  fi
}

real "$tmp/real"
tiny "$tmp/tiny"
go run ./scripts/benchcorpus -mb "$mb" -out "$tmp/corpus"
sync
echo "$(nproc) cores; $(date -u +%F); floor: ${FLOOR:-not given (set FLOOR)}; medians of $runs runs"
printf '%-36s %7s %7s %8s %9s %8s %8s\n' run seconds "cpu s" "MB/s" "docs/s" "peak MB" "floor"
bench real "$tmp/real"
bench tiny "$tmp/tiny"
bench generated "$tmp/corpus"
bytes=$(du -sb "$tmp/corpus" | cut -f1); files=$(find "$tmp/corpus" -type f | wc -l)
timed "$tmp/newslint" --format jsonl --exit-zero --jobs 1 "$tmp/corpus"
rate[jobs1]=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.2f", b / 1e6 / (s > 0 ? s : 0.01) }')
row "newslint --jobs 1, generated" "$bytes" "$files" ""
timed rg -c -F -i -f "$tmp/triggers.txt" "$tmp/corpus"
rate[rg]=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.2f", b / 1e6 / (s > 0 ? s : 0.01) }')
row "rg -F -i -f triggers, generated" "$bytes" "$files" ""
vmb=${VALE_MB:-10}
if command -v vale >/dev/null 2>&1; then
  # Vale is slow: it gets its own corpus of VALE_MB (default 10) MB, and newslint runs on the same
  go run ./scripts/benchcorpus -mb "$vmb" -out "$tmp/vcorpus" -seed 2
  vbytes=$(du -sb "$tmp/vcorpus" | cut -f1); vfiles=$(find "$tmp/vcorpus" -type f | wc -l)
  timed "$tmp/newslint" --format jsonl --exit-zero "$tmp/vcorpus"
  rate[nv]=$(awk -v b="$vbytes" -v s="$wall" 'BEGIN { printf "%.2f", b / 1e6 / (s > 0 ? s : 0.01) }')
  row "newslint, $vmb MB Vale corpus" "$vbytes" "$vfiles" ""
  mkdir -p "$tmp/styles/Bench"
  { echo "extends: existence"; echo "message: \"'%s' is a trigger\""; echo "ignorecase: true"; echo "level: warning"; echo "tokens:";
    sed -e 's/[][\\.(){}*+?|^$]/\\&/g' "$tmp/triggers.txt" | sed -e 's/\\/\\\\/g; s/"/\\"/g; s/.*/  - "&"/'; } > "$tmp/styles/Bench/Triggers.yml"
  printf 'StylesPath = %s\nMinAlertLevel = suggestion\n[*.txt]\nBasedOnStyles = Bench\n' "$tmp/styles" > "$tmp/vale.ini"
  timed vale --config "$tmp/vale.ini" --output line --no-exit "$tmp/vcorpus"
  rate[vale]=$(awk -v b="$vbytes" -v s="$wall" 'BEGIN { printf "%.2f", b / 1e6 / (s > 0 ? s : 0.01) }')
  row "vale (existence style)" "$vbytes" "$vfiles" ""
else
  echo "vale not installed: skipped"
fi
awk -v n="${rate[generated]}" -v n1="${rate[jobs1]}" -v r="${rate[rg]}" -v v="${rate[vale]:-0}" -v nv="${rate[nv]:-0}" 'BEGIN {
  printf "generated: newslint / ripgrep %.2fx   scaling 1 -> %d workers %.2fx", n / r, '"$(nproc)"', n / n1
  if (v > 0) printf "   newslint / vale %.1fx", nv / v
  printf "\n" }'
if [ "$jsonl" = "--jsonl" ]; then
  rm -rf "$tmp/corpus"
  go run ./scripts/benchcorpus -mb "$mb" -out "$tmp/feed" -jsonl
  bench "one JSON Lines file" "$tmp/feed/feed.jsonl"
fi
