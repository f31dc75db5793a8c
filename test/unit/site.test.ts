import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { indexAndCheck } from '../../server/src/core/checks/indexAndCheck.js';
import { buildSite } from '../../server/src/core/features/site/buildSite.js';
import { graphLayoutRequest, type LaidOutGraph } from '../../server/src/core/features/site/graphLayout.js';
import { contentSecurityPolicy } from '../../server/src/core/features/site/pageShell.js';
import { timelineOrder } from '../../server/src/core/features/site/timelinePage.js';
import { modelGraph } from '../../server/src/core/index/graph.js';
import { MemoryWorkspace } from '../../server/src/core/workspace/memoryWorkspace.js';
import { summarize } from '../../server/src/cli/formats/checkSummary.js';

const today = '2026-11-23';

/** The one helper: the site of a fixture workspace, checked as the CLI checks it, as path → text. */
async function siteOf(files: Record<string, string>, layout?: (request: ReturnType<typeof graphLayoutRequest>) => LaidOutGraph): Promise<Map<string, string>> {
  const workspace = new MemoryWorkspace(files);
  const { index, result } = await indexAndCheck(workspace, { today });
  const debt = summarize(index, result.findings, result.suppressed, result.filesChecked).byDecision;
  const laidOut = layout?.(graphLayoutRequest(modelGraph(index)));
  const site = buildSite({ index, read: (p) => workspace.readText(p), findings: result.findings, debt, today, layout: laidOut, siteName: 'fixture' });
  assert.equal(new Set(site.map((f) => f.path)).size, site.length, 'no two files share a path');
  return new Map(site.map((f) => [f.path, f.content]));
}

