// Drives a real VS Code workbench the way a person sees it: installs a packaged extension
// (.vsix) into a fresh code-server, opens a folder in headless Chromium and offers the few
// gestures our UI checks need. Unlike the integration launcher, the server runs WITHOUT the
// smoke-test driver, so notification toasts show as they would for a user.
//
// Every wait is on a condition with a timeout, never a fixed sleep. Lists in VS Code are
// virtualised: the row readers return the rows currently rendered (what is on screen).
//
//   const ui = await startUiSession({ vsix: 'dist/rationale.vsix', folder: workspaceCopy });
//   try { await ui.openFile('docs/adr/0001-x.md'); ... } finally { await ui.close(); }
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  createRunDirs,
  installExtension,
  launchChromium,
  removeRunDirs,
  resultsDir,
  startCodeServer,
  workbenchUrl,
} from '../vscode/codeServerHost.mjs';

export const screenshotsDir = join(resultsDir, 'screenshots');
const DEFAULT_TIMEOUT_MS = 30_000;
const NO_PROBLEM_MATCHES = 'no-problem-has-this-text-5f0c1e';
const normalise = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

/**
 * A temporary copy of `source` (same folder name), so UI tests never dirty the repository.
 * Returns the copy's path and a `dispose()` removing it.
 */
export function copyWorkspace(source) {
  const scratch = mkdtempSync(join(tmpdir(), 'rationale-ui-workspace-'));
  const path = join(scratch, basename(resolve(source)));
  cpSync(resolve(source), path, { recursive: true });
  return { path, dispose: () => rmSync(scratch, { recursive: true, force: true }) };
}

/**
 * Starts code-server with `vsix` installed, opens `folder` in headless Chromium and waits
 * for the workbench.
 *
 * @param {object} options
 * @param {string} [options.vsix] packaged extension to install first
 * @param {string} options.folder folder (or .code-workspace) to open
 * @param {Record<string, unknown>} [options.settings] extra user settings
 * @param {number} [options.timeoutMs] default timeout of each wait
 * @param {Record<string, string>} [options.env] extra environment for code-server, inherited by the
 *   extension host and the language server (e.g. RATIONALE_TODAY)
 */
export async function startUiSession({ vsix, folder, settings = {}, timeoutMs = DEFAULT_TIMEOUT_MS, viewport, env = {} }) {
  const dirs = createRunDirs('rationale-ui-');
  let server;
  let browser;
  try {
    const installedExtension = vsix ? installExtension(dirs, vsix) : undefined;
    writeUserSettings(dirs, settings);
    server = await startCodeServer({ dirs, smokeTestDriver: false, env });
    browser = await launchChromium(dirs, viewport ? { viewport } : undefined);
    const session = new UiSession({ dirs, server, browser, installedExtension, timeoutMs });
    await browser.page.goto(workbenchUrl(server, { folder }), { waitUntil: 'domcontentloaded' });
    await session.waitForWorkbench();
    return session;
  } catch (error) {
    await browser?.context.close().catch(() => {});
    await server?.stop();
    removeRunDirs(dirs);
    throw error;
  }
}

function writeUserSettings(dirs, extra) {
  if (Object.keys(extra).length === 0) return;
  const path = join(dirs.userData, 'User', 'settings.json');
  // createRunDirs wrote the quiet defaults; extra settings win.
  const current = JSON.parse(readFileSync(path, 'utf8'));
  writeFileSync(path, JSON.stringify({ ...current, ...extra }, null, 2));
}

export class UiSession {
  constructor({ dirs, server, browser, installedExtension, timeoutMs }) {
    this.dirs = dirs;
    this.server = server;
    this.context = browser.context;
    /** The Playwright page, for anything the helpers do not cover. */
    this.page = browser.page;
    /** Id (`publisher.name`) of the extension installed from the vsix, if any. */
    this.installedExtension = installedExtension;
    this.timeoutMs = timeoutMs;
  }

  /** Waits until the workbench is laid out and the remote extension host is connected. */
  async waitForWorkbench() {
    const page = this.page;
    await page.waitForSelector('.monaco-workbench', { timeout: this.timeoutMs * 2 });
    await page.waitForSelector('.monaco-workbench .part.statusbar', { state: 'visible', timeout: this.timeoutMs });
    // The Explorer's folder view exists once the workspace is resolved; the remote
    // indicator stops saying "Opening Remote" once the extension host connected.
    await page.waitForSelector('.explorer-folders-view, .monaco-workbench .part.sidebar .welcome-view', {
      timeout: this.timeoutMs,
    });
    await page.waitForFunction(
      () => !/Opening Remote|Connecting/i.test(document.querySelector('#status\\.host')?.textContent ?? ''),
      undefined,
      { timeout: this.timeoutMs },
    );
  }

