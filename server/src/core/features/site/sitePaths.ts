import type { RationaleDocument } from '../../documents/document.js';
import { dirname } from '../../workspace/workspace.js';

/** One file of the site: its path inside the output folder (with `/`) and its text. */
export interface SiteFile {
  path: string;
  content: string;
}

/** The file that marks a folder as a site this command wrote, so a later run may replace it. */
export const siteMarkerFile = '.rationale-site';

/**
 * Where each document's page lives: `doc/<id>.html`, the id reduced to characters every file system
 * and URL takes as they are, made unique without regard to case (two ids may differ only in case, or
 * reduce to the same name, and a case-insensitive disk would merge them).
 */
export class SitePaths {
  private readonly byPath = new Map<string, string>();

  constructor(documents: Iterable<RationaleDocument>) {
    const taken = new Set<string>();
    for (const doc of documents) {
      const base = doc.id.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[.-]+/, '').slice(0, 80) || 'document';
      let name = base;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
      taken.add(name.toLowerCase());
      this.byPath.set(doc.path, `doc/${name}.html`);
    }
  }

  /** The page of a document, or undefined for documents without one (those of other folders). */
  pageOf(docPath: string): string | undefined {
    return this.byPath.get(docPath);
  }
}

/** A relative link from one page of the site to another file of it, so it works from file:// and any host. */
export function relativeHref(fromPage: string, to: string): string {
  const from = dirname(fromPage).split('/').filter((s) => s);
  const target = to.split('/');
  let common = 0;
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++;
  const up = from.slice(common).map(() => '..');
  return [...up, ...target.slice(common).map(encodeURIComponent)].join('/');
}
