import AjvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as nodePath from 'node:path';
import { describe, it } from 'node:test';
import type { Log } from 'sarif';
import { pathToFileURL } from 'node:url';
import { md } from '../helpers/markers.js';
import { exitCode } from '../../server/src/cli/commands/check.js';
import { rationale, repoRoot, workspace } from './cliHarness.js';

const goal = md`
  ---
  id: GOAL-growth
  status: active
  ---
  # Grow revenue

  ## Why this matters

  Revenue pays for everything.
`;

const project = md`
  ---
  status: active
  goals: [GOAL-growth]
  ---
  # Self-serve onboarding

  ## Problem

  Sign-up needs sales today.
`;

const consoleLog = String.raw`'\bconsole\.log\('`;

/** A decision with an error rule and a warning rule (messages may be overridden to test escaping). */
const decision = (importMessage = 'Use date-fns.', patternMessage = 'Use the logger.') => md`
  ---
  status: accepted
  date: 2024-01-01
  project: PRD-0001
  applies-to: ["src/**"]
  rules:
    - forbid-import: [moment]
      severity: error
      message: ${JSON.stringify(importMessage)}
    - forbid-pattern: ${consoleLog}
      severity: warning
      message: ${JSON.stringify(patternMessage)}
  ---
  # Use date-fns for dates

  ## Context and Problem Statement

  Moment is mutable and large.
`;

// CommonJS default exports, as Node's ESM loader hands them over.
type AjvClass = typeof AjvDraft04.default;
const Ajv = ((AjvDraft04 as unknown as { default?: AjvClass }).default ?? AjvDraft04) as AjvClass;
const addFormats = ((ajvFormats as unknown as { default?: typeof ajvFormats.default }).default ?? ajvFormats) as typeof ajvFormats.default;

const documents = {
  'docs/goals/growth.md': goal,
  'docs/prd/0001-onboarding.md': project,
  'docs/adr/0001-use-date-fns.md': decision(),
};

const cleanCode = "// @decision ADR-0001\nimport { format } from 'date-fns';\nexport const f = () => format(new Date(), 'PP');\n";
const warningCode = "// @decision ADR-0001\nexport function f() {\n  console.log('x');\n}\n";
const errorCode = md`
  // @decision ADR-0001
  import { format } from 'date-fns';
  import moment from 'moment';

  export function f() {
    console.log('x');
    // rationale-disable-next-line ADR-0001 -- legacy report, removed in Q3
    console.log('excused');
  }
`;

describe('rationale check: exit codes', () => {
  it('exits 0 when nothing is found', async () => {
    const r = await rationale(['check', '.'], { files: { ...documents, 'src/app.ts': cleanCode } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, '0 errors, 0 warnings in 4 files\n');
    assert.equal(r.stderr, '');
  });

  it('exits 1 on an error, and on a warning only with --fail-on warning', async () => {
    assert.equal((await rationale(['check'], { files: { ...documents, 'src/app.ts': errorCode } })).code, 1);
    const warnOnly = { ...documents, 'src/app.ts': warningCode };
    assert.equal((await rationale(['check'], { files: warnOnly })).code, 0);
    assert.equal((await rationale(['check', '--fail-on', 'warning'], { files: warnOnly })).code, 1);
    assert.equal((await rationale(['check', '--fail-on=never'], { files: { ...documents, 'src/app.ts': errorCode } })).code, 0);
    assert.equal((await rationale(['check', '--fail-on', 'info'], { files: warnOnly })).code, 1);
  });

  it('exits 2 with a one-line message for usage errors', async () => {
    const cases: [string[], RegExp][] = [
      [['check', '--frobnicate'], /^rationale: unknown option --frobnicate for "check" \(see "rationale check --help"\)\n$/],
      [['check', '--format', 'xml'], /^rationale: --format must be one of text, json, sarif, github, markdown \(got "xml"\)/],
      [['check', '--fail-on', 'sometimes'], /^rationale: --fail-on must be one of error, warning, info, never \(got "sometimes"\)/],
      [['check', '--format'], /^rationale: --format needs a value/],
      [['check', 'a', 'b'], /^rationale: unexpected argument "b" for "check"/],
      [['check', 'no/such/folder'], /^rationale: no such folder: no\/such\/folder\n$/],
      [['check', 'docs/adr/0001-use-date-fns.md'], /^rationale: not a folder: docs\/adr\/0001-use-date-fns\.md\n$/],
      [['frobnicate'], /^rationale: unknown command "frobnicate" \(commands: check, list, explain, new, search, graph, doctor, baseline, site, mcp, context\)/],
    ];
    const results = await Promise.all(cases.map(([args]) => rationale(args, { files: documents })));
    for (const [i, [args, message]] of cases.entries()) {
      const r = results[i];
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trimEnd().split('\n').length, 1, `one line: ${r.stderr}`);
      assert.equal(r.stdout, '');
    }
  });

  it('reports an invalid configuration as invalid-config warnings on the file that has it, and still checks', async () => {
    const badJson = await rationale(['check', '--format', 'json'], { files: { ...documents, '.rationale.json': '{ "template": ' } });
    assert.equal(badJson.code, 0, badJson.stderr);
    const jsonFinding = JSON.parse(badJson.stdout).findings.find((f: { code: string }) => f.code === 'invalid-config');
    assert.equal(jsonFinding.file, '.rationale.json');
    assert.equal(jsonFinding.severity, 'warning');
    assert.match(jsonFinding.message, /^\.rationale\.json: not valid JSON/);
    const badValue = await rationale(['check'], { files: { ...documents, '.rationale.json': '{ "template": "fancy" }', 'src/app.ts': errorCode } });
    assert.equal(badValue.code, 1, 'the rules still ran');
    assert.match(badValue.stdout, /^\.rationale\.json:1:1 +warning +invalid-config +\.rationale\.json: `template` must be one of/m);
    assert.match(badValue.stdout, /forbid-import/);
    const badAdrDir = await rationale(['check'], { files: { ...documents, '.adr-dir': '../../elsewhere\n' } });
    assert.equal(badAdrDir.code, 0);
    assert.match(badAdrDir.stdout, /^\.adr-dir:1:1 +warning +invalid-config +\.adr-dir: the folder "\.\.\/\.\.\/elsewhere" is outside the workspace/m);
  });

  it('exits 2 when a rule failed on a file (an internal-error finding), whatever --fail-on says', () => {
    const internal = { path: 'src/a.ts', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: 'error', code: 'internal-error', decision: 'ADR-0001', message: 'x' } as const;
    const warning = { ...internal, severity: 'warning', code: 'forbid-pattern' } as const;
    assert.equal(exitCode([warning, internal], 'never'), 2);
    assert.equal(exitCode([warning], 'warning'), 1);
    assert.equal(exitCode([warning], 'error'), 0);
  });
});

