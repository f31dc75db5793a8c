import { parse as parseYaml } from 'yaml';
import type { RationaleConfig } from './config.js';
import type { DocKind } from '../documents/document.js';
import { kindFromFrontMatterValue } from '../documents/parseDocument.js';
import { basename, dirname, folderProblem, joinPath } from './workspace.js';
import { splitFrontMatter } from '../documents/frontMatter.js';
import { lookupTable } from '../base/lookupTable.js';
import { isTemplateFileName } from './templateFileName.js';
import { kindByFileName } from './kindByFileName.js';
import { kepFileName, kepProposalText } from './kepFolder.js';
import { kepSummary } from '../documents/kepSummary.js';
import { hasRfcHeader } from '../documents/rfcHeader.js';

export interface DiscoveredDocument {
  path: string;
  kind: DocKind;
  /** log4brains package name, when the file is in a package's ADR folder. */
  package?: string;
  /** A layout read in its own way: an RFC repository's numbered file, a KEP's `kep.yaml`. */
  layout?: DocumentLayout;
  /**
   * A KEP's summary, from the README.md beside its `kep.yaml`: what its parse needs besides the
   * text of kep.yaml. Read here because discovery reads that README anyway to tell a KEP folder.
   */
  summary?: string;
}

/** Folders declared by tool configuration files found in the tree, deepest first. */
export interface DeclaredFolder {
  folder: string;
  kind: DocKind;
  package?: string;
  /** Which file declared it, for messages. */
  source: string;
}

/** Layouts whose documents are read in their own way; see DiscoveredDocument.layout. */
export type DocumentLayout = 'rfc' | 'kep';

export const markdownExtension = /\.(md|markdown|mdx)$/i;

/** README/index files live in decision folders but are not decisions (templates: templateFileName.ts). */
const notADocument = /^(readme|index|_index|toc|summary|changelog|contributing)\.(md|markdown|mdx)$/i;

/** Folder names that mean a kind wherever they appear (zero configuration). */
const conventionalSegments = lookupTable<DocKind>({
  adr: 'decision', adrs: 'decision', decisions: 'decision', 'architecture-decisions': 'decision',
  'architecture-decision-record': 'decision', 'architecture-decision-records': 'decision', 'decision-records': 'decision',
  prd: 'project', prds: 'project', rfcs: 'project', briefs: 'project',
  goals: 'goal', okrs: 'goal', objectives: 'goal',
});
/** Names too generic to mean a kind on their own: only directly under `docs/` or `doc/`. */
const docsOnlySegments = lookupTable<DocKind>({ projects: 'project', rfc: 'project' });
/** Names that mean a kind at the repository's root or directly under `docs/` or `doc/`. */
const rootOrDocsSegments = lookupTable<DocKind>({ requirements: 'project', specs: 'project' });

export function isDocumentFileName(fileName: string): boolean {
  return markdownExtension.test(fileName) && !notADocument.test(fileName) && !isTemplateFileName(fileName);
}

