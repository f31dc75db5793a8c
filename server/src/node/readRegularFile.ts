import * as fs from 'node:fs';

/** Why a file's bytes were not read; `vanished` is not worth reporting (it was deleted meanwhile). */
export type ReadFailure = { problem: string; vanished?: boolean };

/**
 * The bytes of a regular file of at most `maxBytes`. Opened with O_NONBLOCK and checked with fstat
 * on the open descriptor, so a FIFO never blocks the read, a device such as /dev/zero (or a
 * symlink to one) is refused instead of read forever, and a file swapped between a stat and the
 * open cannot slip through.
 */
export function readRegularFile(abs: string, maxBytes: number): Buffer | ReadFailure {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
    const st = fs.fstatSync(fd);
    if (!st.isFile()) return { problem: 'it is not a regular file' };
    if (st.size > maxBytes) return { problem: `it is larger than the limit of ${maxBytes} bytes` };
    const buf = Buffer.allocUnsafe(st.size);
    let off = 0;
    while (off < st.size) {
      const n = fs.readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break; // it shrank while we read: take what is there
      off += n;
    }
    return buf.subarray(0, off);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code ? `it cannot be opened (${code})` : (e as Error).message, vanished: code === 'ENOENT' || code === 'ENOTDIR' };
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
