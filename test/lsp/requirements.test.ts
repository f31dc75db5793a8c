import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CompletionItem, Diagnostic, Hover, Location, WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import type { Position } from '../../server/src/core/base/range.js';
import { coveredRequirementsRequest, treeRequest } from '../../server/src/protocol.js';
import { startFixture, type LspFixture } from './lspHarness.js';

const prd = [
  '---', 'goals: [GOAL-speed]', '---', '# Login', '',
  '## Password [login](command:workbench.action.terminal.new)',
  '`req~login~2`',
  'Users log in with a *password* <img src=x>.',
  '', 'Needs: impl, utest', '',
  '## Logout',
  '`req~logout~1`',
  'Users log out.',
  '', 'Needs: impl', '',
].join('\n');

const files = {
  'docs/goals/speed.md': '---\nid: GOAL-speed\n---\n# Be fast\n',
  'docs/prd/0001-login.md': prd,
  'src/login.ts': '// [impl->req~login~2]\nexport const login = 1;\n// [impl->req~login~1]\n',
  'test/login.test.ts': '// [utest->req~login~2]\n',
};

let fx: LspFixture;
before(async () => {
  fx = await startFixture(files);
});
after(() => fx?.dispose());

/** Where `needle` starts in a fixture file (or in `text`), plus `offset` characters. */
function at(path: string, needle: string, offset = 0, text = fx.texts[path]): Position {
  const i = text.indexOf(needle);
  assert.ok(i >= 0, `${needle} in ${path}`);
  const before = text.slice(0, i + offset).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function request<T>(method: string, path: string, position: Position, extra: Record<string, unknown> = {}): Promise<T> {
  return fx.client.sendRequest(method, { textDocument: { uri: fx.uri(path) }, position, ...extra }) as Promise<T>;
}

const hoverText = (h: Hover | null) => (h?.contents as { value: string } | undefined)?.value ?? '';

describe('language server: requirement tracing', () => {
  it('hovers a tag with the item: title and text escaped, document, project and goal, coverage', async () => {
    const hover = await request<Hover>('textDocument/hover', 'src/login.ts', at('src/login.ts', 'req~login~2', 3));
    const value = hoverText(hover);
    assert.match(value, /^\*\*req\\~login\\~2\*\* · Password \\\[login\\\]\\\(command:workbench\.action\.terminal\.new\\\)/);
    assert.doesNotMatch(value, /\]\(command:/, 'the title is no link');
    assert.match(value, /Users log in with a \\\*password\\\* \\<img src=x\\>\./);
    assert.match(value, /Defined in PRD-0001 · Login \(docs/);
    assert.match(value, /Project \*\*PRD-0001\*\* Login → Goal \*\*GOAL-speed\*\* Be fast/);
    assert.match(value, /Coverage 2\/2/);
    assert.deepEqual(hover.range, { start: { line: 0, character: 3 }, end: { line: 0, character: 22 } });

    const outdated = hoverText(await request<Hover>('textDocument/hover', 'src/login.ts', at('src/login.ts', 'req~login~1')));
    assert.match(outdated, /\*\*req\\~login\\~1\*\*: no specification item has this id\. The item exists as \*\*req\\~login\\~2\*\*/);
  });

  it('hovers an item id in Markdown with its coverage', async () => {
    const value = hoverText(await request<Hover>('textDocument/hover', 'docs/prd/0001-login.md', at('docs/prd/0001-login.md', 'req~logout~1', 2)));
    assert.match(value, /\*\*req\\~logout\\~1\*\* · Logout\n\nCoverage 0\/1 \\\(missing impl\\\)$/);
    const covered = hoverText(await request<Hover>('textDocument/hover', 'docs/prd/0001-login.md', at('docs/prd/0001-login.md', 'req~login~2', 2)));
    assert.match(covered, /Coverage 2\/2  \nimpl · src\/login\.ts:1  \nutest · test\/login\.test\.ts:1/);
  });

  it('goes from a tag to its item, and from an item to the tags that cover it', async () => {
    const def = await request<Location>('textDocument/definition', 'test/login.test.ts', at('test/login.test.ts', 'req~login~2', 1));
    assert.equal(def.uri, fx.uri('docs/prd/0001-login.md'));
    assert.deepEqual(def.range.start, at('docs/prd/0001-login.md', 'req~login~2'));

    const refs = await request<Location[]>('textDocument/references', 'docs/prd/0001-login.md', at('docs/prd/0001-login.md', 'req~login~2', 4), { context: { includeDeclaration: true } });
    assert.deepEqual(refs.map((r) => `${r.uri.slice(fx.uri('').length)}:${r.range.start.line}`), ['/docs/prd/0001-login.md:6', '/src/login.ts:0', '/test/login.test.ts:0']);
    const fromTag = await request<Location[]>('textDocument/references', 'src/login.ts', at('src/login.ts', 'impl->req~login~2'), { context: { includeDeclaration: false } });
    assert.deepEqual(fromTag.map((r) => `${r.uri.slice(fx.uri('').length)}:${r.range.start.line}`), ['/src/login.ts:0', '/test/login.test.ts:0']);
  });

  it('completes item ids after a tag’s arrow, newest revision first', async () => {
    const path = 'src/new.ts';
    const text = '// [impl->req~lo\n';
    await fx.open(path, text);
    const items = await request<CompletionItem[]>('textDocument/completion', path, at(path, 'req~lo', 6, text));
    assert.deepEqual(items.map((i) => i.label), ['req~login~2', 'req~logout~1']);
    assert.deepEqual((items[0].textEdit as { range: unknown }).range, { start: { line: 0, character: 10 }, end: { line: 0, character: 16 } });
    assert.equal(items[0].labelDetails?.detail, ' Password [login](command:workbench.action.terminal.new)');
    const none = await request<CompletionItem[] | null>('textDocument/completion', path, { line: 0, character: 3 });
    assert.ok(!none?.some((i) => i.label === 'req~login~2'));
  });

  it('lists a project’s items with their coverage in the tree, and what a file covers', async () => {
    const tree = await fx.client.sendRequest(treeRequest);
    const project = tree.goals[0].children.find((n) => n.document.id === 'PRD-0001');
    assert.deepEqual(project?.requirements?.map((r) => [r.id, r.title, r.line, r.covered, r.needed, r.missing]), [
      ['req~login~2', 'Password [login](command:workbench.action.terminal.new)', 6, 2, 2, []],
      ['req~logout~1', 'Logout', 12, 0, 1, ['impl']],
    ]);
    assert.equal(project?.requirements?.[0].uri, fx.uri('docs/prd/0001-login.md'));
    assert.equal(tree.goals[0].requirements, undefined, 'a goal owns no items');

    const covered = await fx.client.sendRequest(coveredRequirementsRequest, { uri: fx.uri('src/login.ts') });
    assert.deepEqual(covered.map((c) => [c.line, c.type, c.target, c.requirement?.id]), [[0, 'impl', 'req~login~2', 'req~login~2'], [2, 'impl', 'req~login~1', undefined]]);
    const oneLine = await fx.client.sendRequest(coveredRequirementsRequest, { uri: fx.uri('src/login.ts'), line: 2 });
    assert.deepEqual(oneLine.map((c) => c.target), ['req~login~1']);
  });

  it('reports tracing findings as diagnostics, and updates them across files on an edit', async () => {
    const report = await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] }) as WorkspaceDiagnosticReport;
    const diagnosticsOf = (r: WorkspaceDiagnosticReport, p: string): Diagnostic[] => {
      const entry = r.items.find((i) => i.uri === fx.uri(p));
      return entry?.kind === 'full' ? entry.items : [];
    };
    const codes = (p: string) => diagnosticsOf(report, p).map((d) => `${d.code}:${d.range.start.line}`);
    assert.deepEqual(codes('docs/prd/0001-login.md'), ['requirement-not-covered:12']);
    assert.deepEqual(codes('src/login.ts'), ['outdated-requirement:2']);

    await fx.open('src/login.ts');
    await fx.change('src/login.ts', `${fx.texts['src/login.ts']}// [impl->req~logout~1]\n`);
    const prdNow = await request<{ items: Diagnostic[] }>('textDocument/diagnostic', 'docs/prd/0001-login.md', { line: 0, character: 0 });
    assert.deepEqual(prdNow.items.map((d) => d.code), []);
    const after = await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] }) as WorkspaceDiagnosticReport;
    assert.deepEqual(diagnosticsOf(after, 'docs/prd/0001-login.md'), []);
  });
});