/** Reads `.adr-dir`, `.log4brains.yml` and the configuration's folders. */
export function declaredFolders(files: readonly string[], config: RationaleConfig, readText: (p: string) => string | undefined): { folders: DeclaredFolder[]; errors: string[] } {
  const folders: DeclaredFolder[] = [];
  const errors: string[] = [];
  for (const kind of Object.keys(config.folders) as DocKind[]) {
    for (const f of config.folders[kind]) {
      // parseConfig has reported and dropped absolute and escaping folders already.
      const folder = joinPath('', f);
      if (folder !== undefined) folders.push({ folder, kind, source: '.rationale.json' });
    }
  }
  for (const file of files) {
    const name = basename(file);
    if (name === '.adr-dir') {
      const value = readText(file)?.split(/\r?\n/)[0]?.trim();
      const problem = value ? folderProblem(value, dirname(file)) : 'is empty';
      if (problem) errors.push(`${file}: the folder "${value ?? ''}" ${problem}; ignored`);
      else folders.push({ folder: joinPath(dirname(file), value!)!, kind: 'decision', source: file });
    } else if (name === '.log4brains.yml' || name === '.log4brains.yaml') {
      const root = dirname(file);
      let parsed: unknown;
      try {
        parsed = parseYaml(readText(file) ?? '', { maxAliasCount: 50 });
      } catch (e) {
        errors.push(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`);
        continue;
      }
      const project = (parsed as { project?: { adrFolder?: unknown; packages?: unknown } } | null)?.project;
      const declare = (adrFolder: string, pkg?: string) => {
        const problem = folderProblem(adrFolder, root);
        if (problem) errors.push(`${file}: the folder "${adrFolder}" ${problem}; ignored`);
        else folders.push({ folder: joinPath(root, adrFolder)!, kind: 'decision', ...(pkg === undefined ? {} : { package: pkg }), source: file });
      };
      if (typeof project?.adrFolder === 'string') declare(project.adrFolder);
      if (Array.isArray(project?.packages)) {
        for (const p of project.packages as { name?: unknown; adrFolder?: unknown }[]) {
          if (typeof p?.name !== 'string' || typeof p.adrFolder !== 'string') continue;
          declare(p.adrFolder, p.name);
        }
      }
    }
  }
  // Deepest first, so a package folder inside a project folder wins.
  folders.sort((a, b) => b.folder.length - a.folder.length);
  return { folders, errors };
}

function inFolder(path: string, folder: string): boolean {
  return folder === '' || path.startsWith(`${folder}/`);
}

/** The kind a path has by its folders alone, or undefined. */
export function kindByFolder(path: string, declared: readonly DeclaredFolder[]): { kind: DocKind; package?: string } | undefined {
  for (const d of declared) if (inFolder(path, d.folder)) return { kind: d.kind, package: d.package };
  const segments = dirname(path).split('/');
  for (let i = segments.length - 1; i >= 0; i--) {
    const seg = segments[i].toLowerCase();
    const k = conventionalSegments[seg];
    if (k) return { kind: k };
    const underDocs = i > 0 && /^docs?$/i.test(segments[i - 1]);
    if (docsOnlySegments[seg] && underDocs) return { kind: docsOnlySegments[seg] };
    if (rootOrDocsSegments[seg] && (i === 0 || underDocs)) return { kind: rootOrDocsSegments[seg] };
  }
  return undefined;
}

/**
 * Which files are goals, projects and decisions. Zero configuration: conventional folders, `.adr-dir`,
 * `.log4brains.yml`, file names that spell a kind and number (`adr-007-x.md`, `rfc-12-x.md`), RFC
 * repositories' numbered files with RFC header bullets, KEP folders (`kep.yaml`) and, anywhere,
 * Markdown files whose front matter says `kind:`.
 */
export function discoverDocuments(files: readonly string[], declared: readonly DeclaredFolder[], readText: (p: string) => string | undefined): DiscoveredDocument[] {
  const out: DiscoveredDocument[] = [];
  for (const path of files) {
    const name = basename(path);
    if (name === kepFileName) {
      const proposal = kepProposalText(path, readText);
      if (proposal !== undefined) out.push({ path, kind: 'project', layout: 'kep', summary: kepSummary(proposal) });
      continue;
    }
    if (!isDocumentFileName(name)) continue;
    const byFolder = kindByFolder(path, declared);
    if (byFolder) {
      out.push({ path, ...byFolder });
      continue;
    }
    const byName = kindByFileName(name);
    if (byName) {
      out.push({ path, kind: byName });
      continue;
    }
    // Elsewhere only the text makes a document; read just enough to see it.
    const text = readText(path);
    if (!text) continue;
    if (startsWithDigit(name) && hasRfcHeader(text)) {
      out.push({ path, kind: 'project', layout: 'rfc' });
      continue;
    }
    if (!text.startsWith('---') && !text.startsWith('\uFEFF---')) continue;
    const split = splitFrontMatter(text);
    if (!split) continue;
    const m = /^kind:\s*["']?([A-Za-z]+)["']?\s*$/m.exec(text.slice(split.yamlStart, split.yamlEnd));
    const kind = m ? kindFromFrontMatterValue(m[1]) : undefined;
    if (kind) out.push({ path, kind });
  }
  return out;
}

function startsWithDigit(name: string): boolean {
  const c = name.charCodeAt(0);
  return c >= 48 && c <= 57;
}