/** Every `<tag …>` of an HTML text with its attributes, read the way a browser tokenises them. */
function tags(text: string): { name: string; attrs: Record<string, string> }[] {
  return [...text.matchAll(/<([a-zA-Z][\w-]*)((?:\s+[^\s=>]+(?:="[^"]*")?)*)\s*\/?>/g)].map((m) => ({
    name: m[1].toLowerCase(),
    attrs: Object.fromEntries([...m[2].matchAll(/([^\s=>]+)(?:="([^"]*)")?/g)].map((a) => [a[1].toLowerCase(), a[2] ?? ''])),
  }));
}

const hostile = {
  'docs/adr/0001-hostile.md': [
    '---',
    'status: accepted',
    'date: 2026-01-02',
    'title: \'<script>alert(1)</script> "quoted" & <b>bold</b>\'',
    '---',
    '# <script>alert(1)</script> "quoted" & <b>bold</b>',
    '',
    'Raw: <script>alert(2)</script> <img src=x onerror="alert(3)">',
    '',
    '<iframe src="https://evil.example"></iframe>',
    '',
    '[js](javascript:alert(4)) [JS](JaVaScRiPt:alert(5)) [data](data:text/html,<script>x</script>) [mail](mailto:a@b.c)',
    '[web](https://example.com/a?b=1&c="x" onmouseover="y") [rel](//evil.example/x) [ok](https://example.com/ok)',
    '![pic](https://evil.example/tracker.png)',
    '',
    '```html',
    '<script>alert(6)</script>',
    '```',
  ].join('\n'),
};

describe('rationale site: escaping', () => {
  it('writes hostile titles and Markdown as text: no script, handler, frame or foreign scheme gets through', async () => {
    const site = await siteOf(hostile);
    const page = site.get('doc/ADR-0001.html')!;
    assert.ok(page.includes('&#60;script&#62;alert(1)&#60;/script&#62;'), 'the title is shown as text');
    assert.match(page, /Raw: <code class="raw">&#60;script&#62;<\/code>alert\(2\)<code class="raw">&#60;\/script&#62;<\/code>/, 'raw HTML is shown as text');
    for (const [path, text] of site) {
      if (!path.endsWith('.html')) continue;
      for (const tag of tags(text)) {
        assert.ok(!['iframe', 'img', 'object', 'embed', 'style'].includes(tag.name), `${path}: <${tag.name}>`);
        if (tag.name === 'script') assert.deepEqual(Object.keys(tag.attrs), ['src'], `${path}: an inline script`);
        for (const [name, value] of Object.entries(tag.attrs)) {
          assert.ok(!name.startsWith('on'), `${path}: handler ${name}`);
          if (name === 'href' || name === 'src') assert.ok(!/^[a-z][a-z0-9+.-]*:/i.test(value) || /^https?:\/\/[^\s"]+$/.test(value), `${path}: ${name}="${value}"`);
        }
      }
    }
    // Shown as text (escaped) they may be; as a link or source, never.
    assert.doesNotMatch(page, /(href|src)="[^"]*(javascript:|data:|mailto:|evil\.example)/i);
    assert.match(page, /<a href="https:\/\/example\.com\/ok" rel="noopener noreferrer">ok<\/a>/);
    assert.match(page, /<span class="link-text">js<\/span>/);
  });

  it('puts the content policy on every page and escapes the search index for a script file', async () => {
    const site = await siteOf(hostile);
    for (const [path, text] of site) {
      if (path.endsWith('.html')) assert.ok(text.includes(`<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy.replace(/'/g, '&#39;')}">`), path);
    }
    const index = site.get('search-index.js')!;
    assert.match(index, /^globalThis\.rationaleSearchIndex = \[/);
    assert.doesNotMatch(index, /</);
    const entries = JSON.parse(index.replace(/^globalThis\.rationaleSearchIndex = /, '').replace(/;\n$/, '')) as { title: string; href: string }[];
    assert.equal(entries[0].title, '<script>alert(1)</script> "quoted" & <b>bold</b>');
    assert.equal(entries[0].href, 'doc/ADR-0001.html');
    assert.match(site.get('style.css')!, /@media \(prefers-color-scheme: dark\)/);
  });

  it('escapes the graph: titles inside the SVG are text, boxes link to pages, ELK numbers are checked', async () => {
    const site = await siteOf(hostile, (req) => ({ width: 300, height: 100, children: req.children.map((c) => ({ ...c, x: Number.NaN, y: 10 })), edges: [] }));
    const svg = /<svg class="graph"[\s\S]*?<\/svg>/.exec(site.get('index.html')!)![0];
    assert.ok(svg.includes('&#60;script&#62;alert(1)'), svg);
    assert.doesNotMatch(svg, /<script|NaN/);
    assert.match(svg, /<a href="doc\/ADR-0001\.html" class="node decision">/);
  });
});

const linked = {
  'docs/goals/growth.md': '---\nid: GOAL-growth\nstatus: active\n---\n# Grow\n',
  'docs/prd/0001-onboarding.md': '---\nstatus: active\ngoals: [GOAL-growth]\n---\n# Onboarding\n',
  'docs/adr/0001-use-moment.md': '---\nstatus: superseded\nsuperseded-by: ADR-0002\ndate: 2026-01-10\nproject: PRD-0001\n---\n# Use Moment\n',
  'docs/adr/0002-use-date-fns.md': '---\nstatus: accepted\ndate: 2026-03-01\nproject: PRD-0001\nrules:\n  - forbid-import: [moment]\n---\n# Use date-fns\n\nSee [the old one](0001-use-moment.md#use-moment) and [the goal](../goals/growth.md), [a file](../../src/a.ts), [here](#use-date-fns), [nowhere](#missing).\n',
  'docs/adr/0003-amend.md': '---\nstatus: accepted\ndate: 2026-03-01\namends: ADR-0002\nreview-by: 2026-06-01\n---\n# Amend date-fns\n',
  'docs/adr/0004-undated.md': '---\nstatus: proposed\n---\n# Undated\n',
  'src/a.ts': "// @decision ADR-0002\nimport moment from 'moment';\n// @decision ADR-0001\n",
};

describe('rationale site: pages', () => {
  it('links documents both ways: supersedes, amends, serves, and Markdown links', async () => {
    const site = await siteOf(linked);
    const adr1 = site.get('doc/ADR-0001.html')!;
    const adr2 = site.get('doc/ADR-0002.html')!;
    assert.match(adr1, /<dt>Superseded by<\/dt><dd><ul><li><a href="ADR-0002\.html">/);
    assert.match(adr2, /<dt>Supersedes<\/dt><dd><ul><li><a href="ADR-0001\.html">/);
    assert.match(adr2, /<dt>Amended by<\/dt><dd><ul><li><a href="ADR-0003\.html">/);
    assert.match(site.get('doc/ADR-0003.html')!, /<dt>Amends<\/dt><dd><ul><li><a href="ADR-0002\.html">/);
    assert.match(adr2, /<dt>Serves<\/dt><dd><ul><li><a href="PRD-0001\.html">/);
    assert.match(site.get('doc/PRD-0001.html')!, /<dt>Decisions made for it<\/dt><dd><ul><li><a href="ADR-0001\.html">[\s\S]*ADR-0002\.html/);
    assert.match(site.get('doc/GOAL-growth.html')!, /<dt>Served by<\/dt><dd><ul><li><a href="PRD-0001\.html">/);
    assert.match(site.get('doc/GOAL-growth.html')!, /<dt>Referenced by<\/dt><dd><ul><li><a href="ADR-0002\.html">/);
    // Relative links go to pages (anchors into other pages dropped), in-page anchors stay when they land.
    assert.match(adr2, /<a href="ADR-0001\.html">the old one<\/a>/);
    assert.match(adr2, /<a href="GOAL-growth\.html">the goal<\/a>/);
    assert.match(adr2, /<span class="link-text">a file<\/span>/);
    assert.match(adr2, /<h1 id="use-date-fns">/, 'the title heading, shown as the page title, keeps its anchor');
    assert.match(adr2, /<a href="#use-date-fns">here<\/a>/);
    assert.match(adr2, /<span class="link-text">nowhere<\/span>/);
  });

  it('lists the code citing a document as file:line, and its rules with their current findings', async () => {
    const site = await siteOf(linked);
    const adr2 = site.get('doc/ADR-0002.html')!;
    assert.match(adr2, /<li><code>src\/a\.ts:1<\/code> <span class="via">annotation<\/span><\/li>/);
    assert.match(adr2, /<strong>forbid-import<\/strong> <code>moment<\/code> <span class="severity warning">/);
    assert.match(adr2, /Findings \(1\)<\/h3><ul class="findings"><li><span class="severity warning">warning<\/span> <code>src\/a\.ts:2<\/code> <span class="code-name">forbid-import<\/span>/);
  });

  it('lists the files in a document\'s applies-to as in scope, by each glob', async () => {
    const site = await siteOf({
      'docs/adr/0001-scoped.md': '---\nstatus: accepted\napplies-to: ["./src/**", "*.json"]\n---\n# Scoped\n',
      'src/deep/a.ts': '',
      'lib/b.ts': '',
      'package.json': '{}',
    });
    const scoped = [...site.get('doc/ADR-0001.html')!.matchAll(/<li><code>([^<]+)<\/code> <span class="via">in scope <code>([^<]+)<\/code>/g)].map((m) => `${m[1]} ${m[2]}`);
    assert.deepEqual(scoped, ['package.json *.json', 'src/deep/a.ts ./src/**']);
  });

  it('nests goals → projects → decisions on the home page and reports health', async () => {
    const site = await siteOf(linked);
    const home = site.get('index.html')!;
    assert.match(home, /<ul class="tree"><li><a href="doc\/GOAL-growth\.html">.*?<ul><li><a href="doc\/PRD-0001\.html">.*?<ul><li><a href="doc\/ADR-0001\.html">/s);
    assert.match(home, /Decisions for no project or goal<\/h2><ul class="tree"><li><a href="doc\/ADR-0003\.html">/);
    const health = site.get('health.html')!;
    assert.match(health, /Overdue reviews \(1\)<\/h2><ul><li><a href="doc\/ADR-0003\.html">.*due 2026-06-01, <span class="overdue">175 days ago/);
    assert.match(health, /Retired decisions still cited by code \(1\)<\/h2><ul><li><a href="doc\/ADR-0001\.html">.*<code>src\/a\.ts:3<\/code>/);
    assert.match(health, /Debt per decision \(\d+\)[\s\S]*<th scope="row"><a href="doc\/ADR-0002\.html">[^]*?<\/th><td>1<\/td><td>1<\/td>/);
  });

  it('orders the timeline newest first, ties by id, undated last', async () => {
    const site = await siteOf(linked);
    const timeline = site.get('timeline.html')!;
    const order = [...timeline.matchAll(/href="doc\/(ADR-\d+)\.html"/g)].map((m) => m[1]);
    assert.deepEqual(order, ['ADR-0002', 'ADR-0003', 'ADR-0001', 'ADR-0004']);
    assert.match(timeline, /<h2 id="m2026-03">2026-03<\/h2>[\s\S]*<h2 id="m2026-01">2026-01<\/h2>[\s\S]*<h2 id="undated">/);
    const docs = (dates: (string | undefined)[]) => dates.map((date, i) => ({ id: `D${i}`, date }) as never);
    assert.deepEqual(timelineOrder(docs(['2026-01-01', undefined, '2026-13-01', '2026-05-05T10:00', '2026-05-05'])).dated.map((d) => (d.doc as { id: string }).id), ['D3', 'D4', 'D0']);
  });

  it('states Little\'s Law with the flow figures', async () => {
    const adr = (n: number, fm: string) => [`docs/adr/000${n}-d${n}.md`, `---\n${fm}\n---\n# D${n}\n`];
    const site = await siteOf(Object.fromEntries([
      adr(1, 'status: accepted\nproposed: 2026-09-01\ndate: 2026-09-11'),
      adr(2, 'status: accepted\nproposed: 2026-10-01\ndate: 2026-10-31'),
      adr(3, 'status: accepted\ndate: 2026-11-05'),
      adr(4, 'status: proposed\ndate: 2026-11-13'),
      adr(5, 'status: draft\ndate: 2026-10-24'),
    ]));
    const flow = site.get('flow.html')!;
    assert.match(flow, /<dt>Work in progress<\/dt><dd>2 decisions<\/dd>/);
    assert.match(flow, /<dt>Throughput<\/dt><dd>3 accepted in 3 months: 1\.1 per 30 days<\/dd>/);
    assert.match(flow, /<dt>Lead time<\/dt><dd>20\.0 days on average, over 2 decisions<\/dd>/);
    assert.match(flow, /throughput × lead time = 0\.036\/day × 20\.0 days = <strong>0\.7<\/strong>, against <strong>2<\/strong> in progress now\./);
    assert.match(flow, /imply a lead time of 56\.0 days/);
  });
});
