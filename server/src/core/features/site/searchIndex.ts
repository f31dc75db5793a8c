import { statusInForceText } from '../../index/statusInForce.js';
import type { SiteContext } from './siteContext.js';
import type { SiteFile } from './sitePaths.js';

export const searchIndexFile = 'search-index.js';

/** One searchable document, as the page's script reads it. */
export interface SearchEntry {
  id: string;
  kind: string;
  title: string;
  status: string;
  /** The document's page, relative to the site's root. */
  href: string;
  /** Aliases and the summary, lower-cased matching happens in the page. */
  text: string;
}

/**
 * The search index as a script that assigns a global: a page opened from file:// may not fetch a
 * JSON file, but it may load a script beside it. `<` is written as an escape so no sequence in a
 * title can read as markup to anything that sniffs the file.
 */
export function searchIndex(ctx: SiteContext): SiteFile {
  const entries: SearchEntry[] = ctx.documents.map((doc) => ({
    id: doc.id,
    kind: doc.kind,
    title: doc.title,
    status: statusInForceText(ctx.status(doc)) ?? '',
    href: ctx.paths.pageOf(doc.path)!,
    text: [...doc.aliases, doc.summary].join(' '),
  }));
  const json = JSON.stringify(entries).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return { path: searchIndexFile, content: `globalThis.rationaleSearchIndex = ${json};\n` };
}
