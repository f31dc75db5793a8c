import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, isCalendarDate } from '../../../server/src/core/base/calendarDate.js';
import { decodeCodeFile, encodeCodeFile } from '../../../server/src/core/checks/compactCodeFile.js';
import { MemoryCheckCache } from '../../../server/src/core/checks/checkCache.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { exceptionEnd } from '../../../server/src/core/checks/exceptionExpiry.js';
import { quickFixes } from '../../../server/src/core/features/quickFixes.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { scanAnnotations } from '../../../server/src/core/source/scanAnnotations.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { throughCacheFile } from '../../helpers/cacheFileRoundTrip.js';

const adr = '---\nstatus: accepted\nrules:\n  - forbid-pattern: "eval\\\\("\n---\n# No eval\n';
const code = '// rationale-disable-next-line ADR-0001 until 2026-12-31 -- measured\neval(1);\n';

describe('calendar dates', () => {
  it('accept real days only', () => {
    assert.deepEqual(['2027-03-01', '2028-02-29', '2027-02-29', '2027-13-01', '2027-3-1', '2027-03-00', 'soon', ''].map(isCalendarDate), [true, true, false, false, false, false, false, false]);
  });

  it('add days across months, years and leap days', () => {
    assert.equal(addDays('2026-11-26', 90), '2027-02-24');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  });
});

describe('an exception\'s end date', () => {
  it('is read from the directive, leaving the ids alone', () => {
    const [s] = scanAnnotations('src/a.ts', code).suppressions;
    assert.deepEqual([s.ids, s.until, s.reason], [['ADR-0001'], '2026-12-31', 'measured']);
    const [open] = scanAnnotations('src/a.ts', '// rationale-disable-next-line ADR-0001, forbid-pattern -- measured\nx\n').suppressions;
    assert.deepEqual([open.ids, 'until' in open], [['ADR-0001', 'forbid-pattern'], false]);
  });

  it('holds through its last day and expires the day after', () => {
    const [s] = scanAnnotations('src/a.ts', code).suppressions;
    assert.deepEqual(['2026-12-30', '2026-12-31', '2027-01-01'].map((t) => exceptionEnd(s, t)), ['holds', 'holds', 'expired']);
  });

  it('survives the check cache, so a warm run expires it like a cold one', async () => {
    const ws = new MemoryWorkspace({ 'docs/adr/0001-no-eval.md': adr, 'src/a.ts': code });
    const cache = new MemoryCheckCache();
    await indexAndCheck(ws, { today: '2026-12-01', cache });
    const entry = [...cache.codeFileEntries()].find((e) => e.path === 'src/a.ts')!;
    const strings: string[] = [];
    const intern = (s: string) => strings.push(s) - 1;
    assert.equal(decodeCodeFile('src/a.ts', encodeCodeFile('src/a.ts', entry.value, intern), strings)?.annotations?.suppressions[0].until, '2026-12-31');
    const warm = await indexAndCheck(ws, { today: '2027-01-01', cache: throughCacheFile(cache) });
    assert.deepEqual(warm.result.findings.filter((f) => f.path === 'src/a.ts').map((f) => f.code), ['expired-exception', 'forbid-pattern']);
  });
});

describe('the quick fix that records an exception', () => {
  const ws = new MemoryWorkspace({ 'docs/adr/0001-no-eval.md': adr, 'src/a.ts': 'eval(1);\n' });
  const index = buildIndex(ws);
  const finding = { code: 'forbid-pattern', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } }, decision: 'ADR-0001' };
  const fix = (options: { today?: string; days?: number }) => quickFixes(index, 'src/a.ts', 'eval(1);\n', finding, options).find((f) => f.title.startsWith('Record an exception'));

  it('proposes an end date 90 days from today by default', () => {
    const f = fix({ today: '2026-11-26' });
    assert.equal(f?.title, 'Record an exception to ADR-0001 for this line until 2027-02-24 (reason required)');
    assert.equal(f?.edits?.[0].newText, '// rationale-disable-next-line ADR-0001 until 2027-02-24 -- <reason>\n');
  });

  it('takes the number of days from the setting, and proposes no end for 0', () => {
    assert.equal(fix({ today: '2026-11-26', days: 10 })?.edits?.[0].newText, '// rationale-disable-next-line ADR-0001 until 2026-12-06 -- <reason>\n');
    assert.equal(fix({ today: '2026-11-26', days: 0 })?.edits?.[0].newText, '// rationale-disable-next-line ADR-0001 -- <reason>\n');
  });
});
