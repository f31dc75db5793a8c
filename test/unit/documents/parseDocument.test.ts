import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import type { DocKind, RationaleDocument } from '../../../server/src/core/documents/document.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { extractMarkers, md } from '../../helpers/markers.js';

/**
 * Parses one document from marked fixture text and compares selected fields. `⟦…⟧` in the text
 * marks, in order, the ranges listed in `ranges` (e.g. the status and a link).
 */
function check(
  path: string,
  marked: string,
  expected: Partial<Pick<RationaleDocument, 'id' | 'title' | 'status' | 'rawStatus' | 'statusKnown' | 'date' | 'aliases' | 'kind' | 'summary' | 'appliesTo' | 'reviewBy' | 'package' | 'number'>> & {
    links?: { type: string; target: string }[];
    problems?: string[];
    ranges?: ('status' | 'title' | `link${number}` | `problem${number}`)[];
  },
  opts: { kind?: DocKind; package?: string; statusMap?: Record<string, string> } = {},
): RationaleDocument {
  const { text, ranges } = extractMarkers(marked);
  const doc = parseDocument(path, text, { kind: opts.kind ?? 'decision', package: opts.package, idPrefixes: defaultIdPrefixes, statusMap: opts.statusMap ?? {} });
  const { links, problems, ranges: rangeNames, ...fields } = expected;
  for (const [k, v] of Object.entries(fields)) assert.deepEqual(doc[k as keyof RationaleDocument], v, `field ${k}`);
  if (links) assert.deepEqual(doc.links.map((l) => ({ type: l.type, target: l.target })), links);
  if (problems) assert.deepEqual(doc.problems.map((p) => p.code), problems);
  (rangeNames ?? []).forEach((name, i) => {
    const actual = name === 'status' ? doc.statusRange : name === 'title' ? doc.titleRange
      : name.startsWith('link') ? doc.links[Number(name.slice(4))]?.range : doc.problems[Number(name.slice(7))]?.range;
    assert.deepEqual(actual, ranges[i], `range of ${name}`);
  });
  return doc;
}

describe('ids and titles', () => {
  it('derives ADR-NNNN from a numbered file and strips adr-tools numbering from the title', () => {
    check('doc/adr/0007-use-postgres.md', '⟦# 7. Use Postgres⟧\n\nDate: 2020-01-02\n', {
      id: 'ADR-0007', title: 'Use Postgres', number: 7, aliases: ['0007-use-postgres', 'use-postgres'], date: '2020-01-02', ranges: ['title'],
    });
  });
  it('lets front matter id and title win, keeping the file id as an alias', () => {
    check('docs/decisions/0003-x.md', md`
      ---
      id: DEC-42
      title: ⟦Front matter title⟧
      ---
      # Heading title
    `, { id: 'DEC-42', title: 'Front matter title', aliases: ['ADR-0003', '0003-x', 'x'], ranges: ['title'] });
  });
  it('uses the slug for log4brains date files and namespaces package decisions', () => {
    check('docs/adr/20201016-use-slugs.md', '# Use slugs\n', { id: '20201016-use-slugs', aliases: [], number: undefined });
    check('packages/core/adr/20201016-use-slugs.md', '# Use slugs\n', { id: 'core/20201016-use-slugs', package: 'core' }, { package: 'core' });
  });
  it('uses the kind prefix for numbered projects and goals', () => {
    check('docs/prd/0003-onboarding.md', '# Onboarding\n', { id: 'PRD-0003', kind: 'project' }, { kind: 'project' });
    check('goals/0001-growth.md', '# Growth\n', { id: 'GOAL-0001', kind: 'goal' }, { kind: 'goal' });
  });
  it('takes the kind from front matter over the folder', () => {
    check('docs/adr/growth.md', '---\nkind: goal\n---\n# Growth\n', { kind: 'goal', id: 'growth' });
  });
  it('falls back to a humanised file name when there is no title', () => {
    check('docs/adr/20200102-adr-without-title.md', '- Status: accepted\n', { title: 'Adr without title', status: 'accepted' });
  });
});

