// Sanity checks of the integration-test host itself: the workspace opened is the copy of
// sample/ that runIntegration.mjs made, and the extension under development is loaded.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'rationale.rationale-cli';

suite('integration host', () => {
  test('opens the copy of the sample workspace as the only folder', () => {
    const expected = process.env.RATIONALE_TEST_WORKSPACE;
    assert.ok(expected, 'RATIONALE_TEST_WORKSPACE is set by test/vscode/runIntegration.mjs');
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.deepEqual(
      folders.map((folder) => folder.uri.path),
      [expected],
    );
  });

  test('loads the Rationale extension from the development path', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `extension ${EXTENSION_ID} is installed (package.json publisher "rationale", name "rationale-cli")`);
    await extension.activate();
    assert.equal(extension.isActive, true);
  });
});
