import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { clientCommands } from '../../../server/src/core/features/commandIds.js';
import { createLanguageService } from '../../../server/src/core/features/languageService.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';
import * as protocol from '../../../server/src/protocol.js';

/** The repository's package.json, four folders above this compiled test (out/test/unit/features/). */
const contributed = new Set<string>(
  (JSON.parse(fs.readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { contributes: { commands: { command: string }[] } }).contributes.commands.map((c) => c.command),
);

describe('command ids the server asks the client to run', () => {
  it('are all contributed in package.json', () => {
    for (const id of Object.values(clientCommands)) assert.ok(contributed.has(id), `${id} is not in contributes.commands`);
  });

  it('are the ones protocol.ts gives the client', () => {
    assert.equal(protocol.clientCommands, clientCommands);
  });

  it('cover every command a hover link or a code action uses', () => {
    const workspace = new MemoryWorkspace({
      'docs/adr/0001-x.md': '---\nstatus: accepted\n---\n# X\n',
      'src/a.ts': '// @decision ADR-0001\n// @decision ADR-0042\nexport {};\n',
    });
    const index = buildIndex(workspace);
    const service = createLanguageService({ workspace, index: () => index, uriOf: (p) => `file:///ws/${p}` });
    const hover = service.hover('src/a.ts', { line: 0, character: 15 })?.markdown ?? '';
    const used = [...hover.matchAll(/\(command:([\w.]+)\?/g)].map((m) => m[1]);
    const unknown = { code: 'unknown-id', range: { start: { line: 1, character: 13 }, end: { line: 1, character: 21 } }, decision: null, id: 'ADR-0042', kind: 'decision' };
    for (const fix of service.quickFixes('src/a.ts', unknown)) if (fix.command) used.push(fix.command.command);
    assert.deepEqual([...new Set(used)].sort(), ['rationale.createDocumentForId', 'rationale.openDocument', 'rationale.revealInTree']);
    for (const id of used) assert.ok(contributed.has(id), `${id} is not in contributes.commands`);
  });
});
