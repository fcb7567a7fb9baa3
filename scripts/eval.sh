#!/usr/bin/env bash
# Scores newslint on labelled scraper output and lists the worst misses, for tuning rules.
#   scripts/eval.sh [DIR] [SHOW]   DIR defaults to testdata/eval/dev, SHOW (content lines wrongly
#                                  deleted to list) to 20. Prints the safe (--fix) and the unsafe
#                                  (--fix --unsafe-fixes) operating points, and the published
#                                  C4 and RefinedWeb line filters for comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-testdata/eval/dev}
show=${2:-20}
score=../shared/check/eval.py
[ -f "$score" ] || { echo "needs ../shared/check/eval.py" >&2; exit 2; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/newslint" ./cmd/newslint
printf '#!/bin/sh\nexec "%s" --unsafe-fixes "$@"\n' "$tmp/newslint" > "$tmp/newslint-unsafe"
chmod +x "$tmp/newslint-unsafe"
echo "== newslint --fix"
python3 "$score" "$dir" "$tmp/newslint" --show "$show"
echo "== newslint --fix --unsafe-fixes"
python3 "$score" "$dir" "$tmp/newslint-unsafe"
for b in c4 refinedweb; do
  echo "== $b line filter"
  python3 "$score" "$dir" --baseline "$b"
done