describe('rationale check: formats', () => {
  it('prints text findings as path:line:col  severity  code  message  [id], then the summary and the decisions with the most debt', async () => {
    const r = await rationale(['check'], { files: { ...documents, 'src/app.ts': errorCode } });
    assert.equal(r.stdout, [
      'src/app.ts:3:21  error    forbid-import   Import of `moment` is forbidden by ADR-0001 (Use date-fns for dates): Use date-fns.  [ADR-0001]',
      'src/app.ts:6:3  warning  forbid-pattern  `console.log(` matches a pattern (`\\bconsole\\.log\\(`) forbidden by ADR-0001 (Use date-fns for dates): Use the logger.  [ADR-0001]',
      '',
      '1 error, 1 warning in 4 files (1 exception)',
      'Most debt:',
      '  ADR-0001  3  (2 findings, 1 exception)',
      '',
    ].join('\n'));
  });

  it('colours text only on request or a terminal, and never with NO_COLOR', async () => {
    const files = { ...documents, 'src/app.ts': errorCode };
    const plain = await rationale(['check'], { files });
    assert.doesNotMatch(plain.stdout, /\u001b\[/);
    const forced = await rationale(['check'], { files, env: { FORCE_COLOR: '1' } });
    assert.match(forced.stdout, /\u001b\[31merror/);
    const vetoed = await rationale(['check'], { files, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
    assert.doesNotMatch(vetoed.stdout, /\u001b\[/);
  });

  it('prints exactly one JSON object with 1-based positions and paths relative to dir', async () => {
    const r = await rationale(['check', 'ws', '--format', 'json'], { files: prefixed('ws/', { ...documents, 'src/app.ts': errorCode }) });
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(report), ['version', 'findings', 'summary']);
    assert.equal(report.version, 1);
    assert.deepEqual(report.findings, [
      {
        file: 'src/app.ts', line: 3, column: 21, endLine: 3, endColumn: 27, severity: 'error', code: 'forbid-import', decision: 'ADR-0001',
        message: 'Import of `moment` is forbidden by ADR-0001 (Use date-fns for dates): Use date-fns.',
      },
      {
        file: 'src/app.ts', line: 6, column: 3, endLine: 6, endColumn: 15, severity: 'warning', code: 'forbid-pattern', decision: 'ADR-0001',
        message: '`console.log(` matches a pattern (`\\bconsole\\.log\\(`) forbidden by ADR-0001 (Use date-fns for dates): Use the logger.',
      },
    ]);
    assert.deepEqual(report.summary, {
      errors: 1, warnings: 1, infos: 0, suppressed: 1, baselined: 0, filesChecked: 1, filesScanned: 4, documents: { goal: 1, project: 1, decision: 1 },
      byDecision: { 'ADR-0001': { findings: 2, exceptions: 1, expired: 0, baselined: 0 } },
    });
  });

  it('uses null for findings that concern no decision', async () => {
    const r = await rationale(['check', '--format', 'json'], { files: { ...documents, 'src/x.ts': '// @decision ADR-0042\n' } });
    const unknown = JSON.parse(r.stdout).findings.find((f: { code: string }) => f.code === 'unknown-id');
    assert.equal(unknown.decision, null);
    assert.equal(r.code, 1);
  });

  it('prints SARIF 2.1.0 that validates against the schema, one rule per finding code', async () => {
    const r = await rationale(['check', '--format', 'sarif'], { files: { ...documents, 'src/app.ts': errorCode, 'src/x.ts': '// @decision ADR-0042\n' } });
    assert.equal(r.code, 1, r.stderr);
    const log = JSON.parse(r.stdout) as Log;
    const schema = JSON.parse(fs.readFileSync(nodePath.join(repoRoot, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));

    const run = log.runs[0] as unknown as SarifRun;
    assert.deepEqual(run.tool.driver.rules.map((rule) => rule.id), ['forbid-import', 'forbid-pattern', 'unknown-id']);
    for (const rule of run.tool.driver.rules) assert.ok(rule.help.text.length > 20, `${rule.id} has help`);
    assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(r.dir).href}/`);
    const [imp] = run.results;
    assert.deepEqual(
      { ruleId: imp.ruleId, level: imp.level, location: imp.locations[0].physicalLocation },
      { ruleId: 'forbid-import', level: 'error', location: { artifactLocation: { uri: 'src/app.ts', uriBaseId: '%SRCROOT%' }, region: { startLine: 3, startColumn: 21, endLine: 3, endColumn: 27 } } },
    );
    assert.equal(run.tool.driver.rules[imp.ruleIndex].id, 'forbid-import');
    // The recorded exception is reported as a suppressed result, with its reason.
    const excused = run.results.filter((res) => res.suppressions);
    assert.equal(excused.length, 1);
    assert.deepEqual(excused[0].suppressions, [{ kind: 'inSource', justification: 'legacy report, removed in Q3' }]);
    assert.equal(excused[0].locations[0].physicalLocation.region.startLine, 8);
  });

  it('prints GitHub workflow commands with properties and messages escaped', async () => {
    const files = {
      ...documents,
      'docs/adr/0001-use-date-fns.md': decision('Use date-fns: 100%, always.\nSee the ADR.', 'Use the logger.'),
      'src/a,b:c.ts': "import moment from 'moment';\nconsole.log(1);\n",
    };
    const r = await rationale(['check', '--format', 'github'], { files });
    const lines = r.stdout.split('\n');
    assert.equal(lines[0], '::error file=src/a%2Cb%3Ac.ts,line=1,col=21,endLine=1,endColumn=27,title=Rationale forbid-import (ADR-0001)::Import of `moment` is forbidden by ADR-0001 (Use date-fns for dates): Use date-fns: 100%25, always.%0ASee the ADR.');
    assert.match(lines[1], /^::warning file=src\/a%2Cb%3Ac\.ts,line=2,col=1,endLine=2,endColumn=13,title=Rationale forbid-pattern \(ADR-0001\)::/);
    assert.equal(lines[2], '1 error, 1 warning in 4 files');
  });

  it('writes text and GitHub paths relative to the working directory, where terminals and Actions resolve them', async () => {
    const dir = workspace(prefixed('sub/', { ...documents, 'src/app.ts': errorCode }));
    const github = await rationale(['check', 'sub', '--format', 'github'], { dir });
    assert.match(github.stdout, /^::error file=sub\/src\/app\.ts,line=3,/);
    const text = await rationale(['check', 'sub'], { dir });
    assert.match(text.stdout, /^sub\/src\/app\.ts:3:21 /);
    const json = await rationale(['check', 'sub', '--format', 'json'], { dir });
    assert.equal(JSON.parse(json.stdout).findings[0].file, 'src/app.ts', 'JSON stays relative to the checked folder');
  });

  it('counts documents and notes an empty workspace on stderr', async () => {
    const r = await rationale(['check'], { files: { 'src/a.ts': 'export {};\n' } });
    assert.equal(r.code, 0);
    assert.match(r.stderr, /^rationale: note: no goals, projects or decisions found in /);
  });
});

/** The parts of a SARIF run these tests read (the schema has validated the whole). */
interface SarifRun {
  tool: { driver: { rules: { id: string; help: { text: string } }[] } };
  originalUriBaseIds: Record<string, { uri: string }>;
  results: {
    ruleId: string;
    ruleIndex: number;
    level: string;
    locations: { physicalLocation: { artifactLocation: unknown; region: { startLine: number } } }[];
    suppressions?: unknown[];
  }[];
}

function prefixed(prefix: string, files: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).map(([k, v]) => [prefix + k, v]));
}
