// @decision ADR-0002: the core is pure; every host (LSP, Node, memory) implements this interface.
/**
 * What the core knows of the file system. The core never touches `fs`: the CLI, the language
 * server and tests each pass their own implementation, so every path here is relative to the
 * workspace root and uses `/`. Reads are synchronous because a readdir/readFileSync walk is
 * several times faster than promise-based reads for the many small files we scan.
 */
export interface Workspace {
  /**
   * Every file the tool may look at: already filtered for .gitignore, `node_modules`, VCS folders,
   * binary and oversized files. Sorted, so results do not depend on directory order.
   */
  listFiles(): readonly string[];
  /** The text of a file, or undefined when it vanished, is binary, too large or unreadable. */
  readText(path: string): string | undefined;
  /**
   * Why `readText` gave no text for a file that exists, or undefined when it simply vanished. The
   * checker reports such files instead of letting them skip every rule.
   */
  readProblem?(path: string): ReadProblem | undefined;
  /** Whether a path exists as a file or a folder, including files `listFiles` filters out. */
  exists(path: string): 'file' | 'directory' | undefined;
  /**
   * A cheap fingerprint that changes whenever the file's content may have (size and times), or
   * undefined when there is none to trust. Lets a persistent cache skip reading unchanged files.
   */
  stamp?(path: string): string | undefined;
  /**
   * Of `paths`, those a fast search (ripgrep) found to match none of `needles` (base/searchNeedle.ts)
   * and that `readText` reads without a problem; undefined when the host has no such search or it
   * failed. Never a file that matches or cannot be read as text: the checker does not read these.
   */
  filesMatchingNone?(paths: readonly string[], needles: readonly string[]): Promise<ReadonlySet<string> | undefined>;
}

/** Why a file could not be read as text. */
export interface ReadProblem {
  /** For messages: "it contains a NUL byte …", "it is larger than the limit of 1048576 bytes". */
  reason: string;
  /** Binary by its content: there is no text in it for annotations to be found in. */
  binary: boolean;
}

/** Normalises a relative path: `/` separators, no `.` segments, `..` resolved; undefined if it leaves the root. */
export function normalizePath(path: string): string | undefined {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

/**
 * Why a folder named in a configuration file (`.rationale.json`, `.adr-dir`, log4brains) cannot be
 * used, or undefined. Such names are relative to the file that names them: an absolute one (`/etc`,
 * `C:\\docs`) would otherwise be read as root-relative and a new document written to `etc/…`.
 */
export function folderProblem(folder: string, base = ''): string | undefined {
  if (/^([/\\]|[A-Za-z]:)/.test(folder)) return 'is an absolute path; name folders relative to the workspace';
  if (joinPath(base, folder) === undefined) return 'is outside the workspace';
  return undefined;
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

export function joinPath(dir: string, rel: string): string | undefined {
  return normalizePath(dir ? `${dir}/${rel}` : rel);
}
