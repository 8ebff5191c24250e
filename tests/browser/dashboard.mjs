// Drive Debian's chromium through the dashboard served by `newsevents serve`.
// Run by tests/browser/test_dashboard.py; by hand:
//   node tests/browser/dashboard.mjs --url http://127.0.0.1:8000/ --shots /tmp/shots --evil ARTICLE_ID
// Exits 1 with a message on the first failed check (and prints every check that passed).

import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';

const { values: opts } = parseArgs({
  options: {
    url: { type: 'string' },
    shots: { type: 'string' },
    evil: { type: 'string' },
    chromium: { type: 'string', default: process.env.CHROMIUM || '/usr/bin/chromium' },
    type: { type: 'string', default: 'ASSAULT' },
  },
});
if (!opts.url || !opts.shots || !opts.evil) {
  console.error('usage: node dashboard.mjs --url URL --shots DIR --evil ARTICLE_ID [--chromium PATH] [--type TYPE]');
  process.exit(2);
}

const base = new URL(opts.url);
const TIMEOUT = 20000;

class CheckError extends Error {}
function check(condition, what) {
  if (!condition) throw new CheckError(what);
  console.log(`ok - ${what}`);
}

const profile = mkdtempSync(join(tmpdir(), 'newsevents-chromium-'));
mkdirSync(opts.shots, { recursive: true });
const context = await chromium.launchPersistentContext(profile, {
  executablePath: opts.chromium,
  headless: true,
  viewport: { width: 1400, height: 1000 },
  // The page's Content-Security-Policy would stop injected script anyway; switch it
  // off so that the checks below test the rendering code itself.
  bypassCSP: true,
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic',
    '--no-first-run', '--disable-component-update', '--disable-sync', '--disable-extensions',
    '--disable-default-apps', '--mute-audio', '--font-render-hinting=none',
  ],
});
context.setDefaultTimeout(TIMEOUT);

const problems = []; // things seen during the run that fail it at the end
const external = [];
await context.route('**/*', (route) => {
  const url = new URL(route.request().url());
  if (url.origin === base.origin || url.protocol === 'data:') return route.continue();
  external.push(url.href);
  return route.abort();
});

const page = context.pages()[0] ?? await context.newPage();
page.on('pageerror', (err) => problems.push(`uncaught error in the page: ${err.message}`));
page.on('console', (msg) => {
  if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
});
page.on('dialog', (dialog) => {
  problems.push(`a dialog opened: ${dialog.type()} ${dialog.message()}`);
  dialog.dismiss().catch(() => {});
});

const count = (selector) => page.locator(selector).count();
const api = (path) => page.evaluate(async (p) => {
  const r = await fetch(p);
  if (!r.ok) throw new Error(`${p}: ${r.status}`);
  return r.json();
}, new URL(path, base).href);
const query = () => new URL(page.url()).searchParams;

/** Every span of every event of the shown article is marked with exactly its text. */
async function checkHighlights(article, label) {
  const kindsSeen = new Set();
  for (const event of article.events) {
    const spans = [['trigger', event.trigger?.span, event.trigger?.text]];
    for (const a of event.actor || []) spans.push(['actor', a.span, a.text]);
    for (const r of event.recipient || []) spans.push(['recipient', r.span, r.text]);
    spans.push(['date', event.date_span, event.date_text]);
    spans.push(['place', event.location?.span, event.location?.text]);
    spans.push(['size', event.size?.span, null]);
    for (const [kind, span, text] of spans) {
      if (!span) continue;
      const marked = await page.evaluate((token) => [...document.querySelectorAll('#article-text mark.ev')]
        .filter((m) => m.dataset.spans.split(' ').includes(token))
        .map((m) => m.textContent).join(''), `${event.id}:${kind}`);
      const expected = article.text.slice(span[0], span[1]);
      if (marked !== expected) {
        throw new CheckError(`${label}: ${kind} of ${event.id} is marked as ${JSON.stringify(marked)}, ` +
          `the span [${span}] holds ${JSON.stringify(expected)}`);
      }
      if (text !== null && text !== undefined && text !== expected) {
        throw new CheckError(`${label}: ${kind} text ${JSON.stringify(text)} of ${event.id} is not its span ${JSON.stringify(expected)}`);
      }
      kindsSeen.add(kind);
    }
  }
  return kindsSeen;
}

