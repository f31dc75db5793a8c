import * as fs from 'node:fs';

/**
 * A fingerprint of the code that is running, for the persistent check cache's key. The package
 * version alone is not enough: a development build (or a locally built CLI in CI) changes the
 * checker without changing the version, and a cache written by the older code would then replay
 * its findings. Every build rewrites the compiled files, so their size and time change.
 */
export function codeStamp(file: string | undefined): string {
  if (!file) return 'unknown';
  try {
    const st = fs.statSync(file);
    return `${st.size.toString(36)}.${Math.trunc(st.mtimeMs).toString(36)}`;
  } catch (e) {
    // No stat (a file deleted under a running process): a stamp that matches no cache, so the
    // check runs cold rather than trusting results of unknown code.
    return `unreadable-${(e as NodeJS.ErrnoException).code ?? 'error'}`;
  }
}
