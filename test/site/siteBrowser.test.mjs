// The sample's site in headless Chromium, opened from file:// as someone would open it from a
// download: every page loads without a console or page error, no request leaves the site's folder,
// every link lands on a file of the site (and on an element, when it names an anchor), and search
// finds documents. Runs the built CLI: `npm run build` first (`npm test` does).
//
// RATIONALE_UPDATE_DOC_IMAGES=1 also saves the README's pictures of the site to docs/images/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const chromiumPath = process.env.RATIONALE_CHROMIUM ?? '/usr/bin/chromium';
const out = mkdtempSync(join(tmpdir(), 'rationale-site-browser-'));
const siteUrl = pathToFileURL(out).href + '/';
let browser;

/** Every file of the site, relative, with `/`. */
function siteFiles(dir = out) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const abs = join(dir, e.name);
    return e.isDirectory() ? siteFiles(abs) : [relative(out, abs).split(sep).join('/')];
  });
}

/**
 * Opens one page in a fresh context whose every request is vetted: inside the folder it goes on,
 * anything else is recorded and aborted. Returns the page with what went wrong while it loaded.
 */
async function open(rel, query = '') {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const outside = [];
  const errors = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(siteUrl)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(`${m.type()}: ${m.text()}`); });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  await page.goto(pathToFileURL(join(out, rel)).href + query, { waitUntil: 'load' });
  return { page, context, outside, errors };
}

before(async () => {
  execFileSync(process.execPath, [join(repoRoot, 'bin', 'rationale.js'), 'site', '--out', out, 'sample'], { cwd: repoRoot, env: { ...process.env, RATIONALE_TODAY: '2026-11-23' }, stdio: 'pipe' });
  assert.ok(existsSync(chromiumPath), `Chromium not found at ${chromiumPath} (set RATIONALE_CHROMIUM)`);
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});

after(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('the sample site in Chromium, from file://', () => {
  it('loads every page without errors, every request inside the folder, and every link lands', async () => {
    const pages = siteFiles().filter((f) => f.endsWith('.html'));
    assert.ok(pages.includes('index.html') && pages.some((p) => p.startsWith('doc/')), `pages: ${pages.join(', ')}`);
    const broken = [];
    for (const rel of pages) {
      const { page, context, outside, errors } = await open(rel);
      assert.deepEqual(outside, [], `${rel} requested outside the site`);
      assert.deepEqual(errors, [], `${rel} logged errors`);
      const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel') ?? '' })));
      for (const link of links) broken.push(...checkLink(rel, link));
      await context.close();
    }
    assert.deepEqual(broken, []);
  });

  it('draws the graph and links each box to its document', async () => {
    const { page, context } = await open('index.html');
    const boxes = await page.evaluate(() => [...document.querySelectorAll('svg.graph a')].map((a) => a.getAttribute('href')));
    assert.ok(boxes.includes('doc/ADR-0003.html'), boxes.join(', '));
    assert.equal(boxes.length, 12);
    await saveForDocs(page, 'site-home.png');
    await context.close();
  });

  it('searches the prebuilt index, from the box and from ?q=', async () => {
    const { page, context, errors } = await open('search.html', '?q=moment');
    const found = () => page.locator('#search-results li').allTextContents();
    assert.match((await found()).join('\n'), /ADR-0002 Use Moment\.js for dates/);
    await page.fill('#search-query', 'GOAL-reliability');
    assert.match((await found())[0], /^GOAL-reliability/);
    await page.fill('#search-query', 'no document says this');
    assert.deepEqual(await found(), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('is usable without JavaScript: the lists, the graph and the links are in the pages themselves', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    assert.ok(await page.locator('ul.tree a[href="doc/GOAL-growth.html"]').count() > 0);
    await page.click('ul.tree a[href="doc/GOAL-growth.html"]');
    assert.match(await page.locator('h1').innerText(), /GOAL-growth/);
    await context.close();
  });

  it('shows a decision with its links, code and findings', async () => {
    const { page, context } = await open('doc/ADR-0003.html');
    const text = await page.locator('main').innerText();
    assert.match(text, /Supersedes\s+ADR-0002/);
    assert.match(text, /Findings \(\d+\)/);
    await saveForDocs(page, 'site-decision.png');
    await context.close();
  });
});

/** Problems with one link of a page: a scheme other than http(s), a missing file, a missing anchor. */
function checkLink(fromRel, { href, rel }) {
  if (/^https?:/i.test(href)) return rel.includes('noopener') && rel.includes('noreferrer') ? [] : [`${fromRel}: ${href} without rel="noopener noreferrer"`];
  const url = new URL(href, pathToFileURL(join(out, fromRel)));
  if (url.protocol !== 'file:') return [`${fromRel}: ${href} has the scheme ${url.protocol}`];
  const target = fileURLToPath(url);
  if (!target.startsWith(out + sep)) return [`${fromRel}: ${href} leaves the site`];
  if (!existsSync(target)) return [`${fromRel}: ${href} names no file`];
  const anchor = decodeURIComponent(url.hash.slice(1));
  if (anchor && !readFileSync(target, 'utf8').includes(`id="${anchor}"`)) return [`${fromRel}: ${href} names no element`];
  return [];
}

async function saveForDocs(page, name) {
  if (process.env.RATIONALE_UPDATE_DOC_IMAGES !== '1') return;
  const dir = join(repoRoot, 'docs', 'images');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, name), fullPage: false });
}
