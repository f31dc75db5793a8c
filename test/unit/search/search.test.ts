import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { RationaleDocument } from '../../../server/src/core/documents/document.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import { DocumentSearch, editDistance, type SearchOptions } from '../../../server/src/core/features/search.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';

const corpus: Record<string, string> = {
  'docs/adr/0007-use-postgres.md': '---\nstatus: accepted\n---\n# Use PostgreSQL for persistence\n\n## Context and Problem Statement\n\nWe need a relational store with strong transactions.\n',
  'docs/adr/0008-cache-sessions.md': '---\nstatus: accepted\n---\n# Cache sessions in Redis\n\n## Context and Problem Statement\n\nSessions are read on every request; postgres is too slow for that.\n',
  'docs/adr/0009-use-date-fns.md': '---\nstatus: accepted\n---\n# Use date-fns instead of Moment.js\n\n## Context and Problem Statement\n\nMoment is mutable.\n',
  'docs/adr/0010-payments.md': '---\nstatus: proposed\n---\n# Retry payments with backoff\n\n## Context and Problem Statement\n\nPayment providers time out.\n',
  'docs/prd/0007-onboarding.md': '---\nstatus: active\n---\n# Self-serve onboarding\n\n## Problem\n\nSign-up needs sales today.\n',
  'docs/goals/growth.md': '---\nid: GOAL-growth\nstatus: active\n---\n# Double self-serve revenue\n\n## Why\n\nGrowth without sales.\n',
};

/** The one helper: indexes the fixture documents and returns the ids a query finds, best first. */
function search(query: string, options: SearchOptions = {}, files = corpus, textOf?: (d: RationaleDocument) => string): string[] {
  const index = buildIndex(new MemoryWorkspace(files));
  return new DocumentSearch(index.documents.values(), { textOf }).search(query, options).map((h) => h.document.id);
}

describe('search', () => {
  it('puts an exact id or alias first, however it is written', () => {
    for (const q of ['ADR-0007', 'adr-7', 'ADR 7', 'adr_0007', '0007-use-postgres', 'use-postgres']) {
      assert.equal(search(q)[0], 'ADR-0007', q);
    }
    // A bare number matches every numbered document, decisions first.
    assert.deepEqual(search('7').slice(0, 2), ['ADR-0007', 'PRD-0007']);
    assert.equal(search('GOAL-growth')[0], 'GOAL-growth');
    const hits = new DocumentSearch(buildIndex(new MemoryWorkspace(corpus)).documents.values()).search('adr 7');
    assert.deepEqual([hits[0].exact, hits[0].score], [true, 0]);
  });

  it('finds titles by words, word parts and typos', () => {
    assert.equal(search('postgresql')[0], 'ADR-0007');
    assert.equal(search('postgers')[0], 'ADR-0007', 'one transposition');
    assert.equal(search('redis sessions')[0], 'ADR-0008');
    assert.equal(search('onboard')[0], 'PRD-0007', 'a word part');
    assert.equal(search('datefns')[0], 'ADR-0009', 'words run together');
    assert.equal(search('momnet')[0], 'ADR-0009');
  });

  it('ranks title hits above text-only hits, and still finds text-only ones', () => {
    // "postgres" is in ADR-0007's title and only in ADR-0008's text.
    assert.deepEqual(search('postgres').slice(0, 2), ['ADR-0007', 'ADR-0008']);
    assert.deepEqual(search('mutable'), ['ADR-0009']);
  });

  it('searches the text it is given', () => {
    const body = (d: RationaleDocument) => (d.id === 'ADR-0010' ? 'Stripe webhooks arrive twice.' : d.summary);
    assert.deepEqual(search('webhooks', {}, corpus, body), ['ADR-0010']);
    assert.deepEqual(search('webhooks'), []);
  });

  it('does not match unrelated words that merely share letters', () => {
    assert.ok(!search('moment').includes('ADR-0010'), '"moment" is not "payment"');
    assert.deepEqual(search('kubernetes'), []);
  });

  it('filters by kind and honours the limit', () => {
    assert.deepEqual(search('self-serve', { kinds: ['goal'] }), ['GOAL-growth']);
    assert.deepEqual(search('7', { kinds: ['project'] }), ['PRD-0007']);
    assert.equal(search('use', { limit: 2 }).length, 2);
    assert.deepEqual(search('ADR-0007', { limit: 1 }), ['ADR-0007']);
  });

  it('returns nothing for an empty or punctuation-only query, and survives huge ones', () => {
    assert.deepEqual(search(''), []);
    assert.deepEqual(search('   '), []);
    assert.deepEqual(search('#!?'), []);
    assert.ok(Array.isArray(search('postgres '.repeat(10_000))));
  });

  it('measures edits with swaps of neighbours counted once, giving up past the bound', () => {
    assert.equal(editDistance('postgres', 'postgers', 2), 1);
    assert.equal(editDistance('moment', 'momnet', 1), 1);
    assert.equal(editDistance('moment', 'payment', 1), 2);
    assert.equal(editDistance('abc', 'abcdef', 1), 2);
  });

  // Speed is measured in `npm run bench` (fuzzy search p99 over 10,000 decisions), never asserted here.
  it('ranks 10,000 documents and fills the requested number of hits', () => {
    const words = 'use postgres database cache redis kafka queue event sourcing api gateway react typescript python service mesh kubernetes docker terraform logging metrics tracing auth oauth session storage graphql grpc payment billing invoice search index'.split(' ');
    let seed = 7;
    const pick = () => words[(seed = (seed * 1103515245 + 12345) % 2147483648) % words.length];
    const docs: RationaleDocument[] = [];
    for (let i = 0; i < 10_000; i++) {
      const title = Array.from({ length: 4 }, pick).join(' ');
      docs.push({ kind: 'decision', id: `ADR-${i}`, aliases: [], number: i, title, summary: Array.from({ length: 40 }, pick).join(' '), path: `d/${i}.md` } as unknown as RationaleDocument);
    }
    const s = new DocumentSearch(docs);
    const queries = ['postgres', 'kafka event sourcing', 'postgers cache', 'ADR-1234', 'grpc api', 'payment billing invoice'];
    for (const q of queries) assert.equal(s.search(q).length, 20, q);
    assert.equal(s.search('ADR-1234')[0].document.id, 'ADR-1234');
  });
});
