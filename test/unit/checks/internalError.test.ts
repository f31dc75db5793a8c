import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCheckContext } from '../../../server/src/core/checks/checkWorkspace.js';
import { indexAndCheck } from '../../../server/src/core/checks/indexAndCheck.js';
import { buildIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { MemoryWorkspace } from '../../../server/src/core/workspace/memoryWorkspace.js';

const layers = '---\nstatus: accepted\nrules:\n  - forbid-layer: { from: "src/ui/**", to: "src/db/**" }\n  - forbid-pattern: "eval\\\\("\n---\n# Layers\n';

/**
 * A crashing rule or scanner must fail the check with an `internal-error` that names the file, the
 * decision and the error; swallowing it would turn the crash into a pass in CI.
 */
describe('internal errors', () => {
  it('a rule that throws reports an internal-error naming the file, the decision and the error', () => {
    const ws = new MemoryWorkspace({ 'docs/adr/0001-layers.md': layers, 'src/ui/a.ts': "import { db } from '../db/b';\n", 'src/db/b.ts': 'export const db = 1;\n' });
    const ctx = createCheckContext(buildIndex(ws), ws, { today: '2026-11-23' });
    // The rule engine's file-existence seam: forbid-layer resolves relative imports through it.
    const findings = ctx.rules.checkFile('src/ui/a.ts', "import { db } from '../db/b';\n", () => {
      throw new Error('disk on fire');
    });
    const errors = findings.filter((f) => f.code === 'internal-error');
    assert.equal(errors.length, 1, JSON.stringify(findings));
    assert.equal(errors[0].severity, 'error');
    assert.equal(errors[0].decision, 'ADR-0001');
    assert.equal(errors[0].path, 'src/ui/a.ts');
    assert.match(errors[0].message, /src\/ui\/a\.ts/);
    assert.match(errors[0].message, /forbid-layer/);
    assert.match(errors[0].message, /ADR-0001/);
    assert.match(errors[0].message, /disk on fire/);
  });

  it('a file that makes the rules and the annotation scanner throw fails the whole check, and no severity setting hides it', async () => {
    // A workspace handing out something that is not text: every use of it throws.
    const hostileText = new Proxy({}, {
      get() {
        throw new Error('hostile text');
      },
    }) as unknown as string;
    class HostileWorkspace extends MemoryWorkspace {
      override readText(path: string): string | undefined {
        return path === 'src/evil.ts' ? hostileText : super.readText(path);
      }
    }
    const ws = new HostileWorkspace({
      '.rationale.json': JSON.stringify({ severity: { 'internal-error': 'off' } }),
      'docs/adr/0001-layers.md': layers,
      // forbid-import runs only when an import extractor finds a name: the extractor meets the text first.
      'docs/adr/0002-no-moment.md': '---\nstatus: accepted\nrules:\n  - forbid-import: [moment]\n---\n# No moment\n',
      'src/evil.ts': 'x',
      'src/ok.ts': 'eval(1);\n',
    });
    const { result } = await indexAndCheck(ws, { today: '2026-11-23' });
    const errors = result.findings.filter((f) => f.code === 'internal-error');
    assert.ok(errors.length >= 2, JSON.stringify(result.findings));
    assert.ok(errors.every((f) => f.path === 'src/evil.ts' && f.severity === 'error'));
    assert.ok(errors.some((f) => f.decision === 'ADR-0001' && /forbid-pattern/.test(f.message) && /hostile text/.test(f.message)), 'the rule is named');
    assert.ok(errors.some((f) => f.decision === 'ADR-0002' && /forbid-import/.test(f.message) && /hostile text/.test(f.message)), 'the import extractor failure is not swallowed');
    assert.ok(errors.some((f) => f.decision === null && /annotations/.test(f.message)), 'the scanner is named');
    // The other files are still checked.
    assert.ok(result.findings.some((f) => f.path === 'src/ok.ts' && f.code === 'forbid-pattern'));
  });
});
