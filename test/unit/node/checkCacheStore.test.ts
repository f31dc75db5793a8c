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
});
