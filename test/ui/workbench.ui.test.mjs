// What a person sees of Rationale in a real VS Code workbench: the packaged extension
// (.vsix) installed into code-server, a copy of sample/ opened in headless Chromium, and
// checks on the rendered hover, Problems panel, Mental Model and This File views and the
// status bar. Screenshots go to test-results/screenshots/ (git-ignored).
//
//   npm run package
//   RATIONALE_VSIX=rationale.vsix node --test --test-reporter=spec test/ui/workbench.ui.test.mjs
//
// RATIONALE_UPDATE_DOC_IMAGES=1 also copies the README's pictures to docs/images/.
// The tests run in file order and share one window (starting one takes seconds); each
// opens what it looks at itself.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { after, before, test } from 'node:test';
import { repoRoot, SAMPLE_TODAY } from '../vscode/codeServerHost.mjs';
import { copyWorkspace, startUiSession } from './uiTest.mjs';

const EXTENSION_ID = 'rationale.rationale-cli';
const DASHBOARD = 'src/ui/dashboard.ts';
// Line 11 carries `[impl->req~retry-keeps-due-date~1]`, covering an item of PRD-0002.
const INVOICE = 'src/billing/invoice.ts';
// ADR-0004 says "only services talk to `src/db`": a mention of this file, not a citation.
const DB_CLIENT = 'src/db/client.ts';
const docImages = join(repoRoot, 'docs', 'images');

const vsix = process.env.RATIONALE_VSIX;
const workspace = copyWorkspace(join(repoRoot, 'sample'));
let ui;

/** Keeps a screenshot for the README when RATIONALE_UPDATE_DOC_IMAGES=1. */
function forDocs(path) {
  if (process.env.RATIONALE_UPDATE_DOC_IMAGES !== '1') return;
  mkdirSync(docImages, { recursive: true });
  copyFileSync(path, join(docImages, basename(path)));
}

before(async () => {
  assert.ok(vsix, 'set RATIONALE_VSIX to the .vsix to install (npm run package writes rationale.vsix)');
  ui = await startUiSession({
    vsix,
    folder: workspace.path,
    viewport: { width: 1280, height: 800 },
    // sample/ has no node_modules, so TypeScript would add "Cannot find module" errors
    // to the Problems panel; without them it shows what Rationale reports.
    // Long lines wrap, so a coverage tag at a line's end is on screen beside a wide side bar.
    settings: { 'typescript.validate.enable': false, 'editor.wordWrap': 'on' },
    // The Problems count below includes ADR-0007's review-overdue finding (review-by 2026-10-01):
    // the server's "today" is fixed so it holds whatever the real date.
    env: { RATIONALE_TODAY: SAMPLE_TODAY },
  });
  // Wide enough for tree labels like "GOAL-growth: Double self-serve revenue".
  await ui.setSidebarWidth(420);
});

after(async () => {
  await ui?.close();
  workspace.dispose();
});

test('the packaged extension is installed and adds its view container', async () => {
  assert.equal(ui.installedExtension, EXTENSION_ID);
  // The Activity Bar entry of Rationale's view container is contributed by the extension.
  await ui.page
    .locator('.part.activitybar .action-item a.action-label[aria-label^="Rationale"]')
    .waitFor({ state: 'visible', timeout: ui.timeoutMs });
});

test('hovering a line governed by ADR-0004 shows the decision, its project and goal', async () => {
  await ui.openFile(DASHBOARD);
  // Line 8, inside renderSignupDate (cited by `// @decision ADR-0004`, under its applies-to).
  const hover = await retryUntil('the Rationale hover', () => ui.hoverAt(8, 3), (text) => text.includes('ADR-0004'));
  assert.match(hover, /ADR-0004 · UI code does not call the database · accepted · 2026-03-10/);
  assert.match(hover, /Project PRD-0001 Self-serve onboarding/);
  assert.match(hover, /Goal GOAL-growth Double self-serve revenue/);
  // Rationale's own command links render as links (the only commands hovers may run).
  const links = ui.page.locator('.monaco-hover:not(.hidden) a', { hasText: /^(Open|Show in Mental Model)$/ });
  assert.ok((await links.count()) >= 2, 'Open and Show in Mental Model links');
  await ui.screenshot('rationale-hover-window');
  // The picture: the editor from its first line down to the hover's bottom edge.
  const editor = await ui.page.locator('.part.editor .editor-instance').first().boundingBox();
  forDocs(
    await ui.screenshotOf('hover', [
      ui.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'ADR-0004' }).last(),
      { x: editor.x, y: editor.y, width: Math.min(editor.width, 800), height: 1 },
    ]),
  );
  await ui.dismiss();
});

