import { documentPage } from './documentPage.js';
import { flowPage } from './flowPage.js';
import { healthPage } from './healthPage.js';
import { homePage } from './homePage.js';
import { searchIndex } from './searchIndex.js';
import { searchPage } from './searchPage.js';
import { searchScript } from './searchScript.js';
import { SiteContext } from './siteContext.js';
import type { SiteInput } from './siteInput.js';
import { siteMarkerFile, type SiteFile } from './sitePaths.js';
import { siteStyles } from './siteStyles.js';
import { timelinePage } from './timelinePage.js';

/**
 * The whole static site of a workspace's mental model, as files for the host to write: pages that
 * work from file:// and any static host, and reach nothing outside their folder.
 */
export function buildSite(input: SiteInput): SiteFile[] {
  const ctx = new SiteContext(input);
  return [
    homePage(ctx),
    ...ctx.documents.map((doc) => documentPage(ctx, doc)),
    timelinePage(ctx),
    flowPage(ctx),
    healthPage(ctx),
    searchPage(ctx),
    searchIndex(ctx),
    searchScript(),
    siteStyles(),
    { path: siteMarkerFile, content: `${JSON.stringify({ generator: 'rationale site', version: 1 })}\n` },
  ];
}
