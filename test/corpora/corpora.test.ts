import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { checkWorkspace } from '../../server/src/core/checks/checkWorkspace.js';
import type { RationaleDocument } from '../../server/src/core/documents/document.js';
import { supersessionGraph } from '../../server/src/core/index/supersession.js';
import { buildIndex, documentsOfKind, resolveId, type WorkspaceIndex } from '../../server/src/core/index/workspaceIndex.js';
import { NodeWorkspace } from '../../server/src/node/nodeWorkspace.js';

const corporaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../test/fixtures/corpora');
let tmp: string;

before(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-corpora-'));
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

interface CorpusExpectation {
  decisions: number;
  titles: Record<string, string>;
  statuses: Record<string, string | undefined>;
  /** [predecessor, successor] pairs that must resolve both ways. */
  supersedes?: [string, string][];
  amends?: [string, string][];
}

/** Copies a corpus to a temp dir (never touching test/fixtures), indexes it with zero configuration and checks it. */
function check(corpus: string, expected: CorpusExpectation): { index: WorkspaceIndex; decisions: RationaleDocument[] } {
  const dir = path.join(tmp, corpus);
  fs.cpSync(path.join(corporaDir, corpus), dir, { recursive: true });
  const ws = new NodeWorkspace(dir);
  const index = buildIndex(ws);
  const decisions = documentsOfKind(index, 'decision');
  assert.equal(decisions.length, expected.decisions, `decisions found: ${decisions.map((d) => d.path).join(', ')}`);
  for (const d of decisions) {
    assert.doesNotMatch(path.basename(d.path), /^(readme|index)\.md$|template/i, `${d.path} is not a decision`);
  }
  for (const [id, title] of Object.entries(expected.titles)) assert.equal(resolveId(index, id)?.title, title, `title of ${id}`);
  for (const [id, status] of Object.entries(expected.statuses)) assert.equal(resolveId(index, id)?.status, status, `status of ${id}`);
  const graph = supersessionGraph(index);
  for (const [type, pairs] of [['supersede', expected.supersedes ?? []], ['amend', expected.amends ?? []]] as const) {
    for (const [oldId, newId] of pairs) {
      const oldDoc = resolveId(index, oldId);
      const newDoc = resolveId(index, newId);
      assert.ok(oldDoc && newDoc, `${oldId} and ${newId} resolve`);
      if (type === 'supersede') {
        assert.deepEqual(graph.supersededBy.get(oldDoc.path), [newDoc.path], `${oldId} superseded by ${newId}`);
        assert.ok(graph.supersedes.get(newDoc.path)?.includes(oldDoc.path), `${newId} supersedes ${oldId}`);
      } else {
        const linked = (a: RationaleDocument, b: RationaleDocument, t: string) => a.links.some((l) => l.type === t && l.target === b.path);
        assert.ok(linked(newDoc, oldDoc, 'amends') || linked(oldDoc, newDoc, 'amended-by'), `${newId} amends ${oldId}`);
      }
    }
  }
  // The whole check runs without throwing on the real thing, images and all.
  const result = checkWorkspace(index, ws, { today: '2026-11-23' });
  assert.ok(Array.isArray(result.findings));
  return { index, decisions };
}

describe('real ADR collections, zero configuration', () => {
  it('reads adr-tools (Nygard) with its misspelled link labels', () => {
    check('npryce__adr-tools', {
      decisions: 9,
      titles: { 'ADR-1': 'Record architecture decisions', 'ADR-0008': 'Use ISO 8601 Format for Dates', 'adr 5': 'Help comments' },
      statuses: { 'ADR-0001': 'accepted', 'ADR-0009': 'accepted' },
      amends: [['ADR-0005', 'ADR-0009']],
    });
  });

  it('reads MADR front matter and skips the template and index', () => {
    const { index } = check('adr__madr', {
      decisions: 19,
      titles: { 'ADR-0000': 'Use Markdown Architectural Decision Records', 'ADR-0001': 'Dual License the Work', 'ADR-13': 'Use YAML front matter for metadata' },
      statuses: { 'ADR-0003': 'on-hold', 'ADR-0001': undefined },
    });
    assert.equal(resolveId(index, 'use-dashes-in-filenames')?.id, 'ADR-0005', 'file slug resolves');
  });

  it('reads an .adr-dir layout with images beside the documents', () => {
    const { index } = check('alphagov__govuk-aws', {
      decisions: 38,
      titles: { 'ADR-0004': 'DNS definitions for hosts and services', 'ADR-0015': 'DNS infrastructure' },
      statuses: { 'ADR-0004': 'superseded', 'ADR-0033': 'proposed', 'ADR-0031': 'proposed', 'ADR-0002': 'accepted', 'ADR-0003': 'Partly superseded' },
      supersedes: [['ADR-0004', 'ADR-0015']],
      amends: [['ADR-0010', 'ADR-0017']],
    });
    assert.equal(resolveId(index, 'ADR-0003')?.statusKnown, false, 'unknown status is kept and flagged');
    assert.equal(resolveId(index, 'ADR-0034'), undefined);
  });

  it('reads log4brains with date slugs and per-package decisions kept distinct', () => {
    const { index } = check('thomvaill__log4brains', {
      decisions: 37,
      titles: { '20201016-use-the-adr-slug-as-its-unique-id': 'Use the ADR slug as its unique ID', 'core/20201003-markdown-parsing-is-part-of-the-domain': 'Markdown parsing is part of the domain' },
      statuses: { '20200926-use-the-adr-number-as-its-unique-id': 'superseded', '20201030-draft-adr': 'draft', '20201029-rejected-adr': 'rejected', '20200102-adr-without-status': undefined },
      supersedes: [
        ['20200926-use-the-adr-number-as-its-unique-id', '20201016-use-the-adr-slug-as-its-unique-id'],
        ['20201028-superseded-adr', '20201029-superseder'],
      ],
    });
    const root = resolveId(index, '20200101-first-adr');
    const pkg = resolveId(index, 'package1/20200101-first-adr');
    assert.ok(root && pkg && root !== pkg, 'same slug in two packages is two decisions');
    assert.equal(pkg.title, 'First ADR (in package 1)');
    assert.equal(pkg.package, 'package1');
    assert.equal(resolveId(index, 'web/20200927-use-react-hooks')?.title, 'Use React hooks');
  });

  it('reports the broken link in the log4brains fixture and nothing for the working ones', () => {
    const dir = path.join(tmp, 'log4brains-links');
    fs.cpSync(path.join(corporaDir, 'thomvaill__log4brains'), dir, { recursive: true });
    const ws = new NodeWorkspace(dir);
    const result = checkWorkspace(buildIndex(ws), ws, { today: '2026-11-23' });
    const broken = result.findings.filter((f) => f.code === 'broken-link' && f.path.endsWith('20201028-links.md'));
    assert.equal(broken.length, 1);
    assert.match(broken[0].message, /20200101-first-adr-BROKEN\.md/);
    assert.equal(broken[0].range.start.line, 10);
  });
});
