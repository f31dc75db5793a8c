import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { codeStamp } from '../node/codeStamp.js';

/** The npm name this package is published under (`rationale` on npm is someone else's package). */
export const packageName = 'rationale-cli';

/** The package version, read from package.json next to the compiled CLI (`out/server/src/cli/…`). */
export function toolVersion(): string {
  for (const rel of ['../../../../package.json', '../../../package.json']) {
    try {
      const pkg = JSON.parse(fs.readFileSync(new URL(rel, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === packageName && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}

/** What a persistent cache must have been written by: this version, built exactly like this. */
export function cacheToolVersion(): string {
  return `${toolVersion()}+${codeStamp(fileURLToPath(import.meta.url))}`;
}
