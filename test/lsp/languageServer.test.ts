import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, CompletionItem, Diagnostic, DocumentDiagnosticReport, Hover, Location, SymbolInformation, WorkspaceDiagnosticReport } from 'vscode-languageserver/node';
import { annotationTextRequest, governingRequest, treeRequest, type AnnotationTextResult, type GoverningEntry, type TreeResult } from '../../server/src/protocol.js';
import { md } from '../helpers/markers.js';
import { startFixture, type LspFixture } from './lspHarness.js';

const files = {
  'docs/goals/growth.md': '---\nid: GOAL-growth\ntitle: Double self-serve revenue\npriority: P0\n---\n# Double self-serve revenue\n',
  'docs/prd/0001-onboarding.md': '---\ngoals: [GOAL-growth]\npriority: P1\nappetite: 6 weeks\n---\n# Self-serve onboarding\n',
  'docs/adr/0001-use-moment.md': '# 1. Use Moment\n\n## Status\n\n⟦Accepted⟧\n\n## Context\n\nDates.\n',
  'docs/adr/0002-use-date-fns.md': md`
    ---
    status: accepted
    title: "Use date-fns [evil](command:workbench.action.terminal.new)"
    date: 2026-06-02
    supersedes: ADR-0001
    project: ⟦PRD-0001⟧
    rules:
      - forbid-import: moment
        severity: error
    ---
    # Use date-fns [evil](command:workbench.action.terminal.new)

    ## Context and Problem Statement

    Moment is in maintenance mode.
  `,
  'src/app.ts': md`
    // @decision ADR-0002
    import { format } from 'date-fns';
    import moment from '⟦moment⟧';

    export function show(d: Date): string {
      return format(d, 'PP') + moment().fromNow();┃
    }
  `,
  'src/old.ts': '// @adr ⟦ADR-0001⟧\nexport const x = 1;\n',
  'src/unopened.ts': "import m from 'moment';\nexport default m;\n",
};

let fx: LspFixture;
before(async () => {
  // `exceptionDays: 0` (rationale.exceptions.defaultDays): the exception quick fix proposes no end date.
  fx = await startFixture(files, { initializationOptions: { exceptionDays: 0 } });
});
after(() => fx?.dispose());

/** Sends one LSP request at a fixture cursor (or position) and returns the raw result. */
async function check<T>(method: string, path: string, extra: Record<string, unknown> = {}, position = fx.cursors[path]): Promise<T> {
  return fx.client.sendRequest(method, { textDocument: { uri: fx.uri(path) }, position, ...extra }) as Promise<T>;
}

