import type { Heading, Root } from 'mdast';
import { closesFence, fenceOpenedBy } from './codeFence.js';
import { inlineMarkdownToText, plainText } from './markdown.js';

const summaryHeading = /^ {0,3}#{2,6}[ \t]+(context|context and problem statement|problem|problem statement|summary|background|why|objective|decision|decision outcome)\b/i;

/**
 * The first paragraph of the context (or problem, summary, decision) section, else the first
 * paragraph after the title: what a hover shows. Only that paragraph goes through remark.
 */
export function summarize(text: string, bodyOffset: number, head: Root, h1: Heading | undefined): string {
  let paragraph: string | undefined;
  const lineRe = /^.*$/gm;
  lineRe.lastIndex = bodyOffset;
  let inSection = false;
  let fence: string | undefined;
  const collected: string[] = [];
  for (let m = lineRe.exec(text); m; m = lineRe.exec(text)) {
    if (m[0].length === 0) lineRe.lastIndex++;
    const line = m[0].replace(/\r$/, '');
    if (fence) {
      if (closesFence(line, fence)) fence = undefined;
      continue;
    }
    const opened = fenceOpenedBy(line);
    if (opened) {
      fence = opened;
      if (inSection && collected.length) break;
      continue;
    }
    if (!inSection) {
      if (summaryHeading.test(line)) inSection = true;
      continue;
    }
    if (/^ {0,3}#{1,6}[ \t]/.test(line)) break;
    if (line.trim() === '') {
      if (collected.length) break;
      continue;
    }
    if (/^\s*([-*+]|\d+\.)\s|^\s*[|>]|^\s*<!--/.test(line) && collected.length === 0) continue;
    collected.push(line);
    if (lineRe.lastIndex >= text.length) break;
  }
  if (collected.length) paragraph = collected.join('\n');
  let t = '';
  if (paragraph !== undefined) {
    t = inlineMarkdownToText(paragraph);
  } else {
    const kids = head.children;
    for (let i = h1 ? kids.indexOf(h1) + 1 : 0; i < kids.length; i++) {
      const n = kids[i];
      if (n.type === 'heading') break;
      if (n.type !== 'paragraph') continue;
      const candidate = plainText(n).replace(/\s+/g, ' ').trim();
      if (!candidate || /^(date|status)\s*:/i.test(candidate)) continue;
      t = candidate;
      break;
    }
  }
  return clampSummary(t);
}

/** A summary as hovers and lists show it: at most 400 characters, cut at a word. */
export function clampSummary(t: string): string {
  return t.length > 400 ? `${t.slice(0, 397).replace(/\s+\S*$/, '')}…` : t;
}
