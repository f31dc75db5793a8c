import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { repoRoot } from './cliHarness.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  shell?: string;
  uses?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

interface ActionManifest {
  name?: string;
  description?: string;
  inputs: Record<string, { description?: string; required?: boolean; default?: unknown }>;
  runs: { using: string; steps: Step[] };
}

interface Hook {
  id: string;
  entry: string;
  language: string;
  pass_filenames?: boolean;
  additional_dependencies?: string[];
}

const text = (rel: string) => fs.readFileSync(nodePath.join(repoRoot, rel), 'utf8');
const version = (JSON.parse(text('package.json')) as { version: string }).version;
const actionText = text('action.yml');
const action = parse(actionText) as ActionManifest;
const steps = action.runs.steps;

describe('action.yml', () => {
  it('is a composite action whose run steps all name a shell and whose uses steps pin a version', () => {
    assert.ok(action.name && action.description, 'name and description');
    assert.equal(action.runs.using, 'composite');
    assert.ok(steps.length > 0);
    for (const step of steps) {
      const label = step.name ?? step.id ?? JSON.stringify(step);
      assert.ok(Boolean(step.run) !== Boolean(step.uses), `${label}: either run or uses`);
      if (step.run) assert.equal(step.shell, 'bash', `${label}: a composite run step needs shell`);
      if (step.uses) assert.match(step.uses, /^[\w.-]+\/[\w./-]+@v\d+$/, `${label}: uses pins a major version`);
    }
    const ids = steps.flatMap((s) => (s.id ? [s.id] : []));
    assert.deepEqual(ids, [...new Set(ids)], 'step ids are unique');
  });

  it('documents every input, uses every input it declares, and declares every input it uses', () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      assert.ok(typeof input.description === 'string' && input.description.length > 20, `input ${name} is described`);
      assert.equal(input.required, false, `input ${name}: optional, with a default`);
      assert.ok(input.default !== undefined, `input ${name} has a default`);
    }
    const used = new Set([...actionText.matchAll(/\$\{\{[^}]*?\binputs\.([\w-]+)/g), ...actionText.matchAll(/^\s*if:.*?\binputs\.([\w-]+)/gm)].map((m) => m[1]));
    assert.deepEqual([...used].sort(), Object.keys(action.inputs).sort());
    assert.equal(action.inputs.version.default, version, 'the CLI the action runs is this version');
  });

  it('never splices an expression into a script: inputs and event fields reach run steps through env', () => {
    for (const step of steps.filter((s) => s.run)) assert.doesNotMatch(step.run!, /\$\{\{/, `${step.name}: no \${{ }} inside run`);
  });

  it('refers only to outputs of earlier steps', () => {
    const seen = new Set<string>();
    for (const step of steps) {
      for (const m of JSON.stringify(step).matchAll(/steps\.([\w-]+)\.outputs/g)) assert.ok(seen.has(m[1]), `${step.name} reads outputs of ${m[1]}, an earlier step`);
      if (step.id) seen.add(step.id);
    }
  });

  it('sets up Node, uploads SARIF only when asked, comments only with a token on a pull request, and checks last', () => {
    assert.match(steps[0].uses ?? '', /^actions\/setup-node@/);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal(upload?.if, "inputs.sarif == 'true'");
    assert.equal(steps.find((s) => s.id === 'sarif')?.if, "inputs.sarif == 'true'");
    const comment = steps.find((s) => s.id === 'comment');
    assert.equal(comment?.if, "inputs.github-token != '' && github.event.pull_request.number");
    assert.match(comment?.run ?? '', /--format markdown/);
    assert.match(comment?.run ?? '', /"\$GITHUB_ACTION_PATH\/scripts\/action\/prComment\.mjs"/);
    const last = steps[steps.length - 1];
    assert.equal(last.id, 'check');
    assert.equal(last.if, '!cancelled()');
    assert.match(last.run ?? '', /--format github --fail-on "\$RATIONALE_FAIL_ON"/);
  });
});

describe('.pre-commit-hooks.yaml', () => {
  it('offers the hook rationale: rationale check on the whole workspace, from the pinned rationale-cli', () => {
    const hooks = parse(text('.pre-commit-hooks.yaml')) as Hook[];
    assert.ok(Array.isArray(hooks));
    const hook = hooks.find((h) => h.id === 'rationale');
    assert.ok(hook, 'a hook with id rationale');
    assert.equal(hook.entry, 'rationale check');
    assert.equal(hook.language, 'node');
    assert.equal(hook.pass_filenames, false);
    assert.deepEqual(hook.additional_dependencies, [`rationale-cli@${version}`]);
  });
});

describe('version pins in what users copy', () => {
  const pins = (rel: string, pattern: RegExp) => [...text(rel).matchAll(pattern)].map((m) => m[1]);

  it('name package.json\'s version everywhere: npx rationale-cli@…, the action\'s @v…, pre-commit\'s rev', () => {
    const found = {
      'README.md npx': pins('README.md', /\brationale-cli@([^\s`'"]+)/g),
      'README.md action': pins('README.md', /uses: rationale-dev\/rationale@v([^\s`]+)/g),
      'README.md rev': pins('README.md', /^\s*rev: v(\S+)/gm),
      'action.yml': pins('action.yml', /^\s*default: (\d+\.\d+\.\d+\S*)$/gm),
      '.pre-commit-hooks.yaml': pins('.pre-commit-hooks.yaml', /\brationale-cli@([^\s'"\]]+)/g),
      '.pre-commit-hooks.yaml rev': pins('.pre-commit-hooks.yaml', /\brev: v(\S+)/g),
    };
    for (const [where, versions] of Object.entries(found)) {
      assert.ok(versions.length > 0, `${where} pins a version`);
      assert.deepEqual([...new Set(versions)], [version], `${where} pins ${version}`);
    }
  });

  it('leaves the unpinned local bin (npx rationale) only in the fresh-clone commands', () => {
    const unpinned = text('README.md').split('\n').filter((l) => /\bnpx rationale(?!-cli@)\b/.test(l));
    assert.ok(unpinned.length > 0);
    for (const line of unpinned) assert.match(line, /npx rationale check sample/, line);
  });
});
