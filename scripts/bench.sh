#!/usr/bin/env bash
# Benchmarks newslint against ripgrep (given the rules' trigger literals) and, when installed,
# Vale with an equivalent existence style, on a generated corpus; prints throughput, the ratios
# measured in the same run, and peak RSS.
#
#   scripts/bench.sh [MB] [--jsonl]    corpus size (default 100 MB); --jsonl also lints one
#                                      JSON Lines file of that size
# Installs Debian's ripgrep and time if missing. Vale is used when `vale` is on PATH, on a
# separate VALE_MB (default 10) MB corpus, since it is far slower
# (for example: go install github.com/errata-ai/vale/v3/cmd/vale@v3.7.1).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-100}
jsonl=${2:-}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
need() { command -v "$1" >/dev/null 2>&1 || { echo "installing $2" >&2; apt-get install -y "$2" >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }; }; }
need rg ripgrep
[ -x /usr/bin/time ] || need /usr/bin/time time
go build -o "$tmp/newslint" ./cmd/newslint
go run ./scripts/benchcorpus -mb "$mb" -out "$tmp/corpus"
go run ./scripts/triggers > "$tmp/triggers.txt"
bytes=$(du -sb "$tmp/corpus" | cut -f1)
files=$(find "$tmp/corpus" -type f | wc -l)
sync
echo "corpus: $((bytes / 1000000)) MB in $files files; $(nproc) cores; $(date -u +%F)"
printf '%-34s %9s %9s %10s\n' tool seconds "MB/s" "peak MB"
declare -A rate
run() { # name, command...
  local name=$1; shift
  "$@" >/dev/null 2>&1 || true # warm the page cache
  /usr/bin/time -f "%e %M" -o "$tmp/t" "$@" >/dev/null 2>"$tmp/err" || true
  read -r wall rss < <(tail -1 "$tmp/t")
  local r; r=$(awk -v b="$bytes" -v s="$wall" 'BEGIN { printf "%.1f", b / 1e6 / (s > 0 ? s : 0.01) }')
  rate[$name]=$r
  printf '%-34s %9s %9s %10s\n' "$name" "$wall" "$r" "$((rss / 1024))"
}
run "newslint (all cores)" "$tmp/newslint" --exit-zero --quiet --format jsonl "$tmp/corpus"
run "newslint --jobs 1" "$tmp/newslint" --exit-zero --quiet --format jsonl --jobs 1 "$tmp/corpus"
run "rg -F -i -f triggers (all cores)" rg -c -F -i -f "$tmp/triggers.txt" "$tmp/corpus"
run "rg -F -i -f triggers -j1" rg -c -j1 -F -i -f "$tmp/triggers.txt" "$tmp/corpus"
vmb=${VALE_MB:-10}
if command -v vale >/dev/null 2>&1; then
  # Vale is slow: it gets its own corpus of VALE_MB (default 10) MB, and newslint runs on the same
  go run ./scripts/benchcorpus -mb "$vmb" -out "$tmp/vcorpus" -seed 2
  full=$bytes; bytes=$(du -sb "$tmp/vcorpus" | cut -f1)
  run "newslint on the $vmb MB Vale corpus" "$tmp/newslint" --exit-zero --quiet --format jsonl "$tmp/vcorpus"
  mkdir -p "$tmp/styles/Bench"
  { echo "extends: existence"; echo "message: \"'%s' is a trigger\""; echo "ignorecase: true"; echo "level: warning"; echo "tokens:";
    sed -e 's/[][\\.(){}*+?|^$]/\\&/g' "$tmp/triggers.txt" | sed -e 's/\\/\\\\/g; s/"/\\"/g; s/.*/  - "&"/'; } > "$tmp/styles/Bench/Triggers.yml"
  printf 'StylesPath = %s\nMinAlertLevel = suggestion\n[*.txt]\nBasedOnStyles = Bench\n' "$tmp/styles" > "$tmp/vale.ini"
  run "vale (existence style)" vale --config "$tmp/vale.ini" --output line --no-exit "$tmp/vcorpus"
  bytes=$full
else
  echo "vale not installed: skipped"
fi
awk -v n="${rate[newslint (all cores)]}" -v n1="${rate[newslint --jobs 1]}" -v r="${rate[rg -F -i -f triggers (all cores)]}" \
    -v v="${rate[vale (existence style)]:-0}" -v nv="${rate[newslint on the $vmb MB Vale corpus]:-0}" 'BEGIN {
  printf "newslint / ripgrep: %.2fx   scaling 1 -> %d workers: %.2fx", n / r, '"$(nproc)"', n / n1
  if (v > 0) printf "   newslint / vale: %.1fx", nv / v
  printf "\n" }'
if [ "$jsonl" = "--jsonl" ]; then
  rm -rf "$tmp/corpus"
  go run ./scripts/benchcorpus -mb "$mb" -out "$tmp/feed" -jsonl
  bytes=$(du -sb "$tmp/feed" | cut -f1)
  run "newslint, one $mb MB JSON Lines file" "$tmp/newslint" --exit-zero --quiet --format jsonl "$tmp/feed/feed.jsonl"
fi
