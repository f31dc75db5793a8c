import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { CheckCacheStore } from '../../../server/src/node/checkCacheStore.js';

const storeModule = new URL('../../../server/src/node/checkCacheStore.js', import.meta.url).href;

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-cache-store-'));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Loads the cache in a child process. The timeout only guards the test run against the bug coming
 * back (a load that blocks or reads without end); the assertion is on what the load returned.
 */
function loadInChild(root: string, folder: string): { status: number | null; stdout: string; stderr: string } {
  const script = `import(${JSON.stringify(storeModule)}).then((m) => { const c = new m.CheckCacheStore(${JSON.stringify(root)}, 'test', ${JSON.stringify(folder)}).load(); process.stdout.write('loaded ' + c.loaded); });`;
  const r = spawnSync(process.execPath, ['--max-old-space-size=256', '-e', script], { timeout: 30_000, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CheckCacheStore', () => {
  it('reads a cache file that is a FIFO as no cache, without blocking', { skip: process.platform === 'win32' }, () => {
    const root = tempDir();
    const folder = tempDir();
    execFileSync('mkfifo', [new CheckCacheStore(root, 'test', folder).file]);
    assert.deepEqual(loadInChild(root, folder), { status: 0, stdout: 'loaded 0', stderr: '' });
  });

  it('reads a cache file that links to /dev/zero as no cache, without reading it', { skip: !fs.existsSync('/dev/zero') }, () => {
    const root = tempDir();
    const folder = tempDir();
    fs.symlinkSync('/dev/zero', new CheckCacheStore(root, 'test', folder).file);
    assert.deepEqual(loadInChild(root, folder), { status: 0, stdout: 'loaded 0', stderr: '' });
  });

  it('still loads a regular cache file it wrote, and replaces a FIFO when saving', { skip: process.platform === 'win32' }, () => {
    const root = tempDir();
    const folder = tempDir();
    const store = new CheckCacheStore(root, 'test', folder);
    execFileSync('mkfifo', [store.file]);
    const cache = new MemoryCheckCache();
    cache.rememberCodeFile('src/a.ts', '1', 'key', { ruleFindings: [], checked: true });
    assert.equal(store.save(cache), undefined);
    assert.ok(fs.lstatSync(store.file).isFile());
    assert.equal(store.load().loaded, 1);
  });

  function storeWithEntries(count: number): { store: CheckCacheStore; root: string; folder: string } {
    const root = tempDir();
    const folder = tempDir();
    const store = new CheckCacheStore(root, 'test', folder);
    const cache = new MemoryCheckCache();
    for (let i = 0; i < count; i++) cache.rememberCodeFile(`src/f${i}.ts`, String(i), 'key', { ruleFindings: [], checked: true });
    assert.equal(store.save(cache), undefined);
    return { store, root, folder };
  }

  it('ignores a cache of the earlier format (one JSON document), says so, and replaces it', () => {
    const root = tempDir();
    const old = new CheckCacheStore(root, 'test', tempDir());
    fs.writeFileSync(old.file, JSON.stringify({ format: 1, tool: 'test', root, data: { documents: {}, files: { 'src/a.ts': { stamp: '1', entry: { ruleFindings: [], checked: true } } } } }));
    const cache = old.load();
    assert.equal(cache.loaded, 0);
    assert.match(old.loadProblem ?? '', /no valid header.*rebuilt/);
    cache.rememberCodeFile('src/a.ts', '1', 'key', { ruleFindings: [], checked: true });
    assert.equal(old.save(cache), undefined);
    assert.equal(old.load().loaded, 1);
    assert.equal(old.loadProblem, undefined);
  });

  it('removes the file the earlier format kept, once it saves', () => {
    const root = tempDir();
    const folder = tempDir();
    const store = new CheckCacheStore(root, 'test', folder);
    const legacy = store.file.replace(/\.jsonl$/, '.json');
    fs.writeFileSync(legacy, '{"format":1}');
    const cache = new MemoryCheckCache();
    cache.rememberCodeFile('src/a.ts', '1', 'key', { ruleFindings: [], checked: true });
    assert.equal(store.save(cache), undefined);
    assert.equal(fs.existsSync(legacy), false);
  });

  it('loads every complete record of a truncated file, and says that one line was damaged', () => {
    const { store } = storeWithEntries(50);
    const bytes = fs.readFileSync(store.file);
    fs.writeFileSync(store.file, bytes.subarray(0, bytes.length - 4));
    assert.equal(store.load().loaded, 49);
    assert.match(store.loadProblem ?? '', /1 damaged line/);
  });

  it('says nothing when the cache was written by another build, and loads nothing of it', () => {
    const { root, folder } = storeWithEntries(3);
    const other = new CheckCacheStore(root, 'other build', folder);
    assert.equal(other.load().loaded, 0);
    assert.equal(other.loadProblem, undefined);
  });

  it('keeps the old cache, and leaves no temporary file, when writing the new one fails', () => {
    const { store, folder } = storeWithEntries(3);
    const before = fs.readFileSync(store.file);
    const cache = store.load();
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    cache.rememberDocument('docs/a.md', '1', 'p', circular as never);
    assert.match(store.save(cache) ?? '', /could not write the check cache/);
    assert.deepEqual(fs.readFileSync(store.file), before);
    assert.deepEqual(fs.readdirSync(folder), [path.basename(store.file)]);
  });

  it('a save written in steps and ended halfway leaves the old cache and no temporary file', () => {
    const { store, folder } = storeWithEntries(3);
    const before = fs.readFileSync(store.file);
    const cache = store.load();
    for (let i = 3; i < 5000; i++) cache.rememberCodeFile(`src/f${i}.ts`, String(i), 'key', { ruleFindings: [], checked: true });
    const steps = store.saveSteps(cache);
    for (let i = 0; i < 100; i++) assert.equal(steps.next().done, false);
    assert.equal(fs.readdirSync(folder).length, 2, 'the temporary file is being written');
    steps.return(undefined);
    assert.deepEqual(fs.readFileSync(store.file), before);
    assert.deepEqual(fs.readdirSync(folder), [path.basename(store.file)]);
  });
});
