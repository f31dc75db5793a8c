import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/base/finding.js';
import { createBaseline, matchBaseline, pruneBaseline, readBaseline, staleBaselineFindings } from '../../../server/src/core/checks/baseline.js';

const texts: Record<string, string> = {
  'src/a.ts': "import moment from 'moment';\nconst x = 1;\n  import moment from 'moment';  \n",
  'src/b.ts': "// moved down\nimport moment from 'moment';\n",
};

function finding(path: string, line: number, code: Finding['code'] = 'forbid-import', decision: string | null = 'ADR-0001'): Finding {
  return { path, range: { start: { line, character: 0 }, end: { line, character: 6 } }, severity: 'error', code, decision, message: 'no' };
}

const lineTextOf = (f: Finding) => texts[f.path]?.split('\n')[f.range.start.line];

describe('the baseline', () => {
  it('keys findings by line text: alike lines share one entry with a count, and line numbers do not matter', () => {
    const b = createBaseline([finding('src/a.ts', 0), finding('src/a.ts', 2)], lineTextOf);
    assert.deepEqual(b.entries.map((e) => [e.file, e.count]), [['src/a.ts', 2]]);
    const moved = matchBaseline(b, [finding('src/a.ts', 2), finding('src/a.ts', 0)], lineTextOf);
    assert.deepEqual([moved.fresh.length, moved.baselined.length, moved.stale.length], [0, 2, 0]);
  });

  it('accepts no more than it counted, and never in another file, code or decision', () => {
    const b = createBaseline([finding('src/a.ts', 0)], lineTextOf);
    const m = matchBaseline(b, [finding('src/a.ts', 0), finding('src/a.ts', 2), finding('src/b.ts', 1), finding('src/a.ts', 0, 'forbid-pattern'), finding('src/a.ts', 0, 'forbid-import', 'ADR-0002')], lineTextOf);
    assert.equal(m.baselined.length, 1);
    assert.equal(m.fresh.length, 4);
  });

  it('never accepts an internal error', () => {
    const b = createBaseline([finding('src/a.ts', 0, 'internal-error', null)], lineTextOf);
    assert.deepEqual(b.entries, []);
  });

  it('reports what no longer occurs as stale, and prunes exactly that', () => {
    const b = createBaseline([finding('src/a.ts', 0), finding('src/a.ts', 2), finding('src/b.ts', 1)], lineTextOf);
    const m = matchBaseline(b, [finding('src/a.ts', 0)], lineTextOf);
    assert.deepEqual(m.stale.map((e) => [e.file, e.count]), [['src/a.ts', 1], ['src/b.ts', 1]]);
    const stale = staleBaselineFindings(m.stale);
    assert.deepEqual(stale.map((f) => [f.path, f.code, f.severity]), [['.rationale-baseline.json', 'stale-baseline', 'info'], ['.rationale-baseline.json', 'stale-baseline', 'info']]);
    assert.match(stale[1].message, /forbid-import finding \(ADR-0001\) in src\/b\.ts .*--prune/);
    assert.deepEqual(pruneBaseline(b, m.stale).entries.map((e) => [e.file, e.count]), [['src/a.ts', 1]]);
  });

  it('reads its own output back, and says what is wrong with anything else', () => {
    const b = createBaseline([finding('src/a.ts', 0)], lineTextOf);
    assert.deepEqual(readBaseline(JSON.parse(JSON.stringify(b))), b);
    assert.match(String(readBaseline([])), /not a JSON object/);
    assert.match(String(readBaseline({ version: 2, entries: [] })), /unknown version 2/);
    assert.match(String(readBaseline({ version: 1, entries: [{ ...b.entries[0], count: 0 }] })), /entry 1 is not/);
  });
});
