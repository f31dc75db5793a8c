import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import type { SetupReport } from '../../server/src/core/features/setupReport.js';
import { md } from '../helpers/markers.js';
import { corpusCopy, rationale, read, snapshot, workspace } from './cliHarness.js';

async function doctorJson(dir: string): Promise<SetupReport> {
  const r = await rationale(['doctor', '--json'], { dir });
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as SetupReport;
}

/** `folder format documents byStatus` per row, for one assertion over the whole table. */
function rows(report: SetupReport): string[] {
  return report.read.map((r) => `${r.folder} ${r.format} ${r.documents} ${JSON.stringify(r.byStatus)}`);
}

const nygardRecord = (title: string, status: string) => md`
  # ${title}

  Date: 2024-01-02

  ## Status

  ${status}

  ## Context

  Why.

  ## Decision

  What.
`;

describe('rationale doctor on the real collections', () => {
  it('adr-tools: doc/adr read as adr-tools sections, nine accepted', async () => {
    const report = await doctorJson(corpusCopy('npryce__adr-tools'));
    assert.deepEqual(rows(report), ['doc/adr status-section 9 {"accepted":9}']);
    assert.deepEqual(report.read[0].byKind, { goal: 0, project: 0, decision: 9 });
    assert.deepEqual(report.unrecognisedStatuses, []);
    assert.deepEqual(report.candidates, []);
    assert.equal(report.configuration.source, undefined);
  });

  it('MADR: docs/decisions read as front matter, one on hold and eighteen without a status', async () => {
    const report = await doctorJson(corpusCopy('adr__madr'));
    assert.deepEqual(rows(report), ['docs/decisions front-matter 19 {"(none)":18,"on-hold":1}']);
    assert.deepEqual(report.unrecognisedStatuses, []);
  });

  it('govuk-aws: the .adr-dir folder, and "Partly superseded" unrecognised with a guess', async () => {
    const dir = corpusCopy('alphagov__govuk-aws');
    const report = await doctorJson(dir);
    assert.deepEqual(rows(report), ['docs/architecture/decisions status-section 38 {"accepted":29,"proposed":7,"Partly superseded":1,"superseded":1}']);
    assert.deepEqual(report.configuration.declared.map((d) => `${d.folder} ${d.source}`), ['docs/architecture/decisions .adr-dir']);
    assert.deepEqual(report.unrecognisedStatuses, [{
      written: 'Partly superseded', kinds: ['decision'], documents: ['docs/architecture/decisions/0003-aws-networking-outline.md'],
      guess: 'superseded', configLine: '"statusMap": {"Partly superseded": "superseded"}',
    }]);
    const text = await rationale(['doctor'], { dir });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^Unrecognised statuses: 1$/m);
    assert.match(text.stdout, /^ {4}add to \.rationale\.json: "statusMap": \{"Partly superseded": "superseded"\}$/m);
    assert.match(text.stdout, /^ {2}declared decision folder +docs\/architecture\/decisions from \.adr-dir$/m);
  });

  it('log4brains: six folders of the monorepo, all read as log4brains', async () => {
    const report = await doctorJson(corpusCopy('thomvaill__log4brains'));
    assert.equal(report.documents, 37);
    assert.deepEqual(report.read.map((r) => `${r.folder} ${r.format} ${r.documents}`), [
      'docs/adr log4brains 9',
      'packages/core/docs/adr log4brains 3',
      'packages/core/integration-tests/ro-project/docs/adr log4brains 15',
      'packages/core/integration-tests/ro-project/packages/package1/adr log4brains 4',
      'packages/core/integration-tests/ro-project/packages/package2/adr log4brains 1',
      'packages/web/docs/adr log4brains 5',
    ]);
    assert.deepEqual(report.read[0].byStatus, { accepted: 8, superseded: 1 });
    assert.deepEqual(report.unrecognisedStatuses, []);
  });

  it('openfasttrace: no documents, and its specifications are not taken for decision records', async () => {
    const dir = corpusCopy('itsallcode__openfasttrace');
    const report = await doctorJson(dir);
    assert.equal(report.documents, 0);
    assert.deepEqual(report.read, []);
    assert.deepEqual(report.candidates, []);
    const text = await rationale(['doctor', dir], { dir: workspace() });
    assert.match(text.stdout, /^Read: 0 documents$/m);
    assert.match(text.stdout, /^Decision records not read: none$/m);
  });
});