  /** Runs a command by its label (as shown in the Command Palette). */
  async runCommand(label) {
    const page = this.page;
    await this.openQuickInput('F1');
    await page.keyboard.type(label);
    const row = page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
      .first();
    await row.waitFor({ timeout: this.timeoutMs });
    await row.click();
    await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: this.timeoutMs });
  }

  /** Opens a file of the workspace through Quick Open (Ctrl+P), as a user would. */
  async openFile(relativePath) {
    const page = this.page;
    const name = basename(relativePath);
    await this.openQuickInput('Control+P');
    await page.keyboard.type(relativePath);
    // File search runs in the remote extension host; wait for the exact file's row.
    const row = page
      .locator('.quick-input-widget .quick-input-list .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }) })
      .filter({ hasText: relativePath.includes('/') ? dirnameOf(relativePath) : '' })
      .first();
    await row.waitFor({ timeout: this.timeoutMs });
    await row.click();
    await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: this.timeoutMs });
    await this.activeEditor(name);
  }

  /** Waits until the active editor tab is `name` with its text rendered; returns the editor locator. */
  async activeEditor(name) {
    const page = this.page;
    await page
      .locator(`.part.editor .tab.active[data-resource-name="${cssString(name)}"]`)
      .waitFor({ timeout: this.timeoutMs });
    const editor = page.locator('.part.editor .editor-instance .monaco-editor').first();
    await editor.locator('.view-lines .view-line').first().waitFor({ timeout: this.timeoutMs });
    return editor;
  }

  /** Moves the cursor of the active editor to a one-based line and column (Ctrl+G). */
  async goToLine(line, column = 1) {
    const page = this.page;
    await this.openQuickInput('Control+G');
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('.quick-input-widget', { state: 'hidden', timeout: this.timeoutMs });
    await page.waitForFunction(
      (expected) => [...document.querySelectorAll('.statusbar-item')].some((item) => item.textContent?.includes(expected)),
      `Ln ${line}, Col ${column}`,
      { timeout: this.timeoutMs },
    );
  }

  /**
   * Shows the hover at a one-based line and column of the active editor (keyboard:
   * Ctrl+K Ctrl+I, "Show or Focus Hover") and returns its text once loaded. Language
   * servers answer only once they are ready, so the gesture repeats until a hover shows.
   */
  async hoverAt(line, column = 1) {
    await this.goToLine(line, column);
    // The pointer out of the way: left where a click put it (say, over an editor tab), it
    // would raise a tooltip over the picture, or a mouse hover in place of this one.
    await this.page.mouse.move(0, 0);
    return this.retryUntilHover(async () => {
      await this.page.keyboard.press('Control+K');
      await this.page.keyboard.press('Control+I');
    });
  }

  /** Moves the mouse over the first rendered occurrence of `text` in the editor; returns the hover text. */
  async hoverOverText(text) {
    const page = this.page;
    const token = page.locator('.part.editor .monaco-editor .view-lines span span', { hasText: text }).first();
    await token.waitFor({ timeout: this.timeoutMs });
    return this.retryUntilHover(async () => {
      await page.mouse.move(0, 0);
      await token.hover();
    });
  }

  /** Text of the visible hover widget, after any "Loading..." placeholder is replaced. */
  async readHover({ timeoutMs = this.timeoutMs } = {}) {
    const page = this.page;
    const hover = page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /\S/ }).last();
    await hover.waitFor({ state: 'visible', timeout: timeoutMs });
    await page.waitForFunction(
      () => {
        const hovers = [...document.querySelectorAll('.monaco-hover:not(.hidden)')];
        const text = hovers.map((h) => h.textContent ?? '').join(' ');
        return text.trim() !== '' && !/Loading\.\.\./.test(text);
      },
      undefined,
      { timeout: timeoutMs },
    );
    // The hover fades in (a CSS animation): a screenshot taken before it ends shows it pale.
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('.monaco-hover:not(.hidden)')].every((h) =>
          h
            .getAnimations({ subtree: true })
            .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
        ),
      undefined,
      { timeout: timeoutMs },
    );
    return normalise(await hover.innerText());
  }

  async retryUntilHover(gesture) {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      await gesture();
      const remaining = deadline - Date.now();
      try {
        return await this.readHover({ timeoutMs: Math.max(1_000, Math.min(2_000, remaining)) });
      } catch (error) {
        if (Date.now() >= deadline) throw error;
      }
    }
  }

  /** Closes a hover, suggest widget or quick input that is showing. */
  async dismiss() {
    await this.page.keyboard.press('Escape');
  }

  /** Opens the Problems panel (Ctrl+Shift+M). */
  async openProblems() {
    const page = this.page;
    const panel = page.locator('.markers-panel');
    if (!(await panel.isVisible())) await page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /**
   * Rows of the Problems panel, each `{ label, text }`: `label` is the accessible label
   * ("Error: <message> at line 2 and character 10. generated by css", or "1 problems in
   * file x.md of folder docs" for a file row), `text` what is shown ("<message>
   * source(code) [Ln 2, Col 10]"). Waits until `until(rows)` holds (default: any row).
   * The list is virtualised, so with many problems pass `filter` (typed into the panel's
   * filter box: message text, a file name, or the globs the box accepts) to bring the
   * wanted rows on screen; `filter: ''` clears it.
   */
  async readProblems({ until = (rows) => rows.length > 0, filter } = {}) {
    await this.openProblems();
    if (filter !== undefined) await this.setProblemsFilter(filter);
    return this.pollRows('.markers-panel .monaco-list-row', until, 'Problems rows');
  }

  async setProblemsFilter(text) {
    const page = this.page;
    const input = page.locator('.part.panel input[aria-label="Filter Problems"]');
    await input.waitFor({ state: 'visible', timeout: this.timeoutMs });
    if ((await input.inputValue()) === text) return;
    // The panel applies its filter after a debounce and gives no sign of it when the filter
    // hides nothing. So first apply a filter matching nothing and wait for the list to
    // empty: whatever rows show after the real filter are then the filtered ones.
    await input.fill(NO_PROBLEM_MATCHES);
    await page.waitForFunction(
      () => [...document.querySelectorAll('.markers-panel .monaco-list-row')].every((row) => row.getClientRects().length === 0),
      undefined,
      { timeout: this.timeoutMs },
    );
    await input.fill(text);
  }

  /**
   * Opens a view container (Explorer, Search, or one an extension contributes) by the title
   * of its Activity Bar entry, then waits for its side bar to show that title.
   */
  async openViewContainer(title) {
    const page = this.page;
    const sidebarTitle = page.locator('.part.sidebar .composite.title .title-label', {
      hasText: new RegExp(`^\\s*${escapeRegExp(title)}`, 'i'),
    });
    if (await sidebarTitle.isVisible()) return;
    const entry = page
      .locator('.part.activitybar .action-item a.action-label, .part.sidebar .composite-bar .action-item a.action-label')
      .and(page.locator(`[aria-label^="${cssString(title)}"]`))
      .first();
    await entry.waitFor({ state: 'visible', timeout: this.timeoutMs });
    await entry.click();
    await sidebarTitle.waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  /**
   * Drags the sash between the side bar and the editor so the side bar is `width` pixels
   * wide (tree labels are cut off at the default width); waits until it is.
   */
  async setSidebarWidth(width) {
    const page = this.page;
    const sidebar = page.locator('.part.sidebar');
    const box = await sidebar.boundingBox();
    if (!box) throw new Error('the side bar is not visible');
    if (Math.abs(box.width - width) <= 2) return;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width, y);
    await page.mouse.down();
    await page.mouse.move(box.x + width, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(
      (wanted) => Math.abs((document.querySelector('.part.sidebar')?.getBoundingClientRect().width ?? 0) - wanted) <= 4,
      width,
      { timeout: this.timeoutMs },
    );
  }

  /**
   * Expands the row of view `view` whose text matches `text` (clicking its twistie, as a
   * person would) and waits until the tree shows it expanded. Expanded rows stay as they are.
   */
  async expandViewRow(view, text) {
    await this.setViewRowExpanded(view, text, true);
  }

  /** Collapses the row of view `view` whose text matches `text`, as expandViewRow expands one. */
  async collapseViewRow(view, text) {
    await this.setViewRowExpanded(view, text, false);
  }

  async setViewRowExpanded(view, text, expanded) {
    const row = this.page
      .locator(`${await this.viewPaneSelector(view)} .monaco-list-row`)
      .filter({ hasText: text })
      .first();
    await row.waitFor({ state: 'visible', timeout: this.timeoutMs });
    const wanted = String(expanded);
    const state = await row.getAttribute('aria-expanded');
    if (state === wanted) return;
    if (state === null) throw new Error(`row ${text} of ${view} has no children`);
    await row.locator('.monaco-tl-twistie').click();
    await this.page.waitForFunction(
      ({ element, wanted }) => element.getAttribute('aria-expanded') === wanted,
      { element: await row.elementHandle(), wanted },
      { timeout: this.timeoutMs },
    );
  }

  /**
   * Rows rendered in the side bar's lists and trees (the open view container), each
   * `{ label, text }` as for readProblems; `view` keeps only the rows of the view with that
   * name (e.g. "Mental Model"). Waits until `until(rows)` holds (default: any row).
   * `text` is the row's rendered text: a tree item's label and description can run together
   * ("PRD-0002: Payment retriesP2"); `label` keeps them apart.
   */
  async readViewRows({ until = (rows) => rows.length > 0, view } = {}) {
    const scope = view === undefined ? '.part.sidebar' : await this.viewPaneSelector(view);
    return this.pollRows(`${scope} .monaco-list-row`, until, `rows of ${view ?? 'the side bar'}`);
  }

  /** A selector for the side bar pane of the view titled `name`, marked with a data attribute. */
  async viewPaneSelector(name) {
    const page = this.page;
    const marker = `rationale-ui-${Math.random().toString(36).slice(2)}`;
    await page.waitForFunction(
      ({ name, marker }) => {
        const panes = [...document.querySelectorAll('.part.sidebar .pane')];
        const pane = panes.find(
          (p) => p.querySelector('.pane-header .title')?.textContent?.trim().toLowerCase() === name.toLowerCase(),
        );
        if (pane) pane.setAttribute('data-rationale-ui', marker);
        return !!pane;
      },
      { name, marker },
      { timeout: this.timeoutMs },
    );
    return `.part.sidebar .pane[data-rationale-ui="${marker}"]`;
  }

  /** Screenshot of the whole window into test-results/screenshots/<name>.png; returns the path. */
  async screenshot(name) {
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, name.endsWith('.png') ? name : `${name}.png`);
    await this.page.screenshot({ path });
    return path;
  }

  /**
   * Screenshot of just the region covering `regions` (locators or rectangles, joined, plus
   * `padding` pixels, kept inside the window) into test-results/screenshots/<name>.png;
   * returns the path. For pictures of one part of the workbench (a hover, a view, a panel).
   */
  async screenshotOf(name, regions, { padding = 8 } = {}) {
    const boxes = [];
    for (const region of Array.isArray(regions) ? regions : [regions]) {
      // A locator, or a plain { x, y, width, height } rectangle of the window.
      const box = typeof region.boundingBox === 'function' ? await region.boundingBox() : region;
      if (!box) throw new Error(`screenshot ${name}: ${region} is not visible`);
      boxes.push(box);
    }
    const viewport = this.page.viewportSize() ?? { width: Infinity, height: Infinity };
    const left = Math.max(0, Math.min(...boxes.map((b) => b.x)) - padding);
    const top = Math.max(0, Math.min(...boxes.map((b) => b.y)) - padding);
    const right = Math.min(viewport.width, Math.max(...boxes.map((b) => b.x + b.width)) + padding);
    const bottom = Math.min(viewport.height, Math.max(...boxes.map((b) => b.y + b.height)) + padding);
    mkdirSync(screenshotsDir, { recursive: true });
    const path = join(screenshotsDir, name.endsWith('.png') ? name : `${name}.png`);
    await this.page.screenshot({ path, clip: { x: left, y: top, width: right - left, height: bottom - top } });
    return path;
  }

  /** Stops the browser and the server (by process group) and removes the run's files. */
  async close() {
    await this.context.close().catch(() => {});
    await this.server.stop();
    removeRunDirs(this.dirs);
  }

  async openQuickInput(key) {
    const page = this.page;
    // Focus the workbench, not a leftover widget, so the shortcut reaches it.
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: this.timeoutMs });
  }

  async pollRows(selector, until, what) {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const rows = await this.page.$$eval(selector, (elements) =>
        elements
          .filter((element) => element.getClientRects().length > 0)
          .map((element) => ({ label: element.getAttribute('aria-label') ?? '', text: element.innerText ?? '' })),
      );
      const normalised = rows.map(({ label, text }) => ({ label: normalise(label), text: normalise(text) }));
      if (until(normalised)) return normalised;
      if (Date.now() > deadline) {
        throw new Error(`timed out after ${this.timeoutMs} ms waiting for ${what}; last seen: ${JSON.stringify(normalised)}`);
      }
      // Re-check on the next animation frame rather than after a fixed delay.
      await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(undefined))));
    }
  }
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function cssString(text) {
  return text.replace(/["\\]/g, '\\$&');
}

function dirnameOf(relativePath) {
  return relativePath.split('/').slice(0, -1).join('/');
}
