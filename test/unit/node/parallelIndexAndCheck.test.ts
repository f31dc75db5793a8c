import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';
import { parallelIndexAndCheck } from '../../../server/src/node/parallelIndexAndCheck.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

/** Spreading the code files over worker threads must change nothing in the result. */
async function check(dir: string, cache?: () => MemoryCheckCache): Promise<readonly { path: string; code: string }[]> {
  const alone = await indexAndCheck(new NodeWorkspace(dir), { today: '2026-11-23', cache: cache?.() });
  const spread = await parallelIndexAndCheck(new NodeWorkspace(dir), { today: '2026-11-23', workers: 2, minFilesPerWorker: 2, cache: cache?.() });
  assert.ok(spread.scannedInWorkers > 0, 'the workers scanned nothing');
  assert.deepEqual(spread.result, alone.result);
  assert.deepEqual([...spread.index.annotations], [...alone.index.annotations]);
  assert.ok(alone.result.findings.length > 0);
  return alone.result.findings;
}

function generated(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-parallel-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const write = (rel: string, text: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  };
  write('docs/adr/0001-no-moment.md', "---\nstatus: accepted\nrules:\n  - forbid-import: [moment]\n  - forbid-pattern: 'console\\.log'\n    files: ['src/**']\n  - forbid-layer: { from: 'src/ui/**', to: 'src/db/**' }\n---\n# No moment\n");
  write('docs/adr/0002-old.md', '---\nstatus: superseded\nsuperseded-by: ADR-0001\n---\n# Old\n');
  // Files no rule may skip: NUL bytes (unreadable-file), UTF-16 with a mark (checked).
  write('src/ui/nul.ts', Buffer.from([0x63, 0, 0x6c]));
  write('src/db/utf16-without-mark.ts', Buffer.from('console.log(2);\n', 'utf16le'));
  write('src/db/utf16.ts', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('console.log(1);\n', 'utf16le')]));
  for (let i = 0; i < 40; i++) {
    const layer = i % 2 ? 'ui' : 'db';
    write(`src/${layer}/f${i}.ts`, `${i % 3 ? "import m from 'moment';\n" : ''}${i % 4 ? "import { x } from '../db/f0';\n" : ''}// @adr ${i % 5 ? 1 : 2}\nconsole.log(${i});\n`);
  }
  return dir;
}

describe('parallelIndexAndCheck', () => {
  it('equals indexAndCheck on the sample workspace', async () => {
    await check(path.join(repo, 'sample'));
  });
  it('equals indexAndCheck on a generated tree with every kind of finding', async () => {
    const findings = await check(generated());
    assert.deepEqual(findings.filter((f) => f.code === 'unreadable-file').map((f) => f.path), ['src/db/utf16-without-mark.ts', 'src/ui/nul.ts']);
    assert.ok(findings.some((f) => f.path === 'src/db/utf16.ts' && f.code === 'forbid-pattern'));
  });
  it('equals indexAndCheck when a cache serves part of the files', async () => {
    const dir = generated();
    const t = new Date('2024-01-01T09:00:00Z'); // long before any run: old enough to be stamped
    for (const f of fs.readdirSync(path.join(dir, 'src/ui'))) fs.utimesSync(path.join(dir, 'src/ui', f), t, t);
    const warm = new MemoryCheckCache();
    await indexAndCheck(new NodeWorkspace(dir), { today: '2026-11-23', cache: warm });
    const data = JSON.stringify(warm.toData());
    assert.ok(Object.keys(warm.toData().files).length > 0);
    await check(dir, () => new MemoryCheckCache(JSON.parse(data)));
  });
});
