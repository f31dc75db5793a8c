import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { checkProperty } from '../../helpers/checkProperty.js';
import { defaultIdPrefixes } from '../../../server/src/core/documents/ids.js';
import { parseDocument } from '../../../server/src/core/documents/parseDocument.js';
import { lightParseDocument } from '../../../server/src/core/documents/lightParse.js';
import type { RationaleDocument } from '../../../server/src/core/documents/document.js';
import { flatFrontMatter } from '../../../server/src/core/documents/flatFrontMatter.js';
import { parseFrontMatter } from '../../../server/src/core/documents/frontMatter.js';
import { LineMap } from '../../../server/src/core/base/range.js';
import { buildIndex, documentIndexSteps, type WorkspaceIndex } from '../../../server/src/core/index/workspaceIndex.js';
import { NodeWorkspace } from '../../../server/src/node/nodeWorkspace.js';

const corporaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../test/fixtures/corpora');

/** The full parse as the light one claims to fill it: everything but the summary and the schema's findings. */
function claimed(doc: RationaleDocument): unknown {
  return { ...doc, summary: undefined, problems: doc.problems.filter((p) => p.code !== 'schema-violation') };
}

function assertAgrees(light: RationaleDocument, full: RationaleDocument): void {
  assert.deepEqual(claimed(light), claimed(full), `light and full parses of ${full.path} differ`);
  assert.equal(light.summary, '', `${full.path}: the light parse leaves the summary out`);
}

