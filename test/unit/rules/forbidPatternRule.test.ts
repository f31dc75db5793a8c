import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxPatternFindingsPerFile } from '../../../server/src/core/rules/forbidPatternRule.js';
import { check } from './checkRules.js';

describe('forbid-pattern', () => {
  it('reports every match with its precise range, across lines and after astral characters', () => {
    const { findings } = check({
      decisions: [{ id: 'ADR-0010', title: 'Structured logging', rules: String.raw`- forbid-pattern: '\bconsole\.log\('
  message: Use the logger.` }],
      files: {
        'src/a.ts': `⟦console.log(⟧'a'); const x = 1; ⟦console.log(⟧x);
// 😀 ⟦console.log(⟧'in a comment counts too')
myconsole.log('no');`,
      },
    });
    assert.equal(findings[0].code, 'forbid-pattern');
    assert.equal(findings[0].message, "`console.log(` matches a pattern (`\\bconsole\\.log\\(`) forbidden by ADR-0010 (Structured logging): Use the logger.");
  });

  it('treats ^ and $ as line anchors', () => {
    check({
      decisions: [{ id: 'ADR-0011', rules: String.raw`- forbid-pattern: '^\s*debugger;?$'` }],
      files: { 'src/a.js': 'f();\n⟦  debugger;⟧\nx.debugger;\n' },
    });
  });

  it('scopes by files, except and applies-to', () => {
    check({
      decisions: [{ id: 'ADR-0012', appliesTo: ['src/**'], rules: `- forbid-pattern: TODO\n  except: ["**/*.test.ts"]` }],
      files: {
        'src/a.ts': '// ⟦TODO⟧ fix',
        'src/a.test.ts': '// TODO fix',
        'docs/notes.md': 'TODO',
      },
    });
  });

  it('never reports in the decision document that declares the pattern', () => {
    check({
      decisions: [{ id: 'ADR-0013', path: 'docs/adr/0013-no-todo.md', rules: '- forbid-pattern: FIXME' }],
      files: { 'docs/adr/0013-no-todo.md': "---\nrules:\n  - forbid-pattern: FIXME\n---\n", 'src/a.py': '# ⟦FIXME⟧' },
    });
  });

  it(`caps findings at ${maxPatternFindingsPerFile} per file`, () => {
    const rules = check({ decisions: [{ id: 'ADR-0014', rules: '- forbid-pattern: x' }], files: {} }).rules;
    const findings = rules.checkFile('a.txt', 'x'.repeat(1000), () => false);
    assert.equal(findings.length, maxPatternFindingsPerFile);
  });
});
