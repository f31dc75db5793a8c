import type { ReadProblem } from '../core/workspace/workspace.js';

/**
 * A file's bytes as text: UTF-16 LE/BE when a byte order mark says so, else UTF-8 (with or without
 * a mark). A NUL byte in the first 8,000 bytes means binary, as it does for git (UTF-16 without a
 * mark and UTF-32 have NULs too, so they land here), and comes back as a problem for the caller to
 * report. Bytes that are not valid UTF-8 (a Latin-1 comment in legacy code) become U+FFFD: every
 * ASCII-compatible encoding keeps its code readable that way, so such files are still checked.
 */
export function decodeText(buf: Buffer): string | ReadProblem {
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return utf16(buf.subarray(2), 'le');
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return utf16(buf.subarray(2), 'be');
  if (buf.subarray(0, 8000).includes(0)) return { reason: 'it contains a NUL byte, so it looks binary', binary: true };
  const text = buf.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function utf16(body: Buffer, order: 'le' | 'be'): string | ReadProblem {
  if (body.length % 2 !== 0) return { reason: 'it has a UTF-16 byte order mark but an odd number of bytes', binary: false };
  const le = order === 'le' ? body : Buffer.from(body).swap16();
  try {
    return new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true }).decode(le);
  } catch (e) {
    // `fatal` makes unpaired surrogates throw: the file is not text, which the caller reports.
    return { reason: `it is not valid UTF-16 (${(e as Error).message})`, binary: false };
  }
}
