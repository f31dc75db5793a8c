import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DocKind } from '../../../server/src/core/documents/document.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import {
  applyEdits, chooseFolder, detectNamingScheme, folderChoice, nextFileName, planNewDocument, relativePath, slugify, yamlScalar,
  type NewDocumentPlan,
} from '../../../server/src/core/features/newDocument.js';
import { supersessionGraph } from '../../../server/src/core/index/supersession.js';
import { basename, dirname } from '../../../server/src/core/workspace/workspace.js';
import { buildIndex, resolveId, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { md } from '../../helpers/markers.js';
import { createLanguageService } from '../../../server/src/core/features/languageService.js';

interface NewRequest {
  kind: DocKind;
  title: string;
  date?: string;
  supersedes?: string;
  /** A folder given by the user; else the workspace's own. */
  folder?: string;
}

/**
 * The one helper: plans a new document in a fixture workspace, then applies the plan (creates the
 * file, applies the supersede edits) and re-indexes, so tests can check both the plan and how the
 * result reads back.
 */
function newIn(files: Record<string, string>, req: NewRequest): { plan: NewDocumentPlan; before: WorkspaceIndex; after: WorkspaceIndex; ws: MemoryWorkspace } {
  const ws = new MemoryWorkspace(files);
  const before = buildIndex(ws);
  const folder = req.folder !== undefined ? folderChoice(req.kind, req.folder, before.declared) : chooseFolder(req.kind, before.declared, before.documents.values(), (p) => ws.exists(p));
  const fileNames = ws.listFiles().filter((p) => dirname(p) === folder.folder).map(basename);
  const sampleTexts = fileNames.map((n) => ws.readText(folder.folder ? `${folder.folder}/${n}` : n) ?? '');
  const old = req.supersedes !== undefined ? resolveId(before, req.supersedes, 'decision') : undefined;
  if (req.supersedes !== undefined) assert.ok(old, `fixture has no ${req.supersedes}`);
  const plan = planNewDocument({
    kind: req.kind, title: req.title, date: req.date ?? '2026-05-01', config: before.config, folder, fileNames, sampleTexts,
    supersedes: old && { document: old, text: ws.readText(old.path)! },
  });
  assert.equal(ws.exists(plan.path), undefined, `the plan must not reuse ${plan.path}`);
  ws.set(plan.path, plan.content);
  if (plan.supersedeEdits) ws.set(plan.supersedeEdits.path, plan.supersedeEdits.newText);
  return { plan, before, after: buildIndex(ws), ws };
}

const adrTools = (n: number, title: string, status = 'Accepted') =>
  `# ${n}. ${title}\n\nDate: 2016-02-12\n\n## Status\n\n${status}\n\n## Context\n\nSome context.\n`;

const madr = (title: string, status = 'accepted') => md`
  ---
  status: ${status}
  date: 2024-01-01
  ---
  # ${title}

  ## Context and Problem Statement

  Why.
`;

const log4brains = (title: string, status = 'accepted') => md`
  # ${title}

  - Status: ${status}
  - Date: 2020-10-16

  ## Context and Problem Statement

  Why.
`;

describe('new document: numbering', () => {
  it('continues adr-tools numbering with the folder width and the Nygard template', () => {
    const { plan, after } = newIn({
      'doc/adr/0001-record-architecture-decisions.md': adrTools(1, 'Record architecture decisions'),
      'doc/adr/0009-help-scripts.md': adrTools(9, 'Help scripts'),
    }, { kind: 'decision', title: 'Use Rust for the core!' });
    assert.equal(plan.path, 'doc/adr/0010-use-rust-for-the-core.md');
    assert.equal(plan.id, 'ADR-0010');
    assert.equal(plan.style, 'nygard');
    assert.match(plan.content, /^# 10\. Use Rust for the core!\n\nDate: 2026-05-01\n\n## Status\n\nProposed\n/);
    const doc = after.documents.get(plan.path)!;
    assert.equal(doc.id, 'ADR-0010');
    assert.equal(doc.title, 'Use Rust for the core!');
    assert.equal(doc.status, 'proposed');
  });

  it('continues MADR numbering from 0000 and uses the MADR template with front matter', () => {
    const { plan, after } = newIn({
      'docs/decisions/0000-use-markdown-architectural-decision-records.md': madr('Use MADR'),
      'docs/decisions/0001-use-cc0.md': madr('Use CC0'),
      'docs/decisions/adr-template.md': '# {title}\n',
      'docs/decisions/index.md': '# Decisions\n',
    }, { kind: 'decision', title: 'Use PostgreSQL' });
    assert.equal(plan.path, 'docs/decisions/0002-use-postgresql.md');
    assert.equal(plan.style, 'madr');
    assert.match(plan.content, /^---\nstatus: proposed\ndate: 2026-05-01\n/);
    const doc = after.documents.get(plan.path)!;
    assert.deepEqual([doc.id, doc.title, doc.status, doc.date], ['ADR-0002', 'Use PostgreSQL', 'proposed', '2026-05-01']);
    assert.deepEqual(doc.problems, []);
  });

  it('starts an empty workspace at docs/decisions/0000 (MADR) and at 0001 with the nygard template', () => {
    assert.equal(newIn({ 'README.md': '# x\n' }, { kind: 'decision', title: 'First' }).plan.path, 'docs/decisions/0000-first.md');
    const nygard = newIn({ '.rationale.json': '{"template": "nygard"}' }, { kind: 'decision', title: 'First' });
    assert.equal(nygard.plan.path, 'docs/decisions/0001-first.md');
    assert.equal(nygard.plan.style, 'nygard');
  });

  it('keeps a three-digit or unpadded scheme and an underscore separator', () => {
    assert.equal(nextFileName(detectNamingScheme(['001-a.md', '002-b.md'], 1), ['001-a.md', '002-b.md'], 'c', '2026-05-01').fileName, '003-c.md');
    assert.equal(nextFileName(detectNamingScheme(['1-a.md', '9-b.md'], 1), ['1-a.md', '9-b.md'], 'c', '2026-05-01').fileName, '10-c.md');
    const underscored = ['0001_use_x.md', '0002_use_y.md'];
    const scheme = detectNamingScheme(underscored, 1);
    assert.equal(nextFileName(scheme, underscored, slugify('Use Z', scheme.wordSeparator), '2026-05-01').fileName, '0003_use_z.md');
  });

  it('follows a folder of kind-prefixed names: prefix, case, separators and width as written', () => {
    const cases: [files: string[], title: string, expected: string, id: string][] = [
      [['adr-001-use-x.md', 'adr-002-use-y.md'], 'Use Z', 'adr-003-use-z.md', 'ADR-0003'],
      [['ADR-0007-Use-X.md', 'ADR-0012-use-y.md'], 'Use Z', 'ADR-0013-use-z.md', 'ADR-0013'],
      [['adr_01_use_x.md', 'adr_09_use_y.md'], 'Use Z', 'adr_10_use_z.md', 'ADR-0010'],
      [['ADR7-x.md', 'ADR8-y.md'], 'Use Z', 'ADR9-use-z.md', 'ADR-0009'],
    ];
    for (const [names, title, expected, id] of cases) {
      const files = Object.fromEntries(names.map((n, i) => [`architecture/${n}`, madr(`Decision ${i}`)]));
      const { plan, after } = newIn(files, { kind: 'decision', title });
      assert.equal(plan.path, `architecture/${expected}`, names.join(', '));
      assert.equal(plan.id, id);
      const doc = after.documents.get(plan.path);
      assert.deepEqual([doc?.kind, doc?.id], ['decision', id], 'the new file reads back as the decision the plan names');
    }
  });

  it('continues an rfc-NNN folder of projects with rfc- names and RFC ids', () => {
    const { plan, after } = newIn({
      'proposals/rfc-0001-streaming.md': '# Streaming\n',
      'proposals/rfc-0002-batching.md': '# Batching\n',
    }, { kind: 'project', title: 'Sharding' });
    assert.equal(plan.path, 'proposals/rfc-0003-sharding.md');
    assert.equal(plan.id, 'RFC-0003');
    assert.deepEqual([after.documents.get(plan.path)?.kind, after.documents.get(plan.path)?.id], ['project', 'RFC-0003']);
  });

  it('plans kind-prefixed names in the editor the same way (New Decision)', () => {
    const workspace = new MemoryWorkspace({ 'docs/adr/ADR-041-use-x.md': madr('Use X'), 'docs/adr/ADR-042-use-y.md': madr('Use Y') });
    const index = buildIndex(workspace);
    const ls = createLanguageService({ workspace, index: () => index, uriOf: (p) => p });
    assert.equal(ls.planNewDocument({ kind: 'decision', title: 'Use Z', date: '2026-01-02' }).path, 'docs/adr/ADR-043-use-z.md');
  });

  it('skips numbers and names that are taken, including by non-document files', () => {
    const scheme = detectNamingScheme(['0001-a.md'], 1);
    assert.equal(nextFileName(scheme, ['0001-a.md', '0002-b.md', 'README.md', '0002-diagram.png'], 'c', '2026-05-01').fileName, '0003-c.md');
    assert.equal(nextFileName(scheme, ['0001-a.md', '0002-c.md'], 'c', '2026-05-01').number, 3);
  });

  it('uses log4brains date slugs, with a suffix when the same slug was written that day', () => {
    const files = {
      '.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n',
      'docs/adr/20201016-use-the-adr-slug.md': log4brains('Use the ADR slug'),
      'docs/adr/20210113-distribute.md': log4brains('Distribute'),
      'docs/adr/template.md': '# [title]\n',
    };
    const { plan, after } = newIn(files, { kind: 'decision', title: 'Use Lunr for search', date: '2026-05-01' });
    assert.equal(plan.path, 'docs/adr/20260501-use-lunr-for-search.md');
    assert.equal(plan.id, '20260501-use-lunr-for-search');
    assert.equal(plan.style, 'madr2');
    const doc = after.documents.get(plan.path)!;
    assert.deepEqual([doc.id, doc.title, doc.status, doc.date], ['20260501-use-lunr-for-search', 'Use Lunr for search', 'proposed', '2026-05-01']);
    const again = newIn({ ...files, [plan.path]: plan.content }, { kind: 'decision', title: 'Use Lunr for search', date: '2026-05-01' });
    assert.equal(again.plan.path, 'docs/adr/20260501-use-lunr-for-search-2.md');
  });

  it('namespaces ids in a log4brains package folder', () => {
    const { plan, after } = newIn({
      '.log4brains.yml': 'project:\n  adrFolder: ./docs/adr\n  packages:\n    - name: core\n      path: ./packages/core\n      adrFolder: ./packages/core/docs/adr\n',
      'packages/core/docs/adr/20201002-use-ddd.md': log4brains('Use DDD'),
    }, { kind: 'decision', title: 'Parse in the domain', date: '2026-05-01', folder: 'packages/core/docs/adr' });
    assert.equal(plan.id, 'core/20260501-parse-in-the-domain');
    assert.equal(after.documents.get(plan.path)!.id, 'core/20260501-parse-in-the-domain');
  });

  it('slugs titles: lower case, any script, punctuation collapsed, bounded length', () => {
    assert.equal(slugify('Use PostgreSQL 16 (not MySQL)!'), 'use-postgresql-16-not-mysql');
    assert.equal(slugify('Café über naïve'), 'cafe-uber-naive');
    assert.equal(slugify('日本語 タイトル'), '日本語-タイトル');
    assert.equal(slugify('!!!'), 'untitled');
    assert.equal(slugify('../../etc/passwd'), 'etc-passwd');
    assert.ok(slugify('word '.repeat(100)).length <= 80);
  });
});

describe('new document: folder choice', () => {
  it('prefers the folder .adr-dir names, and uses the Nygard template there even when empty', () => {
    const { plan } = newIn({ '.adr-dir': 'architecture/records\n', 'architecture/records/.keep': '' }, { kind: 'decision', title: 'X' });
    assert.equal(plan.path, 'architecture/records/0001-x.md');
    assert.equal(plan.style, 'nygard');
  });

  it('uses the conventional folder that holds decisions, not merely one that exists', () => {
    const { plan } = newIn({ 'docs/adr/.keep': '', 'docs/architecture/decisions/0003-a.md': madr('A') }, { kind: 'decision', title: 'B' });
    assert.equal(plan.path, 'docs/architecture/decisions/0004-b.md');
  });

  it('puts projects in docs/prd and goals in docs/goals by default, with front matter', () => {
    const prd = newIn({ 'docs/goals/growth.md': '---\nid: GOAL-growth\nstatus: active\n---\n# Growth\n' }, { kind: 'project', title: 'Self-serve onboarding' });
    assert.equal(prd.plan.path, 'docs/prd/0001-self-serve-onboarding.md');
    const p = prd.after.documents.get(prd.plan.path)!;
    assert.deepEqual([p.kind, p.id, p.status, p.title], ['project', 'PRD-0001', 'proposed', 'Self-serve onboarding']);
    assert.deepEqual(p.problems, []);
    const goal = newIn({}, { kind: 'goal', title: 'Grow revenue' });
    assert.equal(goal.plan.path, 'docs/goals/0001-grow-revenue.md');
    const g = goal.after.documents.get(goal.plan.path)!;
    assert.deepEqual([g.kind, g.id, g.status], ['goal', 'GOAL-0001', 'active']);
    assert.deepEqual(g.problems, []);
  });

  it('declares kind: in front matter when the chosen folder would not be discovered as that kind', () => {
    const { plan, after } = newIn({}, { kind: 'decision', title: 'Odd place', folder: 'notes' });
    assert.equal(plan.path, 'notes/0000-odd-place.md');
    assert.match(plan.content, /^---\nkind: decision\n/);
    assert.equal(after.documents.get(plan.path)?.kind, 'decision');
  });
});

describe('new document: --supersedes', () => {
  it('rewrites a front matter status and links the new decision in its front matter', () => {
    const { plan, after } = newIn({
      'docs/decisions/0001-use-moment.md': madr('Use Moment', '"accepted"'),
    }, { kind: 'decision', title: 'Use date-fns', supersedes: 'ADR-1' });
    assert.match(plan.supersedeEdits!.newText, /^---\nstatus: superseded by ADR-0002\ndate: 2024-01-01\n---\n# Use Moment\n/);
    assert.match(plan.content, /\nsupersedes: ADR-0001\n/);
    assertSupersedes(after, 'ADR-0002', 'ADR-0001');
  });

  it('rewrites a MADR 2 / log4brains bullet with a link to the new file', () => {
    const { plan, after } = newIn({
      'docs/adr/20200926-use-the-adr-number.md': log4brains('Use the ADR number'),
    }, { kind: 'decision', title: 'Use the ADR slug', date: '2020-10-16', supersedes: '20200926-use-the-adr-number' });
    assert.match(plan.supersedeEdits!.newText, /\n- Status: superseded by \[20201016-use-the-adr-slug\]\(20201016-use-the-adr-slug\.md\)\n- Date: 2020-10-16\n/);
    assert.match(plan.content, /- Supersedes \[20200926-use-the-adr-number\]\(20200926-use-the-adr-number\.md\)/);
    assertSupersedes(after, '20201016-use-the-adr-slug', '20200926-use-the-adr-number');
  });

  it('rewrites the adr-tools Status section line into a "Superseded by" link line', () => {
    const { plan, after } = newIn({
      'doc/adr/0001-record.md': adrTools(1, 'Record'),
      'doc/adr/0002-use-bash.md': adrTools(2, 'Use bash', 'Accepted\n\nAmends [1. Record](0001-record.md)'),
    }, { kind: 'decision', title: 'Use Go', supersedes: 'ADR-2' });
    const old = plan.supersedeEdits!.newText;
    assert.match(old, /## Status\n\nSuperseded by \[3\. Use Go\]\(0003-use-go\.md\)\n\nAmends \[1\. Record\]\(0001-record\.md\)\n/);
    assert.match(plan.content, /## Status\n\nProposed\n\nSupersedes \[2\. Use bash\]\(0002-use-bash\.md\)\n/);
    assertSupersedes(after, 'ADR-0003', 'ADR-0002');
    // The amends link of the older decision survives the edit.
    assert.ok(after.documents.get('doc/adr/0002-use-bash.md')!.links.some((l) => l.type === 'amends' && l.target === 'doc/adr/0001-record.md'));
  });

  it('adds a status where the older decision had none, in its own form', () => {
    const fm = newIn({ 'docs/decisions/0001-a.md': '---\ndate: 2024-01-01\n---\n# A\n' }, { kind: 'decision', title: 'B', supersedes: 'ADR-1' });
    assert.equal(fm.plan.supersedeEdits!.newText, '---\ndate: 2024-01-01\nstatus: superseded by ADR-0002\n---\n# A\n');
    assertSupersedes(fm.after, 'ADR-0002', 'ADR-0001');
    const bullets = newIn({ 'docs/adr/20200101-a.md': '# A\n\n- Date: 2020-01-01\n\n## Context\n\nx\n' }, { kind: 'decision', title: 'B', date: '2020-02-02', supersedes: '20200101-a' });
    assert.equal(bullets.plan.supersedeEdits!.newText, '# A\n\n- Status: superseded by [20200202-b](20200202-b.md)\n- Date: 2020-01-01\n\n## Context\n\nx\n');
    assertSupersedes(bullets.after, '20200202-b', '20200101-a');
    const section = newIn({ 'doc/adr/0001-a.md': '# 1. A\n\n## Status\n\n## Context\n\nx\n' }, { kind: 'decision', title: 'B', supersedes: 'ADR-1' });
    assert.equal(section.plan.supersedeEdits!.newText, '# 1. A\n\n## Status\n\nSuperseded by [2. B](0002-b.md)\n\n## Context\n\nx\n');
    assertSupersedes(section.after, 'ADR-0002', 'ADR-0001');
    const bare = newIn({ 'doc/adr/0001-a.md': '# 1. A\n\nJust prose.\n', 'doc/adr/0002-c.md': adrTools(2, 'C') }, { kind: 'decision', title: 'B', supersedes: 'ADR-1' });
    assert.equal(bare.plan.supersedeEdits!.newText, '---\nstatus: superseded by ADR-0003\n---\n# 1. A\n\nJust prose.\n');
    assertSupersedes(bare.after, 'ADR-0003', 'ADR-0001');
  });

  it('keeps CRLF line endings and touches nothing but the status', () => {
    const crlf = '---\r\nstatus: accepted\r\ndate: 2024-01-01\r\n---\r\n# A\r\n\r\nBody.\r\n';
    const { plan } = newIn({ 'docs/decisions/0001-a.md': crlf }, { kind: 'decision', title: 'B', supersedes: 'ADR-0001' });
    assert.equal(plan.supersedeEdits!.newText, crlf.replace('status: accepted', 'status: superseded by ADR-0002'));
  });

  it('links across folders with a relative path', () => {
    assert.equal(relativePath('docs/adr', 'docs/adr/0002-b.md'), '0002-b.md');
    assert.equal(relativePath('packages/core/docs/adr', 'docs/adr/x y.md'), '../../../../docs/adr/x%20y.md');
    assert.equal(relativePath('', 'a/(b).md'), 'a/%28b%29.md');
  });
});

describe('new document: helpers', () => {
  it('writes YAML scalars that read back as the same string', () => {
    assert.equal(yamlScalar('ADR-0007'), 'ADR-0007');
    assert.equal(yamlScalar('superseded by ADR-0012'), 'superseded by ADR-0012');
    assert.equal(yamlScalar('core/20201002-x'), 'core/20201002-x');
    assert.equal(yamlScalar('a: b'), '"a: b"');
    assert.equal(yamlScalar('yes'), '"yes"');
    assert.equal(yamlScalar('123'), '"123"');
    assert.equal(yamlScalar('#x'), '"#x"');
  });

  it('applies edits from the end so earlier offsets stay valid', () => {
    const at = (line: number, character: number) => ({ line, character });
    assert.equal(applyEdits('ab\ncd\n', [{ range: { start: at(0, 0), end: at(0, 1) }, newText: 'X' }, { range: { start: at(1, 1), end: at(1, 2) }, newText: 'YY' }]), 'Xb\ncYY\n');
  });
});

function assertSupersedes(index: WorkspaceIndex, successorId: string, predecessorId: string): void {
  const successor = resolveId(index, successorId, 'decision');
  const predecessor = resolveId(index, predecessorId, 'decision');
  assert.ok(successor && predecessor, `${successorId} and ${predecessorId} must both resolve`);
  assert.equal(predecessor.status, 'superseded', `${predecessorId} status`);
  assert.deepEqual(supersessionGraph(index).supersededBy.get(predecessor.path), [successor.path]);
}
