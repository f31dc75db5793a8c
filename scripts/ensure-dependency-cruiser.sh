#!/usr/bin/env bash
# `npm run bench` times dependency-cruiser enforcing the same forbidden imports as a Rationale
# forbid-import rule, on the same tree. It comes from the npm registry into a folder of the bench's
# own (.cache/bench-tools, ignored by git), never into the project's dependencies; TypeScript beside
# it, because dependency-cruiser parses .ts files with the compiler it finds next to itself. 17.x is
# the last major that runs on Node 20, the oldest Node this project supports. Offline, the bench
# runs without that row and says so.
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
prefix="$here/.cache/bench-tools"
version=17.4.3
if [ -x "$prefix/node_modules/.bin/depcruise" ] && [ "$("$prefix/node_modules/.bin/depcruise" --version 2>/dev/null)" = "$version" ]; then
  exit 0
fi
echo "bench: installing dependency-cruiser $version into .cache/bench-tools…" >&2
mkdir -p "$prefix"
if ! npm install --prefix "$prefix" --no-save --no-audit --no-fund --no-package-lock "dependency-cruiser@$version" typescript@5.9 </dev/null >/dev/null 2>&1; then
  echo "bench: could not install dependency-cruiser (offline?); its row says so" >&2
fi
exit 0
