import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { checkWorkspace, type CheckResult } from '../../../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

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
function check(ws: CountingWorkspace, cache: MemoryCheckCache): { result: CheckResult; reads: string[] } {
  ws.reads.length = 0;
  const warm = indexAndCheck(ws, { today: '2026-11-23', cache });
  const reads = [...ws.reads];
  const cold = indexAndCheck(ws, { today: '2026-11-23' });
  // Compared as JSON: cached entries went through JSON, which drops properties set to undefined.
  assert.deepEqual(json(warm.result), json(cold.result));
  assert.deepEqual(json([...warm.index.annotations]), json([...cold.index.annotations]));
  assert.deepEqual(json([...warm.index.documents]), json([...cold.index.documents]));
  return { result: warm.result, reads };
}

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** The fixture, and the cache its first check left behind. */
function afterOneRun(): { ws: CountingWorkspace; cache: MemoryCheckCache } {
  const ws = fixture();
  const cache = new MemoryCheckCache();
  indexAndCheck(ws, { today: '2026-11-23', cache });
  return { ws, cache };
}

/** The cache as the CLI would persist and reload it: through JSON. */
function reload(cache: MemoryCheckCache): MemoryCheckCache {
  return new MemoryCheckCache(JSON.parse(JSON.stringify(cache.toData())));
}

describe('check cache', () => {
  it('reads nothing unchanged on a warm run, and gives the cold result', () => {
    const ws = fixture();
    const first = check(ws, new MemoryCheckCache());
    assert.ok(first.reads.includes('src/a.ts') && first.reads.includes('docs/adr/0001-no-moment.md'));
    assert.deepEqual(first.result.findings.map((f) => `${f.path}:${f.code}`), ['src/a.ts:forbid-import', 'src/b.ts:forbid-pattern']);
    const cache = new MemoryCheckCache();
    indexAndCheck(ws, { today: '2026-11-23', cache });
    const warm = check(ws, reload(cache));
    assert.deepEqual(warm.reads, []);
    assert.equal(warm.result.findings.length, 2);
  });

  it('re-reads a changed code file and keeps the others', () => {
    const { ws, cache } = afterOneRun();
    ws.set('src/c.ts', "import m from 'moment';\n");
    const warm = check(ws, reload(cache));
    assert.deepEqual(warm.reads, ['src/c.ts']);
    assert.ok(warm.result.findings.some((f) => f.path === 'src/c.ts' && f.code === 'forbid-import'));
  });

  it('re-checks every code file when a rule changes, and re-parses only the changed decision', () => {
    const { ws, cache } = afterOneRun();
    ws.set('docs/adr/0001-no-moment.md', adr('1', 'Use date-fns', 'rules:\n  - forbid-import: [moment, lodash]\n    files: ["src/**"]\n'));
    const warm = check(ws, reload(cache));
    assert.deepEqual(warm.reads.sort(), ['docs/adr/0001-no-moment.md', 'src/a.ts', 'src/b.ts', 'src/c.ts']);
  });

  it('re-checks code when a decision title (quoted in messages) changes', () => {
    const { ws, cache } = afterOneRun();
    ws.set('docs/adr/0002-no-eval.md', adr('2', 'Never eval', "rules:\n  - forbid-pattern: 'eval\\('\n"));
    const warm = check(ws, reload(cache));
    assert.ok(warm.result.findings.some((f) => f.message.includes('Never eval')));
  });

  it('drops deleted files and serves nothing for a file named __proto__', () => {
    const ws = fixture();
    ws.set('__proto__', '// @decision ADR-0001\n');
    const cache = new MemoryCheckCache();
    indexAndCheck(ws, { today: '2026-11-23', cache });
    ws.delete('src/b.ts');
    const next = reload(cache);
    const warm = check(ws, next);
    assert.deepEqual(warm.reads, []);
    assert.ok(warm.result.findings.every((f) => f.path !== 'src/b.ts'));
    assert.ok(next.changed());
    assert.deepEqual(Object.keys(next.toData().files).sort(), ['__proto__', 'src/a.ts', 'src/c.ts']);
    assert.equal(Object.getPrototypeOf(next.toData().files), Object.prototype);
  });

  it('ignores entries of the wrong shape instead of crashing', () => {
    const { ws, cache } = afterOneRun();
    const data = cache.toData();
    for (const e of Object.values(data.files)) (e as { entry: unknown }).entry = { annotations: {}, hash: 1 };
    for (const e of Object.values(data.documents)) (e as { doc: unknown }).doc = null;
    const warm = check(ws, new MemoryCheckCache(JSON.parse(JSON.stringify(data))));
    assert.equal(warm.result.findings.length, 2);
    assert.ok(warm.reads.length >= 5);
  });
});

describe('rules and documents', () => {
  it('never checks rules against goal, project or decision documents, on either path', () => {
    const ws = fixture();
    ws.set('docs/adr/0003-why-not-eval.md', adr('3', 'Why eval hurts', '') + '\nCalling eval(x) runs strings as code.\n');
    ws.set('README.md', 'Never call eval(x).\n');
    const { result } = check(ws, new MemoryCheckCache());
    assert.deepEqual(result.findings.filter((f) => f.code === 'forbid-pattern').map((f) => f.path), ['README.md', 'src/b.ts']);
    assert.deepEqual(checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' }), result);
  });
});
