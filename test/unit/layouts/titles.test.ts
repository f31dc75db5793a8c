import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexLayout } from './layoutFixture.js';

describe('titles that repeat the kind', () => {
  it('drops the kind and number before the title, and keeps titles that only start with the word', () => {
    const index = indexLayout('titles');
    const titles = Object.fromEntries([...index.documents.values()].map((d) => [d.path, d.title]));
    assert.deepEqual(titles, {
      'docs/adr/0001-use-adrs.md': 'Use ADRs',
      'docs/adr/0002-deploy-on-fridays.md': 'Deploy on Fridays',
      'docs/adr/0003-adrs-are-reviewed-weekly.md': 'ADRs are reviewed weekly',
      'docs/adr/0007-use-postgres.md': 'Use Postgres',
      'docs/adr/0008-use-redis-for-sessions.md': 'Use Redis for sessions',
      'rfcs/0012-async-io.md': 'Async I/O everywhere',
      'rfcs/0013-rfc-process-for-releases.md': 'RFC process for releases',
    });
  });
});
