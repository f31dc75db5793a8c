import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryCheckCache, type CachedCodeFile } from '../../../server/src/core/checks/checkCache.js';
import { CacheRecordReader, cacheRecordFormat } from '../../../server/src/core/checks/checkCacheRecords.js';
import { decodeCodeFile, encodeCodeFile } from '../../../server/src/core/checks/compactCodeFile.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { cacheFileLines, readCacheLines, testCacheOwner, throughCacheFile } from '../../helpers/cacheFileRoundTrip.js';

const today = '2026-11-23';
const adr = (title: string, extra = '') => `---\nstatus: accepted\n${extra}---\n# ${title}\n\n## Context\n\nWhy.\n`;

/** Three files break the same rule (one shared message), one has annotations and an exception. */
function fixture(): MemoryWorkspace {
  return new MemoryWorkspace({
    'docs/adr/0001-no-moment.md': adr('Use date-fns', 'rules:\n  - forbid-import: [moment]\n    files: ["src/**"]\n'),
    'docs/adr/0002-no-eval.md': adr('No eval', "rules:\n  - forbid-pattern: 'eval\\('\n"),
    'src/a.ts': "import moment from 'moment';\n// @decision ADR-0001\n// see ADR-0002\n",
    'src/b.ts': "import moment from 'moment';\n",
    'src/c.ts': "import moment from 'moment';\n",
    'src/d.ts': "// rationale-disable-next-line ADR-0002 -- measured\nconst x = eval('1');\n// rationale-disable-next-line forbid-pattern\neval('2');\n",
    'src/e.ts': 'export const e = 1;\n',
  });
}

async function cachedFixture(): Promise<{ ws: MemoryWorkspace; cache: MemoryCheckCache }> {
  const ws = fixture();
  const cache = new MemoryCheckCache();
  await indexAndCheck(ws, { today, cache });
  return { ws, cache };
}

const json = (x: unknown): unknown => JSON.parse(JSON.stringify(x));

/** Findings of a run with this cache, and of a cold run: they must be equal. */
async function warmAndCold(ws: MemoryWorkspace, cache: MemoryCheckCache): Promise<{ warm: unknown; cold: unknown }> {
  const warm = await indexAndCheck(ws, { today, cache });
  const cold = await indexAndCheck(ws, { today });
  return { warm: json([warm.result, [...warm.index.annotations]]), cold: json([cold.result, [...cold.index.annotations]]) };
}

