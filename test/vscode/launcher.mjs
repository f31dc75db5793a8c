#!/usr/bin/env node
// Stands in for the VS Code executable in @vscode/test-electron's runTests
// (`vscodeExecutablePath`): reads the arguments runTests passes, runs the extension tests
// in code-server's real extension host through headless Chromium, and exits with the
// code the tests reported. Desktop VS Code cannot be downloaded on our offline machines;
// code-server from npm can be installed (scripts/setup-vscode-host.sh).
//
//   launcher.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [ignored flags]
//
// Environment: RATIONALE_VSCODE_TEST_TIMEOUT_MS (default 300000), RATIONALE_VSCODE_VERBOSE=1
// (also print the workbench's browser console and code-server's log),
// RATIONALE_KEEP_RUN_DIRS=1 (keep the temp profile folder).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { format } from 'node:util';
import {
  createRunDirs,
  launchChromium,
  remoteUri,
  removeRunDirs,
  resultsDir,
  startCodeServer,
  workbenchUrl,
} from './codeServerHost.mjs';

const EXIT_TIMEOUT = 124;
const EXIT_LAUNCH_FAILED = 2;
const timeoutMs = Number(process.env.RATIONALE_VSCODE_TEST_TIMEOUT_MS ?? 300_000);
const verbose = process.env.RATIONALE_VSCODE_VERBOSE === '1';
// The workbench's own info lines share the channel with the extension host's console;
// these are the ones it prints on every start (shown with RATIONALE_VSCODE_VERBOSE=1).
const WORKBENCH_CHATTER = [
  /^Resolv(ing|ed) connection token/,
  /^Creating a socket \(renderer-/,
  /^\[reconnection-grace-time\]/,
  /^Ignoring fetching additional builtin extensions/,
  /^Updating additional builtin extensions cache/,
  /^\[Service Worker\]/,
  /^\[AgentHost/,
  /^\[AccountPolicyGate\]/,
  /ENOTFOUND/,
  /^Canceled: Canceled/,
  /^No search provider registered for scheme/,
  /^Creation of workbench contribution/,
];
const say = (message) => console.error(`[vscode-launcher] ${message}`);

// VS Code flags that take a value; written `--flag value`, the value is not the folder.
const FLAGS_WITH_VALUE = new Set([
  'extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'locale',
  'log', 'profile', 'inspect-extensions', 'inspect-brk-extensions', 'enable-proposed-api', 'sync',
]);

/** Only the arguments that matter here; the desktop-only flags runTests adds are ignored. */
function parseArguments(argv) {
  const parsed = { extensionDevelopmentPaths: [], extensionTestsPath: undefined, folder: undefined };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('-')) {
      parsed.folder ??= resolve(arg);
      continue;
    }
    const [flag, inlineValue] = splitFlag(arg);
    const value = inlineValue ?? (FLAGS_WITH_VALUE.has(flag) ? argv[++i] : undefined);
    if (flag === 'extensionDevelopmentPath') parsed.extensionDevelopmentPaths.push(resolve(value));
    else if (flag === 'extensionTestsPath') parsed.extensionTestsPath = resolve(value);
  }
  return parsed;
}

function splitFlag(arg) {
  const name = arg.replace(/^--?/, '');
  const eq = name.indexOf('=');
  return eq === -1 ? [name, undefined] : [name.slice(0, eq), name.slice(eq + 1)];
}

function saveHostLogs(logs) {
  if (!Array.isArray(logs)) return;
  const dir = join(resultsDir, 'vscode-host-logs');
  rmSync(dir, { recursive: true, force: true });
  for (const { relativePath, contents } of logs) {
    const target = join(dir, relativePath);
    if (!target.startsWith(dir)) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, contents);
  }
  say(`workbench logs saved to ${dir}`);
}

