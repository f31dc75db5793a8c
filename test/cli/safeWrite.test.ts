import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { Worker } from 'node:worker_threads';
import { createExclusive, lockFileName, replaceAtomically, withFolderLock } from '../../server/src/cli/safeWrite.js';
import { workspace } from './cliHarness.js';

/**
 * Runs `withFolderLock` in several threads at once; each holds the lock for a while and logs when
 * it enters and leaves. Returns the log, which alternates enter/leave exactly when the lock excludes.
 */
async function contend(folder: string, threads: number, holdMs: number): Promise<string[]> {
  const log = nodePath.join(folder, 'log.txt');
  fs.writeFileSync(log, '');
  const moduleUrl = new URL('../../server/src/cli/safeWrite.js', import.meta.url).href;
  const code = `
    const { workerData } = require('node:worker_threads');
    const fs = require('node:fs');
    import(${JSON.stringify(moduleUrl)}).then(({ withFolderLock }) => withFolderLock(workerData.folder, () => {
      fs.appendFileSync(workerData.log, 'enter\\n');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs);
      fs.appendFileSync(workerData.log, 'leave\\n');
    }));
  `;
  await Promise.all(Array.from({ length: threads }, () => new Promise<void>((resolve, reject) => {
    const w = new Worker(code, { eval: true, workerData: { folder, log, holdMs } });
    w.on('error', reject);
    w.on('exit', (c) => (c === 0 ? resolve() : reject(new Error(`worker exited ${c}`))));
  })));
  return fs.readFileSync(log, 'utf8').trim().split('\n');
}

describe('safe writes', () => {
  it('lets one holder at a time into a folder lock, and removes the lock after', async () => {
    const folder = workspace();
    const log = await contend(folder, 5, 40);
    assert.deepEqual(log, Array.from({ length: 5 }, () => ['enter', 'leave']).flat());
    assert.ok(!fs.existsSync(nodePath.join(folder, lockFileName)));
  });

  it('breaks a lock left behind by a crashed run, and gives up on a live one', async () => {
    const folder = workspace();
    const lock = nodePath.join(folder, lockFileName);
    fs.writeFileSync(lock, '12345\n');
    const old = new Date('2024-01-01T09:00:00Z'); // a lock from long before this run
    fs.utimesSync(lock, old, old);
    assert.equal(await withFolderLock(folder, () => 'ran'), 'ran');
    fs.writeFileSync(lock, '12345\n');
    await assert.rejects(withFolderLock(folder, () => 'ran', 200), /is locked by another "rationale new"/);
    assert.ok(fs.existsSync(lock), 'a live lock is left to its holder');
  });

  it('breaks a lock whose modification time is in the future instead of waiting on it forever', async () => {
    const folder = workspace();
    const lock = nodePath.join(folder, lockFileName);
    fs.writeFileSync(lock, '12345\n');
    const future = new Date(Date.now() + 24 * 3600_000);
    fs.utimesSync(lock, future, future);
    assert.equal(await withFolderLock(folder, () => 'ran', 500), 'ran');
    assert.ok(!fs.existsSync(lock));
  });

  it('creates exclusively: an existing file is never overwritten', () => {
    const folder = workspace({ 'a.md': 'original\n' });
    assert.throws(() => createExclusive(nodePath.join(folder, 'a.md'), 'new\n'), { code: 'EEXIST' });
    assert.equal(fs.readFileSync(nodePath.join(folder, 'a.md'), 'utf8'), 'original\n');
    createExclusive(nodePath.join(folder, 'b.md'), 'new\n');
    assert.equal(fs.readFileSync(nodePath.join(folder, 'b.md'), 'utf8'), 'new\n');
  });

  it('replaces atomically, and not at all when the file changed meanwhile', () => {
    const folder = workspace({ 'a.md': 'v1\n' });
    const a = nodePath.join(folder, 'a.md');
    assert.throws(() => replaceAtomically(a, 'v2\n', 'v0\n'), /changed while it was being updated/);
    assert.equal(fs.readFileSync(a, 'utf8'), 'v1\n');
    replaceAtomically(a, 'v2\n', 'v1\n');
    assert.equal(fs.readFileSync(a, 'utf8'), 'v2\n');
    assert.deepEqual(fs.readdirSync(folder), ['a.md'], 'no temporary file is left');
  });
});
