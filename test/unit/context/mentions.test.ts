import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appliesToFromMentions } from '../../../server/src/core/features/appliesToFromMentions.js';
import { createLanguageService } from '../../../server/src/core/features/languageService.js';
import { governing } from '../../../server/src/core/index/governance.js';
import { MentionIndex } from '../../../server/src/core/index/mentions.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

const decision = [
  '---',
  'status: accepted',
  '---',
  '# Use Postgres',
  '',
  'The client lives in `src/db/client.ts`, orders in `OrderRepository`, and we use `pg`.',
  'All of [the API](../../packages/api/) goes through it; see also `./src/db/pool.ts:12`.',
  'Prose naming src/db/schema.ts or OrderRepository does not count.',
  '`index.ts` is ambiguous, `main` a word, `src/db/*.ts` a glob, `missing.ts` absent, `lodash` undeclared, `packages` a word without its slash.',
  '',
  '```ts',
  "import { client } from 'src/db/schema.ts'; // `src/db/schema.ts`",
  '```',
  '',
  'Links to [a site](https://example.com/src/db/client.ts) and to [ADR-0002](0002-other.md) are not code.',
].join('\n');

const files: Record<string, string> = {
  'docs/adr/0001-use-postgres.md': decision,
  'docs/adr/0002-other.md': '# Other\n\nAbout `docs/adr/0001-use-postgres.md`.\n',
  'package.json': JSON.stringify({ dependencies: { pg: '^8.0.0' } }),
  'src/db/client.ts': 'export const client = 1;\n',
  'src/db/pool.ts': 'export const pool = 1;\n',
  'src/db/schema.ts': 'export const schema = 1;\n',
  'src/OrderRepository.java': 'class OrderRepository {}\n',
  'src/main.ts': '\n',
  'src/a/index.ts': '\n',
  'src/b/index.ts': '\n',
  'packages/api/server.ts': 'export {};\n',
  'packages/web/app.ts': 'export {};\n',
};

function setup(overrides: Record<string, string> = {}) {
  const all = { ...files, ...overrides };
  const workspace = new MemoryWorkspace(all);
  const index = buildIndex(workspace);
  const read = (p: string) => workspace.readText(p);
  return { index, mentions: new MentionIndex(index, read), ls: createLanguageService({ workspace, index: () => index, uriOf: (p) => `file:///ws/${p}` }) };
}

describe('mentions: documents naming code', () => {
  const { index, mentions, ls } = setup();

  it('finds backticked paths, unique base names, links and declared dependencies, and nothing else', () => {
    const found = mentions.mentionsIn('docs/adr/0001-use-postgres.md').map((m) => [m.kind, m.target, m.text]);
    assert.deepEqual(found, [
      ['file', 'src/db/client.ts', '`src/db/client.ts`'],
      ['file', 'src/OrderRepository.java', '`OrderRepository`'],
      ['dependency', 'pg', '`pg`'],
      ['folder', 'packages/api', '[the API](../../packages/api/)'],
      ['file', 'src/db/pool.ts', '`./src/db/pool.ts:12`'],
    ]);
  });

  it('pairs backtick runs as CommonMark does, and an unmatched run is text', () => {
    const { mentions } = setup({ 'docs/adr/0003-ticks.md': '# Ticks\n\n``src/db/pool.ts`` and ``` `src/db/client.ts` ``` but `` not `src/db/schema.ts and a lone ` run.\n' });
    assert.deepEqual(mentions.mentionsIn('docs/adr/0003-ticks.md').map((m) => [m.target, m.text]), [
      ['src/db/pool.ts', '``src/db/pool.ts``'],
    ], 'a span showing backticks is code about a name, not the name; the unmatched `` is text, and the lone ` pairs with the one before it');
  });

  it('reads a hostile line of backtick runs without a mention or a crash', () => {
    const hostile = Array.from({ length: 2000 }, (_, i) => '`'.repeat(i + 1)).join('x');
    const { mentions } = setup({ 'docs/adr/0003-ticks.md': `# Ticks\n\n${hostile}\n` });
    assert.deepEqual(mentions.mentionsIn('docs/adr/0003-ticks.md'), []);
  });

  it('never counts another document as code', () => {
    assert.deepEqual(mentions.mentionsIn('docs/adr/0002-other.md'), []);
  });

  it('links the mentioned file, the files under a mentioned folder, and the manifest of a dependency', () => {
    const ids = (path: string) => mentions.mentioning(path).map((m) => m.document.id);
    assert.deepEqual(ids('src/db/client.ts'), ['ADR-0001']);
    assert.deepEqual(ids('packages/api/server.ts'), ['ADR-0001']);
    assert.deepEqual(ids('package.json'), ['ADR-0001']);
    assert.deepEqual(ids('src/db/schema.ts'), [], 'prose and code fences do not count');
    assert.deepEqual(ids('packages/web/app.ts'), []);
  });

  it('governs as a mention, weaker than everything else', () => {
    const g = governing(index, 'src/db/client.ts', files['src/db/client.ts'], undefined, mentions.mentioning('src/db/client.ts'));
    assert.deepEqual(g.map((x) => [x.document.id, x.via, x.mention?.text]), [['ADR-0001', 'mention', '`src/db/client.ts`']]);
  });

  it('shows apart in hover and in the language service\'s governing list', () => {
    const hover = ls.hover('src/db/client.ts', { line: 0, character: 3 })?.markdown ?? '';
    assert.match(hover, /^Mentioned in \[ADR-0001\]\(command:rationale\.openDocument\?[^)]+\) Use Postgres \(as \\`src\/db\/client\.ts\\`\)$/);
    assert.deepEqual(ls.governing('src/OrderRepository.java').map((g) => [g.document.id, g.via]), [['ADR-0001', 'mention']]);
  });

  it('lists mentioned code after the citations in find references', () => {
    const refs = ls.references('docs/adr/0001-use-postgres.md', { line: 3, character: 3 }, { includeDeclaration: false });
    assert.deepEqual(refs.map((r) => r.path), ['src/db/client.ts', 'src/OrderRepository.java', 'package.json', 'docs/adr/0001-use-postgres.md', 'src/db/pool.ts']);
  });
});

