#!/usr/bin/env bash
# End-to-end test of .pre-commit-hooks.yaml with the real pre-commit: a throwaway git repository
# whose .pre-commit-config.yaml points at this checkout's HEAD must refuse to commit a scraped
# file with boilerplate, the newslint-fix hook must repair it, an [[override]] of .newslint.toml
# must apply to the files pre-commit passes, and corpus rules must count the files of the
# repository that the commit does not touch. Installs Debian's pre-commit
# when it is missing. Run from anywhere; exits non-zero on any failure.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v pre-commit >/dev/null 2>&1; then
  echo "precommit-test: installing Debian's pre-commit"
  if [ "$(id -u)" = 0 ]; then
    (apt-get install -y pre-commit >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y pre-commit >/dev/null; })
  else
    (sudo apt-get install -y pre-commit >/dev/null 2>&1 || { sudo apt-get update >/dev/null && sudo apt-get install -y pre-commit >/dev/null; })
  fi
fi
rev=$(git -C "$root" rev-parse HEAD)
git -C "$root" cat-file -e "$rev:.pre-commit-hooks.yaml" || { echo "precommit-test: HEAD has no .pre-commit-hooks.yaml"; exit 1; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
export PRE_COMMIT_HOME="$tmp/cache" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
repo="$tmp/repo"; mkdir -p "$repo/data"; cd "$repo"
git init -q .
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: newslint
YAML
git add .pre-commit-config.yaml && git commit -qm "config" --no-verify
pre-commit install >/dev/null
cp "$root/testdata/seeds/input/004.txt" data/article.txt
git add data/article.txt
if git commit -qm "scraped article" >"$tmp/out" 2>&1; then
  cat "$tmp/out"; echo "precommit-test: FAIL: the commit of a file with findings was not blocked"; exit 1
fi
grep -q "nav-leak" "$tmp/out" || { cat "$tmp/out"; echo "precommit-test: FAIL: the hook output lacks the findings"; exit 1; }
cmp -s data/article.txt "$root/testdata/seeds/input/004.txt" || { echo "precommit-test: FAIL: the check hook changed the file"; exit 1; }
echo "precommit-test: commit with findings blocked"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: newslint-fix
YAML
if pre-commit run newslint-fix --files data/article.txt >"$tmp/out" 2>&1; then
  cat "$tmp/out"; echo "precommit-test: FAIL: newslint-fix did not report that it changed the file"; exit 1
fi
norm() { sed -e :a -e '/^[[:space:]]*$/{$d;N;ba' -e '}' "$1" | sed -e '$a\'; }
diff <(norm "$root/testdata/seeds/expected/004.txt") <(norm data/article.txt) || { echo "precommit-test: FAIL: the fixed file differs from the expected one"; exit 1; }
echo "precommit-test: newslint-fix repaired the file"
git add data/article.txt .pre-commit-config.yaml
git commit -qm "fixed article" >"$tmp/out" 2>&1 || { cat "$tmp/out"; echo "precommit-test: FAIL: the fixed file was still refused"; exit 1; }
echo "precommit-test: the fixed file was committed"

# Per-path settings apply to the files pre-commit passes: an [[override]] for feeds/partner/**
# (relative to .newslint.toml) turns vote-widget off there, so the same widget line is accepted
# in feeds/partner/ and refused in feeds/other/. Non-article files pre-commit passes (a README,
# a package.json) are filtered out by --force-exclude and the default excludes.
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: newslint
YAML
cat > .newslint.toml <<'TOML'
[[override]]
paths = ["feeds/partner/**"]
[override.rules.vote-widget]
enabled = false
TOML
widget='The ministry said on Friday that the talks had made progress and would resume next month.
veryGood! (62)'
mkdir -p feeds/partner feeds/other
printf '%s\n' "$widget" > feeds/partner/story.txt
printf '%s\n' "$widget" > README.md
printf '{"name": "feeds"}\n' > package.json
git add .pre-commit-config.yaml .newslint.toml feeds/partner/story.txt README.md package.json
git commit -qm "partner feed" >"$tmp/out" 2>&1 || { cat "$tmp/out"; echo "precommit-test: FAIL: the override for feeds/partner/** did not apply to the file pre-commit passed"; exit 1; }
echo "precommit-test: the override applied to feeds/partner/story.txt; README.md and package.json were skipped"
printf '%s\n' "$widget" > feeds/other/story.txt
git add feeds/other/story.txt
if git commit -qm "other feed" >"$tmp/out" 2>&1; then
  cat "$tmp/out"; echo "precommit-test: FAIL: the widget outside feeds/partner/ was not refused"; exit 1
fi
grep -q "feeds/other/story.txt:2:1: warning \[vote-widget\]" "$tmp/out" || { cat "$tmp/out"; echo "precommit-test: FAIL: the hook output lacks the widget in feeds/other"; exit 1; }
echo "precommit-test: the widget in feeds/other/story.txt was refused"

# Corpus rules see the repository, not only the files of the commit: four committed articles of
# one site end with the site's template line (a link every page carries); a fifth, committed
# alone, is refused for it (template-line needs the other four), and the committed ones are not
# reported.
mkdir -p site
for i in 1 2 3 4; do
  printf 'Officials in district %d said on Tuesday that the new bridge would open to traffic next spring.\n\nContact us\n' "$i" > "site/s$i.txt"
done
git add site && git commit -qm "site archive" --no-verify
printf 'Officials in district 5 said on Tuesday that the new bridge would open to traffic next spring.\n\nContact us\n' > site/new.txt
git add site/new.txt
if git commit -qm "new article" >"$tmp/out" 2>&1; then
  cat "$tmp/out"; echo "precommit-test: FAIL: the template line of site/new.txt was not refused (corpus rules saw only the commit)"; exit 1
fi
grep -q "site/new.txt:3:1: warning \[template-line\]" "$tmp/out" || { cat "$tmp/out"; echo "precommit-test: FAIL: the hook output lacks the template line of site/new.txt"; exit 1; }
if grep -q "site/s[1-4].txt" "$tmp/out"; then cat "$tmp/out"; echo "precommit-test: FAIL: files outside the commit were reported"; exit 1; fi
echo "precommit-test: the template line of site/new.txt was refused, counted over the repository"
# args: [--corpus-root=] turns the repository-wide count off: the commit alone has no template line
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $root
    rev: $rev
    hooks:
      - id: newslint
        args: [--corpus-root=]
YAML
git add .pre-commit-config.yaml
git commit -qm "new article, corpus rules on the commit only" >"$tmp/out" 2>&1 || { cat "$tmp/out"; echo "precommit-test: FAIL: args: [--corpus-root=] did not turn the repository-wide count off"; exit 1; }
echo "precommit-test: with args: [--corpus-root=], corpus rules counted the commit only"
echo "precommit-test: ok"
