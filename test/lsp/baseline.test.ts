import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity, FileChangeType, type Diagnostic, type DocumentDiagnosticReport, type WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import { contentHash } from '../../server/src/core/base/contentHash.js';
import { baselineFileName } from '../../server/src/core/checks/baseline.js';
import { startFixture, type LspFixture } from './lspHarness.js';

const adr = '---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# No moment\n';
const importLine = "import m from 'moment';";
/**
 * A baseline, as `rationale baseline` writes it, accepting the forbidden import of src/a.ts, and one
 * of a file since fixed: a stale entry, which the check reports and the editor does not.
 */
const baseline = JSON.stringify({
  version: 1,
  entries: [
    { file: 'src/a.ts', code: 'forbid-import', decision: 'ADR-0001', lineHash: contentHash(importLine), count: 1 },
    { file: 'src/fixed.ts', code: 'forbid-import', decision: 'ADR-0001', lineHash: contentHash(importLine), count: 1 },
  ],
});

const fixtures: LspFixture[] = [];
after(() => fixtures.forEach((f) => f.dispose()));

const pullFile = async (fx: LspFixture, p: string): Promise<Diagnostic[]> => {
  const r = (await fx.client.sendRequest('textDocument/diagnostic', { textDocument: { uri: fx.uri(p) } })) as DocumentDiagnosticReport;
  assert.equal(r.kind, 'full');
  return r.kind === 'full' ? r.items : [];
};
const pullWorkspace = async (fx: LspFixture): Promise<Record<string, Diagnostic[]>> => {
  const r = (await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as WorkspaceDiagnosticReport;
  return Object.fromEntries(r.items.map((i) => [i.uri.slice(fx.uri('').length + 1), i.kind === 'full' ? i.items : []]));
};
/** The file on disk changed, and the client's watcher says so; resolves once the server announced the change. */
const writeOnDisk = async (fx: LspFixture, p: string, text: string) => {
  fs.writeFileSync(path.join(fx.root, p), text);
  const announced = fx.nextIndexed();
  await fx.client.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: fx.uri(p), type: FileChangeType.Changed }] });
  await announced;
};
const shape = (d: Diagnostic) => [d.code, d.severity, String(d.message).endsWith('(baselined)'), (d.data as { baselined?: boolean }).baselined === true];

describe('baselined findings in the editor', () => {
  it('are hints marked baselined, pointing at the baseline; editing the line makes the finding new again', async () => {
    const fx = await startFixture({ 'docs/adr/0001-no-moment.md': adr, 'src/a.ts': `${importLine}\n`, 'src/b.ts': `${importLine}\n`, [baselineFileName]: baseline });
    fixtures.push(fx);
    const [a] = await pullFile(fx, 'src/a.ts');
    assert.deepEqual(shape(a), ['forbid-import', DiagnosticSeverity.Hint, true, true]);
    assert.equal(a.relatedInformation?.[0].location.uri, fx.uri(baselineFileName));
    assert.match(a.relatedInformation?.[0].message ?? '', /accepted by \.rationale-baseline\.json/);
    // The baseline accepts one finding of src/a.ts only: the same import elsewhere is new.
    assert.deepEqual((await pullFile(fx, 'src/b.ts')).map(shape), [['forbid-import', DiagnosticSeverity.Warning, false, false]]);
    const everywhere = await pullWorkspace(fx);
    assert.deepEqual(everywhere['src/a.ts'].map(shape), [['forbid-import', DiagnosticSeverity.Hint, true, true]]);
    assert.equal(everywhere[baselineFileName], undefined, 'no stale-baseline finding in the editor');

    // Lines added above keep it baselined (keyed by the line's text); rewriting the line does not.
    await fx.open('src/a.ts');
    await fx.change('src/a.ts', `// moved down\n${importLine}\n`);
    assert.deepEqual((await pullFile(fx, 'src/a.ts')).map(shape), [['forbid-import', DiagnosticSeverity.Hint, true, true]]);
    await fx.change('src/a.ts', "import m from 'moment'; // still\n");
    assert.deepEqual((await pullFile(fx, 'src/a.ts')).map(shape), [['forbid-import', DiagnosticSeverity.Warning, false, false]]);
    assert.deepEqual((await pullWorkspace(fx))['src/a.ts'].map(shape), [['forbid-import', DiagnosticSeverity.Warning, false, false]]);
  });

  it('reads the baseline again when it changes; a malformed one is one error on it, and accepts nothing', async () => {
    const fx = await startFixture({ 'docs/adr/0001-no-moment.md': adr, 'src/a.ts': `${importLine}\n`, [baselineFileName]: baseline });
    fixtures.push(fx);
    assert.deepEqual((await pullWorkspace(fx))['src/a.ts'].map(shape), [['forbid-import', DiagnosticSeverity.Hint, true, true]]);

    await writeOnDisk(fx, baselineFileName, '{"version": 1, "entries": [');
    const broken = await pullWorkspace(fx);
    assert.deepEqual(broken['src/a.ts'].map(shape), [['forbid-import', DiagnosticSeverity.Warning, false, false]]);
    assert.equal(broken[baselineFileName].length, 1);
    assert.equal(broken[baselineFileName][0].code, 'invalid-config');
    assert.equal(broken[baselineFileName][0].severity, DiagnosticSeverity.Error);
    assert.match(String(broken[baselineFileName][0].message), /\.rationale-baseline\.json is not valid JSON .*rationale baseline/);
    assert.equal((await pullFile(fx, baselineFileName)).length, 1);

    await writeOnDisk(fx, baselineFileName, baseline);
    const fixed = await pullWorkspace(fx);
    assert.deepEqual(fixed['src/a.ts'].map(shape), [['forbid-import', DiagnosticSeverity.Hint, true, true]]);
    // Cleared explicitly, since the last pull reported the error.
    assert.deepEqual(fixed[baselineFileName], []);
  });
});