describe('repeated mentions of a folder become applies-to', () => {
  const threeUnderDb = '# Pooling\n\nSee `src/db/client.ts`, `src/db/pool.ts` and `src/db/schema.ts`.\n';

  it('offers the tightest folder only once three different places under it are named', () => {
    const { ls } = setup({ 'docs/adr/0003-pool.md': `---\nstatus: accepted\n---\n${threeUnderDb}` });
    const fixes = ls.documentActions('docs/adr/0003-pool.md');
    assert.deepEqual(fixes.map((f) => f.title), ['Add src/db/** to applies-to (3 mentions under src/db/)']);
    assert.deepEqual(fixes[0].edits, [{ range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'applies-to: ["src/db/**"]\n' }]);
    const other = ls.documentActions('docs/adr/0001-use-postgres.md').map((f) => f.title);
    assert.deepEqual(other, ['Add src/** to applies-to (3 mentions under src/)'], 'two mentions under src/db are not enough; three under src are');
  });

  it('extends a flow list, a block list and a single glob, and adds front matter when there is none', () => {
    const cases: [string, string][] = [
      ['---\napplies-to: ["lib/**"]\n---\n', '---\napplies-to: ["lib/**", "src/db/**"]\n---\n'],
      ['---\napplies-to:\n  - lib/**\nstatus: accepted\n---\n', '---\napplies-to:\n  - lib/**\n  - "src/db/**"\nstatus: accepted\n---\n'],
      ['---\napplies-to: lib/**\n---\n', '---\napplies-to: ["lib/**", "src/db/**"]\n---\n'],
      ['', '---\napplies-to: ["src/db/**"]\n---\n'],
    ];
    for (const [head, expected] of cases) {
      const text = `${head}${threeUnderDb}`;
      const { ls } = setup({ 'docs/adr/0003-pool.md': text });
      const [fix] = ls.documentActions('docs/adr/0003-pool.md');
      assert.ok(fix?.edits?.length === 1, head);
      assert.equal(applyEdit(text, fix.edits[0]), `${expected}${threeUnderDb}`);
    }
  });

  it('offers nothing when applies-to already covers the folder', () => {
    const { ls } = setup({ 'docs/adr/0003-pool.md': `---\napplies-to: ["src/**"]\n---\n${threeUnderDb}` });
    assert.deepEqual(ls.documentActions('docs/adr/0003-pool.md'), []);
  });

  it('is a pure function of the document and its mentions', () => {
    const { index, mentions } = setup();
    const doc = index.documents.get('docs/adr/0002-other.md')!;
    assert.deepEqual(appliesToFromMentions(doc, '', mentions.mentionsIn('docs/adr/0001-use-postgres.md')).map((f) => f.title), ['Add src/** to applies-to (3 mentions under src/)']);
    assert.deepEqual(appliesToFromMentions(doc, '', []), []);
  });
});

function applyEdit(text: string, edit: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + Math.min(p.character, lines[p.line]?.length ?? 0);
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}
