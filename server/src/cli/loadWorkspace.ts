import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { configFileName, parseConfig, type RationaleConfig } from '../core/workspace/config.js';
import { buildIndex, withSources, type WorkspaceIndex } from '../core/index/workspaceIndex.js';
import type { SourceDocuments } from '../core/index/sourceDocuments.js';
import { openSources } from '../node/sourceWorkspaces.js';
import { decodeText } from '../node/decodeText.js';
import { NodeWorkspace } from '../node/nodeWorkspace.js';
import { readRegularFile } from '../node/readRegularFile.js';
import { CliError } from './args.js';
import type { CliIo } from './io.js';
import { printError } from './io.js';
import { Progress } from './progress.js';
import { findWorkspaceRoot } from './workspaceRoot.js';

export interface LoadedWorkspace {
  /** Absolute root folder. */
  root: string;
  workspace: NodeWorkspace;
  index: WorkspaceIndex;
  /** Folders or files that could not be read while walking. */
  warnings: string[];
}

/**
 * The root a command works on: the folder named on the command line (which must exist), else the
 * workspace root above the working directory, else the working directory.
 */
export function resolveRoot(io: CliIo, dir: string | undefined): string {
  if (dir !== undefined) {
    const abs = nodePath.resolve(io.cwd, dir);
    let st: fs.Stats;
    try {
      st = fs.statSync(abs);
    } catch {
      throw new CliError(`no such folder: ${dir}`);
    }
    if (!st.isDirectory()) throw new CliError(`not a folder: ${dir}`);
    return abs;
  }
  return findWorkspaceRoot(io.cwd) ?? io.cwd;
}

/** Walks and indexes a workspace, with a progress line on a terminal when it takes a while. */
export function loadWorkspace(io: CliIo, root: string, progress = new Progress(io)): LoadedWorkspace {
  const { workspace, warnings, sources } = openWorkspace(root, progress);
  const index = buildIndex(workspace, (done, total, phase) => progress.update(phase === 'discover' ? 'finding documents' : 'reading files', done, total));
  return { root, workspace, index: sources ? withSources(index, sources) : index, warnings };
}

/**
 * For the commands that only read (list, explain, search, graph, new): loads with a progress line,
 * then reports configuration problems and unreadable files as warnings, since such a command can
 * still do its job; `check` instead fails on a bad configuration.
 */
export function loadWorkspaceWithWarnings(io: CliIo, root: string): LoadedWorkspace {
  const progress = new Progress(io);
  const loaded = loadWorkspace(io, root, progress);
  progress.clear();
  for (const e of loaded.index.configErrors) printError(io, `warning: ${e}`);
  printWarnings(io, loaded);
  return loaded;
}

/** A configuration is a few hundred bytes; far more is not one worth reading before the walk. */
const maxConfigBytes = 1024 * 1024;

/**
 * The file system of a workspace, listed once, with the configuration's size limit; with `ripgrep`,
 * the executable that tells it which files hold nothing to check.
 */
export function openWorkspace(root: string, progress: Progress, ripgrep?: string): { workspace: NodeWorkspace; warnings: string[]; sources?: SourceDocuments } {
  const warnings: string[] = [];
  // The file size limit lives in the configuration, which the walk needs before it starts.
  // Read as the workspace reads every file (a regular file of bounded size), so a FIFO or a link to
  // /dev/zero named `.rationale.json` cannot hang the command. When it cannot be read, the default
  // size limit applies here, and the check reports the file as unreadable.
  const bytes = readRegularFile(nodePath.join(root, configFileName), maxConfigBytes);
  const text = Buffer.isBuffer(bytes) ? decodeText(bytes) : undefined;
  const { config } = parseConfig(typeof text === 'string' ? text : undefined);
  const workspace = new NodeWorkspace(root, { maxFileSizeBytes: config.maxFileSizeBytes, onWarning: (w) => warnings.push(w), ripgrep });
  progress.update('listing files');
  workspace.listFiles();
  return { workspace, warnings, sources: readConfiguredSources(root, config, warnings, progress) };
}

/** The documents of the configured sources (`sources` in `.rationale.json`), or undefined when there are none. */
function readConfiguredSources(root: string, config: RationaleConfig, warnings: string[], progress: Progress): SourceDocuments | undefined {
  if (config.sources.length === 0) return undefined;
  progress.update('reading sources');
  return openSources(root, config.sources, { maxFileSizeBytes: config.maxFileSizeBytes, onWarning: (w) => warnings.push(w) }).documents;
}

export function printWarnings(io: CliIo, loaded: LoadedWorkspace): void {
  for (const w of loaded.warnings) printError(io, `warning: ${w}`);
}
