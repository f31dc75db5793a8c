import '../helpers/paranoidIndex.js';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { URI } from 'vscode-uri';
import { WorkspaceSession } from '../../server/src/lsp/workspaceSession.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rationale-paranoid-'));
after(() => fs.rmSync(root, { recursive: true, force: true }));
fs.mkdirSync(path.join(root, 'docs/adr'), { recursive: true });
fs.mkdirSync(path.join(root, 'src'));
fs.writeFileSync(path.join(root, 'docs/adr/0001-a.md'), '# A\n');
fs.writeFileSync(path.join(root, 'src/a.ts'), '// @adr 1\n');

describe('a session in paranoid mode (the test helper switches it on)', () => {
  it('checks every update against a rebuild: an edit on disk the watcher never reported makes the next update throw', () => {
    assert.equal(process.env.RATIONALE_PARANOID, '1');
    const session = new WorkspaceSession(URI.file(root).toString());
    assert.equal(session.index.documents.size, 1);
    session.setOpenText('src/a.ts', '// @adr 1\n// edited\n');
    fs.writeFileSync(path.join(root, 'docs/adr/0001-a.md'), '---\nid: ADR-0042\n---\n# A\n');
    assert.throws(() => session.setOpenText('src/a.ts', '// @adr 1\n'), /paranoid mode[\s\S]*docs\/adr\/0001-a\.md/);
  });
});
