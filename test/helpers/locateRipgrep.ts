import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findRipgrep } from '../../server/src/node/ripgrepPrefilter.js';
import { repoRoot } from '../cli/cliHarness.js';

/**
 * Ripgrep as CI or a developer has it: RATIONALE_RG or the PATH, Debian's package, else the one in
 * the code-server bundle the VS Code tests install (under .cache/vscode-host of the repository or
 * of the main checkout next to it). Never downloaded.
 */
export function locateRipgrep(): string | undefined {
  const found = findRipgrep({ env: process.env, onWarning: (w) => assert.fail(w) });
  if (found) return found;
  if (fs.existsSync('/usr/bin/rg')) return '/usr/bin/rg';
  for (const base of [repoRoot, path.join(repoRoot, '..', '..', 'main')]) {
    const bundled = findBundled(path.join(base, '.cache', 'vscode-host'), 0);
    if (bundled) return bundled;
  }
  return undefined;
}

/** `…/linux-x64/rg` somewhere below `dir`, looking no deeper than the bundle's layout needs. */
function findBundled(dir: string, depth: number): string | undefined {
  if (depth > 10 || !fs.existsSync(dir)) return undefined;
  const candidate = path.join(dir, 'linux-x64', 'rg');
  if (process.platform === 'linux' && process.arch === 'x64' && fs.existsSync(candidate)) return candidate;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!e.isDirectory()) continue;
    const found = findBundled(path.join(dir, e.name), depth + 1);
    if (found) return found;
  }
  return undefined;
}

