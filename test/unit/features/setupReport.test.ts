import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { guessStatus, looksLikeDecisionRecord, setupReport } from '../../../server/src/core/features/setupReport.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

function report(files: Record<string, string>) {
  const workspace = new MemoryWorkspace(files);
  return setupReport(buildIndex(workspace), workspace);
}

describe('setupReport', () => {
  it('tells the formats apart: front matter, MADR bullets, adr-tools sections, log4brains, none', () => {
    const r = report({
      'docs/adr/0001-a.md': '---\nstatus: accepted\n---\n# A\n',
      'docs/adr/0002-b.md': '# B\n\n* Status: proposed\n\n## Context\n',
      'docs/adr/0003-c.md': '# 3. C\n\n## Status\n\nAccepted\n',
      'docs/adr/0004-d.md': '# D\n\nNo status at all.\n',
      'docs/adr/0005-e.md': '---\ntitle: E\n---\n# E\n',
      'l4b/.log4brains.yml': 'project:\n  adrFolder: ./adr\n',
      'l4b/adr/20200101-f.md': '# F\n\n- Status: accepted\n',
      'docs/goals/growth.md': '---\nstatus: active\n---\n# Growth\n',
    });
    assert.deepEqual(r.read.map((x) => `${x.folder} ${x.format} ${x.documents} ${JSON.stringify(x.byKind)} ${JSON.stringify(x.byStatus)}`), [
      'docs/adr front-matter 2 {"goal":0,"project":0,"decision":2} {"(none)":1,"accepted":1}',
      'docs/adr header-bullets 1 {"goal":0,"project":0,"decision":1} {"proposed":1}',
      'docs/adr plain 1 {"goal":0,"project":0,"decision":1} {"(none)":1}',
      'docs/adr status-section 1 {"goal":0,"project":0,"decision":1} {"accepted":1}',
      'docs/goals front-matter 1 {"goal":1,"project":0,"decision":0} {"active":1}',
      'l4b/adr log4brains 1 {"goal":0,"project":0,"decision":1} {"accepted":1}',
    ]);
    assert.equal(r.documents, 7);
  });

  it('guesses canonical statuses by a known word inside, or by a near spelling, and not through a negation', () => {
    assert.equal(guessStatus('Approved (CAB)', 'decision'), 'accepted');
    assert.equal(guessStatus('Acepted', 'decision'), 'accepted');
    assert.equal(guessStatus('Superseeded', 'decision'), 'superseded');
    assert.equal(guessStatus('Partly on hold', 'decision'), 'on-hold');
    assert.equal(guessStatus('Shipped to prod', 'project'), 'shipped');
    assert.equal(guessStatus('Not yet approved', 'decision'), undefined);
    assert.equal(guessStatus('Blue sky', 'decision'), undefined);
  });

  it('finds decision-like headings in any case, outside code fences only', () => {
    assert.equal(looksLikeDecisionRecord('# X\n\n## Status\n\nok\n\n## Decision\n'), true);
    assert.equal(looksLikeDecisionRecord('# X\n\n## **status**\n\n## CONTEXT ##\n'), true);
    assert.equal(looksLikeDecisionRecord('# X\n\n## Status\n\n```md\n## Context\n```\n'), false);
    assert.equal(looksLikeDecisionRecord('# X\n\n### Status\n\n## Context\n'), false);
    assert.equal(looksLikeDecisionRecord('# X\n\n## Decision\n'), false);
  });

  it('lists candidates per folder, keeps the configured folders in the line, and skips READMEs', () => {
    const record = '# R\n\n## Status\n\nAccepted\n\n## Context\n';
    const r = report({
      '.rationale.json': '{"folders": {"decision": ["records"]}}',
      'records/1-a.md': record,
      'arch/rec/1-b.md': record,
      'arch/rec/README.md': record,
      'arch/rec/2-c.markdown': record,
      'top.md': record,
    });
    assert.deepEqual(r.candidates, [{ folder: 'arch/rec', files: ['arch/rec/1-b.md'] }]);
    assert.equal(r.candidatesConfigLine, '"folders": {"decision": ["records", "arch/rec"]}');
    assert.deepEqual(r.rootCandidates, ['top.md']);
    assert.equal(r.configuration.source, '.rationale.json');
  });

  it('skips files larger than the size limit', () => {
    const big = `# R\n\n## Status\n\nAccepted\n\n## Context\n${'x'.repeat(2048)}\n`;
    const r = report({ '.rationale.json': '{"maxFileSizeBytes": 1024}', 'arch/1-a.md': big });
    assert.deepEqual(r.candidates, []);
  });
});
