// Diagnostics reach VS Code's Problems for open files (document pull) and for files nobody
// opened (workspace pull): what `rationale check` reports in CI shows in the editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describe, rationaleDiagnostics, rationaleIndexed, sampleUri, setSetting, waitFor } from './sampleWorkspace';

suite('diagnostics', () => {
  suiteSetup(async () => {
    await rationaleIndexed();
  });

  test('a forbidden import in an open file is an error at the import', async () => {
    const uri = sampleUri('src/ui/dashboard.ts');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const importLine = document.lineAt(document.getText().split('\n').findIndex((line) => line.includes("from 'moment'")));
    const diagnostic = await waitFor(`forbid-import on dashboard.ts line ${importLine.lineNumber + 1}`, () =>
      rationaleDiagnostics(uri, 'forbid-import').find((d) => d.range.start.line === importLine.lineNumber),
    );
    assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Error);
    assert.match(diagnostic.message, /Import of `moment` is forbidden by ADR-0003/);
    // The range covers the module specifier, not the whole line.
    assert.equal(document.getText(diagnostic.range).replace(/['"]/g, ''), 'moment');
    // The other findings `rationale check sample` reports for this file are there too.
    const codes = new Set(rationaleDiagnostics(uri).map(codeOf));
    for (const code of ['forbid-layer', 'forbid-pattern', 'superseded-reference']) {
      assert.ok(codes.has(code), `${code} in ${describe(vscode.languages.getDiagnostics(uri))}`);
    }
  });

  test('files that were never opened get diagnostics too (workspace diagnostics)', async () => {
    const retry = sampleUri('app/payments/retry.py');
    const manifest = sampleUri('package.json');
    const opened = vscode.workspace.textDocuments.map((d) => d.uri.toString());
    assert.ok(!opened.includes(retry.toString()) && !opened.includes(manifest.toString()), `the files are not open: ${JSON.stringify(opened)}`);

    const requests = await waitFor('forbid-import of requests in app/payments/retry.py', () =>
      rationaleDiagnostics(retry, 'forbid-import').find((d) => /`requests`/.test(d.message)),
    );
    assert.equal(requests.range.start.line, 4, describe([requests]));
    assert.match(requests.message, /ADR-0007/);
    const moment = await waitFor('forbid-dependency of moment in package.json', () =>
      rationaleDiagnostics(manifest, 'forbid-dependency').find((d) => /`moment`/.test(d.message)),
    );
    assert.equal(moment.range.start.line, 5, describe([moment]));
    assert.match(moment.message, /ADR-0003/);
  });
});

// "Today" is injected: runIntegration.mjs starts code-server with RATIONALE_TODAY, which the
// extension host and the language server it forks inherit, so date findings do not depend on
// the real date. ADR-0007 says `review-by: 2026-10-01`.
suite('review dates follow RATIONALE_TODAY', () => {
  const adr7 = () => sampleUri('docs/adr/0007-use-httpx-for-http.md');
  const retry = () => sampleUri('app/payments/retry.py');
  const injected = process.env.RATIONALE_TODAY;

  /** Restarts the language server (it reads the environment when it starts). */
  async function restartServer(): Promise<void> {
    await setSetting('rationale.enable', false);
    await waitFor('the diagnostics to go with the server', () => rationaleDiagnostics(retry()).length === 0);
    await setSetting('rationale.enable', undefined);
    await rationaleIndexed();
    // The forbidden import in the unopened retry.py: the new server's workspace diagnostics arrived.
    await waitFor('workspace diagnostics from the restarted server', () => rationaleDiagnostics(retry(), 'forbid-import').length > 0);
  }

  suiteSetup(async () => {
    assert.match(injected ?? '', /^\d{4}-\d{2}-\d{2}$/, 'runIntegration.mjs sets RATIONALE_TODAY');
    await rationaleIndexed();
  });

  teardown(async () => {
    if (process.env.RATIONALE_TODAY !== injected) {
      process.env.RATIONALE_TODAY = injected;
      await restartServer();
    }
  });

  test(`as of ${injected}, ADR-0007 is overdue for review`, async () => {
    const overdue = await waitFor('review-overdue on ADR-0007', () => rationaleDiagnostics(adr7(), 'review-overdue')[0]);
    assert.match(overdue.message, /ADR-0007 was due for review on 2026-10-01/);
  });

  test('as of 2026-09-30, the day before review-by, it is not', async () => {
    process.env.RATIONALE_TODAY = '2026-09-30';
    await restartServer();
    assert.deepEqual(
      rationaleDiagnostics(adr7(), 'review-overdue').map((d) => d.message),
      [],
      'the language server must take "today" from RATIONALE_TODAY (server/src/lsp passes it to createCheckContext)',
    );
  });
});

