import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';
import { throughCacheFile } from '../../helpers/cacheFileRoundTrip.js';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Writes a tree (string = text file, Buffer = bytes, {link} = symlink) and lists it through NodeWorkspace. */
function check(tree: Record<string, string | Buffer | { link: string }>, expected: string[], options: { maxFileSizeBytes?: number } = {}): NodeWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-ws-'));
  dirs.push(root);
  for (const [p, v] of Object.entries(tree)) {
    const abs = path.join(root, p);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    if (typeof v === 'object' && !Buffer.isBuffer(v)) fs.symlinkSync(v.link, abs);
    else fs.writeFileSync(abs, v);
  }
  const ws = new NodeWorkspace(root, options);
  assert.deepEqual(ws.listFiles(), expected);
  return ws;
}

describe('NodeWorkspace', () => {
  it('honours .gitignore files at every level and skips dependency and VCS folders', () => {
    check({
      '.gitignore': 'dist/\n*.log\n',
      'src/a.ts': 'a',
      'src/debug.log': 'x',
      'dist/bundle.js': 'x',
      'pkg/.gitignore': 'generated.ts\n!keep.log\n',
      'pkg/generated.ts': 'x',
      'pkg/keep.ts': 'x',
      'node_modules/m/index.js': 'x',
      '.git/HEAD': 'x',
    }, ['.gitignore', 'pkg/.gitignore', 'pkg/keep.ts', 'src/a.ts']);
  });

  it('skips binary files by extension when listing and by content when reading, and oversized files', () => {
    const ws = check({ 'docs/adr/0001.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0]), 'data.bin2': Buffer.from([1, 0, 2]), 'big.txt': 'x'.repeat(5000), 'ok.md': '# ok' }, ['big.txt', 'data.bin2', 'ok.md'], { maxFileSizeBytes: 2048 });
    assert.equal(ws.readText('data.bin2'), undefined, 'NUL bytes mean binary');
    assert.equal(ws.readText('big.txt'), undefined, 'above the size limit');
    assert.equal(ws.readText('ok.md'), '# ok');
  });

  it('never follows a symlink loop or a link out of the root, and never reads outside it', () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-outside-'));
    dirs.push(outside);
    fs.writeFileSync(path.join(outside, 'secret.md'), 'secret');
    const ws = check({ 'a/b.md': 'b', 'a/loop': { link: '..' }, 'out': { link: outside }, 'inside.md': { link: 'a/b.md' } }, ['a/b.md', 'inside.md']);
    assert.equal(ws.readText('../secret.md'), undefined);
    assert.equal(ws.readText('inside.md'), 'b');
  });

  it('survives a file vanishing between listing and reading', () => {
    const ws = check({ 'gone.md': 'x' }, ['gone.md']);
    fs.rmSync(path.join(ws.root, 'gone.md'));
    assert.equal(ws.readText('gone.md'), undefined);
    assert.equal(ws.exists('gone.md'), undefined);
  });
});

describe('NodeWorkspace stamps and the check cache', () => {
  // Fixed times well before any test run: a stamp is withheld for files modified in the last seconds.
  const monday = new Date('2024-01-01T09:00:00Z');
  const tuesday = new Date('2024-01-02T09:00:00Z');
  const decision = '---\nstatus: accepted\nrules:\n  - forbid-pattern: "eval\\\\("\n---\n# 1. No eval\n';

  /** A workspace on disk whose files all carry `mtime`, checked once to fill a cache. */
  async function checkedOnce(mtime: Date): Promise<{ root: string; cache: MemoryCheckCache }> {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-stamp-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
    fs.mkdirSync(path.join(root, 'src'));
    fs.writeFileSync(path.join(root, 'docs/adr/0001-no-eval.md'), decision);
    fs.writeFileSync(path.join(root, 'src/b.ts'), "export const b = eval('1');\n");
    for (const f of ['docs/adr/0001-no-eval.md', 'src/b.ts']) fs.utimesSync(path.join(root, f), mtime, mtime);
    const cache = new MemoryCheckCache();
    const first = await indexAndCheck(new NodeWorkspace(root), { today: '2024-06-01', cache });
    assert.deepEqual(first.result.findings.map((f) => f.code), ['forbid-pattern']);
    assert.ok(cache.changed(), 'the first run filled the cache');
    return { root, cache: throughCacheFile(cache) };
  }

  const sameSizeEdit = "export const b = evil('1');\n";
  const findingsAfterEdit = async (root: string, cache: MemoryCheckCache) =>
    (await indexAndCheck(new NodeWorkspace(root), { today: '2024-06-01', cache })).result.findings.map((f) => f.code);

  it('notices a same-size edit by its modification time', async () => {
    const { root, cache } = await checkedOnce(monday);
    const file = path.join(root, 'src/b.ts');
    assert.equal(sameSizeEdit.length, fs.statSync(file).size);
    fs.writeFileSync(file, sameSizeEdit);
    fs.utimesSync(file, tuesday, tuesday);
    assert.deepEqual(await findingsAfterEdit(root, cache), []);
  });

  it('notices a same-size file put in place with its old modification time (a new inode)', async () => {
    // What `git checkout`, rsync -t or an editor's save-by-rename can do: content new, mtime old.
    const { root, cache } = await checkedOnce(monday);
    const file = path.join(root, 'src/b.ts');
    const replacement = path.join(root, 'src/b.ts.new');
    fs.writeFileSync(replacement, sameSizeEdit);
    fs.utimesSync(replacement, monday, monday);
    fs.renameSync(replacement, file);
    assert.deepEqual(await findingsAfterEdit(root, cache), []);
  });

  it('serves an untouched file from the cache without reading it', async () => {
    const { root, cache } = await checkedOnce(monday);
    const stamp = new NodeWorkspace(root).stamp('src/b.ts');
    assert.ok(stamp !== undefined, 'a file last modified long ago has a stamp');
    assert.equal(new NodeWorkspace(root).stamp('src/b.ts'), stamp, 'stamps are stable while nothing changes');
    const reads: string[] = [];
    const ws = new (class extends NodeWorkspace {
      override readText(p: string): string | undefined {
        reads.push(p);
        return super.readText(p);
      }
    })(root);
    assert.deepEqual((await indexAndCheck(ws, { today: '2024-06-01', cache })).result.findings.map((f) => f.code), ['forbid-pattern']);
    assert.ok(!reads.includes('src/b.ts'), `read: ${reads.join(', ')}`);
  });
});