test('the Problems panel lists the forbidden `moment` import', async () => {
  const forbidden = (row) => /Import of `moment` is forbidden by ADR-0003/.test(row.text);
  const rows = await ui.readProblems({ filter: 'moment', until: (rows) => rows.some(forbidden) });
  const row = rows.find(forbidden);
  assert.match(row.text, /forbid-import/, row.text);
  assert.match(row.text, /\[Ln 4, Col 21\]/, row.text);
  assert.match(row.label, /^Error: Import of `moment` is forbidden by ADR-0003/, row.label);
  // An unopened file's violation is listed as well (workspace diagnostics).
  const manifest = (row) => /Dependency `moment` is forbidden by ADR-0003/.test(row.text);
  await ui.readProblems({ until: (rows) => rows.some(manifest) });
  // As of the server's fixed "today" (RATIONALE_TODAY), ADR-0007's review-by date has passed.
  const overdue = (row) => /ADR-0007 was due for review on 2026-10-01/.test(row.text);
  await ui.readProblems({ filter: 'due for review', until: (rows) => rows.some(overdue) });

  // The picture: every finding in the workspace, in a panel tall enough to show them all.
  await ui.readProblems({ filter: '', until: (rows) => rows.some(forbidden) && rows.some(manifest) });
  await ui.runCommand('View: Toggle Maximized Panel');
  await ui.readProblems({ until: (rows) => rows.filter((r) => /generated by rationale$/.test(r.label)).length >= 13 });
  await ui.screenshot('rationale-problems-window');
  forDocs(await ui.screenshotOf('problems', [ui.page.locator('.part.panel > .composite.title'), ui.page.locator('.markers-panel .monaco-list-row').last()]));
  await ui.runCommand('View: Toggle Maximized Panel');
});

test('the Mental Model shows goals → projects → decisions → code, and the Unlinked group', async () => {
  await ui.openViewContainer('Rationale');
  let rows = await ui.readViewRows({
    view: 'Mental Model',
    until: (rows) => rows.some((r) => /Unlinked/.test(r.text)) && rows.some((r) => /PRD-0001/.test(r.text)),
  });
  let texts = rows.map((r) => r.text);
  const indexOf = (pattern) => texts.findIndex((t) => pattern.test(t));
  const growth = indexOf(/GOAL-growth: Double self-serve revenue/);
  const reliability = indexOf(/GOAL-reliability: Payments never fail silently/);
  assert.ok(growth >= 0 && reliability >= 0, JSON.stringify(texts));
  // Goals are expanded: the onboarding project sits under growth, before the next goal.
  const onboarding = indexOf(/PRD-0001: Self-serve onboarding/);
  assert.ok(growth < onboarding && onboarding < reliability, JSON.stringify(texts));
  assert.ok(indexOf(/^Unlinked/) > reliability, JSON.stringify(texts));

  // Down the chain: the project's decisions, and the code that cites one.
  await ui.expandViewRow('Mental Model', 'PRD-0001: Self-serve onboarding');
  await ui.expandViewRow('Mental Model', 'ADR-0004: UI code does not call the database');
  rows = await ui.readViewRows({ view: 'Mental Model', until: (rows) => rows.some((r) => /dashboard\.ts:2/.test(r.text)) });
  texts = rows.map((r) => r.text);
  const adr4 = indexOf(/ADR-0004: UI code does not call the database/);
  const citation = indexOf(/dashboard\.ts:2/);
  assert.ok(onboarding < adr4 && adr4 < citation && citation < indexOf(/GOAL-reliability/), JSON.stringify(texts));
  assert.match(texts[citation], /@decision ADR-0004/, 'the citation shows the annotated line');

  await ui.screenshot('rationale-mental-model-window');
  forDocs(await ui.screenshotOf('mental-model', await paneUpToLastRow(await ui.viewPaneSelector('Mental Model'))));
});

