import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkWorkspace } from '../../../server/src/core/checks/checkWorkspace.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { fixtureFiles } from '../../helpers/markers.js';

const decisions = {
  'docs/adr/0001-old.md': '---\nstatus: superseded\nsuperseded-by: ADR-0002\n---\n# Old\n',
  'docs/adr/0002-new.md': '---\nstatus: accepted\nrules:\n  - forbid-pattern: "\\\\bTODO\\\\b"\n    severity: error\n---\n# New\n',
  'docs/adr/0003-gone.md': '---\nstatus: deprecated\n---\n# Gone\n',
  'docs/adr/0004-no.md': '---\nstatus: rejected\n---\n# No\n',
};

/**
 * Checks code files against the decisions above. `⟦…⟧` marks where each expected finding is, in
 * order; `suppressed` lists the codes that exceptions silenced.
 */
function check(code: Record<string, string>, expected: [path: string, code: string, message?: RegExp][], suppressed: string[] = []): void {
  const { texts, ranges } = fixtureFiles({ ...decisions, ...code });
  const ws = new MemoryWorkspace(texts);
  const result = checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' });
  const actual = result.findings.filter((f) => !f.path.startsWith('docs/'));
  const used: Record<string, number> = {};
  assert.deepEqual(
    actual.map((f) => ({ path: f.path, code: f.code, range: f.range })),
    expected.map(([path, c]) => ({ path, code: c, range: ranges[path][(used[path] = (used[path] ?? -1) + 1)] })),
    JSON.stringify(actual.map((f) => f.message)),
  );
  expected.forEach(([, , m], i) => m && assert.match(actual[i].message, m));
  assert.deepEqual(result.suppressed.map((f) => f.code), suppressed);
}

describe('references from code', () => {
  it('reports unknown ids in annotations but not in bare mentions', () => {
    check({ 'src/a.ts': '// @decision ⟦ADR-0099⟧\n// see ADR-0098 for background\n' }, [['src/a.ts', 'unknown-id', /ADR-0099/]]);
  });

  it('warns on citations of superseded, deprecated and rejected decisions, naming the successor', () => {
    check({ 'src/a.py': '# @adr ⟦1⟧\n# @adr ⟦ADR-3⟧, ⟦ADR-0004⟧\n' }, [
      ['src/a.py', 'superseded-reference', /superseded by ADR-0002/],
      ['src/a.py', 'deprecated-reference'],
      ['src/a.py', 'rejected-reference'],
    ]);
  });
});

describe('exceptions (rationale-disable-next-line)', () => {
  it('silences one finding of the named decision on the next line, and records it', () => {
    check({ 'src/a.ts': '// rationale-disable-next-line ADR-0002 -- tracked in PRD-4\nconst a = 1; // TODO\nconst b = 2; // ⟦TODO⟧\n' }, [['src/a.ts', 'forbid-pattern']], ['forbid-pattern']);
  });

  it('matches ids in any spelling and finding codes', () => {
    check({ 'src/a.ts': '// rationale-disable-next-line adr 2 -- ok\nx // TODO\n// rationale-disable-next-line forbid-pattern -- ok\ny // TODO\n' }, [], ['forbid-pattern', 'forbid-pattern']);
  });

  // An exception that names nothing excuses its line from every decision (Suppression.ids: "empty
  // means any finding"), still only with a reason, and still only the next line.
  it('without ids, silences every finding on the next line and nothing else', () => {
    check(
      { 'src/a.ts': '// rationale-disable-next-line -- generated code\nx // TODO @decision ADR-0099\ny // ⟦TODO⟧\n' },
      [['src/a.ts', 'forbid-pattern']],
      ['forbid-pattern', 'unknown-id'],
    );
    check({ 'src/b.ts': '// ⟦rationale-disable-next-line⟧\nx // ⟦TODO⟧\n' }, [['src/b.ts', 'suppression-without-reason'], ['src/b.ts', 'forbid-pattern']]);
  });

  it('does not silence another decision', () => {
    check({ 'src/a.ts': '// rationale-disable-next-line ADR-0003 -- wrong one\nx // ⟦TODO⟧\n' }, [['src/a.ts', 'forbid-pattern']]);
  });

  it('requires a reason: without one (or with the quick fix placeholder) nothing is silenced and that is a finding', () => {
    check({ 'src/a.ts': '// ⟦rationale-disable-next-line ADR-0002⟧\nx // ⟦TODO⟧\n' }, [['src/a.ts', 'suppression-without-reason'], ['src/a.ts', 'forbid-pattern']]);
    check({ 'src/b.ts': '// ⟦rationale-disable-next-line ADR-0002 -- <reason>⟧\nx // ⟦TODO⟧\n' }, [['src/b.ts', 'suppression-without-reason'], ['src/b.ts', 'forbid-pattern']]);
  });
});