describe('rationale doctor on set-ups it helps fix', () => {
  it('an unrecognised status gets the statusMap line, and adding it makes the status known', async () => {
    const dir = workspace({
      '.git/': '',
      'docs/adr/0001-use-postgres.md': nygardRecord('1. Use Postgres', 'Approved (CAB)'),
      'docs/adr/0002-use-redis.md': nygardRecord('2. Use Redis', 'Approved (CAB)'),
      'docs/adr/0003-use-kafka.md': nygardRecord('3. Use Kafka', 'Blue sky'),
      // A canonical word followed by "by …" is read already: nothing to map.
      'docs/adr/0004-use-nats.md': nygardRecord('4. Use NATS', 'Approved by CAB'),
    });
    const report = await doctorJson(dir);
    assert.deepEqual(report.unrecognisedStatuses.map((u) => [u.written, u.documents.length, u.guess, u.configLine]), [
      ['Approved (CAB)', 2, 'accepted', '"statusMap": {"Approved (CAB)": "accepted"}'],
      ['Blue sky', 1, undefined, '"statusMap": {"Blue sky": "<choose one of: proposed, accepted, rejected, deprecated, superseded, draft, on-hold>"}'],
    ]);
    fs.writeFileSync(nodePath.join(dir, '.rationale.json'), `{${report.unrecognisedStatuses[0].configLine}}\n`);
    const after = await doctorJson(dir);
    assert.equal(after.configuration.source, '.rationale.json');
    assert.deepEqual(after.configuration.config.statusMap, { 'Approved (CAB)': 'accepted' });
    assert.deepEqual(after.unrecognisedStatuses.map((u) => u.written), ['Blue sky']);
    // The next line keeps the entry already configured, so pasting it loses nothing.
    assert.equal(after.unrecognisedStatuses[0].configLine.startsWith('"statusMap": {"Approved (CAB)": "accepted", "Blue sky": '), true);
    assert.deepEqual(rows(after), ['docs/adr status-section 4 {"accepted":3,"Blue sky":1}']);
  });

  it('decision records in an unusual folder are found, and the suggested folders line makes list read them', async () => {
    const dir = workspace({
      '.git/': '',
      '.rationale.json': '{"folders": {"project": ["product/briefs"]}}\n',
      'product/briefs/checkout.md': '# Checkout\n\nStatus: none here.\n',
      'architecture/records/001-x.md': nygardRecord('1. Use X', 'Accepted'),
      'architecture/records/002-y.md': md`
        # Use Y

        ## STATUS

        Proposed

        ## Context

        ~~~
        ## Decision
        ~~~
      `,
      // Inside a code fence: a quoted template, not a record.
      'notes/howto.md': '# How to write one\n\n```\n## Status\n## Decision\n```\n',
      'notes/README.md': nygardRecord('Readme', 'Accepted'),
      'notes/plain.md': '# Status of things\n\n## Status\n\nFine.\n',
      'meeting.md': nygardRecord('Meeting', 'Accepted'),
    });
    const before = snapshot(dir);
    const report = await doctorJson(dir);
    assert.deepEqual(snapshot(dir), before, 'doctor writes nothing');
    assert.deepEqual(report.candidates, [{ folder: 'architecture/records', files: ['architecture/records/001-x.md', 'architecture/records/002-y.md'] }]);
    assert.deepEqual(report.rootCandidates, ['meeting.md']);
    assert.equal(report.candidatesConfigLine, '"folders": {"project": ["product/briefs"], "decision": ["architecture/records"]}');
    const text = await rationale(['doctor'], { dir });
    assert.match(text.stdout, /^Decision records not read: 3$/m);
    assert.match(text.stdout, /^ {2}architecture\/records\/ \(2 files\)$/m);

    // Apply the suggestion as a user would: the line inside the configuration's object.
    const config = { ...JSON.parse(read(dir, '.rationale.json')), ...JSON.parse(`{${report.candidatesConfigLine}}`) };
    fs.writeFileSync(nodePath.join(dir, '.rationale.json'), JSON.stringify(config));
    const list = await rationale(['list', '--json'], { dir });
    assert.equal(list.code, 0, list.stderr);
    const listed = (JSON.parse(list.stdout) as { id: string; kind: string; file: string; status: string | null }[]).map((d) => `${d.kind} ${d.id} ${d.status} ${d.file}`);
    assert.deepEqual(listed, [
      'project checkout null product/briefs/checkout.md',
      'decision ADR-0001 accepted architecture/records/001-x.md',
      'decision ADR-0002 proposed architecture/records/002-y.md',
    ]);
    const after = await doctorJson(dir);
    assert.deepEqual(after.candidates, []);
    assert.equal(after.candidatesConfigLine, undefined);
  });

  it('shows configuration errors and escapes repository text', async () => {
    const dir = workspace({
      '.git/': '',
      '.rationale.json': '{"folders": {"decision": ["/etc"]}, "statusMap": {"Bad": "nope"}}',
      'docs/adr/0001-a.md': nygardRecord('1. A', 'Held \u001b[2J up'),
    });
    const report = await doctorJson(dir);
    assert.equal(report.configuration.errors.length, 2);
    const text = await rationale(['doctor'], { dir });
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /^ {2}errors:$/m);
    assert.match(text.stdout, /folder "\/etc" is an absolute path/);
    assert.doesNotMatch(text.stdout, /\u001b/);
    assert.match(text.stdout, /"Held \\x1b\[2J up" in 1 document/);
  });

  it('usage errors exit 2', async () => {
    const unknown = await rationale(['doctor', '--bogus'], { dir: workspace() });
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown option --bogus for "doctor"/);
    const missing = await rationale(['doctor', 'no-such-folder'], { dir: workspace() });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no such folder: no-such-folder/);
    const help = await rationale(['doctor', '--help'], { dir: workspace() });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: rationale doctor \[dir\]/);
  });
});
