import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { rationale, workspace } from './cliHarness.js';

const files = {
  'docs/adr/0001-use-date-fns.md': "---\nstatus: accepted\nrules:\n  - forbid-import: [moment]\n    files: ['src/**']\n---\n# Use date-fns\n\n## Context\n\nmoment is large.\n",
  'src/a.ts': "import moment from 'moment';\n// @decision ADR-0001\n",
  'src/b.ts': 'export const b = 1;\n',
};

/**
 * Files written just now get no stamp (they could still change within the clock's resolution):
 * date them back, to fixed days rather than "a minute ago", so nothing depends on the clock.
 */
function age(dir: string, when = '2024-01-01T09:00:00Z'): void {
  const t = new Date(when);
  for (const rel of ['docs/adr/0001-use-date-fns.md', 'src/a.ts', 'src/b.ts']) fs.utimesSync(nodePath.join(dir, rel), t, t);
}

function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.jsonl')) : [];
}

describe('rationale check: the cache', () => {
  it('gives the same report from the cache, and sees a changed file', async () => {
    const dir = workspace(files);
    const cache = workspace();
    age(dir);
    const cold = await rationale(['check', '--format', 'json', '--fail-on', 'warning', '--cache-dir', cache], { dir });
    assert.equal(cold.code, 1);
    assert.equal(cacheFiles(cache).length, 1);
    const warm = await rationale(['check', '--format', 'json', '--fail-on', 'warning', '--cache-dir', cache], { dir });
    assert.equal(warm.stdout, cold.stdout);
    assert.equal(warm.code, 1);

    fs.writeFileSync(nodePath.join(dir, 'src/a.ts'), "import dayjs from 'dayjs';\n// @decision ADR-0001\n");
    age(dir, '2024-01-02T09:00:00Z');
    const changed = await rationale(['check', '--format', 'json', '--fail-on', 'warning', '--cache-dir', cache], { dir });
    assert.equal(changed.code, 0, changed.stdout);
    assert.deepEqual(JSON.parse(changed.stdout).findings, []);
  });

  it('runs cold over a corrupt cache and replaces it', async () => {
    const dir = workspace(files);
    const cache = workspace();
    age(dir);
    const cold = await rationale(['check', '--format', 'json', '--fail-on', 'warning', '--cache-dir', cache], { dir });
    const [name] = cacheFiles(cache);
    fs.writeFileSync(nodePath.join(cache, name), '{"format": 1, "data": {"files": [');
    const again = await rationale(['check', '--format', 'json', '--fail-on', 'warning', '--cache-dir', cache], { dir });
    assert.equal(again.stdout, cold.stdout);
    assert.match(again.stderr, /^rationale: warning: the check cache .* was ignored: it has no valid header .*; it is rebuilt\n$/);
    const lines = fs.readFileSync(nodePath.join(cache, name), 'utf8').trimEnd().split('\n');
    assert.ok(lines.length > 1);
    for (const line of lines) assert.doesNotThrow(() => JSON.parse(line));
    const third = await rationale(['check', '--format', 'json', '--fail-on', 'warning', '--cache-dir', cache], { dir });
    assert.equal(third.stderr, '');
  });

  it('writes nothing with --no-cache', async () => {
    const dir = workspace(files);
    const cache = workspace();
    age(dir);
    const r = await rationale(['check', '--fail-on', 'warning', '--no-cache', '--cache-dir', cache], { dir });
    assert.equal(r.code, 1);
    assert.deepEqual(cacheFiles(cache), []);
  });

  it('warns and still checks when the cache cannot be written', async () => {
    const dir = workspace(files);
    const blocker = nodePath.join(workspace({ 'not-a-folder': 'x' }), 'not-a-folder');
    age(dir);
    const r = await rationale(['check', '--fail-on', 'warning', '--cache-dir', blocker], { dir });
    assert.equal(r.code, 1);
    assert.match(r.stderr, /warning: could not write the check cache/);
    assert.match(r.stdout, /forbid-import/);
    assert.equal(fs.readFileSync(blocker, 'utf8'), 'x');
  });
});
