import { matchesAny } from '../base/glob.js';
import { SortedListSet } from '../base/sortedListSet.js';
import type { RationaleConfig } from '../workspace/config.js';
import type { Workspace } from '../workspace/workspace.js';

/** The files a snapshot covers: the workspace's listing after the configuration's `ignore` globs. */
export interface FileList {
  readonly files: readonly string[];
  readonly fileSet: ReadonlySet<string>;
}

/**
 * The listing each file list was filtered from. A host caches its listing until files are created
 * or deleted (the language server does), so an update that is handed the very same array back knows
 * the list is unchanged without filtering 100,000 paths through the globs on every keystroke. A
 * memo of the host's own array, keyed weakly so it never keeps an old listing alive.
 */
const listingOf = new WeakMap<readonly string[], readonly string[]>();

/** The workspace's files now, filtered by `config`. */
export function listFiles(workspace: Workspace, config: RationaleConfig): FileList {
  return filtered(workspace.listFiles(), config);
}

/** The file list after an edit: `previous` itself when the listing is the same array or the same paths. */
export function filesAfterEdit(previous: FileList, workspace: Workspace, config: RationaleConfig): FileList {
  const listing = workspace.listFiles();
  if (listingOf.get(previous.files) === listing) return previous;
  const next = filtered(listing, config);
  if (!sameList(next.files, previous.files)) return next;
  listingOf.set(previous.files, listing);
  return previous;
}

function filtered(listing: readonly string[], config: RationaleConfig): FileList {
  const files = config.ignore.length > 0 ? listing.filter((f) => !matchesAny(f, config.ignore)) : [...listing];
  listingOf.set(files, listing);
  return { files, fileSet: SortedListSet.of(files) };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
