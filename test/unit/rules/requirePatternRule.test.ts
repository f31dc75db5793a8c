import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from './checkRules.js';

describe('require-pattern', () => {
  it('reports a file in scope without the pattern once, on its first line', () => {
    const { findings } = check({
      decisions: [{ id: 'ADR-0020', title: 'License headers', rules: `- require-pattern: 'SPDX-License-Identifier'\n  files: ["src/**/*.ts"]\n  severity: info` }],
      files: {
        'src/a.ts': '⟦import x from "y";⟧\nexport {};',
        'src/b.ts': '// SPDX-License-Identifier: MIT\nexport {};',
        'src/empty.ts': '⟦⟧',
        'test/a.ts': 'export {};',
      },
    });
    assert.equal(findings[0].code, 'require-pattern');
    assert.equal(findings[0].severity, 'info');
    assert.equal(findings[0].message, 'This file lacks the pattern `SPDX-License-Identifier` required by ADR-0020 (License headers).');
  });

  it("uses the decision's applies-to when the rule has no files, minus except", () => {
    check({
      decisions: [{ id: 'ADR-0021', appliesTo: ['lib/**'], rules: `- require-pattern: '(?i)copyright'\n  except: lib/vendor/**` }],
      files: {
        'lib/a.py': '⟦import os⟧',
        'lib/b.py': '# Copyright 2024 ACME',
        'lib/vendor/c.py': 'import os',
        'tools/d.py': 'import os',
      },
    });
  });
});