async function waitRows(predicate, arg, what) {
  await page.waitForFunction(predicate, arg, { timeout: TIMEOUT }).catch(() => {
    throw new CheckError(`timed out waiting for ${what}`);
  });
}

let failed = null;
try {
  // 1. The dashboard renders every panel.
  await page.goto(base.href);
  await page.waitForSelector('#timeline-chart rect.bar');
  await page.waitForSelector('#map-chart path.country');
  await page.waitForSelector('#map-chart circle.place');
  await page.waitForSelector('#network-chart .node');
  await page.waitForSelector('#table tr.row');
  check(await count('#timeline-chart rect.bar') > 0, `timeline has ${await count('#timeline-chart rect.bar')} bars`);
  check(await count('#timeline-chart .axis-x text') > 1 && await count('#timeline-chart .axis-label') === 1,
    'timeline has x-axis labels and a y-axis title');
  check(await count('#map-chart path.country') >= 150, `map has ${await count('#map-chart path.country')} country borders`);
  check(await count('#map-chart circle.place') > 0, `map has ${await count('#map-chart circle.place')} story circles`);
  check(await count('#network-chart .node') > 1, `network has ${await count('#network-chart .node')} actors`);
  check(await count('#table tr.row') > 0, `table has ${await count('#table tr.row')} rows`);
  check(await page.locator('#meta').innerText().then((t) => /\d+ events/.test(t)), 'header shows the store counts');
  const csp = await page.$eval('meta[http-equiv="Content-Security-Policy"]', (m) => m.content).catch(() => '');
  check(/script-src 'self'/.test(csp) && !/unsafe-inline/.test(csp), 'the page sets a Content-Security-Policy without inline script');
  await page.screenshot({ path: join(opts.shots, 'dashboard.png'), fullPage: true });
  console.log(`ok - screenshot ${join(opts.shots, 'dashboard.png')}`);

  // 2. Pagination moves through the table.
  const firstPage = await page.locator('#table tr.row').first().getAttribute('data-id');
  if (await page.locator('#page-next').isEnabled()) {
    await page.click('#page-next');
    await page.waitForFunction((id) => document.querySelector('#table tr.row')?.dataset.id !== id, firstPage);
    check(query().get('offset') === '25', 'next page sets offset=25 in the URL and shows other rows');
    await page.click('#page-prev');
    await page.waitForFunction((id) => document.querySelector('#table tr.row')?.dataset.id === id, firstPage);
  }

  // 3. A type filter drives the table (stories and events), the timeline and the URL.
  const type = opts.type;
  await page.click('#filter-type summary');
  await page.check(`#type-${type}`);
  await page.keyboard.press('Escape');
  check(!await page.$eval('#filter-type', (d) => d.open), 'Escape closes the type menu');
  check(query().getAll('type').join() === type, `type filter is in the URL (?type=${type})`);
  await waitRows((t) => {
    const rows = [...document.querySelectorAll('#table tr.row')];
    return rows.length > 0 && rows.every((r) => r.dataset.type === t) && !document.querySelector('#table.loading');
  }, type, `${type} stories`);
  const storyTypes = await page.$$eval('#table tr.row', (rows) => rows.map((r) => r.dataset.type));
  check(storyTypes.every((t) => t === type), `story table shows only ${type} (${storyTypes.length} rows)`);
  await page.click('button.segment[data-view="events"]');
  await waitRows((t) => document.querySelector('table.view-events') &&
    [...document.querySelectorAll('#table tr.row')].every((r) => r.dataset.type === t), type, `${type} events`);
  const eventTypes = await page.$$eval('#table tr.row', (rows) => rows.map((r) => r.dataset.type));
  const badgeTypes = await page.$$eval('#table tr.row .badge', (b) => b.map((x) => x.textContent));
  check(eventTypes.length > 0 && eventTypes.every((t) => t === type) && badgeTypes.every((t) => t === type),
    `event table shows only ${type} (${eventTypes.length} rows)`);
  await page.waitForFunction(() => document.querySelectorAll('#timeline-chart rect.bar').length > 0);
  const quads = await page.$$eval('#timeline-chart rect.bar', (bars) => [...new Set(bars.map((b) => b.dataset.quad))]);
  check(quads.length === 1, `timeline follows the filter (bars of one quad: ${quads})`);
  const listing = await api(`api/events?type=${type}&limit=1`);
  check(await page.locator('#panel-table .panel-note').innerText() === `${listing.total} events`,
    `table total agrees with the API (${listing.total} events)`);

  // 4. The state survives a reload.
  await page.reload();
  await page.waitForSelector('#table tr.row');
  check(await page.isChecked(`#type-${type}`) && query().get('view') === 'events', 'filters and view come back from the URL');

  // 5. A row opens the article view with the evidence highlighted.
  const row = page.locator('#table tr.row').first();
  const eventId = await row.getAttribute('data-id');
  await row.click();
  await page.waitForSelector('#article-text mark.ev');
  check(query().get('event') === eventId && query().get('article'), 'a row opens its article (URL has article and event)');
  const article = await api(`api/articles/${encodeURIComponent(query().get('article'))}`);
  check(await page.locator('#article-text').textContent() === article.text, 'article text is shown whole and unchanged');
  check(await count('#article-events .event-card') === article.events.length, `article lists its ${article.events.length} events`);
  const kinds = await checkHighlights(article, article.id);
  check(kinds.has('trigger') && kinds.has('actor'), `every evidence span is marked with its exact text (${[...kinds].join(', ')})`);
  const focused = await page.$$eval('#article-text .ev.focus', (m) => m.map((x) => x.dataset.spans));
  check(focused.length > 0 && focused.every((s) => s.includes(`${eventId}:`)), 'the opened event is the focused one');
  const other = article.events.find((e) => e.id !== eventId);
  if (other) {
    await page.hover(`#article-events .event-card[data-event="${other.id}"]`);
    const hovered = await page.$$eval('#article-text .ev.focus', (m) => m.map((x) => x.dataset.spans));
    check(hovered.length > 0 && hovered.every((s) => s.includes(`${other.id}:`)), 'hovering another event highlights its spans');
    await page.click(`#article-events .event-card[data-event="${other.id}"]`);
    check(query().get('event') === other.id, 'clicking an event selects it (URL follows)');
    await page.mouse.move(5, 5);
    await page.click(`#article-events .event-card[data-event="${eventId}"]`);
  }
  for (const kind of ['trigger', 'actor', 'recipient', 'date', 'place', 'size']) {
    const colour = await page.$eval(`.evidence-legend mark[data-kind="${kind}"]`, (m) => getComputedStyle(m).backgroundColor);
    check(colour && colour !== 'rgba(0, 0, 0, 0)', `legend shows the ${kind} colour (${colour})`);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(opts.shots, 'article.png') });
  console.log(`ok - screenshot ${join(opts.shots, 'article.png')}`);

  // 6. Back to the dashboard, then a map circle opens its story.
  await page.click('#article-back');
  await page.waitForSelector('#map-chart circle.place');
  check(!query().get('article') && query().getAll('type').join() === type, 'back returns to the filtered dashboard');
  await page.click('#filter-reset');
  await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('type'));
  const single = page.locator('#map-chart circle.place[data-stories="1"]').first();
  if (await single.count()) {
    await single.dispatchEvent('click');
  } else {
    await page.locator('#map-chart circle.place').first().dispatchEvent('click');
    await page.locator('.map-popup .story-link').first().click();
  }
  await page.waitForSelector('#story-bar:not([hidden]) .mention');
  const storyId = query().get('story');
  const story = await api(`api/stories/${encodeURIComponent(storyId)}`);
  check(storyId && story.mentions.some((m) => m.id === query().get('event')),
    `a map circle opens its story (${storyId}) at one of its mentions`);
  await page.waitForSelector('#article-text mark.ev');

  // 7. The malicious article: markup in the data stays text.
  const evil = await api(`api/articles/${encodeURIComponent(opts.evil)}`);
  check(evil.events.length > 0, `the malicious article has ${evil.events.length} events`);
  await page.goto(new URL(`?article=${encodeURIComponent(opts.evil)}`, base).href);
  await page.waitForSelector('#article-text mark.ev');
  await page.click(`#article-events .event-card[data-event="${evil.events[0].id}"]`);
  const pwned = () => page.evaluate(() => typeof window.__pwned);
  check(await pwned() === 'undefined', 'window.__pwned is undefined after rendering the article');
  check(await page.locator('#article-title').textContent() === evil.title, 'the title shows literally as text');
  check(await page.locator('#article-text').textContent() === evil.text, 'the article text shows literally as text');
  const evilKinds = await checkHighlights(evil, 'malicious article');
  check(['trigger', 'actor', 'date', 'place'].every((k) => evilKinds.has(k)),
    `trigger, actor, date and place marks match their spans (${[...evilKinds].join(', ')})`);
  const dom = await page.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      scripts: [...document.scripts].map((s) => s.getAttribute('src')),
      imgs: document.querySelectorAll('img, iframe, object, embed').length,
      handlers: all.flatMap((e) => [...e.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${e.tagName}[${a.name}]`)),
      jsLinks: [...document.querySelectorAll('a[href]')].filter((a) => !/^https?:$/.test(a.protocol)).map((a) => a.getAttribute('href')),
      urlText: document.querySelector('.article-meta .url-text')?.textContent ?? null,
    };
  });
  check(dom.scripts.length === 1 && dom.scripts[0] === 'app.js', `no <script> came from the data (scripts: ${dom.scripts})`);
  check(dom.imgs === 0, 'no <img>/<iframe>/<object> came from the data');
  check(dom.handlers.length === 0, `no element has an on* handler attribute (${dom.handlers})`);
  check(dom.jsLinks.length === 0 && await count('a[href^="javascript:" i]') === 0, 'no link has a javascript: href');
  check(dom.urlText === evil.url, 'the javascript: url is shown as plain text');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: join(opts.shots, 'malicious.png') });
  console.log(`ok - screenshot ${join(opts.shots, 'malicious.png')}`);

  // The same data in the dashboard's table, network and map tooltips.
  await page.goto(new URL(`?view=events&text=${encodeURIComponent('Pristina')}`, base).href);
  await page.waitForSelector('#table tr.row');
  const titles = await page.$$eval('#table tr.row td:last-child', (cells) => cells.map((c) => c.textContent));
  check(titles.includes(evil.title), 'the table shows the malicious title literally');
  await page.waitForSelector('#network-chart .node, #network-chart .panel-message');
  check(await pwned() === 'undefined' && await count('img, a[href^="javascript:" i]') === 0,
    'the dashboard panels render the malicious data inertly');

  check(external.length === 0, `no request left the server's origin ${external.length ? external : ''}`);
  check(problems.length === 0, `no page errors${problems.length ? `: ${problems.join(' | ')}` : ''}`);
} catch (err) {
  failed = err;
} finally {
  if (failed) {
    await page.screenshot({ path: join(opts.shots, 'failure.png'), fullPage: true }).catch(() => {});
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}

if (failed) {
  const message = failed instanceof CheckError ? failed.message
    : `${failed.message.split('\n').slice(0, 6).join('\n')}\n${failed.stack.split('\n').find((l) => l.includes('dashboard.mjs')) ?? ''}`;
  console.error(`FAILED: ${message}`);
  if (problems.length) console.error(`also seen: ${problems.join(' | ')}`);
  console.error(`page: ${page.url()}; screenshot of the failure in ${opts.shots}/failure.png`);
  process.exit(1);
}
console.log('all dashboard checks passed');
