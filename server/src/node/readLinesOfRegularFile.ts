import * as fs from 'node:fs';
import type { ReadFailure } from './readRegularFile.js';

export interface LineLimits {
  /** A larger file is refused before anything is read. */
  maxBytes: number;
  /** A longer line is skipped without being held: `onLine` gets undefined for it. */
  maxLineBytes: number;
  /** How much is read at a time (tests make it small to cross chunk edges). */
  chunkBytes?: number;
}

/**
 * Calls `onLine` with each line of a regular file, in order, until it returns false. Memory stays
 * bounded by one chunk and one line whatever the file's size: nothing else of the file is held.
 * Opened like readRegularFile (O_NONBLOCK, fstat on the descriptor), so a FIFO never blocks and a
 * device such as /dev/zero is refused. A last line without a line break is passed on too (a
 * truncated file ends that way; the caller decides what a partial line is worth).
 */
export function readLinesOfRegularFile(abs: string, limits: LineLimits, onLine: (line: string | undefined) => boolean): ReadFailure | undefined {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { problem: 'it is not a regular file' };
    if (st.size > limits.maxBytes) return { problem: `it is larger than the limit of ${limits.maxBytes} bytes` };
    readLines(fd, limits, onLine);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code ? `it cannot be read (${code})` : (e as Error).message, vanished: code === 'ENOENT' || code === 'ENOTDIR' };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function readLines(fd: number, limits: LineLimits, onLine: (line: string | undefined) => boolean): void {
  const chunk = Buffer.allocUnsafe(limits.chunkBytes ?? 1 << 20);
  // The start of a line that runs past the chunk it began in; dropped once it is too long.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let tooLong = false;
  const emit = (tail: Buffer): boolean => {
    const whole = tooLong || pendingBytes + tail.length > limits.maxLineBytes;
    const line = whole ? undefined : (pending.length ? Buffer.concat([...pending, tail]) : tail).toString('utf8');
    pending = [];
    pendingBytes = 0;
    tooLong = false;
    return onLine(line);
  };
  for (;;) {
    const n = fs.readSync(fd, chunk, 0, chunk.length, null);
    if (n === 0) break;
    let start = 0;
    for (let nl = chunk.indexOf(10, start); nl >= 0 && nl < n; nl = chunk.indexOf(10, start)) {
      if (!emit(chunk.subarray(start, nl))) return;
      start = nl + 1;
    }
    if (start < n && !tooLong) {
      pendingBytes += n - start;
      if (pendingBytes > limits.maxLineBytes) {
        tooLong = true;
        pending = [];
      } else pending.push(Buffer.from(chunk.subarray(start, n)));
    }
  }
  if (pendingBytes > 0 || tooLong) emit(Buffer.alloc(0));
}
