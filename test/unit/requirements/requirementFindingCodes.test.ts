import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findingHelp } from '../../../server/src/cli/findingHelp.js';
import { compareFindings } from '../../../server/src/core/base/finding.js';
import { requirementFindingCodes } from '../../../server/src/core/requirements/requirementFinding.js';
import { traceRequirements } from '../../../server/src/core/requirements/requirementTrace.js';
import { parseRequirementItems } from '../../../server/src/core/requirements/parseRequirementItems.js';
import { scanCoverageTagsInSource } from '../../../server/src/core/requirements/scanCoverageTags.js';

describe('requirement finding codes', () => {
  it('are explained by the CLI like every other code', () => {
    for (const code of requirementFindingCodes) {
      const help = findingHelp[code];
      assert.ok(help, code);
      assert.match(help.name, /^[A-Z][A-Za-z]+Requirement|^Requirement[A-Za-z]+$/);
      assert.ok(help.short.length > 10 && help.help.length > 10, code);
    }
  });

  it('come out of tracing sorted by file, line and code, as compareFindings orders every finding', () => {
    const spec = parseRequirementItems('spec.md', '## B\n`req~b~1`\nNeeds: impl\n\n## A\n`req~a~1`\nNeeds: impl, utest\n\n## A again\n`req~a~1`\n');
    const tags = scanCoverageTagsInSource('a.ts', '// [impl->req~zz~1]\n// [impl->req~b~0]\n');
    const { findings } = traceRequirements(spec.items, tags.tags);
    assert.deepEqual(findings.map((f) => `${f.path}:${f.range.start.line + 1} ${f.code}`), [
      'a.ts:1 unknown-requirement',
      'a.ts:2 outdated-requirement',
      'spec.md:2 requirement-not-covered',
      'spec.md:6 requirement-not-covered',
      'spec.md:6 requirement-not-covered',
      'spec.md:10 duplicate-requirement',
    ]);
    assert.deepEqual([...findings].sort(compareFindings), findings);
  });
});
