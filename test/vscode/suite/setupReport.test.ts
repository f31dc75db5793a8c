// Show Setup Report (`rationale doctor` in the editor), run through the real workbench: the
// read-only Markdown report it opens, with the sample's folders and counts, and a decision-like
// file outside every document folder listed with the line that would read it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { deleteCreated, rationaleIndexed, waitFor, writeSampleFile } from './sampleWorkspace';

const showReport = () => vscode.commands.executeCommand<vscode.TextDocument>('rationale.showSetupReport');

suite('setup report', () => {
  suiteSetup(async () => {
    await rationaleIndexed();
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('rationale.showSetupReport opens a read-only Markdown report of the sample: folders, formats, counts, configuration', async () => {
    const doc = await showReport();
    assert.equal(doc.uri.scheme, 'rationale-report', 'a virtual document: closing it asks nothing');
    assert.equal(doc.languageId, 'markdown');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString(), 'the report is the active editor');
    const text = doc.getText();
    assert.match(text, /^# Rationale setup report: /);
    assert.match(text, /^## Read: 12 documents$/m);
    assert.match(text, /^\| docs\/adr \| front matter \| 6 \| 0 \| 0 \| 6 \| accepted 5, proposed 1 \|$/m);
    assert.match(text, /^\| docs\/adr \| adr-tools sections \| 2 \| 0 \| 0 \| 2 \| accepted 2 \|$/m);
    assert.match(text, /^\| docs\/goals \| front matter \| 2 \| 2 \| 0 \| 0 \| active 2 \|$/m);
    assert.match(text, /^\| docs\/prd \| front matter \| 2 \| 0 \| 2 \| 0 \| active 1, proposed 1 \|$/m);
    assert.match(text, /^## Unrecognised statuses: none$/m);
    assert.match(text, /^\| file \| none \(the defaults apply\) \|$/m);
  });

  test('rationale.showSetupReport lists a decision record outside the document folders, with the folders line', async () => {
    const created = await writeSampleFile('architecture/records/001-use-queues.md', '# 1. Use queues\n\n## Status\n\nAccepted\n\n## Context\n\nLoad.\n');
    try {
      const doc = await waitFor('the report to list architecture/records', async () => {
        const d = await showReport();
        return d.getText().includes('architecture/records/001-use-queues.md') ? d : undefined;
      });
      assert.match(doc.getText(), /^## Decision records not read: 1$/m);
      assert.match(doc.getText(), /^```json\n"folders": \{"decision": \["architecture\/records"\]\}\n```$/m);
    } finally {
      await deleteCreated([created]);
    }
  });
});