function runToEnd(steps: Generator<undefined, WorkspaceIndex>): WorkspaceIndex {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

const ctx = { kind: 'decision' as const, idPrefixes: defaultIdPrefixes, statusMap: {} };

describe('lightParseDocument', () => {
  it('agrees with the full parse on every document of the real collections, and is light for some of them', () => {
    const corpora = fs.readdirSync(corporaDir).filter((c) => fs.statSync(path.join(corporaDir, c)).isDirectory());
    assert.ok(corpora.length >= 3, `corpora found: ${corpora.join(', ')}`);
    let documents = 0;
    let lightOnes = 0;
    for (const corpus of corpora) {
      // Indexing only reads the corpus, so it is read in place.
      const ws = new NodeWorkspace(path.join(corporaDir, corpus));
      const full = buildIndex(ws);
      const light = runToEnd(documentIndexSteps(ws, undefined, undefined, Infinity, () => true));
      assert.deepEqual([...light.documents.keys()], [...full.documents.keys()], `${corpus}: the same documents`);
      for (const [p, fullDoc] of full.documents) {
        documents++;
        const lightDoc = light.documents.get(p)!;
        // A fallback is the full parse; a light parse agrees on what it claims and leaves the summary empty.
        assert.deepEqual(claimed(lightDoc), claimed(fullDoc), `${corpus}: light and full parses of ${p} differ`);
        if (lightDoc.summary !== fullDoc.summary) {
          assert.equal(lightDoc.summary, '', `${corpus}: ${p}`);
          lightOnes++;
        }
      }
    }
    assert.ok(documents > 50, `documents compared: ${documents}`);
    assert.ok(lightOnes > 0, 'no corpus document was parsed light');
  });

  it('parses a front-matter decision with a plain title light, leaving out its summary and schema findings', () => {
    const text = '---\nstatus: accepted\ndate: 2026-01-01\nsupersedes: ADR-0001\nunknown-field: 1\n---\n# Use plain titles\n\nWhy: because.\n\n## Context\n\nIt is so.\n';
    const light = lightParseDocument('docs/adr/0002-plain.md', text, ctx);
    const full = parseDocument('docs/adr/0002-plain.md', text, ctx);
    assert.ok(light, 'light parse expected');
    assert.equal(light.title, 'Use plain titles');
    assert.equal(light.status, 'accepted');
    assert.deepEqual(light.links.map((l) => [l.type, l.target]), [['supersedes', 'ADR-0001']]);
    assertAgrees(light, full);
  });

  for (const [what, body] of [
    ['a title with emphasis', '# Use *plain* titles\n'],
    ['a status bullet', '# Title\n\n* Status: accepted\n'],
    ['an adr-tools Status section', '# 1. Title\n\n## Status\n\nAccepted\n'],
    ['a setext heading', 'Title\n=====\n'],
    ['a fence before the first section', '# Title\n\n```\n- x\n```\n'],
    ['an indented heading', '  # Title\n'],
    ['a title ending in a space', '# Title \n'],
    ['a comment before the title', '<!-- x -->\n# Title\n'],
  ]) {
    it(`falls back to the full parse for ${what}`, () => {
      assert.equal(lightParseDocument('docs/adr/0001-x.md', body, ctx), undefined);
    });
  }
});

/** Lines headers are made of: those the light parse reads, and those it must turn down. */
const headerLine = fc.constantFrom(
  '# Use plain titles\n', '# 1. Record decisions\n', '# ADR 7: Pick a queue\n', '# Summary\n', '# Use *this*\n', '# A `code` title\n',
  '# Title #\n', '# Title \n', '#\tTabbed\n', '   # Indented\n', '## Status\n', '## Context\n', 'Accepted\n', 'Date: 2020-01-02\n',
  '* Status: accepted\n', '- Deciders: Ann, Bob\n', '1. item\n', '> - Status: quoted\n', 'Status\n', '------\n', '======\n',
  '```\n', '~~~\n', 'A paragraph with [a link](0001-x.md).\n', '<!-- comment -->\n', '\n', '\r\n', '    code\n', 'Superseded by [2](0002-y.md)\n',
);
/** Front-matter lines, flat and otherwise: what the flat reader reads and what it must turn down. */
const frontMatterLine = fc.constantFrom(
  'status: accepted\n', 'status: superseded by ADR-0009\n', 'date: 2026-01-01\n', 'date: 2026-1-1\n', 'title: Use a queue (for now)\n',
  'title: A: b\n', 'title: x # comment\n', 'title: true\n', 'title: Null\n', 'id: 12\n', 'id: ADR-0012\n', 'status:  accepted\n',
  'status: accepted \n', 'status:\n', 'status: "quoted"\n', 'supersedes: [ADR-1]\n', 'supersedes:\n  - ADR-1\n', 'Status: accepted\n',
  'owner: ann/bob\n', '# comment\n', '\n', 'status: accepted\r\n', 'status: draft\n', 'kind: goal\n', '  indented: x\n', 'a b: c\n',
  'review-by: 2027-01-01\n', 'applies-to: src/x.ts\n',
);
const generatedFrontMatter = fc.array(frontMatterLine, { maxLength: 6 }).map((ls) => `---\n${ls.join('')}---\n`);

describe('flatFrontMatter', () => {
  it('reads flat front matter as the YAML reader does, and turns down the rest', () => {
    checkProperty('flat front matter equals YAML front matter', [generatedFrontMatter], (fm) => {
      const text = `${fm}# Title\n`;
      const lines = new LineMap(text);
      const flat = flatFrontMatter(text, lines);
      if (flat) {
        const yaml = parseFrontMatter(text, lines)!;
        assert.deepEqual(flat.data, yaml.data);
        assert.deepEqual([flat.range, flat.bodyOffset, flat.errors], [yaml.range, yaml.bodyOffset, yaml.errors]);
        for (const key of [...Object.keys(flat.data ?? {}), 'missing']) {
          assert.deepEqual(flat.rangeAt([key]), yaml.rangeAt([key]), `rangeAt ${key}`);
          assert.deepEqual(flat.rangeAt([key, 0, 'x']), yaml.rangeAt([key, 0, 'x']), `rangeAt ${key} deeper`);
          assert.deepEqual(flat.keyRange(key), yaml.keyRange(key), `keyRange ${key}`);
        }
        assert.deepEqual(flat.rangeAt([]), yaml.rangeAt([]));
      }
      return { flat: flat !== undefined, fellBack: flat === undefined };
    }, { numRuns: 2000, minimumFractions: { flat: 0.1, fellBack: 0.3 } });
  });
});

const frontMatter = fc.oneof(generatedFrontMatter, fc.constantFrom(
  '', '---\nstatus: accepted\n---\n', '---\ntitle: From front matter\nstatus: superseded by ADR-0009\n---\n',
  '---\nstatus: proposed\ndate: 2026-01-01\ndeciders: Ann\n---\n', '---\nkind: goal\nid: 3\n---\n', '---\nstatus: [\n---\n', '---\nrules: 7\nstatus: weird\n---\n',
));

describe('lightParseDocument on generated headers', () => {
  it('agrees with the full parse whenever it does not fall back', () => {
    checkProperty('light parse equals full parse', [frontMatter, fc.array(headerLine, { maxLength: 8 })], (fm, lines) => {
      const text = fm + lines.join('');
      const light = lightParseDocument('docs/adr/0003-generated.md', text, ctx);
      if (light) assertAgrees(light, parseDocument('docs/adr/0003-generated.md', text, ctx));
      return { light: light !== undefined, fellBack: light === undefined };
    }, { numRuns: 2000, minimumFractions: { light: 0.05, fellBack: 0.2 } });
  });
});
