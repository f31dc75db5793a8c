import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver/node';
import { locateRipgrep } from '../helpers/locateRipgrep.js';
import { startFixture } from './lspHarness.js';
import { reindexRequest } from '../../server/src/protocol.js';

const rg = locateRipgrep();
const skip = rg ? false : 'ripgrep NOT FOUND: the language server\'s ripgrep prefilter is UNTESTED here; apt-get install ripgrep';

/** Enough code files for the prefilter to start (500), one with a forbidden import on disk. */
function workspace(): Record<string, string> {
  const files: Record<string, string> = {
    'docs/adr/0001-no-moment.md': '---\nstatus: accepted\nrules:\n  - forbid-import: [moment]\n---\n# Use date-fns\n\n## Decision\n\nNo moment.\n',
    'src/bad.ts': "import moment from 'moment';\n",
    'src/open.ts': 'export const clean = 1;\n',
  };
  for (let i = 0; i < 800; i++) files[`src/gen/f${i}.ts`] = `export const f${i} = ${i};\n`;
  return files;
}

describe('the language server starts up with ripgrep', { skip }, () => {
  it('searches with it, and never spares an open document on what its file on disk holds', async () => {
    // A wrapper that records each call, so the test knows the server really used ripgrep.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-rg-'));
    const calls = path.join(dir, 'calls');
    const wrapper = path.join(dir, 'rg');
    fs.writeFileSync(wrapper, `#!/bin/sh\necho called >> '${calls}'\nexec '${rg}' "$@"\n`, { mode: 0o755 });
    process.env.RATIONALE_RG = wrapper;
    const fx = await startFixture(workspace());
    try {
      assert.ok(fs.existsSync(calls), 'ripgrep was called during start-up');
      // Open with a violation only the editor's text has, then index again: ripgrep reads the disk,
      // where the file is clean, but the open document must be read as the editor has it.
      await fx.open('src/open.ts', "import moment from 'moment';\n");
      fs.rmSync(calls);
      await fx.client.sendRequest(reindexRequest.method);
      assert.ok(fs.existsSync(calls), 'ripgrep was called by the reindex');
      const report = (await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] })) as { items: { uri: string; items: Diagnostic[] }[] };
      const flagged = report.items.filter((r) => r.items.some((d) => d.code === 'forbid-import')).map((r) => r.uri).sort();
      assert.deepEqual(flagged, [fx.uri('src/bad.ts'), fx.uri('src/open.ts')]);
    } finally {
      delete process.env.RATIONALE_RG;
      fx.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
