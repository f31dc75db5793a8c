import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as nodePath from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'yaml';
import { md } from '../helpers/markers.js';
import { commitAll, git, initRepository, writeFiles } from '../helpers/gitFixture.js';
import { bin, cacheDir, pinnedToday, repoRoot, workspace } from './cliHarness.js';

interface Step {
  id?: string;
  name?: string;
  if?: string;
  run?: string;
  shell?: string;
  uses?: string;
  env?: Record<string, string>;
}

interface ActionManifest {
  inputs: Record<string, { default?: string }>;
  runs: { using: string; steps: Step[] };
}

const manifest = parse(fs.readFileSync(nodePath.join(repoRoot, 'action.yml'), 'utf8')) as ActionManifest;
const version = (JSON.parse(fs.readFileSync(nodePath.join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
const prComment = nodePath.join(repoRoot, 'scripts', 'action', 'prComment.mjs');
const repository = 'octo/shop';
const pullNumber = 7;

// ---- a stand-in for the GitHub REST API on 127.0.0.1 -------------------------------------------

interface Recorded {
  method: string;
  url: string;
  authorization?: string;
  body?: { body?: string };
}

/** Keeps issue comments in memory, answers the three calls the comment step makes, and records them. */
class StubGitHub {
  readonly requests: Recorded[] = [];
  readonly comments: { id: number; body: string }[] = [];
  /** When set, every request gets this status and a GitHub-shaped error. */
  refuseWith?: number;
  private nextId = 100;
  private readonly server = http.createServer((req, res) => this.answer(req, res));

  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      const recorded: Recorded = { method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization, body: text ? JSON.parse(text) : undefined };
      this.requests.push(recorded);
      const [status, payload] = this.route(recorded);
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    });
  }

  private route(r: Recorded): [number, unknown] {
    if (this.refuseWith) return [this.refuseWith, { message: 'Resource not accessible by integration' }];
    const list = new RegExp(`^/repos/${repository}/issues/${pullNumber}/comments(\\?.*)?$`);
    const one = new RegExp(`^/repos/${repository}/issues/comments/(\\d+)$`);
    if (r.method === 'GET' && list.test(r.url)) return [200, [{ id: 1, body: 'an unrelated comment by a person' }, ...this.comments]];
    if (r.method === 'POST' && list.test(r.url)) {
      const comment = { id: this.nextId++, body: r.body?.body ?? '' };
      this.comments.push(comment);
      return [201, { ...comment, html_url: `https://github.example/${repository}/pull/${pullNumber}#issuecomment-${comment.id}` }];
    }
    const match = one.exec(r.url);
    const existing = match && this.comments.find((c) => c.id === Number(match[1]));
    if (r.method === 'PATCH' && existing) {
      existing.body = r.body?.body ?? '';
      return [200, existing];
    }
    return [404, { message: 'Not Found' }];
  }
}

// ---- running action.yml's own steps ---------------------------------------------------------------

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

interface Job {
  /** The checked-out repository (GITHUB_WORKSPACE). */
  dir: string;
  inputs: Record<string, string>;
  event: unknown;
  apiUrl?: string;
  outputs: Record<string, Record<string, string>>;
}

/**
 * `npx` for the steps: only `npx --yes rationale-cli@<package.json's version> …` is allowed, and it
 * runs this checkout's bin, so the steps run as written without the network.
 */
function npxShim(): string {
  const dir = workspace();
  const script = `#!/usr/bin/env bash
if [ "$1" != "--yes" ] || [ "$2" != "rationale-cli@${version}" ]; then echo "npx shim: unexpected arguments: $*" >&2; exit 97; fi
shift 2
exec "${process.execPath}" "${bin}" "$@"
`;
  fs.writeFileSync(nodePath.join(dir, 'npx'), script, { mode: 0o755 });
  return dir;
}

/** The value of `${{ … }}` in a step's env, for the few contexts the action uses; anything else fails the test. */
function evaluate(expression: string, job: Job, temp: string): string {
  const path = expression.trim().split('.');
  const missing = () => assert.fail(`action.yml uses \${{ ${expression} }}, which this test does not know`);
  if (path[0] === 'inputs') return job.inputs[path[1]] ?? manifest.inputs[path[1]]?.default ?? missing();
  if (path[0] === 'steps' && path[2] === 'outputs') return job.outputs[path[1]]?.[path[3]] ?? '';
  if (path[0] === 'runner' && path[1] === 'temp') return temp;
  if (path[0] === 'github' && path[1] === 'event') {
    const value = path.slice(2).reduce<unknown>((v, k) => (v as Record<string, unknown> | undefined)?.[k], job.event);
    return value === undefined ? '' : String(value);
  }
  return missing();
}

