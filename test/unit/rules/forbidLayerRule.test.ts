import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importTargets } from '../../../server/src/core/rules/resolveImport.js';
import { check } from './checkRules.js';

const layers = { id: 'ADR-0004', title: 'Layered architecture', rules: '- forbid-layer: { from: "src/ui/**", to: "src/db/**" }\n  message: Go through src/services.' };

describe('forbid-layer', () => {
  it('resolves relative TypeScript imports with extensions, index files and .js→.ts', () => {
    const { findings } = check({
      decisions: [layers],
      files: {
        'src/ui/Button.tsx': `import { query } from '⟦../db/client⟧';
import pool from '⟦../db⟧';
import { q } from '⟦../db/query.js⟧';
import { s } from '../services/users';
import x from '⟦src/db/client⟧';
import y from 'react';`,
        'src/db/client.ts': "import { x } from '../ui/Button';",
        'src/services/users.ts': "import { query } from '../db/client';",
      },
      existing: ['src/db/index.ts', 'src/db/query.ts'],
    });
    assert.equal(findings[0].code, 'forbid-layer');
    assert.equal(findings[0].message, 'Import of `../db/client` (src/db/client.ts) from src/ui/** into src/db/** is forbidden by ADR-0004 (Layered architecture): Go through src/services.');
    assert.deepEqual(findings.map((f) => f.data?.resolved), ['src/db/client.ts', 'src/db/index.ts', 'src/db/query.ts', 'src/db/client.ts']);
  });

  it('still reports an import into the layer when the target file does not exist', () => {
    check({ decisions: [layers], files: { 'src/ui/a.ts': "import g from '⟦../db/generated⟧';" } });
  });

  it('resolves Python relative imports by their dots, and absolute ones from a source root', () => {
    check({
      decisions: [{ id: 'ADR-0005', rules: '- forbid-layer: { from: "app/ui/**", to: ["app/db/**"] }' }],
      files: {
        'app/ui/views.py': `from ⟦..db⟧ import session
from ..services import users
from .. import ⟦db⟧
import ⟦app.db.models⟧
from .widgets import button`,
        'app/db/__init__.py': '',
        'app/db/models.py': 'from ..ui import views',
      },
    });
  });

  it('resolves C quoted includes next to the including file', () => {
    check({
      decisions: [{ id: 'ADR-0006', rules: '- forbid-layer: { from: "src/ui/**", to: "src/db/**" }' }],
      files: { 'src/ui/w.c': '#include "⟦../db/db.h⟧"\n#include <stdio.h>\n#include "ui.h"' },
      existing: ['src/db/db.h', 'src/ui/ui.h'],
    });
  });

  it('honours files and except on top of from', () => {
    check({
      decisions: [{ id: 'ADR-0004', appliesTo: ['src/db/**'], rules: '- forbid-layer: { from: "src/ui/**", to: "src/db/**" }\n  except: ["src/ui/admin/**"]' }],
      files: {
        'src/ui/a.ts': "import c from '⟦../db/client⟧';",
        'src/ui/admin/b.ts': "import c from '../../db/client';",
      },
    });
  });
});

describe('importTargets', () => {
  const exists = (files: string[]) => (p: string) => files.includes(p);
  it('never resolves outside the workspace', () => {
    assert.deepEqual(importTargets('src/a.ts', '../../../etc/passwd', 'javascript', exists([])), []);
    assert.deepEqual(importTargets('a.py', '...x', 'python', exists([])), []);
  });
  it('maps Rust crate paths to the crate source folder', () => {
    assert.deepEqual(importTargets('core/src/ui/view.rs', 'crate::db::client', 'rust', exists([])), ['core/src/db/client', 'core/src/db/client.rs']);
  });
  it('maps dotted JVM names to paths', () => {
    assert.deepEqual(importTargets('A.java', 'com.acme.db.Repo', 'jvm', exists([])), ['com/acme/db/Repo']);
  });
});