test('This File lists what governs the active editor, and the status bar counts it', async () => {
  await ui.openFile(DASHBOARD);
  await ui.openViewContainer('Rationale');
  const rows = await ui.readViewRows({
    view: 'This File',
    until: (rows) => rows.some((r) => /ADR-0004/.test(r.text)),
  });
  const adr4 = rows.find((r) => /ADR-0004/.test(r.text));
  assert.match(adr4.text, /UI code does not call the database/, adr4.text);
  // The chain it serves is listed under it.
  assert.ok(rows.some((r) => /PRD-0001/.test(r.text) && /serves project/.test(r.text)), JSON.stringify(rows));
  assert.ok(rows.some((r) => /GOAL-growth/.test(r.text) && /serves goal/.test(r.text)), JSON.stringify(rows));

  const pane = ui.page.locator(await ui.viewPaneSelector('This File'));
  const paneDescription = normalised(await pane.locator('.pane-header').innerText());
  assert.match(paneDescription, /src\/ui\/dashboard\.ts/, paneDescription);

  const status = ui.page.locator('.part.statusbar .statusbar-item[aria-label^="Governed by"]');
  await status.waitFor({ state: 'visible', timeout: ui.timeoutMs });
  const label = await status.getAttribute('aria-label');
  const count = Number(/^Governed by (\d+) Rationale document/.exec(label ?? '')?.[1]);
  assert.ok(count >= 1, label ?? '(no label)');
  assert.equal(normalised(await status.innerText()), String(count), 'the item shows the count next to its icon');
  // The count is what This File lists (rows serving as project or goal are the chain under them).
  const governingRows = rows.filter((r) => /^(ADR|PRD|GOAL)-/.test(r.text) && !/serves (project|goal)/.test(r.text));
  assert.equal(count, governingRows.length, JSON.stringify(rows));

  await ui.screenshot('rationale-this-file-window');
  forDocs(await ui.screenshotOf('this-file', await paneUpToLastRow(await ui.viewPaneSelector('This File'))));
});

test('hovering a coverage tag shows the item it covers; the Mental Model lists a project\'s items with coverage', async () => {
  await ui.openViewContainer('Rationale');
  // Wide enough for an item's title beside its coverage.
  await ui.setSidebarWidth(560);
  // Room for the reliability goal's chain: the growth goal's was opened by an earlier test.
  await ui.collapseViewRow('Mental Model', 'GOAL-growth: Double self-serve revenue');
  await ui.expandViewRow('Mental Model', 'PRD-0002: Payment retries');
  const rows = await ui.readViewRows({
    view: 'Mental Model',
    until: (rows) => rows.some((r) => /^req~notify-customer-of-failure~1/.test(r.text)),
  });
  const texts = rows.map((r) => r.text);
  const indexOf = (pattern) => texts.findIndex((t) => pattern.test(t));
  const project = indexOf(/^PRD-0002: Payment retries/);
  const covered = indexOf(/^req~retry-keeps-due-date~1: 1\/1 covered/);
  const uncovered = indexOf(/^req~notify-customer-of-failure~1: 0\/1 covered/);
  // The items sit under their project, each with its title beside the coverage.
  assert.ok(project >= 0 && project < covered && project < uncovered, JSON.stringify(texts));
  assert.ok(Math.max(covered, uncovered) < indexOf(/^Unlinked/), JSON.stringify(texts));
  assert.match(texts[covered], /A retry keeps the due date$/, texts[covered]);
  assert.match(texts[uncovered], /Tell the customer when retries run out$/, texts[uncovered]);

  await ui.openFile(INVOICE);
  const thisFile = await ui.readViewRows({ view: 'This File', until: (rows) => rows.some((r) => /^Covers req~/.test(r.text)) });
  const covers = thisFile.find((r) => /^Covers req~/.test(r.text));
  assert.match(covers.text, /^Covers req~retry-keeps-due-date~1 ?A retry keeps the due date — impl · line 11 — 1\/1 covered$/, covers.text);

  // Over the tag's target (line 11, column 57), the hover is about the item, not the line's governance.
  const hover = await retryUntil('the requirement hover', () => ui.hoverAt(11, 57), (text) => text.includes('req~retry-keeps-due-date~1'));
  assert.match(hover, /^req~retry-keeps-due-date~1 · A retry keeps the due date /, hover);
  assert.match(hover, /An invoice whose payment is retried stays due 14 days after issue, however many tries it takes\./);
  assert.match(hover, /Defined in PRD-0002 · Payment retries \(docs\/prd\/0002-payment-retries\.md\), line 20/);
  assert.match(hover, /Project PRD-0002 Payment retries → Goal GOAL-reliability Payments never fail silently/);
  assert.match(hover, /Coverage 1\/1$/, hover);

  await ui.screenshot('rationale-requirements-window');
  // The picture: the Mental Model's items beside the hover over the tag that covers one.
  forDocs(
    await ui.screenshotOf('requirements', [
      await paneUpToLastRow(await ui.viewPaneSelector('Mental Model')),
      ui.page.locator('.monaco-hover:not(.hidden)').filter({ hasText: 'req~retry-keeps-due-date~1' }).last(),
      ui.page.locator('.part.editor .monaco-editor .view-line', { hasText: 'impl->req~retry-keeps-due-date~1' }),
    ]),
  );
  await ui.dismiss();
});

