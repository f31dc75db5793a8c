import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { promisify } from 'node:util';
import { md } from '../helpers/markers.js';
import { repoRoot, workspace } from './cliHarness.js';

const run = promisify(execFile);

interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  bin: Record<string, string>;
  files: string[];
  dependencies: Record<string, string>;
}

interface PackResult {
  name: string;
  version: string;
  filename: string;
  files: { path: string }[];
}

const pkg = JSON.parse(fs.readFileSync(nodePath.join(repoRoot, 'package.json'), 'utf8')) as PackageJson;

/**
 * `npm pack` of the repository, offline and without lifecycle scripts: `prepare` would rebuild
 * out/ under the tests that run from it, and the tests are built already.
 */
async function pack(args: readonly string[]): Promise<PackResult> {
  const env = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false' };
  const { stdout } = await run('npm', ['pack', '--json', '--offline', '--ignore-scripts', ...args], { cwd: repoRoot, env, maxBuffer: 16 * 1024 * 1024 });
  const results = JSON.parse(stdout) as PackResult[];
  assert.equal(results.length, 1, stdout);
  return results[0];
}

/**
 * Top-level static imports and re-exports (tsc puts them at line starts), awaited dynamic imports of
 * a literal, and worker URLs, outside comment lines: the core's import readers quote import
 * syntax in their comments.
 */
const specifierPatterns = [/^(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gms, /^import\s*['"]([^'"]+)['"]/gm, /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g, /\bnew URL\(\s*['"]([^'"]+)['"]\s*,\s*import\.meta\.url\s*\)/g];

function specifiers(text: string): string[] {
  const code = text.split('\n').filter((line) => !/^\s*(\/\/|\/\*|\*)/.test(line)).join('\n');
  return specifierPatterns.flatMap((re) => [...code.matchAll(re)].map((m) => m[1]));
}

/** The package a bare specifier names: `yaml`, `@scope/name`, `ajv-formats` of `ajv-formats/dist/x`. */
function packageOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/**
 * Everything the bin loads, followed from bin/rationale.js through the packed files: relative
 * imports that are missing from the tarball, and the npm packages imported.
 */
function importClosure(packed: ReadonlySet<string>, entry: string): { missing: string[]; packages: Set<string> } {
  const missing: string[] = [];
  const packages = new Set<string>();
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    for (const spec of specifiers(fs.readFileSync(nodePath.join(repoRoot, file), 'utf8'))) {
      if (spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      if (!spec.startsWith('.')) {
        packages.add(packageOf(spec));
        continue;
      }
      const target = nodePath.posix.normalize(nodePath.posix.join(nodePath.posix.dirname(file), spec));
      if (packed.has(target)) queue.push(target);
      else missing.push(`${file} → ${spec}`);
    }
  }
  return { missing, packages };
}

describe('the npm package rationale-cli', () => {
  it('is publishable under its own name and installs the rationale command', () => {
    assert.equal(pkg.name, 'rationale-cli');
    assert.notEqual(pkg.private, true);
    assert.deepEqual(pkg.bin, { rationale: 'bin/rationale.js' });
  });

  it('packs the bin, everything it loads, the schemas, README and LICENSE, and nothing of the tests or the sample', async () => {
    const result = await pack(['--dry-run']);
    assert.equal(result.name, 'rationale-cli');
    assert.equal(result.version, pkg.version);
    const paths = result.files.map((f) => f.path);
    const packed = new Set(paths);
    for (const required of ['package.json', 'README.md', 'LICENSE', 'bin/rationale.js', 'schemas/config.schema.json', 'schemas/decision.schema.json']) {
      assert.ok(packed.has(required), `${required} is in the tarball`);
    }
    const { missing, packages } = importClosure(packed, 'bin/rationale.js');
    assert.deepEqual(missing, [], 'every file the bin loads is in the tarball');
    assert.ok(packed.has('out/server/src/cli/commands/check.js') && packed.has('out/server/src/node/scanWorker.js'), 'the walk reached the commands and the worker');
    const undeclared = [...packages].filter((p) => !(p in pkg.dependencies));
    assert.deepEqual(undeclared, [], 'every package the CLI imports is a dependency, not a devDependency');
    const stray = paths.filter((p) => /^(test|sample|bench|client|docs|scripts|\.ci|out\/test|out\/bench|out\/server\/src\/lsp|node_modules|dist)\//.test(p) || /\.(ts|map|vsix)$/.test(p));
    assert.deepEqual(stray, [], 'no tests, sample, sources, source maps, language server or extension bundle');
  });

  it('runs from the unpacked tarball with only the production dependencies', async () => {
    const dir = workspace();
    const result = await pack(['--pack-destination', dir]);
    execFileSync('tar', ['-xzf', nodePath.join(dir, result.filename), '-C', dir]);
    const installed = nodePath.join(dir, 'package');
    linkProductionDependencies(installed);
    const bin = nodePath.join(installed, 'bin', 'rationale.js');
    const version = await run(process.execPath, [bin, '--version'], { cwd: dir });
    assert.equal(version.stdout, `${pkg.version}\n`);
    const project = workspace({
      '.git/': '',
      'docs/adr/0001-no-console.md': md`
        ---
        status: accepted
        date: 2024-01-01
        applies-to: ["src/**"]
        rules:
          - forbid-pattern: ${String.raw`'\bconsole\.log\('`}
            severity: error
            message: Use the logger.
        ---
        # No console.log
      `,
      'src/a.ts': 'console.log(1);\n',
    });
    const env = { ...process.env, RATIONALE_CACHE_DIR: workspace(), RATIONALE_TODAY: '2026-11-23' };
    // Exit 1 (a finding) rejects the promise; its error carries the code and both streams.
    const check = await run(process.execPath, [bin, 'check', project, '--format', 'json'], { env }).then(
      (r) => ({ code: 0, ...r }),
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    assert.equal(check.code, 1, check.stderr);
    const report = JSON.parse(check.stdout) as { findings: { file: string; code: string }[] };
    assert.deepEqual(report.findings.map((f) => `${f.file} ${f.code}`), ['src/a.ts forbid-pattern']);
  });
});

/**
 * node_modules for the unpacked package holding links to the packages package-lock.json marks as
 * needed in production (not `dev`), so an import of a devDependency fails as it would after
 * `npm install rationale-cli`. Nested packages come along inside their parents' folders.
 */
function linkProductionDependencies(installed: string): void {
  const lock = JSON.parse(fs.readFileSync(nodePath.join(repoRoot, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
  for (const [key, entry] of Object.entries(lock.packages)) {
    const name = key.startsWith('node_modules/') ? key.slice('node_modules/'.length) : '';
    if (!name || name.includes('/node_modules/') || entry.dev) continue;
    const link = nodePath.join(installed, 'node_modules', ...name.split('/'));
    fs.mkdirSync(nodePath.dirname(link), { recursive: true });
    fs.symlinkSync(nodePath.join(repoRoot, 'node_modules', ...name.split('/')), link, 'dir');
  }
}
