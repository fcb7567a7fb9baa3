#!/usr/bin/env bash
# Browser test of the HTML report: renders the report of a simulated crawl series (the drift
# package's TestCrawlReport), loads it in headless Chromium through playwright-core, checks
# there is no console error, that the site table sorts and filters, and writes the screenshot
# docs/report.png (or $1). Installs Debian's chromium and npm's playwright-core (into a cache
# folder outside the repository) when missing; skips, with a message, only when chromium cannot
# be installed. Run from anywhere; exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shot=${1:-$root/docs/report.png}
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  as_root apt-get update >/dev/null 2>&1 || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y "$@" >/dev/null 2>&1
}

chromium=${CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$chromium" ]; then
  echo "browser-test: installing Debian's chromium"
  if ! apt_install chromium || [ ! -x "$chromium" ]; then
    echo "browser-test: SKIP: chromium is not installed and could not be installed (no apt-get, no network or no root); the HTML report was not tested in a browser"
    exit 0
  fi
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "browser-test: installing Debian's nodejs and npm"
  apt_install nodejs npm || { echo "browser-test: FAIL: node and npm are missing and could not be installed"; exit 1; }
fi

cache=${XDG_CACHE_HOME:-$HOME/.cache}/newslint-browser-test
if [ ! -d "$cache/node_modules/playwright-core" ]; then
  echo "browser-test: installing playwright-core into $cache"
  mkdir -p "$cache"
  (cd "$cache" && npm install --no-audit --no-fund --silent playwright-core@1 >/dev/null)
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
(cd "$root" && NEWSLINT_REPORT_OUT="$tmp/report.html" go test ./drift -run '^TestCrawlReport$' -count=1 >/dev/null)
mkdir -p "$(dirname "$shot")"
NODE_PATH="$cache/node_modules" CHROMIUM="$chromium" node "$root/scripts/browser-test.cjs" "$tmp/report.html" "$shot"
