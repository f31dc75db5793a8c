import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/features/languageService.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { fixtureFiles } from '../../helpers/markers.js';

const { texts, cursors, ranges } = fixtureFiles({
  'docs/adr/0001-queues.md': '---\nstatus: accepted\nproject: ⟦PRD-0001⟧\nrules:\n  - forbid-import: moment\n---\n# Use queues\n\nWe queue.\n',
  'docs/prd/0001-jobs.md': '# Background jobs\n',
  'src/jobs.ts': '// @decision ⟦ADR-┃0001⟧\nimport m from "moment";\n',
  'src/Jenkinsfile': 'pipeline {\n    stage("x") {}\n}\n',
});

function service() {
  const workspace = new MemoryWorkspace(texts);
  const index = buildIndex(workspace);
  return createLanguageService({ workspace, index: () => index, uriOf: (p) => `file:///ws/${p}` });
}

describe('the language service (one front object over the core)', () => {
  const ls = service();

  it('hovers an annotation with the decision and its project', () => {
    const hover = ls.hover('src/jobs.ts', cursors['src/jobs.ts']!);
    assert.deepEqual(hover?.range, ranges['src/jobs.ts'][0]);
    assert.match(hover?.markdown ?? '', /\*\*ADR-0001\*\* · Use queues/);
    assert.match(hover?.markdown ?? '', /Project \*\*PRD-0001\*\* Background jobs/);
  });

  it('goes to the definition and finds the references of an id', () => {
    assert.equal(ls.definition('src/jobs.ts', cursors['src/jobs.ts']!)?.path, 'docs/adr/0001-queues.md');
    const refs = ls.references('src/jobs.ts', cursors['src/jobs.ts']!, { includeDeclaration: true });
    assert.deepEqual(refs.map((r) => r.path), ['docs/adr/0001-queues.md', 'src/jobs.ts']);
  });

  it('links front-matter ids, lists symbols, and builds the mental model with code previews', () => {
    const links = ls.documentLinks('docs/adr/0001-queues.md');
    assert.deepEqual(links.map((l) => [l.range, l.target.id]), [[ranges['docs/adr/0001-queues.md'][0], 'PRD-0001']]);
    assert.deepEqual(ls.symbols('queues', 10).map((d) => d.id), ['ADR-0001']);
    const model = ls.mentalModel();
    assert.deepEqual(model.unlinked[0].children[0].code, [{ path: 'src/jobs.ts', line: 0, preview: '// @decision ADR-0001' }]);
  });

  it('writes the annotation line in the file\'s comment syntax, indented like the line', () => {
    assert.equal(ls.annotationText('src/Jenkinsfile', { id: 'ADR-0001', line: 1, languageId: 'plaintext' }), '    // @decision ADR-0001');
    assert.equal(ls.annotationText('src/jobs.ts', { id: 'ADR-0001', line: 1, languageId: 'python' }), '# @decision ADR-0001');
  });

  it('records an exception as a snippet whose placeholder is the reason', () => {
    const finding = { code: 'forbid-import', range: { start: { line: 1, character: 14 }, end: { line: 1, character: 22 } }, decision: 'ADR-0001' };
    const fix = ls.quickFixes('src/jobs.ts', finding).find((f) => f.title.startsWith('Record an exception'));
    assert.deepEqual(fix?.edits, [{
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: '// rationale-disable-next-line ADR-0001 -- <reason>\n',
      snippet: '// rationale-disable-next-line ADR-0001 -- ${1:<reason>}\n',
    }]);
  });

  it('escapes snippet syntax in the text around the placeholder', () => {
    const workspace = new MemoryWorkspace({ 'page.html': '<p>$x</p>\n' });
    const index = buildIndex(workspace);
    const html = createLanguageService({ workspace, index: () => index, uriOf: (p) => p });
    const finding = { code: 'forbid-pattern', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } }, decision: 'ADR-$}' };
    const [fix] = html.quickFixes('page.html', finding);
    assert.equal(fix.edits?.[0].snippet, '<!-- rationale-disable-next-line ADR-\\$\\} -- ${1:<reason>} -->\n');
  });

  it('refuses to plan a document that supersedes an unknown decision', () => {
    assert.throws(() => ls.planNewDocument({ kind: 'decision', title: 'X', date: '2026-01-02', supersedes: 'ADR-0099' }), /No decision has the id ADR-0099/);
    assert.equal(ls.planNewDocument({ kind: 'decision', title: 'Use streams', date: '2026-01-02' }).path, 'docs/adr/0002-use-streams.md');
  });
});

describe('a hover over code governed by many decisions', () => {
  it('shows the strongest eight in full, names the next twenty and counts the rest', () => {
    const files: Record<string, string> = { 'src/app.ts': '// @decision ADR-0030\nexport const x = 1;\n' };
    // Thirty decisions scope every file by a rule; the one the line cites comes first.
    for (let i = 1; i <= 30; i++) {
      const n = String(i).padStart(4, '0');
      files[`docs/adr/${n}-d${i}.md`] = `---\nstatus: accepted\nrules:\n  - forbid-import: lib${i}\n    files: ["src/**"]\n---\n# Decision ${i}\n`;
    }
    const workspace = new MemoryWorkspace(files);
    const index = buildIndex(workspace);
    const ls = createLanguageService({ workspace, index: () => index, uriOf: (p) => `file:///ws/${p}` });
    const markdown = ls.hover('src/app.ts', { line: 1, character: 3 })?.markdown ?? '';
    const full = [...markdown.matchAll(/^\*\*(ADR-\d+)\*\* · /gm)].map((m) => m[1]);
    assert.equal(full.length, 8, markdown);
    assert.equal(full[0], 'ADR-0030', 'the cited decision is the strongest reason');
    const also = /Also governing this file \((\d+)\): (.*) and (\d+) more\./.exec(markdown);
    assert.ok(also, markdown);
    assert.equal(also[1], '22');
    assert.equal([...also[2].matchAll(/\[ADR-\d+\]/g)].length, 20);
    assert.equal(also[3], '2');
  });
});
