#!/usr/bin/env node
// Builds the extension-host test suite (test/vscode/suite/*.ts) into CommonJS under
// out/vscode-suite/: index.cjs with mocha bundled in, and one <name>.test.cjs per test file,
// `vscode` left external (the extension host provides it). CommonJS because the extension
// host `require`s the entry and the package is "type": "module"; out/vscode-suite rather
// than out/test/ so `node --test out/test/` never picks these files up.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { repoRoot } from './codeServerHost.mjs';

const suiteDir = join(repoRoot, 'test', 'vscode', 'suite');
const entryPoints = readdirSync(suiteDir)
  .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
  .map((name) => join(suiteDir, name));

const outdir = join(repoRoot, 'out', 'vscode-suite');
// index.ts runs every *.test.cjs it finds: one left from a test file since deleted or renamed
// would still run.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints,
  outdir,
  entryNames: '[name]',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  external: ['vscode'],
  sourcemap: true,
  logLevel: 'warning',
  // mocha's parallel mode (unused here) resolves worker files at run time.
  logOverride: { 'require-resolve-not-external': 'silent' },
});
console.log(`[vscode-suite] built ${entryPoints.length} file(s) into out/vscode-suite/`);
