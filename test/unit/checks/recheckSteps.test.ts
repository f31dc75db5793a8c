import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/base/finding.js';
import { checkWithContext, createCheckContext } from '../../../server/src/core/checks/checkWorkspace.js';
import { recheckSteps, type RecheckResult } from '../../../server/src/core/checks/recheckSteps.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

/** A workspace that counts reads, so a test can tell whether a recheck read code files. */
class CountingWorkspace extends MemoryWorkspace {
  readonly reads: string[] = [];
  override readText(path: string): string | undefined {
    this.reads.push(path);
    return super.readText(path);
  }
}

const adr = (title: string, extra = '') => `---\nstatus: accepted\n${extra}---\n# ${title}\n\n## Context\n\nWhy.\n`;

/** Rules, citations, an exception, an unknown id, a severity override and a requirement: every kind of finding a recheck must reproduce. */
const files = {
  '.rationale.json': JSON.stringify({ severity: { 'unknown-id': 'warning' } }),
  'docs/adr/0001-no-moment.md': adr('Use date-fns', 'rules:\n  - forbid-import: [moment]\n    files: ["src/**"]\n'),
  'docs/adr/0002-no-eval.md': adr('No eval', "rules:\n  - forbid-pattern: 'eval\\('\n"),
  'docs/adr/0003-old.md': '---\nstatus: superseded\nsuperseded-by: ADR-0001\n---\n# Old dates\n',
  'docs/prd/0001-pay.md': '---\nstatus: active\n---\n# Pay\n\n### Retry\n`req~retry~1`\n\nNeeds: impl\n',
  'src/a.ts': "import moment from 'moment';\n// @decision ADR-0001\nexport const a = 1;\n",
  'src/b.ts': "// rationale-disable-next-line ADR-0002 -- the parser needs it until Q3\nexport const b = eval('1');\nexport const c = eval('2');\n",
  'src/c.ts': '// @decision ADR-0003\n// @decision ADR-0099\nexport const c = 3;\n',
  'src/d.ts': 'export const d = 4;\n',
};

function drain(steps: Generator<void, RecheckResult>): RecheckResult {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

function byPath(findings: readonly Finding[]): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const f of findings) (out[f.path] ??= []).push(f);
  return out;
}

describe('a recheck in steps', () => {
  it('finds exactly what a whole check finds', () => {
    const ws = new MemoryWorkspace(files);
    const ctx = createCheckContext(buildIndex(ws), ws, { today: '2026-11-23' });
    const whole = byPath(checkWithContext(ctx, ws).findings);
    assert.ok(Object.keys(whole).length >= 4, JSON.stringify(Object.keys(whole)));
    assert.deepEqual(Object.fromEntries(drain(recheckSteps(ctx, ws)).findingsByPath), whole);
  });

  it('under the same rules, reuses their findings without reading any code file, and still finds the same', () => {
    const ws = new CountingWorkspace(files);
    const ctx = createCheckContext(buildIndex(ws), ws, { today: '2026-11-23' });
    const first = drain(recheckSteps(ctx, ws));
    // A document edit that leaves the rules as they were: ADR-0099 now exists.
    const edited = new CountingWorkspace({ ...files, 'docs/adr/0099-new.md': adr('New') });
    const ctx2 = createCheckContext(buildIndex(edited), edited, { today: '2026-11-23' });
    assert.equal(ctx2.rules.key, ctx.rules.key);
    edited.reads.length = 0;
    const reused = drain(recheckSteps(ctx2, edited, first.ruleFindingsByPath));
    assert.deepEqual(edited.reads.filter((p) => p.startsWith('src/')), []);
    assert.deepEqual(Object.fromEntries(reused.findingsByPath), byPath(checkWithContext(ctx2, edited).findings));
    assert.ok(!JSON.stringify([...reused.findingsByPath]).includes('ADR-0099 is not'), 'the citation of the new decision resolves');
  });

  it('yields once per file, so a host can stop between any two', () => {
    const ws = new MemoryWorkspace(files);
    const ctx = createCheckContext(buildIndex(ws), ws, { today: '2026-11-23' });
    const steps = recheckSteps(ctx, ws);
    let yields = 0;
    while (!steps.next().done) yields++;
    assert.equal(yields, ctx.index.files.length);
  });
});
