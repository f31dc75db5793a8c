// Every command and setting the extension contributes (package.json, as the running host read
// it) has a test in this suite that names it in its title: a new command or setting without
// one fails here. The titles are read from mocha's own tree of the loaded tests, so what counts
// is a test that exists, not a list kept by hand.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './sampleWorkspace';

interface Contributes {
  commands?: { command: string }[];
  configuration?: { properties?: Record<string, unknown> } | { properties?: Record<string, unknown> }[];
}

function contributes(): Contributes {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is loaded`);
  return (extension.packageJSON as { contributes?: Contributes }).contributes ?? {};
}

/** Full titles of every test mocha loaded, in every file of the suite. */
function allTestTitles(context: Mocha.Context): string[] {
  let root = context.test?.parent;
  assert.ok(root, 'a test knows its suite');
  while (root.parent) root = root.parent;
  const titles: string[] = [];
  const walk = (suite: Mocha.Suite) => {
    for (const test of suite.tests) titles.push(test.fullTitle());
    for (const child of suite.suites) walk(child);
  };
  walk(root);
  return titles;
}

/** Whether `name` appears in `title` as a whole name (`rationale.enable` is not in `rationale.enabled`). */
function names(title: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w.])${escaped}(?![\\w.])`).test(title);
}

suite('contributions', () => {
  test('every contributed command has a test naming it', function () {
    const commands = (contributes().commands ?? []).map((c) => c.command);
    assert.ok(commands.length >= 15, `package.json contributes ${commands.length} commands`);
    const titles = allTestTitles(this).filter((t) => !t.startsWith('contributions '));
    const untested = commands.filter((id) => !titles.some((t) => names(t, id)));
    assert.deepEqual(untested, [], `commands without a test naming them; tests: ${JSON.stringify(titles)}`);
  });

  test('every contributed setting has a test naming it', function () {
    const configuration = contributes().configuration;
    const sections = Array.isArray(configuration) ? configuration : configuration ? [configuration] : [];
    const settings = sections.flatMap((s) => Object.keys(s.properties ?? {}));
    assert.ok(settings.length >= 7, `package.json contributes ${settings.length} settings`);
    const titles = allTestTitles(this).filter((t) => !t.startsWith('contributions '));
    const untested = settings.filter((key) => !titles.some((t) => names(t, key)));
    assert.deepEqual(untested, [], `settings without a test naming them; tests: ${JSON.stringify(titles)}`);
  });
});
