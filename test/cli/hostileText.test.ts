import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeText } from '../../server/src/cli/terminalText.js';
import { rationale, workspace } from './cliHarness.js';

/** What must never reach a terminal raw: C0 (but the line feeds that end lines), DEL, C1, bidi controls. */
const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

const esc = '\u001b';
const hostileTitle = `Clear ${esc}[2J the screen ${esc}]0;pwned\u0007 and \u202Eevil\u202C`;
/** A file name that, printed raw, puts a GitHub workflow command on a line of its own. */
const injectingName = 'src/x\n::warning file=a.ts::injected.ts';
const bidiName = 'src/\u202Egnp.ts';

const files = {
  '.git/': '',
  'docs/adr/0001-hostile.md': `---\nstatus: accepted\napplies-to: ["src/**"]\nrules:\n  - forbid-pattern: 'eval\\('\n    severity: error\n---\n# ${hostileTitle}\n\n## Context\n\nWhy ${esc}[31mred.\n`,
  'docs/prd/0001-p.md': `---\nstatus: active\n---\n# Project ${esc}]8;;http://evil${esc}\\\\link\n`,
  // A goal exists, so the project that serves none is reported (with its hostile title).
  'docs/goals/0001-g.md': '---\nstatus: active\n---\n# Grow\n',
  [injectingName]: 'eval(1);\n',
  [bidiName]: 'eval(2);\n',
  'src/ok.ts': '// @decision ADR-0001\neval(3);\n',
};

/** No raw control or bidi character, and no line that GitHub would read as a workflow command. */
function assertSafe(output: string, what: string): void {
  assert.doesNotMatch(output, unsafe, `${what} printed a raw control or bidi character:\n${JSON.stringify(output)}`);
  for (const line of output.split('\n')) assert.ok(!line.startsWith('::'), `${what} printed a workflow command: ${JSON.stringify(line)}`);
}

describe('repository text in human-readable output', () => {
  const dir = workspace(files);

  for (const args of [['check'], ['list'], ['explain', 'src/ok.ts'], ['search', 'screen'], ['graph'], ['graph', '--format', 'dot']]) {
    it(`is escaped by ${args.join(' ')}`, async () => {
      const r = await rationale(args, { dir });
      assert.ok(r.code === 0 || (args[0] === 'check' && r.code === 1), r.stderr);
      assertSafe(r.stdout, args.join(' '));
      assertSafe(r.stderr, `${args.join(' ')} (stderr)`);
      // The hostile parts are still there, written out, so a reader sees what the repository holds.
      if (args[0] !== 'check') assert.match(r.stdout, /x1b/);
    });
  }

  it('check names the hostile files escaped, one finding per line', async () => {
    const r = await rationale(['check'], { dir });
    assert.equal(r.code, 1, r.stderr);
    const lines = r.stdout.split('\n');
    const line = lines.find((l) => l.startsWith('src/x\\n::warning file=a.ts::injected.ts:1:1 '));
    assert.ok(line, r.stdout);
    assert.match(line, /error +forbid-pattern +`eval\(` matches a pattern \(`eval\\\(`\) forbidden by ADR-0001 \(Clear \\x1b\[2J the screen \\x1b\]0;pwned\\x07 and \\u\{202e\}evil\\u\{202c\}\)\.  \[ADR-0001\]$/);
    assert.ok(lines.some((l) => l.startsWith('src/\\u{202e}gnp.ts:1:1')), r.stdout);
  });

  it('check --format github prints exactly one workflow command per finding, with data escaped', async () => {
    const r = await rationale(['check', '--format', 'github'], { dir });
    assert.equal(r.code, 1, r.stderr);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    assert.equal(commands.length, 5, r.stdout);
    assert.deepEqual(commands.map((l) => l.slice(0, l.indexOf(' '))), ['::warning', '::warning', '::error', '::error', '::error']);
    assert.doesNotMatch(r.stdout, unsafe);
    // The newline of the file name is encoded in the property, so it cannot start a command.
    assert.ok(commands.some((l) => l.startsWith('::error file=src/x%0A%3A%3Awarning file=a.ts%3A%3Ainjected.ts,line=1,')), r.stdout);
  });
});

describe('escapeText', () => {
  it('writes out C0, DEL, C1 and bidi controls, and breaks up a leading ::', () => {
    assert.equal(escapeText('a\u0000b\u001bc\u007fd\u0085e\u009bf'), 'a\\x00b\\x1bc\\x7fd\\x85e\\x9bf');
    assert.equal(escapeText('\n\r\t'), '\\n\\r\\t');
    assert.equal(escapeText('\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c'), '\\u{202a}\\u{202b}\\u{202c}\\u{202d}\\u{202e}\\u{2066}\\u{2067}\\u{2068}\\u{2069}\\u{200e}\\u{200f}\\u{61c}');
    assert.equal(escapeText('::warning x'), '\\x3a:warning x');
    assert.equal(escapeText('plain café ✓ 日本'), 'plain café ✓ 日本');
    assert.equal(escapeText('a\nb', { keepLineBreaks: true }), 'a\nb');
  });
});
