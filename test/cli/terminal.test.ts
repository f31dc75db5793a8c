import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CliIo } from '../../server/src/cli/io.js';
import { run } from '../../server/src/cli/main.js';
import { Progress } from '../../server/src/cli/progress.js';
import { workspace } from './cliHarness.js';

/** A terminal or a pipe, in memory: what a process would see, without spawning one. */
function fakeIo(cwd: string, tty: boolean, env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    cwd,
    env,
    stdout: { write: (t) => void (out += t), isTTY: tty, columns: 120 },
    stderr: { write: (t) => void (err += t), isTTY: tty, columns: 120 },
    out: () => out,
    err: () => err,
  };
}

const files = {
  '.git/': '',
  'docs/adr/0001-a.md': '---\nstatus: accepted\nrules:\n  - forbid-import: [moment]\n    severity: error\n---\n# A\n',
  'src/x.ts': "import moment from 'moment';\n",
};

describe('terminal behaviour', () => {
  it('colours check output on a terminal, and not with NO_COLOR', async () => {
    const dir = workspace(files);
    const tty = fakeIo(dir, true);
    assert.equal(await run(['check'], tty), 1);
    assert.match(tty.out(), /\u001b\[1msrc\/x\.ts:1:21\u001b\[22m {2}\u001b\[31merror\u001b\[39m/);
    const noColor = fakeIo(dir, true, { NO_COLOR: '1' });
    await run(['check'], noColor);
    assert.doesNotMatch(noColor.out(), /\u001b/);
    assert.match(noColor.out(), /^src\/x\.ts:1:21 {2}error {2}forbid-import/);
  });

  it('shows progress on a terminal only after the delay, never in CI or in a pipe, and erases it', () => {
    const drawn = (io: ReturnType<typeof fakeIo>, delay: number) => {
      const p = new Progress(io, delay);
      p.update('reading files', 5, 10);
      p.clear();
      return io.err();
    };
    const dir = workspace();
    assert.equal(drawn(fakeIo(dir, true), 0), '\r\u001b[Krationale: reading files 5/10 (50%)\r\u001b[K');
    assert.equal(drawn(fakeIo(dir, true), 60_000), '', 'a quick run prints nothing');
    assert.equal(drawn(fakeIo(dir, true, { CI: 'true' }), 0), '');
    assert.equal(drawn(fakeIo(dir, false), 0), '');
  });

  it('keeps stdout clean for machines: progress goes to stderr only', async () => {
    const dir = workspace(files);
    const io = fakeIo(dir, false);
    await run(['check', '--format', 'json'], io);
    assert.doesNotThrow(() => JSON.parse(io.out()));
    assert.equal(io.err(), '');
  });
});
