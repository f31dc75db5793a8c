import { closesFence, fenceOpenedBy } from './codeFence.js';
import { clampSummary } from './documentSummary.js';
import { inlineMarkdownToText } from './markdown.js';

const summaryHeading = /^ {0,3}#{1,6}[ \t]+summary[ \t]*#*[ \t]*$/i;
const anyHeading = /^ {0,3}#{1,6}(?:[ \t]|$)/;

/**
 * A Kubernetes enhancement proposal's summary: the first paragraph of its README.md's "Summary"
 * section (kubernetes/enhancements' template), skipping the template's HTML comments and code
 * blocks; empty when there is no such section. One pass over the lines, and only that paragraph is
 * turned into text. Pure and never throws.
 */
export function kepSummary(readme: string): string {
  // Most of a proposal comes after its summary: a cheap test first, then a scan that stops early.
  if (!/summary/i.test(readme)) return '';
  let inSection = false;
  let fence: string | undefined;
  let inComment = false;
  const collected: string[] = [];
  for (let start = 0, end = 0; start < readme.length; start = end + 1) {
    end = readme.indexOf('\n', start);
    if (end < 0) end = readme.length;
    const line = readme.slice(start, end).replace(/\r$/, '');
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    if (inComment) {
      inComment = !line.includes('-->');
      continue;
    }
    const opened = fenceOpenedBy(line);
    if (opened) {
      if (collected.length > 0) break;
      fence = opened;
      continue;
    }
    if (!inSection) {
      inSection = summaryHeading.test(line);
      continue;
    }
    if (anyHeading.test(line)) break;
    if (line.trim() === '') {
      if (collected.length > 0) break;
      continue;
    }
    // A comment that starts a line and does not end on it hides the lines up to its end.
    if (/^\s*<!--/.test(line)) {
      inComment = !line.slice(line.indexOf('<!--') + 4).includes('-->');
      if (collected.length > 0 && inComment) break;
      continue;
    }
    collected.push(line);
  }
  return collected.length > 0 ? clampSummary(inlineMarkdownToText(collected.join('\n'))) : '';
}