// `check` runs on 2026-11-23: an exception holds through its `until` day, and from the next day excuses nothing.
describe('exceptions that expire (until DATE)', () => {
  it('holds through its end date, in each form of the directive', () => {
    check(
      {
        'src/a.ts': [
          '// rationale-disable-next-line ADR-0002 until 2026-11-23 -- migrating in Q4',
          'x // TODO',
          '// rationale-disable-next-line forbid-pattern until 2027-03-01 \u2014 generated',
          'y // TODO',
          '// rationale-disable-next-line until 2026-12-01 -- vendored',
          'z // TODO',
          '',
        ].join('\n'),
      },
      [],
      ['forbid-pattern', 'forbid-pattern', 'forbid-pattern'],
    );
  });

  it('after its end date excuses nothing, and says so on its line naming the date and the decision', () => {
    check({ 'src/a.ts': '// ⟦rationale-disable-next-line ADR-0002 until 2026-11-22 -- migrating in Q4⟧\nx // ⟦TODO⟧\n' }, [
      ['src/a.ts', 'expired-exception', /ADR-0002 \(New\).*2026-11-22/],
      ['src/a.ts', 'forbid-pattern'],
    ]);
    check({ 'src/b.ts': '// ⟦rationale-disable-next-line forbid-pattern until 2025-01-01 -- old⟧\ny // ⟦TODO⟧\n' }, [
      ['src/b.ts', 'expired-exception', /forbid-pattern.*2025-01-01/],
      ['src/b.ts', 'forbid-pattern'],
    ]);
  });

  it('an unreadable end date is a malformed-exception finding and excuses nothing', () => {
    check({ 'src/a.ts': '// ⟦rationale-disable-next-line ADR-0002 until 2026-02-30 -- typo⟧\nx // ⟦TODO⟧\n' }, [
      ['src/a.ts', 'malformed-exception', /"2026-02-30"/],
      ['src/a.ts', 'forbid-pattern'],
    ]);
    check({ 'src/b.ts': '// ⟦rationale-disable-next-line ADR-0002 until -- forgot the date⟧\nx // ⟦TODO⟧\n' }, [
      ['src/b.ts', 'malformed-exception'],
      ['src/b.ts', 'forbid-pattern'],
    ]);
    check({ 'src/c.ts': '// ⟦rationale-disable-next-line ADR-0002 until soon -- later⟧\nx // ⟦TODO⟧\n' }, [
      ['src/c.ts', 'malformed-exception', /"soon"/],
      ['src/c.ts', 'forbid-pattern'],
    ]);
  });

  it('another exception cannot silence an expired one', () => {
    check(
      { 'src/a.ts': '// rationale-disable-next-line -- everything below\n// ⟦rationale-disable-next-line ADR-0002 until 2026-01-01 -- old⟧\nx // ⟦TODO⟧\n' },
      [['src/a.ts', 'expired-exception'], ['src/a.ts', 'forbid-pattern']],
    );
  });
});
