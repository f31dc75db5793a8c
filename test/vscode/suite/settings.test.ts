// Every setting of package.json `contributes.configuration`, changed the way the Settings editor
// changes it (workspace.getConfiguration().update, user settings) with its effect observed:
// diagnostics that go and come back, the Mental Model and status bar, the check cache on disk,
// the protocol trace in the Rationale log. Each suite names the setting it covers
// (contributions.test.ts checks every setting has one) and puts the default back.
import * as assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  deleteCreated,
  positionOf,
  rationaleDiagnostics,
  rationaleIndexed,
  sampleUri,
  setSetting,
  waitFor,
  writeSampleFile,
  type RationaleApi,
} from './sampleWorkspace';

const DASHBOARD = 'src/ui/dashboard.ts';
const RETRY = 'app/payments/retry.py';

/** The forbidden `moment` import in the (open) dashboard. */
const dashboardFinding = () => rationaleDiagnostics(sampleUri(DASHBOARD), 'forbid-import').length > 0;
/** The forbidden `requests` import in retry.py, which no test opens (workspace diagnostics). */
const retryFinding = () => rationaleDiagnostics(sampleUri(RETRY), 'forbid-import').length > 0;

suite('settings', () => {
  let api: RationaleApi;

  suiteSetup(async () => {
    api = await rationaleIndexed();
  });

  setup(async () => {
    await vscode.window.showTextDocument(sampleUri(DASHBOARD));
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === sampleUri(RETRY).toString()), `${RETRY} is not open`);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** Puts a setting back to its default and waits for the (restarted) server's index. */
  async function reset(key: string): Promise<void> {
    await setSetting(key, undefined);
    api = await rationaleIndexed();
  }

  suite('rationale.enable', () => {
    teardown(() => reset('rationale.enable'));

    test('off stops the server (no diagnostics, an empty Mental Model); on brings both back', async () => {
      await waitFor('the dashboard\'s forbid-import', dashboardFinding);
      await setSetting('rationale.enable', false);
      await waitFor('the diagnostics to go with the server', () => !dashboardFinding() && !retryFinding());
      assert.deepEqual(await api.mentalModelTopLevel(), []);

      await setSetting('rationale.enable', true);
      await waitFor('the diagnostics to come back', () => dashboardFinding() && retryFinding());
      await waitFor('the goals back in the Mental Model', async () => {
        const labels = await api.mentalModelTopLevel();
        assert.equal(labels.length, 3, JSON.stringify(labels));
        return true;
      });
    });
  });

  suite('rationale.workspaceDiagnostics', () => {
    teardown(() => reset('rationale.workspaceDiagnostics'));

    test('off: only open files are checked; on: files nobody opened are too', async () => {
      await waitFor('retry.py\'s forbid-import (workspace diagnostics)', retryFinding);
      await setSetting('rationale.workspaceDiagnostics', false);
      await rationaleIndexed();
      await waitFor('retry.py\'s diagnostic to go, the open dashboard\'s to stay', () => !retryFinding() && dashboardFinding());

      await setSetting('rationale.workspaceDiagnostics', true);
      await waitFor('retry.py\'s forbid-import to come back', retryFinding);
    });
  });

  suite('rationale.maxFileSizeBytes', () => {
    const created: vscode.Uri[] = [];
    const BIG = 'src/ui/generatedChart.ts';
    const bigFinding = () => rationaleDiagnostics(sampleUri(BIG), 'forbid-import').length > 0;

    teardown(async () => {
      await reset('rationale.maxFileSizeBytes');
      await deleteCreated(created.splice(0));
    });

    test('files larger than the limit are skipped; smaller ones are still checked', async () => {
      const padding = `// ${'generated '.repeat(400)}\n`;
      created.push(await writeSampleFile(BIG, `import moment from 'moment';\n${padding}export const chart = moment;\n`));
      await waitFor(`${BIG}'s forbid-import (about 4 KB, under the default 1 MiB)`, bigFinding);

      await setSetting('rationale.maxFileSizeBytes', 2048);
      await rationaleIndexed();
      await waitFor(`${BIG} skipped while retry.py (333 bytes) is still checked`, () => !bigFinding() && retryFinding());

      await setSetting('rationale.maxFileSizeBytes', undefined);
      await waitFor(`${BIG}'s forbid-import to come back`, bigFinding);
    });
  });

  suite('rationale.cache.enabled', () => {
    const cacheDir = () => {
      const dir = process.env.RATIONALE_CACHE_DIR;
      assert.ok(dir, 'RATIONALE_CACHE_DIR is set by test/vscode/runIntegration.mjs');
      return dir;
    };
    const cacheFiles = () => readdirSync(cacheDir()).filter((name) => /^check-.*\.jsonl$/.test(name));
    const emptyCache = () => {
      rmSync(cacheDir(), { recursive: true, force: true });
      mkdirSync(cacheDir(), { recursive: true });
    };

    teardown(() => reset('rationale.cache.enabled'));

    test('on (the default): a reindex keeps what it learned in the cache folder', async () => {
      emptyCache();
      await vscode.commands.executeCommand('rationale.reindex');
      // The server writes the cache in slices after the reindex, between requests.
      const files = await waitFor('the check cache to be written', () => cacheFiles().length === 1 && cacheFiles());
      assert.equal(files.length, 1, JSON.stringify(files));
      // JSON Lines: a header naming the folder, then one record per file.
      const [header, ...records] = readFileSync(join(cacheDir(), files[0]), 'utf8').split('\n').filter(Boolean);
      assert.equal((JSON.parse(header) as { root: string }).root, sampleUri('.').fsPath.replace(/\/$/, ''));
      assert.ok(records.length > 0, 'per-file results are cached');
    });

    test('off: a reindex writes no cache', async () => {
      await setSetting('rationale.cache.enabled', false);
      await rationaleIndexed();
      emptyCache();
      const result = await vscode.commands.executeCommand<{ counts: Record<string, number> } | undefined>('rationale.reindex');
      assert.ok(result && result.counts.decision > 0, 'the reindex ran');
      assert.deepEqual(cacheFiles(), []);
    });
  });

  suite('rationale.tree.showRetired', () => {
    const created: vscode.Uri[] = [];
    const rejected = '    ADR-0096: Store sessions in cookies';

    teardown(async () => {
      await reset('rationale.tree.showRetired');
      await deleteCreated(created.splice(0));
    });

    test('true lists retired decisions in the Mental Model; false hides them', async () => {
      created.push(await writeSampleFile('docs/adr/0096-store-sessions-in-cookies.md', '---\nstatus: rejected\nproject: PRD-0001\n---\n# Store sessions in cookies\n'));
      await setSetting('rationale.tree.showRetired', true);
      await waitFor('the rejected ADR-0096 in the Mental Model', async () => (await api.mentalModelLabels()).includes(rejected));
      await setSetting('rationale.tree.showRetired', false);
      await waitFor('ADR-0096 hidden again', async () => !(await api.mentalModelLabels()).includes(rejected));
    });
  });

  suite('rationale.statusBar.enabled', () => {
    teardown(() => reset('rationale.statusBar.enabled'));

    test('false hides the "$(law) N" item; true shows it again', async () => {
      const shown = await waitFor('the status bar item for the dashboard', () => api.statusBarText());
      assert.match(shown, /^\$\(law\) [1-9]\d*$/);
      await setSetting('rationale.statusBar.enabled', false);
      await waitFor('the item to hide', () => api.statusBarText() === undefined);
      await setSetting('rationale.statusBar.enabled', true);
      await waitFor('the item to show again', () => api.statusBarText() === shown);
    });
  });

  suite('rationale.exceptions.defaultDays', () => {
    teardown(() => reset('rationale.exceptions.defaultDays'));

    /** The title of the exception quick fix at the dashboard's forbidden `moment` import, which names the end date it writes. */
    async function exceptionFixTitle(): Promise<string> {
      return waitFor('the "Record an exception" quick fix at the dashboard\'s forbid-import', async () => {
        const [diagnostic] = rationaleDiagnostics(sampleUri(DASHBOARD), 'forbid-import');
        if (!diagnostic) return undefined;
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', sampleUri(DASHBOARD), diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        return actions.find((a) => a.title.startsWith('Record an exception'))?.title;
      });
    }

    /** `days` after the server's injected today (RATIONALE_TODAY, set by runIntegration.mjs). */
    const daysAhead = (days: number) => {
      const [y, m, d] = (process.env.RATIONALE_TODAY ?? '').split('-').map(Number);
      return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
    };

    test('the quick fix proposes an end 90 days ahead by default, the set number of days, or none for 0', async () => {
      assert.match(process.env.RATIONALE_TODAY ?? '', /^\d{4}-\d{2}-\d{2}$/, 'runIntegration.mjs sets RATIONALE_TODAY');
      assert.match(await exceptionFixTitle(), new RegExp(`^Record an exception to ADR-\\d+ for this line until ${daysAhead(90)} \\(reason required\\)$`));
      await setSetting('rationale.exceptions.defaultDays', 7);
      api = await rationaleIndexed();
      await waitFor(`an end date ${daysAhead(7)}`, async () => (await exceptionFixTitle()).includes(`until ${daysAhead(7)} (`));
      await setSetting('rationale.exceptions.defaultDays', 0);
      api = await rationaleIndexed();
      await waitFor('no end date', async () => !(await exceptionFixTitle()).includes(' until '));
    });
  });

  suite('rationale.trace.server', () => {
    const logFile = () => vscode.Uri.joinPath(api.logUri, 'Rationale.log');
    const logText = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(logFile()));

    teardown(async () => {
      await setSetting('rationale.trace.server', undefined);
      await setRationaleLogLevel('Info');
    });

    /** A hover request, which the trace logs. */
    async function hover(): Promise<void> {
      const document = await vscode.workspace.openTextDocument(sampleUri(DASHBOARD));
      await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOf(document, 'query(`select', 2));
    }

    /** The log lines written while a hover request is made, once they include its trace. */
    async function tracedHover(what: string): Promise<string> {
      return waitFor(what, async () => {
        const before = (await logText()).length;
        await hover();
        const added = (await logText()).slice(before);
        return /Sending request 'textDocument\/hover/.test(added) ? added : undefined;
      });
    }

    test('"verbose" logs each message to the server with its content; the default, without', async () => {
      await setRationaleLogLevel('Trace');
      const names = await tracedHover('a traced hover request (the channel at Trace level)');
      assert.doesNotMatch(names, /Params: \{/, 'by default only the names of messages');

      await setSetting('rationale.trace.server', 'verbose');
      await waitFor('a traced hover request with its parameters', async () => /Params: \{/.test(await tracedHover('a traced hover request')));
    });
  });
});

/**
 * Sets the log level of the Rationale output channel, as the Output panel's gear menu does for
 * the channel shown (the workbench's command ids end in the LogLevel number: 1 Trace, 3 Info).
 */
async function setRationaleLogLevel(level: 'Trace' | 'Info'): Promise<void> {
  await vscode.commands.executeCommand('rationale.showOutput');
  await vscode.commands.executeCommand(`workbench.action.output.activeOutputLogLevel.${level === 'Trace' ? 1 : 3}`);
}
