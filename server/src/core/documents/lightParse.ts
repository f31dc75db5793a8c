import type { Heading, Root } from 'mdast';
import type { RationaleDocument } from './document.js';
import { parseDocumentWithoutOwnFindings, type ParseContext, type SourceReaders } from './parseDocument.js';
import { flatFrontMatter } from './flatFrontMatter.js';
import { parseFrontMatter } from './frontMatter.js';

/**
 * A document parsed for what other files' checks read of it (id, kind, status, title, dates, links,
 * rules, applies-to), without remark, its summary or its schema findings: for `check --changed-since`,
 * which reports on the changed files only. Undefined when the header is not one a line scan is sure
 * to read as remark does; the caller parses fully then.
 */
export function lightParseDocument(path: string, text: string, ctx: ParseContext): RationaleDocument | undefined {
  return parseDocumentWithoutOwnFindings(path, text, ctx, lightReaders);
}

/** Flat front matter without the YAML parser (else with it), and a plain header without remark. */
const lightReaders: SourceReaders = {
  frontMatter: (text, lines) => flatFrontMatter(text, lines) ?? parseFrontMatter(text, lines),
  header: plainHeaderTree,
};

/**
 * A title remark reads as exactly these characters: nothing that could start emphasis, code, a
 * link, an entity, an escape, inline HTML or a closing `#` sequence.
 */
const plainTitle = /^[\p{L}\p{N}](?:[\p{L}\p{N} ,.:;'"()/?%+=@$-]*[\p{L}\p{N},.:;'"()/?%+=@$-])?$/u;

/**
 * Lines after which remark's header tree could hold more than paragraphs: an ATX heading, a list
 * item (a `- Status:` bullet), a setext underline or thematic break (a `Status` section or an h2
 * that ends the preamble), a code fence. Matched at any indentation, to err on the side of remark.
 */
const structuralLine = /^\s*(?:#|[-*+](?:\s|$)|\d+[.)](?:\s|$)|=+\s*$|-+\s*$|`{3,}|~{3,})/;

/**
 * The header tree remark would build when the header is, after blank lines, at most one plain
 * `# Title` line followed by paragraphs: the heading alone (paragraphs matter to the summary only,
 * which the light parse leaves out). Undefined for anything else.
 */
export function plainHeaderTree(text: string, from: number, to: number): Root | undefined {
  const children: Heading[] = [];
  let seenContent = false;
  let lineStart = from;
  while (lineStart < to) {
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 || nl >= to ? to : nl;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line.trim() !== '') {
      if (!seenContent && line.startsWith('# ')) {
        const title = line.slice(2);
        if (!plainTitle.test(title)) return undefined;
        children.push(headingNode(text, title, lineStart, lineStart + line.length));
      } else if (structuralLine.test(line)) return undefined;
      seenContent = true;
    }
    lineStart = lineEnd + 1;
  }
  return { type: 'root', children };
}

function headingNode(text: string, title: string, start: number, end: number): Heading {
  const line = lineNumberAt(text, start);
  return {
    type: 'heading',
    depth: 1,
    children: [{ type: 'text', value: title, position: { start: { line, column: 3, offset: start + 2 }, end: { line, column: end - start + 1, offset: end } } }],
    position: { start: { line, column: 1, offset: start }, end: { line, column: end - start + 1, offset: end } },
  };
}

/** The 1-based line of `offset`, as mdast positions count. */
function lineNumberAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
