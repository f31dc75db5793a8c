import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Writes that never lose data: new files are created exclusively (an existing file is never
 * overwritten), replacements go through a temporary file renamed over the original (a failure leaves
 * the original as it was), and numbering a new document happens under a folder lock so that two
 * concurrent runs cannot both pick the same number for different titles.
 */

/** Creates `path` with `content`, failing with `EEXIST` if anything is there. A partial file is removed. */
export function createExclusive(path: string, content: string): void {
  const fd = fs.openSync(path, 'wx', 0o666);
  try {
    fs.writeFileSync(fd, content);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(path, { force: true });
    throw e;
  }
  fs.closeSync(fd);
}

/**
 * Replaces a file's content atomically. When `expected` is given, the file must still hold it just
 * before the rename (else nothing is written): an edit made meanwhile is never clobbered.
 */
export function replaceAtomically(path: string, content: string, expected?: string): void {
  const dir = nodePath.dirname(path);
  const tmp = nodePath.join(dir, `.${nodePath.basename(path)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const mode = fs.statSync(path).mode & 0o7777;
  const fd = fs.openSync(tmp, 'wx', mode);
  try {
    try {
      fs.writeFileSync(fd, content);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (expected !== undefined && fs.readFileSync(path, 'utf8') !== expected) {
      throw new Error(`${path} changed while it was being updated; nothing was written`);
    }
    fs.renameSync(tmp, path);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

export const lockFileName = '.rationale-new.lock';

/** A lock further than this from now was left by a process that died; no holder keeps it more than milliseconds. */
const staleLockMs = 30_000;

/**
 * Runs `fn` holding an exclusive lock on `folder` (a lock file created with `wx`). Waits up to
 * `timeoutMs` for another holder; breaks a lock left behind by a crashed process.
 */
export async function withFolderLock<T>(folder: string, fn: () => T, timeoutMs = 15_000): Promise<T> {
  const lock = nodePath.join(folder, lockFileName);
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const fd = fs.openSync(lock, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      try {
        // Either way: a modification time in the future (clock skew, a restored backup, a
        // hostile checkout) would otherwise make the lock look fresh forever.
        if (Math.abs(Date.now() - fs.statSync(lock).mtimeMs) > staleLockMs) {
          fs.rmSync(lock, { force: true });
          continue;
        }
      } catch {
        continue; // released between our open and stat
      }
      if (Date.now() > deadline) {
        throw new Error(`${folder} is locked by another "rationale new" (remove ${lockFileName} if no other run is going)`);
      }
      await sleep(5 + Math.floor(Math.random() * Math.min(50, 5 * (attempt + 1))));
    }
  }
  try {
    return fn();
  } finally {
    fs.rmSync(lock, { force: true });
  }
}
