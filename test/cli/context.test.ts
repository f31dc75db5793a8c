import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rationale } from './cliHarness.js';

const files: Record<string, string> = {
  '.rationale.json': '{}\n',
  'docs/goals/0001-fast-checkout.md': '---\nstatus: active\n---\n# Fast checkout\n',
  'docs/prd/0001-one-page-cart.md': '---\nstatus: accepted\ngoals: [GOAL-0001]\n---\n# One-page cart\n',
  'docs/adr/0001-ui-dates.md': '---\nstatus: accepted\nproject: PRD-0001\napplies-to: ["src/ui/**"]\nrules:\n  - forbid-import: moment\n    severity: error\n    message: Use date-fns instead.\n---\n# The UI keeps dates light\n\n## Context and Problem Statement\n\nMoment is heavy.\n',
  'docs/adr/0002-ui-tests.md': '---\nstatus: accepted\napplies-to: ["src/ui/**"]\n---\n# Every UI component has a story\n\n## Context and Problem Statement\n\nStories are our visual tests.\n',
  'src/ui/cart.ts': 'export const cart = 1;\n',
};

describe('rationale context', () => {
  it('prints the decisions with their rules, project and goal as Markdown', async () => {
    const r = await rationale(['context', 'src/ui/cart.ts'], { files });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^# Before changing `src\/ui\/cart\.ts`\n/);
    assert.match(r.stdout, /## ADR-0001: The UI keeps dates light\n\n- Decision, accepted\n- Why: applies-to src\/ui\/\*\*\n/);
    assert.match(r.stdout, /- Project: \*\*PRD-0001\*\* One-page cart \(active\)\n- Goal: \*\*GOAL-0001\*\* Fast checkout \(active\)/);
    assert.match(r.stdout, /- forbid-import moment \(error\): Use date-fns instead\./);
    assert.match(r.stdout, /## ADR-0002: Every UI component has a story/);
  });

  it('cuts to whole sections and says so', async () => {
    const r = await rationale(['context', 'src/ui/cart.ts:1', '--max-chars', '600'], { files });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(r.stdout.length <= 600, `${r.stdout.length} characters`);
    assert.match(r.stdout, /ADR-0001/);
    assert.doesNotMatch(r.stdout, /ADR-0002/);
    assert.match(r.stdout, /_Cut to fit: 1 more section left out/);
  });

  it('answers for a file not created yet, and refuses one outside the workspace', async () => {
    const planned = await rationale(['context', 'src/ui/checkout.ts'], { files });
    assert.equal(planned.code, 0, planned.stderr);
    assert.match(planned.stdout, /does not exist yet/);
    assert.match(planned.stdout, /ADR-0001/);
    const outside = await rationale(['context', '../elsewhere.ts', '--dir', '.'], { files });
    assert.equal(outside.code, 2);
    assert.match(outside.stderr, /outside the workspace/);
    const badCap = await rationale(['context', 'src/ui/cart.ts', '--max-chars', 'lots'], { files });
    assert.equal(badCap.code, 2);
    assert.match(badCap.stderr, /--max-chars must be a whole number/);
  });
});
