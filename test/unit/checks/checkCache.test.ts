import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { checkWorkspace, type CheckResult } from '../../../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { throughCacheFile } from '../../helpers/cacheFileRoundTrip.js';

/** A workspace that counts reads, so a test can tell which files a warm check looked at. */
class CountingWorkspace extends MemoryWorkspace {
  readonly reads: string[] = [];
  override readText(path: string): string | undefined {
    this.reads.push(path);
    return super.readText(path);
  }
}

const adr = (n: string, title: string, extra = '') => `---\nstatus: accepted\n${extra}---\n# ${title}\n\n## Context\n\nWhy ${n}.\n`;

function fixture(): CountingWorkspace {
  return new CountingWorkspace({
    'docs/adr/0001-no-moment.md': adr('1', 'Use date-fns', 'rules:\n  - forbid-import: [moment]\n    files: ["src/**"]\n'),
    'docs/adr/0002-no-eval.md': adr('2', 'No eval', "rules:\n  - forbid-pattern: 'eval\\('\n"),
    'src/a.ts': "import moment from 'moment';\n// @decision ADR-0001\nexport const a = 1;\n",
    'src/b.ts': "export const b = eval('1');\n",
    'src/c.ts': 'export const c = 3;\n',
  });
}

/** A warm run through the cache must give exactly what a cold run without it gives, and read only what changed. */
async function check(ws: CountingWorkspace, cache: MemoryCheckCache): Promise<{ result: CheckResult; reads: string[] }> {
  ws.reads.length = 0;
  const warm = await indexAndCheck(ws, { today: '2026-11-23', cache });
  const reads = [...ws.reads];
  const cold = await indexAndCheck(ws, { today: '2026-11-23' });
  // Compared as JSON: cached entries went through JSON, which drops properties set to undefined.
  assert.deepEqual(json(warm.result), json(cold.result));
  assert.deepEqual(json([...warm.index.annotations]), json([...cold.index.annotations]));
  assert.deepEqual(json([...warm.index.documents]), json([...cold.index.documents]));
  return { result: warm.result, reads };
}

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** The fixture, and the cache its first check left behind. */
async function afterOneRun(): Promise<{ ws: CountingWorkspace; cache: MemoryCheckCache }> {
  const ws = fixture();
  const cache = new MemoryCheckCache();
  await indexAndCheck(ws, { today: '2026-11-23', cache });
  return { ws, cache };
}

/** The cache as the CLI would persist and reload it: through its record lines. */
const reload = throughCacheFile;

