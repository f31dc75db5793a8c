import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { md } from '../helpers/markers.js';
import { rationale } from './cliHarness.js';

/** `explain` on a repository nobody has annotated: rule scopes, bare ids and mentions still explain code. */
const files = {
  '.git/': '',
  'docs/adr/0001-ui-layer.md': md`
    ---
    status: accepted
    rules:
      - forbid-layer:
          from: ["src/ui/**"]
          to: ["src/db/**"]
    ---
    # The UI does not call the database
  `,
  'docs/adr/0002-retries.md': md`
    ---
    status: accepted
    ---
    # Retry with backoff

    The retry loop is in \`src/net/fetch.ts\`.
  `,
  'src/ui/cart.ts': 'export const cart = 1;\n',
  'src/net/fetch.ts': '// See ADR-0002 for the backoff.\nexport function retry() {\n  return 1;\n}\n',
  'src/net/other.ts': 'export {};\n',
};

describe('rationale explain without annotations', () => {
  it('names a decision whose layer rule scopes the file, and says how', async () => {
    const r = await rationale(['explain', 'src/ui/cart.ts'], { files });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^src\/ui\/cart\.ts is governed by 1 document\n\nADR-0001 {2}The UI does not call the database\n/);
    assert.match(r.stdout, /\n {2}why {6}its rule scopes src\/ui\/\*\*\n/);
    const json = JSON.parse((await rationale(['explain', 'src/ui/cart.ts', '--json'], { files })).stdout) as { governing: { id: string; via: string; glob?: string; strength: string }[] };
    assert.deepEqual(json.governing.map((g) => [g.id, g.via, g.glob, g.strength]), [['ADR-0001', 'rule', 'src/ui/**', 'strong']]);
  });

  it('counts a bare id in a comment, and a mention, as weaker citations', async () => {
    const r = await rationale(['explain', 'src/net/fetch.ts:3', '--json'], { files });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { governing: { id: string; via: string; strength: string; reason: string; annotationLine?: number }[] };
    assert.deepEqual(out.governing.map((g) => [g.id, g.via, g.strength, g.reason, g.annotationLine]), [['ADR-0002', 'bare-id', 'weak', 'its id is written in a comment on line 1', 1]]);
    const text = await rationale(['explain', 'src/net/fetch.ts:3'], { files });
    assert.match(text.stdout, /\n {2}why {6}its id is written in a comment on line 1 \(weaker than an annotation\)\n/);
  });

  it('names a document that mentions the file when nothing else does', async () => {
    const files2 = { ...files, 'src/net/fetch.ts': 'export function retry() {}\n' };
    const r = await rationale(['explain', 'src/net/fetch.ts'], { files: files2 });
    assert.match(r.stdout, /\nADR-0002 {2}Retry with backoff\n/);
    assert.match(r.stdout, /\n {2}why {6}mentioned in ADR-0002 as `src\/net\/fetch\.ts` \(weaker than an annotation\)\n/);
    const none = await rationale(['explain', 'src/net/other.ts'], { files: files2 });
    assert.match(none.stdout, /^Nothing governs src\/net\/other\.ts/);
  });
});
