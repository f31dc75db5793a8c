import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { contentHash } from '../../core/base/contentHash.js';
import { isDocumentFileName } from '../../core/workspace/discovery.js';
import type { DocKind, RationaleDocument } from '../../core/documents/document.js';
import { chooseFolder, folderChoice, planNewDocument, type FolderChoice, type NewDocumentPlan } from '../../core/features/newDocument.js';
import { resolveId, type WorkspaceIndex } from '../../core/index/workspaceIndex.js';
import type { RationaleConfig } from '../../core/workspace/config.js';
import { CliError, parseArgs, UsageError, type CommandSpec } from '../args.js';
import type { CliIo } from '../io.js';
import { printError } from '../io.js';
import { loadWorkspaceWithWarnings, resolveRoot } from '../loadWorkspace.js';
import { createExclusive, replaceAtomically, withFolderLock } from '../safeWrite.js';
import { displayPath, findWorkspaceRoot, workspaceRelative } from '../workspaceRoot.js';
import { lookupTable } from '../../core/base/lookupTable.js';
import { today } from '../today.js';
import { escapeText } from '../terminalText.js';

export const newSpec: CommandSpec = {
  name: 'new',
  flags: {
    supersedes: { type: 'string' },
    dir: { type: 'string' },
    date: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
  positionals: ['adr|prd|goal', 'title'],
};

const kinds = lookupTable<DocKind>({
  adr: 'decision', decision: 'decision',
  prd: 'project', project: 'project',
  goal: 'goal', okr: 'goal', objective: 'goal',
});

/**
 * Creates a goal, project or decision. Only this command writes: the new file by exclusive create
 * (retrying with the next number if the name is taken meanwhile), and with `--supersedes` the older
 * decision's status through a temporary file and a rename.
 */
export async function runNew(argv: readonly string[], io: CliIo): Promise<number> {
  const request = parseNewRequest(argv, io);
  const { root, target } = workspaceTarget(io, request.dir);
  const { index, workspace } = loadWorkspaceWithWarnings(io, root);
  const supersedes = request.supersedesId === undefined ? undefined : readSuperseded(index, root, request.supersedesId);

  const folder = target !== undefined
    ? folderChoice(request.kind, target, index.declared)
    : chooseFolder(request.kind, index.declared, index.documents.values(), (p) => workspace.exists(p));
  const plan = await createDocument({ io, root, folder, request, config: index.config, supersedes });
  io.stdout.write(`${escapeText(displayPath(io.cwd, nodePath.join(root, plan.path)))}\n`);

  if (supersedes && plan.supersedeEdits) {
    const oldAbs = nodePath.join(root, plan.supersedeEdits.path);
    try {
      replaceAtomically(oldAbs, supersedes.bom + plan.supersedeEdits.newText, supersedes.raw);
    } catch (e) {
      printError(io, `created ${plan.id}, but could not mark ${supersedes.document.id} superseded: ${(e as Error).message}`);
      return 2;
    }
    io.stdout.write(`${escapeText(displayPath(io.cwd, oldAbs))}\n`);
  }
  return 0;
}

/** What the command line asks for, checked before anything is read. */
interface NewRequest {
  kind: DocKind;
  title: string;
  date: string;
  supersedesId?: string;
  dir?: string;
}

function parseNewRequest(argv: readonly string[], io: CliIo): NewRequest {
  const args = parseArgs(argv, newSpec);
  const kind = kinds[args.positionals[0].toLowerCase()];
  if (!kind) throw new UsageError(`"new" makes an adr, prd or goal (got "${args.positionals[0]}")`, 'new');
  const title = args.positionals[1].replace(/\s+/g, ' ').trim();
  if (!title) throw new UsageError('the title is empty', 'new');
  const date = (args.flags.date as string | undefined) ?? today(io);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
    throw new UsageError(`--date must be a date like 2026-05-01 (got "${date}")`, 'new');
  }
  const supersedesId = args.flags.supersedes as string | undefined;
  if (supersedesId !== undefined && kind !== 'decision') throw new UsageError('--supersedes is only for decisions (new adr)', 'new');
  return { kind, title, date, supersedesId, dir: args.flags.dir as string | undefined };
}

/** --dir names either the workspace root or, inside one, the folder to create the document in. */
function workspaceTarget(io: CliIo, dir: string | undefined): { root: string; target?: string } {
  if (dir === undefined) return { root: resolveRoot(io, undefined) };
  const abs = resolveRoot(io, dir);
  const root = findWorkspaceRoot(abs) ?? abs;
  return { root, target: root === abs ? undefined : workspaceRelative(root, abs) };
}

/** The decision a new one supersedes, with its text as read (BOM kept apart) for the status edit. */
interface Superseded {
  document: RationaleDocument;
  text: string;
  raw: string;
  bom: string;
}

function readSuperseded(index: WorkspaceIndex, root: string, id: string): Superseded {
  const old = resolveId(index, id, 'decision');
  if (!old) throw new CliError(`--supersedes: no decision has the id "${id}"`);
  if (old.kind !== 'decision') throw new CliError(`--supersedes: ${old.id} is a ${old.kind}, not a decision`);
  const raw = readFile(nodePath.join(root, old.path));
  const bom = raw.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = raw.slice(bom.length);
  if (contentHash(text) !== old.hash) throw new CliError(`${old.path} changed while it was being read; run the command again`);
  return { document: old, text, raw, bom };
}

interface CreateDocumentOptions {
  io: CliIo;
  root: string;
  folder: FolderChoice;
  request: NewRequest;
  config: RationaleConfig;
  supersedes?: Superseded;
}

/** Plans the document and creates its file, under the folder's lock. */
async function createDocument(o: CreateDocumentOptions): Promise<NewDocumentPlan> {
  const { kind, title, date } = o.request;
  const folderAbs = nodePath.join(o.root, o.folder.folder);
  try {
    fs.mkdirSync(folderAbs, { recursive: true });
  } catch (e) {
    throw new CliError(`cannot create folder ${displayPath(o.io.cwd, folderAbs)}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return await withFolderLock(folderAbs, () => {
      for (let attempt = 0; attempt < 1000; attempt++) {
        const fileNames = fs.readdirSync(folderAbs);
        const p = planNewDocument({
          kind, title, date, config: o.config, folder: o.folder, fileNames,
          sampleTexts: kind === 'decision' ? sampleTexts(folderAbs, fileNames) : [],
          supersedes: o.supersedes && { document: o.supersedes.document, text: o.supersedes.text },
        });
        try {
          createExclusive(nodePath.join(o.root, p.path), p.content);
          return p;
        } catch (e) {
          // Taken since we listed the folder (by a tool that does not lock): list again, next number.
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
      }
      throw new Error('no free file name after 1000 attempts');
    });
  } catch (e) {
    throw new CliError(`cannot create the ${kind} in ${displayPath(o.io.cwd, folderAbs)}: ${(e as Error).message}`);
  }
}

function readFile(abs: string): string {
  try {
    return fs.readFileSync(abs, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${abs}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
}

/** The latest few documents of a folder, whose form a new document should follow. */
function sampleTexts(folderAbs: string, fileNames: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of fileNames.filter(isDocumentFileName).sort().reverse().slice(0, 5)) {
    try {
      out.push(fs.readFileSync(nodePath.join(folderAbs, name), 'utf8').slice(0, 8000));
    } catch {
      // vanished or unreadable: judge by the others
    }
  }
  return out;
}