describe('check cache', () => {
  it('reads nothing unchanged on a warm run, and gives the cold result', async () => {
    const ws = fixture();
    const first = await check(ws, new MemoryCheckCache());
    assert.ok(first.reads.includes('src/a.ts') && first.reads.includes('docs/adr/0001-no-moment.md'));
    assert.deepEqual(first.result.findings.map((f) => `${f.path}:${f.code}`), ['src/a.ts:forbid-import', 'src/b.ts:forbid-pattern']);
    const cache = new MemoryCheckCache();
    await indexAndCheck(ws, { today: '2026-11-23', cache });
    const warm = await check(ws, reload(cache));
    assert.deepEqual(warm.reads, []);
    assert.equal(warm.result.findings.length, 2);
  });

  it('re-reads a changed code file and keeps the others', async () => {
    const { ws, cache } = await afterOneRun();
    ws.set('src/c.ts', "import m from 'moment';\n");
    const warm = await check(ws, reload(cache));
    assert.deepEqual(warm.reads, ['src/c.ts']);
    assert.ok(warm.result.findings.some((f) => f.path === 'src/c.ts' && f.code === 'forbid-import'));
  });

  it('re-checks every code file when a rule changes, and re-parses only the changed decision', async () => {
    const { ws, cache } = await afterOneRun();
    ws.set('docs/adr/0001-no-moment.md', adr('1', 'Use date-fns', 'rules:\n  - forbid-import: [moment, lodash]\n    files: ["src/**"]\n'));
    const warm = await check(ws, reload(cache));
    assert.deepEqual(warm.reads.sort(), ['docs/adr/0001-no-moment.md', 'src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('re-checks code when a decision title (quoted in messages) changes', async () => {
    const { ws, cache } = await afterOneRun();
    ws.set('docs/adr/0002-no-eval.md', adr('2', 'Never eval', "rules:\n  - forbid-pattern: 'eval\\('\n"));
    const warm = await check(ws, reload(cache));
    assert.ok(warm.result.findings.some((f) => f.message.includes('Never eval')));
  });

  it('drops deleted files and serves nothing for a file named __proto__', async () => {
    const ws = fixture();
    ws.set('__proto__', '// @decision ADR-0001\n');
    const cache = new MemoryCheckCache();
    await indexAndCheck(ws, { today: '2026-11-23', cache });
    ws.delete('src/b.ts');
    const next = reload(cache);
    const warm = await check(ws, next);
    assert.deepEqual(warm.reads, []);
    assert.ok(warm.result.findings.every((f) => f.path !== 'src/b.ts'));
    assert.ok(next.changed());
    assert.deepEqual(Object.keys(next.toData().files).sort(), ['__proto__', 'src/a.ts', 'src/c.ts']);
    assert.equal(Object.getPrototypeOf(next.toData().files), Object.prototype);
  });

  it('ignores entries of the wrong shape instead of crashing', async () => {
    const { ws, cache } = await afterOneRun();
    const data = cache.toData();
    for (const e of Object.values(data.files)) (e as { entry: unknown }).entry = { annotations: {}, hash: 1 };
    for (const e of Object.values(data.documents)) (e as { doc: unknown }).doc = null;
    const warm = await check(ws, new MemoryCheckCache(JSON.parse(JSON.stringify(data))));
    assert.equal(warm.result.findings.length, 2);
    assert.ok(warm.reads.length >= 5);
  });
});

describe('check cache: entries of the wrong shape', () => {
  // Well-formed JSON, wrong shapes: each used to reach the checker (`TypeError … reading 'path'`).
  const corruptions: [string, (doc: Record<string, unknown>, entry: Record<string, unknown>) => void][] = [
    ['a null rule finding', (_d, e) => (e.ruleFindings = [null])],
    ['a finding without a range', (_d, e) => (e.ruleFindings = [{ path: 'src/a.ts', severity: 'error', code: 'forbid-import', decision: null, message: 'x' }])],
    ['annotations with a null reference', (_d, e) => ((e.annotations = { references: [null], suppressions: [] }), (e.hash = 'h'))],
    ['a null document link', (d) => (d.links = [null])],
    ['a document problem that is a string', (d) => (d.problems = ['oops'])],
    ['a rule spec without a range', (d) => (d.rules = [{ kind: 'forbid-import', decision: 'ADR-0001', index: 0, targets: ['moment'], files: [], except: [], severity: 'error' }])],
    ['a title that is a number', (d) => (d.title = 7)],
  ];
  for (const [name, corrupt] of corruptions) {
    it(`treats ${name} as a miss: the warm run re-reads and equals the cold run`, async () => {
      const { ws, cache } = await afterOneRun();
      const data = JSON.parse(JSON.stringify(cache.toData()));
      for (const e of Object.values(data.files) as { entry: Record<string, unknown> }[]) corrupt({}, e.entry);
      for (const e of Object.values(data.documents) as { doc: Record<string, unknown> }[]) corrupt(e.doc, {});
      const warm = await check(ws, new MemoryCheckCache(data));
      assert.ok(warm.reads.length > 0, 'the corrupt entries were served');
      assert.deepEqual(warm.result.findings.map((f) => `${f.path}:${f.code}`), ['src/a.ts:forbid-import', 'src/b.ts:forbid-pattern']);
    });
  }
});

describe('rules and documents', () => {
  it('never checks rules against goal, project or decision documents, on either path', async () => {
    const ws = fixture();
    ws.set('docs/adr/0003-why-not-eval.md', adr('3', 'Why eval hurts', '') + '\nCalling eval(x) runs strings as code.\n');
    ws.set('README.md', 'Never call eval(x).\n');
    const { result } = await check(ws, new MemoryCheckCache());
    assert.deepEqual(result.findings.filter((f) => f.code === 'forbid-pattern').map((f) => f.path), ['README.md', 'src/b.ts']);
    assert.deepEqual(checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' }), result);
  });
});
