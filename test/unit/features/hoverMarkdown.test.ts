import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { documentHover } from '../../../server/src/core/features/hoverMarkdown.js';
import { commandLinkArguments, escapeMarkdown } from '../../../server/src/core/features/markdownEscape.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

const target = { uriOf: (p: string) => `file:///ws/${p}` };

/** The hover of the document at `path` in a workspace of `files`. */
function hoverOf(files: Record<string, string>, path: string): string {
  const index = buildIndex(new MemoryWorkspace(files));
  const doc = index.documents.get(path);
  assert.ok(doc, `${path} is indexed`);
  return documentHover(index, doc, target);
}

/** The arguments of every `command:` link to `command` in hover Markdown, as the editor decodes them. */
function commandArguments(markdown: string, command: string): unknown[] {
  const links = [...markdown.matchAll(/\]\(command:([\w.]+)\?([^)\s]*)\)/g)].filter((m) => m[1] === command);
  return links.map((m) => JSON.parse(decodeURIComponent(m[2])));
}

describe('hover Markdown', () => {
  it('turns every line break of a title into a space, a lone carriage return too', () => {
    const markdown = hoverOf({ 'docs/adr/0001-x.md': '---\ntitle: "Use a\\r    queue\\r\\nnow\\nplease"\n---\n# x\n' }, 'docs/adr/0001-x.md');
    assert.doesNotMatch(markdown.split('\n\n')[0], /[\r\n]/, 'the head stays one line: no indented code block after a break');
    assert.match(markdown, /Use a     queue now please/);
  });

  it('escapes a lone carriage return in any text', () => {
    assert.equal(escapeMarkdown('a\rb\r\nc\nd'), 'a b c d');
  });

  it('keeps an id with parentheses whole in the Show in Mental Model link', () => {
    const markdown = hoverOf({ 'docs/adr/0001-x.md': '---\nid: "ADR-(1)"\nstatus: accepted\n---\n# Queues\n' }, 'docs/adr/0001-x.md');
    assert.deepEqual(commandArguments(markdown, 'rationale.revealInTree'), [['ADR-(1)']]);
  });

  it('keeps a slug id with a closing parenthesis whole too', () => {
    const markdown = hoverOf({ 'docs/decisions/20201002-use-(x)).md': '# Use x\n' }, 'docs/decisions/20201002-use-(x)).md');
    assert.deepEqual(commandArguments(markdown, 'rationale.revealInTree'), [['20201002-use-(x))']]);
    assert.deepEqual(commandArguments(markdown, 'rationale.openDocument'), [['file:///ws/docs/decisions/20201002-use-(x)).md']]);
  });

  it('encodes every character that could end or break a Markdown link', () => {
    assert.doesNotMatch(commandLinkArguments(["a)b(c'd!e*f g]"]), /[()'!* \]]/);
    assert.deepEqual(JSON.parse(decodeURIComponent(commandLinkArguments(["a)b(c'd!e*f g]"]))), ["a)b(c'd!e*f g]"]);
  });

  it('separates the words of a summary across hard line breaks', () => {
    const files = {
      'docs/adr/0001-spaces.md': '# Spaces\n\nfirst  \nsecond\n',
      'docs/adr/0002-backslash.md': '# Backslash\n\nfirst\\\nsecond\n',
      'docs/adr/0003-context.md': '# Context\n\n## Context\n\nfirst\\\nsecond  \nthird\n',
    };
    const index = buildIndex(new MemoryWorkspace(files));
    assert.deepEqual([...index.documents.values()].map((d) => d.summary), ['first second', 'first second', 'first second third']);
    assert.match(documentHover(index, index.documents.get('docs/adr/0003-context.md')!, target), /first second third/);
  });
});