describe('check cache records', () => {
  it('give back every entry as it was remembered', async () => {
    const { cache } = await cachedFixture();
    const back = throughCacheFile(cache);
    assert.equal(back.loaded, 7);
    for (const e of cache.codeFileEntries()) assert.deepEqual(json(back.codeFile(e.path, e.stamp, cache.keys().checkKey!)), json(e.value));
    for (const e of cache.documentEntries()) assert.deepEqual(json(back.document(e.path, e.stamp, cache.keys().parseKey!)), json(e.value));
  });

  it('write each shared string once, and a file with nothing to replay as one number', async () => {
    const { cache } = await cachedFixture();
    const lines = cacheFileLines(cache);
    const message = [...cache.codeFileEntries()].find((e) => e.path === 'src/b.ts')!.value.ruleFindings[0].message;
    assert.equal(lines.filter((l) => l.includes(JSON.stringify(message).slice(1, -1))).length, 1);
    const e = [...cache.codeFileEntries()].find((x) => x.path === 'src/e.ts')!;
    assert.ok(lines.includes(JSON.stringify(['f', 'src/e.ts', e.stamp, e.value.checked ? 1 : 0])));
    assert.ok(lines.every((l) => !l.includes('"src/b.ts"') || l.startsWith('["f","src/b.ts"')), 'a file path is written once, in its own record');
  });

  it('serve a warm run that equals the cold one, reading nothing', async () => {
    const { ws, cache } = await cachedFixture();
    const { warm, cold } = await warmAndCold(ws, throughCacheFile(cache));
    assert.deepEqual(warm, cold);
  });

  it('lose only the record of a damaged or truncated line', async () => {
    const { ws, cache } = await cachedFixture();
    const lines = cacheFileLines(cache);
    const b = lines.findIndex((l) => l.startsWith('["f","src/b.ts"'));
    const damaged = lines.map((l, i) => (i === b ? l.slice(0, l.length - 3) : l));
    damaged.push('{"not": "a record"}', '["f"]', '');
    const { cache: loaded, reader } = readCacheLines(damaged);
    assert.equal(reader.skipped, 4);
    assert.equal(loaded.loaded, 6);
    const { warm, cold } = await warmAndCold(ws, loaded);
    assert.deepEqual(warm, cold);
  });

  it('miss every entry that names a string whose line was damaged, and only those', async () => {
    const { cache } = await cachedFixture();
    const lines = cacheFileLines(cache);
    const shared = lines.findIndex((l) => l.startsWith('["s",') && l.includes('Import of'));
    const { cache: loaded } = readCacheLines(lines.filter((_, i) => i !== shared));
    const key = cache.keys().checkKey!;
    const served = [...cache.codeFileEntries()].filter((e) => loaded.codeFile(e.path, e.stamp, key) !== undefined).map((e) => e.path);
    assert.deepEqual(served.sort(), ['src/d.ts', 'src/e.ts']);
  });

  it('are all ignored under a header of another format, build or folder, and say why', () => {
    const cache = new MemoryCheckCache();
    cache.rememberCodeFile('src/a.ts', '1', 'key', { ruleFindings: [], checked: true });
    const [header, ...records] = cacheFileLines(cache);
    const variants: [string, string, boolean][] = [
      ['{"format":1,"tool":"test","root":"/workspace","data":{"documents":{},"files":{}}}', 'no valid header', false],
      ['garbage', 'no valid header', false],
      [header.replace(`"rationaleCheckCache":${cacheRecordFormat}`, '"rationaleCheckCache":99'), 'format 99', false],
      [header.replace('"tool":"test"', '"tool":"other"'), 'another build', true],
      [header.replace('"root":"/workspace"', '"root":"/elsewhere"'), 'another folder', false],
    ];
    for (const [line, why, expected] of variants) {
      const { cache: loaded, reader } = readCacheLines([line, ...records]);
      assert.equal(loaded.loaded, 0, line);
      assert.match(reader.problem ?? '', new RegExp(why));
      assert.equal(reader.problemExpected, expected);
    }
    assert.equal(readCacheLines([header, ...records]).cache.loaded, 1);
  });

  it('stop reading after a header that voids the file', () => {
    const reader = new CacheRecordReader(testCacheOwner);
    assert.equal(reader.add('not json'), false);
    assert.equal(reader.add('["f","src/a.ts","1",1]'), false);
  });

  it('treat a line too long to read as one damaged record', () => {
    const cache = new MemoryCheckCache();
    cache.rememberCodeFile('src/a.ts', '1', 'key', { ruleFindings: [], checked: true });
    const [header, record] = cacheFileLines(cache);
    const reader = new CacheRecordReader(testCacheOwner);
    for (const line of [header, undefined, record]) assert.ok(reader.add(line));
    assert.equal(reader.skipped, 1);
    assert.equal(reader.cache().loaded, 1);
  });

  it('keep requirement items and tags of code files', async () => {
    const ws = new MemoryWorkspace({ 'src/a.ts': '// [impl->req~login~1]\n', 'docs/spec.md': '# Spec\n\n### Login\n`req~login~1`\nLogs in.\n\nNeeds: impl\n' });
    const cache = new MemoryCheckCache();
    await indexAndCheck(ws, { today, cache });
    const entry = [...cache.codeFileEntries()].find((e) => e.path === 'src/a.ts')!;
    assert.ok(entry.value.requirements);
    const { warm, cold } = await warmAndCold(ws, throughCacheFile(cache));
    assert.deepEqual(warm, cold);
  });
});