test('a file a decision names in its text shows "Mentioned in", apart from what governs it', async () => {
  await ui.openFile(DB_CLIENT);
  const hover = await retryUntil('the hover over src/db/client.ts', () => ui.hoverAt(3, 3), (text) => text.includes('Mentioned in'));
  // The scopes are full sections; the mention is one line after them, never a section of its own.
  const scope = hover.indexOf('ADR-0003 · Use date-fns instead of Moment.js · accepted');
  const mention = hover.indexOf('Mentioned in ADR-0004 UI code does not call the database (as `src/db`)');
  assert.ok(scope >= 0 && mention > scope, hover);
  assert.equal(hover.lastIndexOf('ADR-0004'), hover.indexOf('ADR-0004'), `ADR-0004 is named once, in the mention: ${hover}`);
  await ui.screenshot('rationale-mentions-hover-window');
  await ui.dismiss();

  await ui.openViewContainer('Rationale');
  // Wide enough for the mention's reason after the decision's title and status.
  await ui.setSidebarWidth(820);
  const rows = await ui.readViewRows({ view: 'This File', until: (rows) => rows.some((r) => /^Mentioned in/.test(r.text)) });
  const texts = rows.map((r) => r.text);
  const indexOf = (pattern) => texts.findIndex((t) => pattern.test(t));
  const scopes = indexOf(/^Scopes and rule scopes/);
  const mentions = indexOf(/^Mentioned in/);
  const adr4 = indexOf(/^ADR-0004: UI code does not call the database/);
  assert.ok(scopes >= 0 && scopes < mentions && mentions < adr4, JSON.stringify(texts));
  assert.match(texts[mentions], /weaker than annotations/, texts[mentions]);
  assert.match(texts[adr4], /mentioned in ADR-0004 as `src\/db`/, texts[adr4]);

  await ui.screenshot('rationale-mentions-window');
  forDocs(await ui.screenshotOf('mentions', await paneUpToLastRow(await ui.viewPaneSelector('This File'))));
});

/** Repeats `read` until `ok(result)`: the server may still be indexing when a gesture first runs. */
async function retryUntil(what, read, ok) {
  const deadline = Date.now() + ui.timeoutMs;
  for (;;) {
    const result = await read();
    if (ok(result)) return result;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}; last seen: ${result}`);
    await ui.dismiss();
  }
}

/**
 * A view pane from its header down to its last row shown in full: the pane without the empty
 * space below, nor a row the pane's bottom edge cuts through.
 */
function paneUpToLastRow(paneSelector, { padding = 8 } = {}) {
  return ui.page.locator(paneSelector).evaluate((pane, padding) => {
    const header = pane.querySelector('.pane-header').getBoundingClientRect();
    const body = pane.querySelector('.pane-body').getBoundingClientRect();
    // Rows are recycled as the list scrolls, so the lowest on screen is not always the last in the DOM.
    const rows = [...pane.querySelectorAll('.monaco-list-row')]
      .map((row) => row.getBoundingClientRect())
      .filter((box) => box.height > 0 && box.top < body.bottom);
    const whole = rows.filter((box) => box.bottom <= body.bottom + 0.5);
    const lastBottom = Math.max(header.bottom, ...whole.map((box) => box.bottom));
    // Below a cut list, the padding screenshotOf adds would show the top of the next row: end that much higher.
    const bottom = whole.length < rows.length ? lastBottom - padding : lastBottom;
    return { x: header.x, y: header.y, width: header.width, height: bottom - header.y };
  }, padding);
}

function normalised(text) {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}