function stepById(id: string): Step {
  const step = manifest.runs.steps.find((s) => s.id === id);
  assert.ok(step?.run, `action.yml has a run step with id ${id}`);
  return step;
}

/** Runs one step of action.yml as the runner would: bash -eo pipefail in GITHUB_WORKSPACE, its env evaluated, GITHUB_OUTPUT read back. */
function runStep(id: string, job: Job): Promise<Run> {
  const step = stepById(id);
  const temp = workspace();
  const eventPath = nodePath.join(temp, 'event.json');
  fs.writeFileSync(eventPath, JSON.stringify(job.event));
  const outputFile = nodePath.join(temp, 'output');
  fs.writeFileSync(outputFile, '');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && !k.startsWith('GITHUB_') && !['CI', 'NO_COLOR', 'FORCE_COLOR'].includes(k)) env[k] = v;
  Object.assign(env, {
    PATH: `${npxShim()}${nodePath.delimiter}${process.env.PATH ?? ''}`,
    GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: job.dir, GITHUB_ACTION_PATH: repoRoot, GITHUB_OUTPUT: outputFile, GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: repository, GITHUB_API_URL: job.apiUrl ?? 'http://127.0.0.1:9', RUNNER_TEMP: temp,
    RATIONALE_CACHE_DIR: cacheDir, RATIONALE_TODAY: pinnedToday,
  });
  for (const [k, v] of Object.entries(step.env ?? {})) env[k] = String(v).replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => evaluate(e, job, temp));
  return new Promise((resolve) => {
    execFile('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], { cwd: job.dir, env }, (error, stdout, stderr) => {
      const outputs = Object.fromEntries(fs.readFileSync(outputFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
      job.outputs[id] = outputs;
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, outputs });
    });
  });
}

// ---- the fixture: a repository with a decision, one old violation on main and a new one on a branch

const decision = md`
  ---
  status: accepted
  date: 2024-01-01
  applies-to: ["src/**"]
  rules:
    - forbid-pattern: ${String.raw`'\bconsole\.log\('`}
      severity: error
      message: Use the logger.
  ---
  # Log through the logger

  ## Context and Problem Statement

  Logs must reach the collector.
`;

/** main holds an old violation; the checked-out branch adds one; the event is that pull request's. */
function pullRequestJob(inputs: Record<string, string>, apiUrl?: string): Job {
  const dir = workspace();
  initRepository(dir, { 'docs/adr/0001-logger.md': decision, 'src/old.ts': 'console.log(1);\n' });
  const baseSha = git(dir, ['rev-parse', 'HEAD']).trim();
  git(dir, ['checkout', '-q', '-b', 'feature']);
  writeFiles(dir, { 'src/added.ts': 'export const a = 1;\nconsole.log(2);\n' });
  commitAll(dir, 'feature work');
  return { dir, inputs, apiUrl, outputs: {}, event: { pull_request: { number: pullNumber, base: { sha: baseSha } } } };
}

