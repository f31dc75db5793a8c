import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { WorkspaceSession } from '../../server/src/lsp/workspaceSession.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-session-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));

const files: Record<string, string> = {
  'docs/adr/0001-no-moment.md': '---\nstatus: accepted\nrules:\n  - forbid-import: moment\n---\n# No moment\n',
  'docs/adr/0002-old.md': '---\nstatus: superseded\nsuperseded-by: ADR-0001\n---\n# Old\n',
  'src/a.ts': "import m from 'moment';\n",
  'src/b.ts': '// @adr 2\nexport {};\n',
  'src/c.ts': 'export const c = 1;\n',
};
for (const [p, t] of Object.entries(files)) {
  fs.mkdirSync(path.dirname(path.join(root, p)), { recursive: true });
  fs.writeFileSync(path.join(root, p), t);
}

/** A session after a sequence of editor changes must report what a fresh session with the same editor state reports. */
async function check(edits: [string, string | null][]): Promise<void> {
  const live = new WorkspaceSession(URI.file(root).toString());
  await live.reindex();
  live.workspaceFindings();
  const open = new Map<string, string>();
  for (const [p, text] of edits) {
    if (text === null) {
      live.closeDocument(p);
      open.delete(p);
    } else {
      live.setOpenText(p, text);
      open.set(p, text);
    }
    live.workspaceFindings();
  }
  const fresh = new WorkspaceSession(URI.file(root).toString());
  await fresh.reindex();
  for (const [p, t] of open) fresh.setOpenText(p, t);
  const key = (xs: readonly { path: string; code: string; range: unknown }[]) => xs.map((f) => `${f.path} ${f.code} ${JSON.stringify(f.range)}`).sort();
  assert.deepEqual(key(live.workspaceFindings()), key(fresh.workspaceFindings()));
}

describe('workspace diagnostics in the server', () => {
  it('recheck only edited code files and still equal a fresh check', async () => {
    await check([
      ['src/c.ts', "import m from 'moment';\n"],
      ['src/a.ts', 'export {};\n'],
      ['src/b.ts', '// @adr 1\n'],
      ['src/c.ts', null],
      ['src/new.ts', '// @adr 9\n'],
    ]);
  });

  it('recompute everything when a decision changes', async () => {
    await check([
      ['src/c.ts', "import m from 'moment';\n"],
      ['docs/adr/0001-no-moment.md', '---\nstatus: proposed\nrules:\n  - forbid-import: moment\n---\n# No moment\n'],
      ['src/b.ts', '// @adr 2\n// @adr 1\n'],
    ]);
  });
});