describe('compact code file entries', () => {
  const range = (l: number) => ({ start: { line: l, character: 1 }, end: { line: l, character: 9 } });
  const full: CachedCodeFile = {
    checked: true,
    hash: 'h1',
    ruleFindings: [
      { path: 'src/a.ts', range: range(0), severity: 'warning', code: 'forbid-import', decision: 'ADR-0001', message: 'Import of `m` is forbidden', data: { rule: 0, specifier: 'm' } },
      { path: 'other.ts', range: range(2), severity: 'info', code: 'internal-error', decision: null, message: 'x' },
    ],
    annotations: {
      references: [
        { path: 'src/a.ts', id: 'ADR-0001', kind: 'decision', strength: 'annotation', range: range(1) },
        { path: 'src/a.ts', id: '7', strength: 'mention', range: range(3) },
      ],
      suppressions: [
        { path: 'src/a.ts', ids: ['ADR-0002', 'forbid-pattern'], reason: 'measured', targetLine: 5, range: range(4) },
        { path: 'src/a.ts', ids: [], targetLine: 7, range: range(6) },
      ],
    },
  };

  function encoded(entry: CachedCodeFile): { stored: unknown; strings: string[] } {
    const strings: string[] = [];
    const stored = encodeCodeFile('src/a.ts', entry, (s) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1));
    return { stored: JSON.parse(JSON.stringify(stored)), strings };
  }

  it('decode to the entry they were encoded from', () => {
    const { stored, strings } = encoded(full);
    assert.deepEqual(decodeCodeFile('src/a.ts', stored, strings), full);
    assert.deepEqual(decodeCodeFile('src/a.ts', encoded({ ruleFindings: [], checked: false }).stored, []), { ruleFindings: [], checked: false });
    assert.equal(encoded({ ruleFindings: [], checked: true }).stored, 1);
  });

  // Well-formed JSON of the wrong shape: each must be a miss, never a crash or a served entry.
  const corruptions: [string, (t: unknown[]) => unknown][] = [
    ['a null finding', (t) => ((t[2] as unknown[])[0] = null)],
    ['a string index the table lacks', (t) => (((t[2] as unknown[][])[0][4] = 999))],
    ['a severity named by a property of arrays', (t) => (((t[2] as unknown[][])[0][1] = 'length'))],
    ['a negative line', (t) => (((t[2] as unknown[][])[0][5] = -1))],
    ['a fractional character', (t) => (((t[3] as unknown[][])[0][5] = 0.5))],
    ['finding data whose text is not a JSON object', (t) => (((t[2] as unknown[][])[0][9] = 0))],
    ['a reference of an unknown kind', (t) => (((t[3] as unknown[][])[0][2] = 7))],
    ['suppression ids that are not a list', (t) => (((t[4] as unknown[][])[0][1] = 3))],
    ['references without suppressions', (t) => (t[4] = 5)],
    ['a hash that is a number', (t) => (t[1] = 1)],
    ['a checked flag of 2', (t) => (t[0] = 2)],
    ['a missing field', (t) => t.pop()],
    ['requirements of the wrong shape', (t) => t.push({ items: 1 })],
  ];
  for (const [name, corrupt] of corruptions) {
    it(`read ${name} as a miss`, () => {
      const { stored, strings } = encoded(full);
      corrupt(stored as unknown[]);
      const loaded = new MemoryCheckCache({
        checkKey: 'key',
        documents: new Map(),
        files: new Map([['src/a.ts', { stamp: '1', stored }]]),
        decodeDocument: () => undefined,
        decodeCodeFile: (path, x) => decodeCodeFile(path, x, strings),
      });
      assert.equal(loaded.codeFile('src/a.ts', '1', 'key'), undefined);
    });
  }
});
