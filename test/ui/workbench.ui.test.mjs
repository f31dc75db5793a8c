// Proves the UI harness against a real workbench: the packaged extension installs, the
// folder opens, and each helper reads what a person would see. The editor checks use VS
// Code's built-in CSS support, so they hold whatever the extension under test does.
//
//   RATIONALE_VSIX=dist/rationale.vsix node --test test/ui/workbench.ui.test.mjs
//
// RATIONALE_UI_WORKSPACE picks the folder to open (default: sample/); a copy is opened.
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot } from '../vscode/codeServerHost.mjs';
import { copyWorkspace, startUiSession } from './uiTest.mjs';

const EXTENSION_ID = 'rationale.rationale';
// Hidden by VS Code's default files.exclude, so never shown in the Explorer.
const EXCLUDED_BY_DEFAULT = new Set(['.git', '.svn', '.hg', '.DS_Store', 'Thumbs.db', 'CVS']);
const PROBE_FILE = 'ui-probe.css';
const PROBE_CSS = 'a {\n  color: ;\n}\nb { margin: 0; }\n';

const vsix = process.env.RATIONALE_VSIX;
const workspace = copyWorkspace(process.env.RATIONALE_UI_WORKSPACE ?? join(repoRoot, 'sample'));
writeFileSync(join(workspace.path, PROBE_FILE), PROBE_CSS);
let ui;

before(async () => {
  assert.ok(vsix, 'set RATIONALE_VSIX to the .vsix to install (npx vsce package -o dist/rationale.vsix)');
  ui = await startUiSession({ vsix, folder: workspace.path });
});

after(async () => {
  await ui?.close();
  workspace.dispose();
});

test('installs the packaged extension', () => {
  assert.equal(ui.installedExtension, EXTENSION_ID);
});

test('shows the workspace in the Explorer', async () => {
  const expected = readdirSync(workspace.path).filter((name) => !EXCLUDED_BY_DEFAULT.has(name));
  await ui.openViewContainer('Explorer');
  const rows = await ui.readViewRows({ until: (rows) => rows.some((row) => row.text === PROBE_FILE) });
  const shown = rows.map((row) => row.text);
  // The tree is virtualised: only a screenful of top-level entries is rendered.
  for (const name of expected.slice(0, 20)) assert.ok(shown.includes(name), `${name} in ${JSON.stringify(shown)}`);
  await ui.screenshot('workbench-explorer');
});

test('opens a file through Quick Open and reads the hover at a position', async () => {
  await ui.openFile(PROBE_FILE);
  const hover = await ui.hoverAt(4, 6); // on "margin"
  assert.match(hover, /margin/i);
  await ui.screenshot('workbench-hover');
  await ui.dismiss();
});

test('reads the Problems panel', async () => {
  const rows = await ui.readProblems({
    filter: PROBE_FILE, // the extension's own findings on the sample could push it off screen
    until: (rows) => rows.some((row) => /property value expected/.test(row.text)),
  });
  const problem = rows.find((row) => /property value expected/.test(row.text));
  assert.match(problem.label, /^Error: property value expected at line 2 and character 10\b/);
  assert.match(problem.text, /\[Ln 2, Col 10\]/);
  await ui.screenshot('workbench-problems');
});
