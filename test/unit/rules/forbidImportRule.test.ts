import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { moduleCandidates } from '../../../server/src/core/rules/forbidImportRule.js';
import { check } from './checkRules.js';

const dates = { id: 'ADR-0007', title: 'Use date-fns for dates' };

describe('forbid-import', () => {
  it('reports imports of a forbidden module and its sub-paths, not look-alikes', () => {
    const { findings } = check({
      decisions: [{ ...dates, rules: `- forbid-import: [moment, moment-timezone]\n  severity: error\n  message: Use date-fns; see the decision.` }],
      files: {
        'src/a.ts': `import m from '⟦moment⟧';
import fr from '⟦moment/locale/fr⟧';
import tz from '⟦moment-timezone⟧';
import x from 'momentum';
import y from 'date-fns';
// import z from 'moment';`,
      },
    });
    assert.equal(findings[0].message, 'Import of `moment` is forbidden by ADR-0007 (Use date-fns for dates): Use date-fns; see the decision.');
    assert.equal(findings[1].message, 'Import of `moment/locale/fr` (matches `moment`) is forbidden by ADR-0007 (Use date-fns for dates): Use date-fns; see the decision.');
    for (const f of findings) {
      assert.equal(f.code, 'forbid-import');
      assert.equal(f.severity, 'error');
      assert.equal(f.decision, 'ADR-0007');
      assert.deepEqual(f.data?.rule, 0);
    }
  });

  it('accepts a single module name and globs, and defaults to warning without a message', () => {
    const { findings } = check({
      decisions: [{ id: 'ADR-0002', title: 'No Angular', rules: `- forbid-import: '@angular/*'\n- forbid-import: 'lodash*'` }],
      files: {
        'src/a.ts': `import { Component } from '⟦@angular/core⟧';
import fp from '⟦lodash/fp⟧';
import debounce from '⟦lodash.debounce⟧';
import v from 'vue';`,
      },
    });
    assert.equal(findings[0].severity, 'warning');
    assert.equal(findings[0].message, 'Import of `@angular/core` (matches `@angular/*`) is forbidden by ADR-0002 (No Angular).');
    assert.deepEqual(findings.map((f) => f.data?.rule), [0, 1, 1]);
  });

  it('matches modules in every import family by their own separators', () => {
    check({
      decisions: [{ id: 'ADR-0003', rules: `- forbid-import: [requests, org.hibernate, tokio, System.Data.SqlClient, boost, github.com/pkg/errors, node-fetch]` }],
      files: {
        'app/a.py': 'import ⟦requests.adapters⟧\nfrom ⟦requests⟧ import get\nimport requests_mock',
        'src/A.java': 'import ⟦org.hibernate.Session⟧;\nimport org.hibernatex.Y;',
        'src/main.rs': 'use ⟦tokio::runtime::Runtime⟧;\nuse tokio_util::x;\nuse tokio::{⟦sync::mpsc⟧, ⟦self⟧};',
        'src/A.cs': 'using ⟦System.Data.SqlClient⟧;\nusing System.Data;',
        'src/a.cpp': '#include <⟦boost/asio.hpp⟧>',
        'main.go': 'import "⟦github.com/pkg/errors⟧"',
        'src/b.js': "const f = require('⟦node-fetch⟧');",
      },
    });
  });

  it('scopes by `files` and `except`', () => {
    check({
      decisions: [{ ...dates, rules: `- forbid-import: moment\n  files: ["src/**"]\n  except: src/legacy/**` }],
      files: {
        'src/a.ts': "import m from '⟦moment⟧';",
        'src/legacy/old.ts': "import m from 'moment';",
        'scripts/tool.ts': "import m from 'moment';",
      },
    });
  });

  it("falls back to the decision's applies-to, and to every file without it", () => {
    check({
      decisions: [
        { ...dates, appliesTo: ['web/**'], rules: '- forbid-import: moment' },
        { id: 'ADR-0008', title: 'No jQuery', rules: '- forbid-import: jquery' },
      ],
      files: {
        'web/a.ts': "import m from '⟦moment⟧';",
        'api/a.ts': "import m from 'moment';\nimport $ from '⟦jquery⟧';",
      },
    });
  });

  it('does not look at files without an import extractor', () => {
    const { rules } = check({
      decisions: [{ ...dates, rules: '- forbid-import: moment' }],
      files: { 'README.md': "import m from 'moment';", 'notes.txt': 'require("moment")' },
    });
    assert.equal(rules.appliesTo('README.md'), false);
    assert.equal(rules.appliesTo('src/a.ts'), true);
  });
});

describe('moduleCandidates', () => {
  it('lists a module and its parents by family separator', () => {
    assert.deepEqual(moduleCandidates('moment/locale/fr', 'javascript'), ['moment', 'moment/locale', 'moment/locale/fr']);
    assert.deepEqual(moduleCandidates('node:fs/promises', 'javascript'), ['node:fs/promises', 'fs', 'fs/promises']);
    assert.deepEqual(moduleCandidates('../db', 'javascript'), ['../db']);
    assert.deepEqual(moduleCandidates('a.b.c', 'python'), ['a', 'a.b', 'a.b.c']);
    assert.deepEqual(moduleCandidates('..db', 'python'), ['..db']);
    assert.deepEqual(moduleCandidates('std::io', 'rust'), ['std', 'std::io']);
    assert.deepEqual(moduleCandidates('a.b.*', 'jvm'), ['a', 'a.b', 'a.b.*']);
  });
});
