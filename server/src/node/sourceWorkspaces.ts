import * as fs from 'node:fs';
import * as os from 'node:os';
import * as nodePath from 'node:path';
import { configFileName } from '../core/workspace/config.js';
import type { SourceConfig } from '../core/workspace/sourceConfig.js';
import type { Workspace } from '../core/workspace/workspace.js';
import { readSourceContents } from '../core/index/readSources.js';
import { collectSourceDocuments, type SourceContents, type SourceDocuments } from '../core/index/sourceDocuments.js';
import { NodeWorkspace } from './nodeWorkspace.js';

export interface OpenSourcesOptions {
  maxFileSizeBytes?: number;
  /** Folders or files inside a source that could not be read; by default they join the errors. */
  onWarning?: (message: string) => void;
}

/**
 * Opens and reads the configured sources of the workspace at `root`. A source path is resolved
 * against the workspace root and must be an existing folder that is neither the workspace, nor a
 * folder containing it, nor the home folder or the file-system root: anything else is left out
 * with one clear message (the caller reports it as a configuration problem), and the rest works.
 */
export function openSources(root: string, sources: readonly SourceConfig[], options: OpenSourcesOptions = {}): OpenedSources {
  const errors: string[] = [];
  const opened = [];
  const folders = new Map<string, string>();
  for (const source of sources) {
    const folder = sourceFolder(root, source.path);
    if (typeof folder !== 'string') {
      errors.push(`${configFileName}: source "${source.name}": ${folder.problem}; its documents are left out`);
      continue;
    }
    folders.set(source.name, folder);
    // Without a listener (the language server), a folder that cannot be read is a configuration problem too.
    const warn = (m: string) => (options.onWarning ? options.onWarning(`source "${source.name}": ${m}`) : errors.push(`${configFileName}: source "${source.name}": ${m}`));
    opened.push({ name: source.name, workspace: documentFilesOnly(new NodeWorkspace(folder, { maxFileSizeBytes: options.maxFileSizeBytes, onWarning: warn })) });
  }
  const contents = readSourceContents(opened);
  return { documents: collectSourceDocuments(contents, errors), folders, contents, errors };
}

/** The sources' documents, and the real folder of each source that was read, by name (for links to its files). */
export interface OpenedSources {
  documents: SourceDocuments;
  folders: ReadonlyMap<string, string>;
  /** Each source's own documents, unqualified: a host joins them with others (multi-root peers). */
  contents: readonly SourceContents[];
  /** Why a configured source was left out, one line each (also in `documents.errors`). */
  errors: readonly string[];
}

/** The file a source's document really is, or undefined when it is no source's document. */
export function sourceFilePath(opened: OpenedSources, doc: { source?: { name: string; path: string } }): string | undefined {
  const folder = doc.source && opened.folders.get(doc.source.name);
  return folder ? nodePath.join(folder, doc.source!.path) : undefined;
}

/** The real folder a source path names, or why it cannot be used. */
function sourceFolder(root: string, path: string): string | { problem: string } {
  const resolved = nodePath.resolve(root, path);
  let real: string;
  try {
    real = fs.realpathSync(resolved);
  } catch (e) {
    // Handled: a missing source is a configuration problem the caller reports, not a crash.
    const code = (e as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? `the folder "${path}" does not exist` : `the folder "${path}" cannot be read (${code ?? (e as Error).message})` };
  }
  if (!fs.statSync(real).isDirectory()) return { problem: `"${path}" is not a folder` };
  const realRoot = fs.realpathSync(root);
  if (real === nodePath.parse(real).root) return { problem: `"${path}" is the file-system root` };
  if (real === os.homedir()) return { problem: `"${path}" is the home folder` };
  if (real === realRoot || realRoot.startsWith(real + nodePath.sep)) return { problem: `"${path}" is the workspace or contains it` };
  return real;
}

/** Extensions a source is read for: its documents, its discovery files (`.adr-dir`, log4brains YAML) and its configuration. */
const readable = /(\.(md|markdown|mdx|ya?ml)|(^|\/)\.adr-dir|(^|\/)\.rationale\.json)$/i;

/** A source workspace that lists and reads only Markdown, YAML and discovery files: never its code. */
function documentFilesOnly(workspace: NodeWorkspace): Workspace {
  return {
    listFiles: () => workspace.listFiles().filter((p) => readable.test(p)),
    readText: (p) => (readable.test(p) ? workspace.readText(p) : undefined),
    readProblem: (p) => workspace.readProblem(p),
    exists: (p) => workspace.exists(p),
    stamp: (p) => workspace.stamp(p),
  };
}
