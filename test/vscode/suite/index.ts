// Entry point the VS Code extension host `require`s for extension tests (the
// `extensionTestsPath` of @vscode/test-electron's runTests, or of our code-server launcher).
// Built by esbuild into CommonJS with mocha bundled in (the package is "type": "module",
// and the extension host loads this file with `require`), so the test files it loads are
// the `*.test.cjs` files esbuild writes next to it.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    // runIntegration.mjs says whether its terminal shows colours.
    color: process.env.RATIONALE_TEST_COLOR === '1',
    // The extension host starts slowly on a cold machine; individual tests set their own.
    timeout: 60_000,
    grep: process.env.RATIONALE_VSCODE_TEST_GREP,
  });
  // Suites for another workspace (runIntegration.mjs --suite NAME) run only when asked for;
  // the others expect the sample.
  const suite = process.env.RATIONALE_VSCODE_SUITE;
  const ownWorkspace = new Set(['multiRoot.test.cjs']);
  const testFiles = readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.cjs'))
    .filter((name) => (suite ? name === `${suite}.test.cjs` : !ownWorkspace.has(name)))
    .sort();
  for (const name of testFiles) mocha.addFile(join(__dirname, name));

  return new Promise((resolve, reject) => {
    if (testFiles.length === 0) {
      reject(new Error(`no *.test.cjs files next to ${__filename}`));
      return;
    }
    try {
      mocha.run((failures) => {
        if (failures > 0) reject(new Error(`${failures} extension test(s) failed`));
        else resolve();
      });
    } catch (error) {
      reject(error);
    }
  });
}