describe('the GitHub Action, its steps run on a git fixture', () => {
  const github = new StubGitHub();
  let apiUrl = '';
  before(async () => {
    apiUrl = await github.start();
  });
  after(() => github.stop());

  it('with changed-since: base, annotates only the lines the pull request added and fails the check', async () => {
    const job = pullRequestJob({ 'changed-since': 'base' });
    const scope = await runStep('scope', job);
    assert.equal(scope.code, 0, scope.stderr);
    assert.equal(scope.outputs.since, (job.event as { pull_request: { base: { sha: string } } }).pull_request.base.sha);
    const check = await runStep('check', job);
    assert.equal(check.code, 1, check.stderr);
    const annotations = check.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.equal(annotations.length, 1, check.stdout);
    assert.match(annotations[0], /^::error file=src\/added\.ts,line=2\b.*Use the logger\./);
  });

  it('without changed-since, annotates every violation; fail-on never passes', async () => {
    const job = pullRequestJob({ 'fail-on': 'never' });
    await runStep('scope', job);
    assert.equal(job.outputs.scope.since, '');
    const check = await runStep('check', job);
    assert.equal(check.code, 0, check.stderr);
    assert.deepEqual(check.stdout.split('\n').filter((l) => l.startsWith('::')).map((l) => /file=([^,]+)/.exec(l)?.[1]), ['src/added.ts', 'src/old.ts']);
  });

  it('changed-since: base outside a pull request checks everything, with a notice', async () => {
    const job = { ...pullRequestJob({ 'changed-since': 'base' }), event: { push: {} } };
    const scope = await runStep('scope', job);
    assert.equal(scope.outputs.since, '');
    assert.match(scope.stdout, /^::notice title=Rationale::changed-since: base needs a pull request/m);
  });

  it('writes SARIF 2.1.0 for the upload step to read, whatever the findings', async () => {
    const job = pullRequestJob({ sarif: 'true' });
    await runStep('scope', job);
    const sarif = await runStep('sarif', job);
    assert.equal(sarif.code, 0, sarif.stderr);
    const log = JSON.parse(fs.readFileSync(sarif.outputs.file, 'utf8')) as { version: string; runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.deepEqual(log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri).sort(), ['src/added.ts', 'src/old.ts']);
    const upload = manifest.runs.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'));
    assert.equal((upload as { with?: Record<string, string> } | undefined)?.with?.sarif_file, '${{ steps.sarif.outputs.file }}');
  });

  it('comments once on the pull request, then updates that same comment', async () => {
    const job = pullRequestJob({ 'changed-since': 'base', 'github-token': 'token-123' }, apiUrl);
    await runStep('scope', job);
    const first = await runStep('comment', job);
    assert.equal(first.code, 0, first.stderr);
    const created = github.requests.filter((r) => r.method === 'POST');
    assert.equal(created.length, 1);
    assert.equal(created[0].url, `/repos/${repository}/issues/${pullNumber}/comments`);
    assert.equal(created[0].authorization, 'Bearer token-123');
    const body = created[0].body?.body ?? '';
    assert.match(body, /^<!-- rationale:pull-request-comment -->\n## Rationale\n/);
    assert.match(body, /src\/added\.ts/);
    assert.doesNotMatch(body, /src\/old\.ts/, 'only the changed files');
    const id = github.comments[0].id;

    writeFiles(job.dir, { 'src/added.ts': 'export const a = 1;\n' });
    commitAll(job.dir, 'fix the violation');
    const second = await runStep('comment', job);
    assert.equal(second.code, 0, second.stderr);
    const patches = github.requests.filter((r) => r.method === 'PATCH');
    assert.deepEqual(patches.map((r) => r.url), [`/repos/${repository}/issues/comments/${id}`]);
    assert.equal(github.requests.filter((r) => r.method === 'POST').length, 1, 'no second comment');
    assert.equal(github.comments.length, 1);
    assert.notEqual(github.comments[0].body, body, 'the comment now says what the second run found');
    assert.match(github.comments[0].body, /^<!-- rationale:pull-request-comment -->\n/);
  });
});

describe('scripts/action/prComment.mjs', () => {
  function comment(env: Record<string, string>, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const dir = workspace({ 'comment.md': '## Rationale\n\nNothing found.\n', 'event.json': JSON.stringify({ pull_request: { number: pullNumber } }) });
    const full = { PATH: process.env.PATH ?? '', GITHUB_REPOSITORY: repository, GITHUB_EVENT_PATH: nodePath.join(dir, 'event.json'), GITHUB_TOKEN: 't', GITHUB_API_URL: 'http://127.0.0.1:9', ...env };
    return new Promise((resolve) => {
      execFile(process.execPath, [prComment, ...args.map((a) => nodePath.join(dir, a))], { env: full }, (error, stdout, stderr) => {
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
      });
    });
  }

  it('exits 1 with the status, GitHub\'s message and what to do when GitHub answers 403', async () => {
    const github = new StubGitHub();
    github.refuseWith = 403;
    const apiUrl = await github.start();
    try {
      const r = await comment({ GITHUB_API_URL: apiUrl }, ['comment.md']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /^::error title=Rationale comment::GitHub answered GET \/repos\/octo\/shop\/issues\/7\/comments\?per_page=100&page=1 with 403 Forbidden: Resource not accessible by integration\. The token needs permissions: pull-requests: write\./);
      assert.equal(github.requests.length, 1, 'stops at the first refusal');
    } finally {
      await github.stop();
    }
  });

  it('exits 1 naming the server error on a 5xx', async () => {
    const github = new StubGitHub();
    github.refuseWith = 502;
    const apiUrl = await github.start();
    try {
      const r = await comment({ GITHUB_API_URL: apiUrl }, ['comment.md']);
      assert.equal(r.code, 1);
      assert.match(r.stderr, /GitHub answered GET \S+ with 502 Bad Gateway: Resource not accessible by integration\.$/m);
    } finally {
      await github.stop();
    }
  });

  it('exits 2 with a clear message on missing input, before calling GitHub', async () => {
    assert.match((await comment({}, [])).stderr, /usage: prComment\.mjs <markdown-file>/);
    const noToken = await comment({ GITHUB_TOKEN: '' }, ['comment.md']);
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /GITHUB_TOKEN is not set/);
    const notPull = await comment({ GITHUB_EVENT_PATH: nodePath.join(repoRoot, 'package.json') }, ['comment.md']);
    assert.equal(notPull.code, 2);
    assert.match(notPull.stderr, /is not a pull request's \(no pull_request\.number\)/);
  });
});
