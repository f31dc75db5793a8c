#!/usr/bin/env node
// Runs the extension's integration tests (mocha, inside a real VS Code extension host)
// through @vscode/test-electron's runTests, with our code-server launcher standing in for
// the desktop VS Code that cannot be downloaded here. The workspace opened is a temporary
// copy of sample/, so tests that create or edit files never dirty the repository.
//
//   node test/vscode/runIntegration.mjs [--extension-development-path DIR]
//        [--extension-tests-path FILE] [--workspace DIR | FILE.code-workspace] [--suite NAME]
//
// Defaults: the repository root, out/vscode-suite/index.cjs (built by esbuild, see
// test/vscode/README.md), and sample/. A .code-workspace file opens a multi-root workspace: its
// folder is copied, and the copy's workspace file opened. --suite NAME runs only NAME.test.cjs
// (suites written for such a workspace); without it, every other suite runs. Exits with the
// tests' exit code.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';
import { repoRoot, SAMPLE_TODAY } from './codeServerHost.mjs';

const launcher = join(repoRoot, 'test', 'vscode', 'launcher.mjs');
const { values } = parseArgs({
  options: {
    'extension-development-path': { type: 'string', default: repoRoot },
    'extension-tests-path': { type: 'string', default: join(repoRoot, 'out', 'vscode-suite', 'index.cjs') },
    workspace: { type: 'string', default: join(repoRoot, 'sample') },
    suite: { type: 'string' },
  },
});
const extensionDevelopmentPath = resolve(values['extension-development-path']);
const extensionTestsPath = resolve(values['extension-tests-path']);
const workspaceFile = values.workspace.endsWith('.code-workspace') ? basename(values.workspace) : undefined;
const sourceWorkspace = workspaceFile ? dirname(resolve(values.workspace)) : resolve(values.workspace);

for (const [what, path] of [['extension tests', extensionTestsPath], ['workspace', sourceWorkspace]]) {
  if (!existsSync(path)) {
    console.error(`[integration] ${what} not found: ${path}`);
    process.exit(2);
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'rationale-workspace-'));
// Same folder name as the source, so tests can recognise it by name as well as by path.
const workspace = join(scratch, basename(sourceWorkspace));
cpSync(sourceWorkspace, workspace, { recursive: true });

// runTests forwards Ctrl+C to the launcher itself; on other signals remove the copy and
// go (the launcher notices it lost its parent and stops code-server).
for (const [signal, code] of [['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.once(signal, () => {
    rmSync(scratch, { recursive: true, force: true });
    process.exit(code);
  });
}

let exitCode;
try {
  exitCode = await runTests({
    vscodeExecutablePath: launcher,
    extensionDevelopmentPath,
    extensionTestsPath,
    launchArgs: [workspaceFile ? join(workspace, workspaceFile) : workspace],
    // Inherited by code-server and from it by the extension host, where tests read it.
    extensionTestsEnv: {
      RATIONALE_TEST_WORKSPACE: workspace,
      // The server's "today" (review-overdue findings), fixed so results do not depend on the date.
      RATIONALE_TODAY: SAMPLE_TODAY,
      // The server's persistent check cache goes here, not into the user's cache folder, and the
      // tests of the rationale.cache.enabled setting look for it here.
      RATIONALE_CACHE_DIR: join(scratch, 'check-cache'),
      RATIONALE_TEST_COLOR: process.stdout.isTTY ? '1' : '0',
      ...(values.suite ? { RATIONALE_VSCODE_SUITE: values.suite } : {}),
    },
  });
} catch (error) {
  // runTests rejects with TestRunFailedError carrying the launcher's exit code.
  exitCode = typeof error?.code === 'number' ? error.code : 1;
  console.error(`[integration] ${error?.message ?? error}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(exitCode);
