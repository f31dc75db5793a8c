import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setupReportRequest } from '../../server/src/protocol.js';
import { startFixture, type LspFixture } from './lspHarness.js';

const record = (status: string) => `# Use X\n\n## Status\n\n${status}\n\n## Context\n\nWhy.\n`;

let fx: LspFixture;
before(async () => {
  fx = await startFixture({
    '.rationale.json': '{"statusMap": {"Ratified": "accepted"}}',
    'docs/adr/0001-use-x.md': record('Ratified'),
    'docs/adr/0002-use-y.md': record('Approved (CAB)'),
    'docs/adr/0003-use-z.md': '---\nstatus: proposed\n---\n# Use Z\n',
    'architecture/records/001-[x](command:evil).md': record('Accepted'),
  });
});
after(() => fx?.dispose());

describe('language server: rationale/setupReport', () => {
  it('answers the core report and its Markdown, with repository text escaped', async () => {
    const [folder, ...others] = await fx.client.sendRequest(setupReportRequest);
    assert.equal(others.length, 0);
    assert.equal(folder.uri, fx.uri('').replace(/\/$/, ''));
    assert.deepEqual(folder.report.read.map((r) => `${r.folder} ${r.format} ${r.documents} ${JSON.stringify(r.byStatus)}`), [
      'docs/adr front-matter 1 {"proposed":1}',
      'docs/adr status-section 2 {"Approved (CAB)":1,"accepted":1}',
    ]);
    assert.equal(folder.report.unrecognisedStatuses[0].configLine, '"statusMap": {"Ratified": "accepted", "Approved (CAB)": "accepted"}');
    assert.deepEqual(folder.report.candidates, [{ folder: 'architecture/records', files: ['architecture/records/001-[x](command:evil).md'] }]);
    assert.equal(folder.report.configuration.source, '.rationale.json');

    const md = folder.markdown;
    assert.match(md, /^# Rationale setup report: /);
    assert.match(md, /^\| docs\/adr \| adr-tools sections \| 2 \| 0 \| 0 \| 2 \| Approved \\\(CAB\\\) 1, accepted 1 \|$/m);
    assert.match(md, /^```json\n"statusMap": \{"Ratified": "accepted", "Approved \(CAB\)": "accepted"\}\n```$/m);
    assert.match(md, /^- architecture\/records\/ \(1 file\): architecture\/records\/001-\\\[x\\\]\\\(command:evil\\\)\.md$/m);
    assert.doesNotMatch(md, /\]\(command:/, 'a file name makes no link');
  });

  it('reports what the editor holds: an unsaved status edit counts', async () => {
    await fx.open('docs/adr/0002-use-y.md');
    const indexed = fx.nextIndexed();
    await fx.change('docs/adr/0002-use-y.md', record('Ratified'));
    await indexed;
    const [folder] = await fx.client.sendRequest(setupReportRequest);
    assert.deepEqual(folder.report.unrecognisedStatuses, []);
    assert.deepEqual(folder.report.read.find((r) => r.format === 'status-section')?.byStatus, { accepted: 2 });
  });
});
