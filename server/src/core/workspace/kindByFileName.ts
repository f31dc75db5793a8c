import type { DocKind } from '../documents/document.js';
import { parseFileName } from '../documents/ids.js';

/** The kind that an id prefix spelled in a file name means. */
const kindOfNamePrefix: Readonly<Record<string, DocKind>> = { ADR: 'decision', RFC: 'project' };

/**
 * The kind a Markdown file's name says, wherever it is: `adr-007-use-postgres.md`, `ADR-7-x.md` and
 * `adr_007_x.md` are decisions, `rfc-12-x.md` is a project. Only a prefix followed by a number
 * counts, so `adr-tools.md` or `rfc-process.md` stay plain files.
 */
export function kindByFileName(fileName: string): DocKind | undefined {
  // Discovery runs on every file name: one character rules out almost all of them before any regex.
  const c = fileName.charCodeAt(0) | 0x20;
  if (c !== 0x61 /* a */ && c !== 0x72 /* r */) return undefined;
  const prefix = parseFileName(fileName).prefix;
  return prefix ? kindOfNamePrefix[prefix] : undefined;
}