describe('language server', () => {
  it('reports indexing progress from begin to end, never going back', () => {
    const kinds = fx.progress.map((p) => p.kind);
    assert.equal(kinds[0], 'begin');
    assert.equal(kinds[kinds.length - 1], 'end');
    const percentages = fx.progress.flatMap((p) => (p.percentage === undefined ? [] : [p.percentage]));
    assert.deepEqual(percentages, [...percentages].sort((a, b) => a - b));
    assert.ok(fx.progress.some((p) => p.kind === 'report' && /^checking files \d+\/\d+$/.test(p.message ?? '')));
  });

  it('hovers code with the governing decision, its project and goal, escaped, with our command links', async () => {
    await fx.open('src/app.ts');
    const hover = await check<Hover>('textDocument/hover', 'src/app.ts');
    const value = (hover.contents as { value: string }).value;
    assert.match(value, /\*\*ADR-0002\*\*/);
    assert.match(value, /Use date-fns \\\[evil\\\]\\\(command:workbench/, 'document Markdown is escaped, not a link');
    assert.match(value, /`accepted`/);
    assert.match(value, /Moment is in maintenance mode/);
    assert.match(value, /Project \*\*PRD-0001\*\* Self-serve onboarding \(priority P1, appetite 6 weeks/);
    assert.match(value, /Goal \*\*GOAL-growth\*\* Double self-serve revenue/);
    assert.match(value, /\(command:rationale\.openDocument\?/);
    assert.doesNotMatch(value, /\]\(command:workbench/);
  });

  it('shows a recorded exception when hovering the line it excuses', async () => {
    await fx.open('src/old.ts', '// rationale-disable-next-line ADR-0002 -- legacy importer, removed in Q3\nimport m from "moment";\n');
    const hover = await check<Hover>('textDocument/hover', 'src/old.ts', {}, { line: 1, character: 3 });
    assert.match((hover.contents as { value: string }).value, /\*\*Exception\*\* to \*\*ADR-0002\*\*: legacy importer, removed in Q3/);
  });

  it('hovers an id in front matter with that document', async () => {
    const start = fx.ranges['docs/adr/0002-use-date-fns.md'][0].start;
    const hover = await check<Hover>('textDocument/hover', 'docs/adr/0002-use-date-fns.md', {}, { line: start.line, character: start.character + 2 });
    assert.match((hover.contents as { value: string }).value, /\*\*PRD-0001\*\* · Self-serve onboarding/);
  });

  it('pulls diagnostics for a forbidden import and a superseded citation', async () => {
    const report = await check<DocumentDiagnosticReport & { items: Diagnostic[] }>('textDocument/diagnostic', 'src/app.ts');
    const imp = report.items.find((d) => d.code === 'forbid-import');
    assert.ok(imp, JSON.stringify(report.items));
    assert.deepEqual(imp.range, fx.ranges['src/app.ts'][0]);
    assert.equal(imp.severity, 1);
    await fx.open('src/old.ts');
    const old = await check<{ items: Diagnostic[] }>('textDocument/diagnostic', 'src/old.ts');
    const sup = old.items.find((d) => d.code === 'superseded-reference');
    assert.ok(sup);
    assert.deepEqual(sup.range, fx.ranges['src/old.ts'][0]);
  });

  it('reports unopened files through workspace diagnostics', async () => {
    const report = await fx.client.sendRequest('workspace/diagnostic', { previousResultIds: [] }) as WorkspaceDiagnosticReport;
    const entry = report.items.find((i) => i.uri === fx.uri('src/unopened.ts'));
    assert.ok(entry && entry.kind === 'full');
    assert.deepEqual(entry.items.map((d) => d.code), ['forbid-import']);
  });

  it('offers quick fixes: successor id, mark superseded, record an exception', async () => {
    const old = await check<{ items: Diagnostic[] }>('textDocument/diagnostic', 'src/old.ts');
    const sup = old.items.find((d) => d.code === 'superseded-reference')!;
    const actions = await check<CodeAction[]>('textDocument/codeAction', 'src/old.ts', { range: sup.range, context: { diagnostics: [sup] } });
    const replace = actions.find((a) => a.title.startsWith('Replace with ADR-0002'));
    assert.deepEqual(replace?.edit?.changes?.[fx.uri('src/old.ts')], [{ range: sup.range, newText: 'ADR-0002' }]);
    const exception = actions.find((a) => a.title.startsWith('Record an exception'));
    assert.deepEqual(exception?.edit?.changes?.[fx.uri('src/old.ts')]?.[0].newText, '// rationale-disable-next-line ADR-0001 -- <reason>\n');

    await fx.open('docs/adr/0001-use-moment.md');
    const adr = await check<{ items: Diagnostic[] }>('textDocument/diagnostic', 'docs/adr/0001-use-moment.md');
    const still = adr.items.find((d) => d.code === 'superseded-still-accepted');
    assert.ok(still, JSON.stringify(adr.items));
    assert.deepEqual(still.range, fx.ranges['docs/adr/0001-use-moment.md'][0]);
    const fixes = await check<CodeAction[]>('textDocument/codeAction', 'docs/adr/0001-use-moment.md', { range: still.range, context: { diagnostics: [still] } });
    const mark = fixes.find((a) => a.title === 'Mark ADR-0001 as superseded by ADR-0002');
    const edit = mark?.edit?.changes?.[fx.uri('docs/adr/0001-use-moment.md')]?.[0];
    assert.match(edit?.newText ?? '', /^Superseded by \[2\. Use date-fns .*\]\(0002-use-date-fns\.md\)$/);
    assert.deepEqual(edit?.range, still.range, 'only the status line changes');
  });

  it('completes ids after @decision with titles and statuses', async () => {
    await fx.change('src/old.ts', '// @decision \nexport const x = 1;\n');
    const items = await check<CompletionItem[]>('textDocument/completion', 'src/old.ts', {}, { line: 0, character: 13 });
    assert.deepEqual(items.map((i) => i.label).sort(), ['ADR-0001', 'ADR-0002']);
    const current = items.find((i) => i.label === 'ADR-0002')!;
    assert.match(String(current.detail), /Use date-fns/);
    // The row itself says what the id is: the title right after the id, the status at the end.
    assert.equal(current.labelDetails?.detail, ' Use date-fns [evil](command:workbench.action.terminal.new)');
    assert.equal(current.labelDetails?.description, 'accepted');
    assert.ok(current.sortText! < items.find((i) => i.label === 'ADR-0001')!.sortText!, 'decisions in force first');
  });

  it('answers the annotation line Link Code to Decision inserts, indented, in the file\'s syntax', async () => {
    await fx.open('src/nested.py', 'def f():\n    return 1\n');
    const python = (await fx.client.sendRequest(annotationTextRequest.method, { uri: fx.uri('src/nested.py'), id: 'ADR-0002', line: 1, languageId: 'python' })) as AnnotationTextResult;
    assert.deepEqual(python, { text: '    # @decision ADR-0002' });
    const unknownLanguage = (await fx.client.sendRequest(annotationTextRequest.method, { uri: fx.uri('src/nested.py'), id: 'ADR-0002', line: 0, languageId: 'plaintext' })) as AnnotationTextResult;
    assert.deepEqual(unknownLanguage, { text: '# @decision ADR-0002' }, 'the file name decides when the language id says nothing');
  });

  it('goes to the definition of an id and finds references of a document', async () => {
    const def = await check<Location>('textDocument/definition', 'src/app.ts', {}, { line: 0, character: 15 });
    assert.equal(def.uri, fx.uri('docs/adr/0002-use-date-fns.md'));
    const refs = await check<Location[]>('textDocument/references', 'docs/adr/0002-use-date-fns.md', { context: { includeDeclaration: false } }, { line: 11, character: 3 });
    assert.ok(refs.some((r) => r.uri === fx.uri('src/app.ts') && r.range.start.line === 0), JSON.stringify(refs));
  });

  it('lists goals, projects and decisions as workspace symbols', async () => {
    const symbols = (await fx.client.sendRequest('workspace/symbol', { query: 'date' })) as SymbolInformation[];
    assert.deepEqual(symbols.map((s) => s.name.split(':')[0]), ['ADR-0002']);
  });

  it('answers the tree and governing custom requests', async () => {
    const tree = (await fx.client.sendRequest(treeRequest.method)) as TreeResult;
    assert.equal(tree.goals[0].document.id, 'GOAL-growth');
    assert.equal(tree.goals[0].children[0].document.id, 'PRD-0001');
    assert.equal(tree.goals[0].children[0].children[0].document.id, 'ADR-0002');
    assert.deepEqual(tree.goals[0].children[0].children[0].code?.map((c) => c.uri), [fx.uri('src/app.ts')]);
    assert.deepEqual(tree.unlinked.map((n) => n.document.id), ['ADR-0001']);
    // ADR-0002 (accepted) supersedes ADR-0001, whose file still says Accepted: the tree gets the status in force.
    assert.deepEqual(
      [tree.unlinked[0].document.status, tree.unlinked[0].document.writtenStatus, tree.unlinked[0].document.retired],
      ['superseded', 'accepted', true],
    );
    assert.deepEqual([tree.goals[0].children[0].children[0].document.writtenStatus, tree.goals[0].children[0].children[0].document.retired], [undefined, false]);
    const gov = (await fx.client.sendRequest(governingRequest.method, { uri: fx.uri('src/app.ts') })) as GoverningEntry[];
    assert.deepEqual(gov.map((g) => [g.document.id, g.via, g.goals.map((x) => x.id)]), [['ADR-0002', 'annotation', ['GOAL-growth']]]);
  });

  it('indexes a document the moment it is opened, before the file watcher reports it', async () => {
    const indexed = fx.nextIndexed();
    await fx.open('docs/adr/0003-brand-new.md', '---\nstatus: proposed\n---\n# Brand new\n');
    const params = await indexed;
    assert.equal(params.counts.decision, 3);
    const symbols = (await fx.client.sendRequest('workspace/symbol', { query: 'brand' })) as SymbolInformation[];
    assert.deepEqual(symbols.map((x) => x.name), ['ADR-0003: Brand new']);
  });

  it('updates diagnostics when a decision changes in the editor', async () => {
    const path = 'docs/adr/0002-use-date-fns.md';
    await fx.open(path);
    const indexed = fx.nextIndexed();
    await fx.change(path, fx.texts[path].replace('status: accepted', 'status: proposed'));
    await indexed;
    const report = await check<{ items: Diagnostic[] }>('textDocument/diagnostic', 'src/app.ts');
    assert.equal(report.items.filter((d) => d.code === 'forbid-import').length, 0, 'a proposed decision is not enforced');
  });
});