describe('status forms', () => {
  it('reads front matter status', () => {
    check('d/adr/0001-a.md', '---\nstatus: ⟦Approved⟧\n---\n# A\n', { status: 'accepted', rawStatus: 'Approved', ranges: ['status'] });
  });
  it('reads MADR 2 / log4brains bullets before the first ##', () => {
    check('d/adr/0001-a.md', '# A\n\n* Status: ⟦accepted⟧\n* Date: 2020-09-25\n\n## Context\n', { status: 'accepted', date: '2020-09-25', ranges: ['status'] });
    check('d/adr/0001-a.md', '# A\n\n- **Status:** ⟦Pending⟧\n\n## Context\n', { status: 'proposed', ranges: ['status'] });
    check('d/adr/0001-a.md', '# A\n\n- Status: draft <!-- optional -->\n', { status: 'draft' });
  });
  it('reads the first non-blank line of an adr-tools Status section', () => {
    check('doc/adr/0002-b.md', '# 2. B\n\nDate: 2016-02-12\n\n## Status\n \n⟦Accepted⟧\n\n## Context\n', { status: 'accepted', date: '2016-02-12', ranges: ['status'] });
  });
  it('normalises drifting vocabularies', () => {
    const cases: [string, string][] = [
      ['✅ Accepted', 'accepted'], ['In Review', 'proposed'], ['on hold', 'on-hold'], ['Deprecated', 'deprecated'],
      ['Rejected', 'rejected'], ['draft', 'draft'], ['Accepted on 2020-01-01', 'accepted'], ['**Proposed**', 'proposed'],
    ];
    for (const [raw, status] of cases) check('d/adr/0001-a.md', `---\nstatus: "${raw}"\n---\n# A\n`, { status, statusKnown: true });
  });
  it('keeps an unknown status verbatim and reports it on its range', () => {
    const doc = check('d/adr/0003-c.md', '# 3. C\n\n## Status\n\n⟦Partly superseded⟧\n', {
      status: 'Partly superseded', statusKnown: false, problems: ['unknown-status'], ranges: ['status'],
    });
    assert.deepEqual(doc.problems[0].range, doc.statusRange);
  });
  it('lets configuration extend the map', () => {
    check('d/adr/0001-a.md', '---\nstatus: Approved by CAB\n---\n# A\n', { status: 'accepted', problems: [] }, { statusMap: { 'Approved by CAB': 'accepted' } });
  });
  it('reads goal and project vocabularies', () => {
    check('goals/g.md', '---\nstatus: on track\n---\n# G\n', { status: 'active' }, { kind: 'goal' });
    check('docs/prd/p.md', '---\nstatus: done\n---\n# P\n', { status: 'shipped' }, { kind: 'project' });
  });
});

describe('link forms', () => {
  it('reads front matter links as ids, in lists or alone', () => {
    check('docs/decisions/0005-e.md', md`
      ---
      status: accepted
      supersedes: [⟦ADR-0001⟧, ADR-2]
      amends: ADR-0003
      project: PRD-1
      goals:
        - GOAL-growth
      ---
      # E
    `, {
      links: [
        { type: 'supersedes', target: 'ADR-0001' }, { type: 'supersedes', target: 'ADR-2' }, { type: 'amends', target: 'ADR-0003' },
        { type: 'project', target: 'PRD-1' }, { type: 'goal', target: 'GOAL-growth' },
      ],
      ranges: ['link0'],
    });
  });
  it('reads MADR 3 "superseded by ADR-NNNN" statuses as a link', () => {
    check('docs/decisions/0001-a.md', '---\nstatus: "superseded by ADR-0123"\n---\n# A\n', { status: 'superseded', links: [{ type: 'superseded-by', target: 'ADR-0123' }] });
  });
  it('reads adr-tools link lines, including the historic misspelling', () => {
    check('doc/adr/0003-c.md', md`
      # 3. C

      ## Status

      Accepted

      Supercedes [1. A](⟦0001-a.md⟧)

      Amended by [9. Help](0009-help.md)
    `, {
      status: 'accepted',
      links: [{ type: 'supersedes', target: 'doc/adr/0001-a.md' }, { type: 'amended-by', target: 'doc/adr/0009-help.md' }],
      ranges: ['link0'],
    });
    check('doc/adr/0001-a.md', '# 1. A\n\n## Status\n\nSuperceded by [3. C](0003-c.md)\n', { status: 'superseded', links: [{ type: 'superseded-by', target: 'doc/adr/0003-c.md' }] });
  });
  it('reads a log4brains "superseded by [slug](file)" bullet', () => {
    check('docs/adr/20200926-a.md', '# A\n\n- Status: superseded by [20201016-b](20201016-b.md)\n', { status: 'superseded', links: [{ type: 'superseded-by', target: 'docs/adr/20201016-b.md' }] });
  });
  it('keeps plain relative Markdown links and drops URLs and anchors', () => {
    check('docs/adr/0001-a.md', '# A\n\nSee [b](../other/b.md#x), [web](https://x.y), [top](#a) and [ref].\n\n[ref]: ./c.md\n', {
      links: [{ type: 'markdown', target: 'docs/other/b.md' }, { type: 'markdown', target: 'docs/adr/c.md' }],
    });
  });
});

describe('front matter problems', () => {
  it('reports malformed YAML on its range and still parses the body', () => {
    const doc = check('docs/adr/0001-a.md', '---\nstatus: [unclosed\n---\n# Title survives\n', { title: 'Title survives', problems: ['malformed-front-matter'] });
    assert.equal(doc.problems[0].range.start.line, 1);
  });
  it('reports schema violations on the exact key', () => {
    check('docs/adr/0001-a.md', '---\nstatus: accepted\nreview-by: ⟦next year⟧\n---\n# A\n', { problems: ['schema-violation'], ranges: ['problem0'] });
  });
  it('reads applies-to and review-by', () => {
    check('docs/adr/0001-a.md', '---\napplies-to: [src/**, lib/*.ts]\nreview-by: 2020-01-01\n---\n# A\n', { appliesTo: ['src/**', 'lib/*.ts'], reviewBy: '2020-01-01' });
  });
  it('summarises the context section', () => {
    check('docs/adr/0001-a.md', '# A\n\n## Context and Problem Statement\n\nWe need **dates** that work.\n\n## Decision\n\nUse date-fns.\n', { summary: 'We need dates that work.' });
  });
});