async function main() {
  const args = parseArguments(process.argv.slice(2));
  if (args.extensionDevelopmentPaths.length === 0 || !args.extensionTestsPath) {
    say('usage: launcher.mjs [folder] --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
    return EXIT_LAUNCH_FAILED;
  }

  const dirs = createRunDirs('rationale-vscode-test-');
  let server;
  let startingServer;
  let browser;
  let launchingBrowser;
  // One cleanup, however many ways we end (normal end, signal, parent gone, error).
  let cleaningUp;
  const cleanup = (exitCode) => (cleaningUp ??= (async () => {
    // A start still in progress is awaited, so what it starts is stopped too.
    const openBrowser = browser ?? (await launchingBrowser?.catch(() => undefined));
    await openBrowser?.context.close().catch(() => {});
    const runningServer = server ?? (await startingServer?.catch(() => undefined));
    await runningServer?.stop();
    // Test failures (exit 1) are explained by mocha; anything else may be the host's fault.
    if (verbose || (exitCode !== 0 && exitCode !== 1)) {
      try {
        process.stderr.write(readFileSync(join(dirs.root, 'code-server.log'), 'utf8'));
      } catch {}
    }
    removeRunDirs(dirs);
  })());
  let interruptedWith;
  const stopAndExit = (exitCode, reason) => {
    if (interruptedWith !== undefined) return;
    interruptedWith = exitCode;
    say(`${reason}: stopping`);
    cleanup(exitCode).finally(() => process.exit(exitCode));
  };
  const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
  for (const [signal, exitCode] of Object.entries(SIGNAL_EXIT_CODES)) {
    process.once(signal, () => stopAndExit(exitCode, signal));
  }

  // If whoever started us dies (runTests killed), we are re-parented: stop, don't linger.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stopAndExit(1, 'parent process gone');
  }, 1_000).unref();

  // One deadline for the whole run: starting the server and browser can hang too.
  const started = Date.now();
  let deadlineTimer;
  const deadline = new Promise((_, fail) => {
    deadlineTimer = setTimeout(() => fail(new DeadlineExceeded()), timeoutMs);
  });
  deadline.catch(() => {});
  const beforeDeadline = (promise) => Promise.race([promise, deadline]);
  let exitCode = EXIT_LAUNCH_FAILED;

  try {
    startingServer = startCodeServer({ dirs, smokeTestDriver: true });
    server = await beforeDeadline(startingServer);
    say(`code-server ${server.url} (pid ${server.pid}) ready in ${Date.now() - started} ms`);

    let reportExit;
    const testsExited = new Promise((done) => (reportExit = done));
    launchingBrowser = launchChromium(dirs);
    browser = await beforeDeadline(launchingBrowser);
    const { page } = browser;
    // Called by the workbench when the extension host running the tests exits.
    await page.exposeFunction('codeAutomationExit', (code, logs) => {
      saveHostLogs(logs);
      reportExit(Number(code));
    });
    // With the smoke-test driver, the workbench's log service (which receives the
    // extension host's console when tests run from a CLI) is mirrored here.
    await page.exposeFunction('codeAutomationLog', (level, args) => {
      const text = format(...(Array.isArray(args) ? args : [args]));
      if (!verbose && WORKBENCH_CHATTER.some((pattern) => pattern.test(text))) return;
      if (level === 'error' || level === 'warn') process.stderr.write(`${text}\n`);
      else if (level === 'info' || verbose) process.stdout.write(`${text}\n`);
    });
    if (verbose) page.on('console', (message) => console.error(`[browser ${message.type()}] ${message.text()}`));
    page.on('pageerror', (error) => say(`page error: ${error.message}`));
    const crashed = new Promise((_, fail) => page.once('crash', () => fail(new Error('the workbench page crashed'))));
    const serverDied = server.exited.then((code) => {
      throw new Error(`code-server exited (${code}) before the tests finished`);
    });
    // Awaited below through the race; until then a rejection must not count as unhandled.
    serverDied.catch(() => {});
    crashed.catch(() => {});

    const payload = [
      ...args.extensionDevelopmentPaths.map((path) => ['extensionDevelopmentPath', remoteUri(server.port, path)]),
      ['extensionTestsPath', remoteUri(server.port, args.extensionTestsPath)],
    ];
    const url = workbenchUrl(server, { folder: args.folder, payload });
    if (verbose) say(`opening ${url}`);
    await beforeDeadline(page.goto(url, { waitUntil: 'domcontentloaded' }));

    exitCode = await beforeDeadline(Promise.race([testsExited, serverDied, crashed]));
    say(`tests exited with code ${exitCode} after ${Date.now() - started} ms`);
  } catch (error) {
    if (interruptedWith !== undefined) {
      // A signal or the parent's death ended the run; stopAndExit reports and exits.
    } else if (error instanceof DeadlineExceeded) {
      say(`tests did not finish within ${timeoutMs} ms (RATIONALE_VSCODE_TEST_TIMEOUT_MS)`);
      if (browser) await screenshot(browser.page, 'launcher-timeout.png');
      exitCode = EXIT_TIMEOUT;
    } else {
      say(`failed: ${error?.stack ?? error}`);
      if (browser) await screenshot(browser.page, 'launcher-error.png');
      exitCode = EXIT_LAUNCH_FAILED;
    }
  } finally {
    clearTimeout(deadlineTimer);
    await cleanup(exitCode);
  }
  return interruptedWith ?? exitCode;
}

class DeadlineExceeded extends Error {}

async function screenshot(page, name) {
  const path = join(resultsDir, 'screenshots', name);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path }).then(() => say(`screenshot: ${path}`), () => {});
}

// Explicit exit: idle keep-alive sockets must not hold the launcher open.
process.exit(await main());
