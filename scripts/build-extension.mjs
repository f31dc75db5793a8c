#!/usr/bin/env node
// Bundles the VS Code extension into self-contained files, so the .vsix needs no
// node_modules (vsce package --no-dependencies):
//   client/src/extension.ts  → dist/extension.cjs   (the extension host `require`s it; `vscode` is external)
//   server/src/lsp/main.ts   → dist/server.cjs      (the language server, started over IPC)
//   client/webview/graph/main.ts → dist/graphView.js + .css (the Mental Model Graph webview, with elkjs)
//   server/src/cli/mcpMain.ts → dist/mcp.cjs        (the MCP server announced to VS Code's agents, on stdio)
// esbuild does not type-check, so the checks that follow a build start with `tsc -p client`; then
// what a broken bundle would only show at run time: every command the client registers is declared
// in package.json and the other way round, and the server bundle answers an LSP `initialize` over
// stdio.
//
//   node scripts/build-extension.mjs            production build (minified syntax, readable names) + checks
//   node scripts/build-extension.mjs --dev      with source maps, not minified
//   node scripts/build-extension.mjs --watch    rebuild on change (dev settings, no checks)
//   node scripts/build-extension.mjs --no-check skip the checks
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = new Set(process.argv.slice(2));
const watch = args.has('--watch');
const dev = watch || args.has('--dev');
const check = !watch && !args.has('--no-check');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // VS Code 1.90+ runs extensions on Node 20 or later (code-server 4.139 on Node 24).
  target: 'node20',
  sourcemap: dev ? 'linked' : false,
  minifySyntax: !dev,
  minifyWhitespace: !dev,
  // Identifiers stay readable so stack traces in the Rationale output channel mean something.
  minifyIdentifiers: false,
  logLevel: 'warning',
  // A CommonJS bundle has no import.meta: code relying on it (new URL(…, import.meta.url)) would
  // silently get undefined at run time, so it fails the build instead.
  logOverride: { 'empty-import-meta': 'error' },
  metafile: true,
  absWorkingDir: root,
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.cjs', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.cjs' },
  // A page script, not Node: an IIFE for the webview's one nonce'd <script>; its CSS import becomes dist/graphView.css.
  { ...common, entryPoints: ['client/webview/graph/main.ts'], outfile: 'dist/graphView.js', platform: 'browser', format: 'iife', target: 'es2022' },
  // The MCP server the extension announces to VS Code's agents (client/src/agentTools.ts).
  { ...common, entryPoints: ['server/src/cli/mcpMain.ts'], outfile: 'dist/mcp.cjs', define: { 'process.env.RATIONALE_BUNDLED_VERSION': JSON.stringify(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version) } },
];

function size(file) {
  return `${(statSync(join(root, file)).size / 1024).toFixed(0)} KiB`;
}

if (watch) {
  for (const options of builds) {
    const ctx = await esbuild.context(options);
    await ctx.watch();
  }
  console.log('build-extension: watching client/src and server/src (Ctrl+C to stop)');
} else {
  // Stale outputs of an earlier layout (e.g. dist/extension.js) must not end up in the .vsix.
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  const started = Date.now();
  for (const options of builds) await esbuild.build(options);
  console.log(`build-extension: dist/extension.cjs ${size('dist/extension.cjs')}, dist/server.cjs ${size('dist/server.cjs')}, dist/mcp.cjs ${size('dist/mcp.cjs')}, dist/graphView.js ${size('dist/graphView.js')} (${Date.now() - started} ms)`);
  if (check) {
    typeCheckClient();
    checkCommands();
    await checkServerStarts();
    console.log('build-extension: checks passed (client type-checks; commands match package.json; the server answers initialize)');
  }
}

/** The client's own type checks (client/tsconfig.json, and the graph webview's DOM one); the server's is the root `npm run build`. */
function typeCheckClient() {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  for (const project of ['client', 'client/webview/graph']) {
    const result = spawnSync(process.execPath, [tsc, '-p', join(root, project), '--noEmit'], { cwd: root, encoding: 'utf8' });
    if (result.status !== 0) {
      console.error(`build-extension: tsc -p ${project} failed:\n${result.stdout}${result.stderr}`);
      process.exit(1);
    }
  }
}

/** Command ids in the client's sources vs package.json: a mismatch is a dead menu entry or a hidden command. */
function checkCommands() {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const declared = new Set((pkg.contributes?.commands ?? []).map((c) => c.command));
  const sourceFiles = [];
  const walk = (dir) => {
    for (const name of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, name.name);
      if (name.isDirectory()) walk(p);
      else if (name.name.endsWith('.ts')) sourceFiles.push(p);
    }
  };
  walk(join(root, 'client/src'));
  const ids = readFileSync(join(root, 'client/src/commands/commandIds.ts'), 'utf8');
  // The server's hover and code-action commands are defined once, in the core (protocol.ts re-exports them).
  const serverCommands = readFileSync(join(root, 'server/src/core/features/commandIds.ts'), 'utf8');
  const registered = new Set([...`${ids}\n${serverCommands}`.matchAll(/'(rationale\.[\w.]+)'/g)].map((m) => m[1]));
  const problems = [];
  for (const id of registered) if (!declared.has(id)) problems.push(`${id} is registered but not in package.json contributes.commands`);
  for (const id of declared) if (!registered.has(id)) problems.push(`${id} is in package.json but client/src/commands/commandIds.ts does not list it`);
  // Commands used as string literals elsewhere (menus in code, executeCommand) must exist too.
  for (const file of sourceFiles) {
    for (const m of readFileSync(file, 'utf8').matchAll(/executeCommand\(\s*'(rationale\.[\w.]+)'/g)) {
      if (!registered.has(m[1])) problems.push(`${relative(root, file)} runs ${m[1]}, which is not registered`);
    }
  }
  if (problems.length) {
    console.error(`build-extension: command check failed:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
}

/** Starts dist/server.cjs over stdio and waits for its answer to `initialize`: a load-time crash fails the build. */
function checkServerStarts() {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'dist/server.cjs'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const fail = (why) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`build-extension: dist/server.cjs ${why}\n${stderr}`));
    };
    const timer = setTimeout(() => fail('did not answer initialize within 15 s'), 15_000);
    const send = (message) => {
      const body = JSON.stringify({ jsonrpc: '2.0', ...message });
      child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    };
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => code !== 0 && code !== null && fail(`exited with code ${code}`));
    child.stdout.on('data', (d) => {
      stdout += d;
      if (!/"id":1,"result":\{"capabilities"/.test(stdout) && !/"id":1,"result"/.test(stdout)) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      send({ id: 2, method: 'shutdown' });
      send({ method: 'exit' });
      child.on('exit', () => resolve());
      setTimeout(() => child.kill(), 2000).unref();
    });
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, workspaceFolders: null, capabilities: {} } });
  });
}
