#!/usr/bin/env bash
# `npm run bench` compares `rationale check` with ripgrep reading the same files (design.md §7),
# and the tests hold the check's ripgrep prefilter to the pure-JavaScript path (they skip, loudly,
# without rg). Debian packages ripgrep; this installs it when it can and otherwise lets the bench
# run without that row (the read-all baseline is always measured).
set -u
command -v rg >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ]; then
  run() { "$@"; }
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  run() { sudo -n "$@"; }
else
  echo "bench: ripgrep is not installed and apt needs root; the rg row is skipped (apt-get install ripgrep)" >&2
  exit 0
fi
echo "bench: installing ripgrep from Debian's packages…" >&2
if ! { run apt-get update -qq && run apt-get install -y -qq ripgrep; } </dev/null >/dev/null 2>&1; then
  echo "bench: could not install ripgrep; the rg row is skipped" >&2
fi
exit 0
