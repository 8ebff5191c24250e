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
      // the pieces marked for this event and kind inside this span (an event may have two actors)
      const marked = await page.evaluate(([token, start, end]) => [...document.querySelectorAll('#article-text mark.ev')]
        .filter((m) => m.dataset.spans.split(' ').includes(token)
          && Number(m.dataset.start) >= start && Number(m.dataset.end) <= end)
        .map((m) => m.textContent).join(''), [`${event.id}:${kind}`, span[0], span[1]]);
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

  // 1b. It opens on what we would publish, says so, and every count obeys the same filters.
  await page.waitForSelector('#total-events');
  check(await page.inputValue('#filter-confidence') === '0.5' &&
    /what we would publish/.test(await page.locator('#summary-floor').innerText()),
  'the page opens at min. confidence 0.50 and says it is what we would publish');
  const published = await api('api/totals?min_confidence=0.5');
  const everything = await api('api/totals?min_confidence=0');
  check(Number(await page.getAttribute('#total-events', 'data-n')) === published.events &&
    published.events < everything.events,
  `header counts the confident events (${published.events} of ${everything.events})`);
  for (const kind of ['dead', 'injured', 'arrested']) {
    check(Number(await page.getAttribute(`#total-${kind}`, 'data-n')) === published[kind],
      `header shows ${published[kind]} ${kind} for the filters`);
  }
  const stories05 = await api('api/stories?min_confidence=0.5&limit=1');
  await page.click('button.segment[data-view="events"]');
  await page.waitForSelector('table.view-events');
  check(await page.locator('#panel-table .panel-note').innerText() === `${published.events} events`,
    'the event table counts the same events as the header');
  await page.click('button.segment[data-view="stories"]');
  await page.waitForSelector('table.view-stories');
  check(await page.locator('#panel-table .panel-note').innerText() === `${stories05.total} stories`,
    'the story table counts the same stories');
  const timeline05 = await api('api/timeline?min_confidence=0.5&bucket=year');
  const dated = timeline05.items.reduce((a, i) => a + i.n, 0);
  check((await page.locator('#panel-timeline .panel-note').innerText()).startsWith(`${dated.toLocaleString('en-US')} dated events`),
    `the timeline counts the same events (${dated} dated)`);
  const network05 = await api('api/network?min_confidence=0.5');
  const drawnNodes = await page.$$eval('#network-chart .node', (g) => g.map((n) => n.dataset.id));
  check(drawnNodes.every((id) => network05.nodes.some((n) => n.id === id)), 'the network draws nodes of the same filters');
  const csvHref = await page.getAttribute('a.download[data-format="csv"]', 'href');
  check(/^api\/export\/csv/.test(csvHref), `a CSV download of the view is offered (${csvHref})`);
  for (const format of ['csv', 'geojson', 'acled']) {
    const href = await page.getAttribute(`a.download[data-format="${format}"]`, 'href');
    const status = await page.evaluate(async (u) => (await fetch(u)).status, new URL(href, base).href);
    check(status === 200, `the ${format} download answers 200`);
  }
  const csvText = await page.evaluate(async (u) => (await fetch(u)).text(), new URL(csvHref, base).href);
  check(csvText.trim().split('\n').length - 1 === published.events, `the CSV holds the ${published.events} events of the view`);

  // 1c. The network: only resolved actors, labels that do not collide, click to filter.
  const labelBoxes = await page.$$eval('#network-chart .node-label', (ls) => ls.map((l) => {
    const b = l.getBoundingClientRect();
    return [b.left, b.top, b.right, b.bottom];
  }));
  const collide = labelBoxes.some((a, i) => labelBoxes.some((b, j) => j > i &&
    a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1));
  check(labelBoxes.length > 0 && !collide, `${labelBoxes.length} network labels, none overlapping`);
  const labels = await page.$$eval('#network-chart .node title', (t) => t.map((x) => x.textContent.split(':')[0]));
  check(!labels.some((l) => /^(he|him|she|they|it|people)\b/i.test(l)), 'no pronoun or bare "people" is a network node');
  const nodeWithCountry = network05.nodes.find((n) => n.country && drawnNodes.includes(n.id));
  if (nodeWithCountry) {
    // clear of the sticky filter bar, whose height depends on the window's width
    await page.$eval('#panel-network', (panel) => panel.scrollIntoView({ block: 'center' }));
    await page.click(`#network-chart .node[data-id="${nodeWithCountry.id}"] circle`, { force: true });
    await page.waitForFunction((c) => new URLSearchParams(window.location.search).get('actor_country') === c, nodeWithCountry.country);
    check(true, `clicking the node ${nodeWithCountry.id} filters to actor_country=${nodeWithCountry.country}`);
    await page.goBack();
    await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('actor_country'));
  }

  // 1d. Filters the API has: place, recipient, sector; confidence 0 shows everything.
  const meta = await api('api/meta');
  const place = meta.places[0];
  await page.fill('#filter-place', place.country);
  await page.press('#filter-place', 'Enter');
  await page.waitForFunction((c) => new URLSearchParams(window.location.search).get('place') === c, place.country);
  const placed = await api(`api/totals?min_confidence=0.5&place=${place.country}`);
  await page.waitForFunction((n) => document.querySelector('#total-events')?.dataset.n === String(n), placed.events);
  check(true, `the place filter (${place.country}) reaches the URL and the counts (${placed.events} events)`);
  check(await count('#place-list option') > 0 && await count('#filter-sector option') > 1, 'place and sector pickers are filled from the store');
  await page.selectOption('#filter-sector', meta.actor_sectors[0].value);
  await page.waitForFunction((v) => new URLSearchParams(window.location.search).get('actor_sector') === v, meta.actor_sectors[0].value);
  await page.fill('#filter-recipient', 'UKR');
  await page.press('#filter-recipient', 'Enter');
  await page.waitForFunction(() => new URLSearchParams(window.location.search).get('recipient') === 'UKR');
  check(true, 'sector and recipient filters reach the URL');
  await page.click('#filter-reset');
  await page.waitForFunction(() => !window.location.search.includes('place'));
  await page.evaluate(() => {
    const c = document.querySelector('#filter-confidence');
    c.value = '0';
    c.dispatchEvent(new Event('change'));
  });
  await page.waitForFunction((n) => document.querySelector('#total-events')?.dataset.n === String(n), everything.events);
  check(query().get('min_confidence') === '0.00' && /includes events we would not publish/.test(await page.locator('#summary-floor').innerText()),
    `confidence 0 shows all ${everything.events} events and says they include unpublished ones`);
  await page.click('#filter-reset');
  await page.waitForFunction(() => !window.location.search.includes('min_confidence'));

  // 1e. The map zooms, clusters, has a legend, and a drawn rectangle becomes the bbox filter.
  await page.waitForSelector('#map-chart circle.place');
  const before = await count('#map-chart circle.place');
  const located = await page.$$eval('#map-chart circle.place', (c) => c.reduce((a, x) => a + Number(x.dataset.places), 0));
  check(await count('#map-legend .legend-item') >= 4, 'the map has a legend (sizes, clusters, quads)');
  for (let i = 0; i < 4; i += 1) await page.click('#map-zoom-in');
  await page.waitForFunction(() => /scale\(16\)/.test(document.querySelector('#map-chart .map-layer').getAttribute('transform')));
  const after = await count('#map-chart circle.place');
  check(after >= before, `zooming in splits clusters (${before} circles at zoom 1, ${after} at zoom 16, ${located} places)`);
  const layer = () => page.getAttribute('#map-chart .map-layer', 'transform');
  const zoomed = await layer();
  const panBox = await page.locator('#map-chart svg.map').boundingBox();
  await page.mouse.move(panBox.x + panBox.width * 0.5, panBox.y + panBox.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(panBox.x + panBox.width * 0.5 + 60, panBox.y + panBox.height * 0.5 + 40, { steps: 5 });
  await page.mouse.up();
  const panned = await layer();
  check(panned !== zoomed && /scale\(16\)/.test(panned) && !query().get('story'), `dragging pans the zoomed map (${panned})`);
  await page.click('#map-zoom-reset');
  await page.waitForFunction(() => !/scale\(16\)/.test(document.querySelector('#map-chart .map-layer').getAttribute('transform')));
  const order = await page.$$eval('#map-chart circle.place', (c) => c.map((x) => Number(x.getAttribute('r'))));
  check(order.every((r, i) => i === 0 || r <= order[i - 1]), 'smaller circles are drawn over bigger ones');
  const mapBox = await page.locator('#map-chart svg.map').boundingBox();
  await page.click('#map-draw');
  await page.mouse.move(mapBox.x + mapBox.width * 0.45, mapBox.y + mapBox.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(mapBox.x + mapBox.width * 0.7, mapBox.y + mapBox.height * 0.6, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => new URLSearchParams(window.location.search).has('bbox'));
  const bbox = query().get('bbox');
  await page.waitForSelector('#map-bbox');
  const boxed = await api(`api/totals?min_confidence=0.5&bbox=${bbox}`);
  await page.waitForFunction((n) => document.querySelector('#total-events')?.dataset.n === String(n), boxed.events);
  check(/^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/.test(bbox), `drawing on the map sets bbox=${bbox} (${boxed.events} events)`);
  await page.click('#filter-reset');
  await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('bbox'));

  // 1f. The timeline axis follows where the data is; far-off dates are counted and offered.
  const years = timeline05.items.filter((i) => i.n > 0).map((i) => Number(i.date.slice(0, 4)));
  const firstYear = Math.min(...years);
  const tickYears = async () => (await page.$$eval('#timeline-chart .axis-x text', (t) => t.map((x) => x.textContent)))
    .map((t) => Number((/\d{4}/.exec(t) || [])[0])).filter(Boolean);
  await page.waitForSelector('#timeline-chart .chart-caption');
  if (await count('#timeline-all')) {
    const fitted = await tickYears();
    check(fitted.length === 0 || Math.min(...fitted) > firstYear + 5,
      `the axis starts where most events are (${fitted[0] ?? 'one year'}), not at ${firstYear}`);
    check(/left out of the axis/.test(await page.locator('#timeline-chart .chart-caption').innerText()),
      'the events left out are counted under the chart');
    await page.click('#timeline-all');
    await page.waitForSelector('#timeline-fit');
    const all = await tickYears();
    check(Math.min(...all) <= firstYear + 10, `"Show all dates" brings back ${firstYear} (axis from ${Math.min(...all)})`);
    await page.click('#timeline-fit');
    await page.waitForSelector('#timeline-all');
  }

  // 1g. Quad and mode filters: the header, the timeline, the table and the downloads obey them.
  const quadName = 'material conflict';
  await page.click('#filter-type summary');
  await page.selectOption('#filter-quad', quadName);
  await page.waitForFunction((q) => new URLSearchParams(window.location.search).get('quad') === q, quadName);
  const quadTotals = await api(`api/totals?min_confidence=0.5&quad=${encodeURIComponent(quadName)}`);
  await page.waitForFunction((n) => document.querySelector('#total-events')?.dataset.n === String(n), quadTotals.events);
  await page.waitForFunction((q) => {
    const bars = [...document.querySelectorAll('#timeline-chart rect.bar')];
    return bars.length > 0 && bars.every((b) => b.dataset.quad === q);
  }, quadName);
  check(quadTotals.events < published.events, `the quad filter counts ${quadTotals.events} of ${published.events} events, timeline bars of that quad only`);
  check(new URL(await page.getAttribute('a.download[data-format="csv"]', 'href'), base).searchParams.get('quad') === quadName,
    'the download carries the quad filter');
  check(await count('#filter-mode option') > 1, 'the mode picker is filled from the store');
  const quadEvents = await api(`api/events?min_confidence=0.5&quad=${encodeURIComponent(quadName)}&limit=1000`);
  const modeName = quadEvents.items.find((e) => e.mode)?.mode ?? meta.modes[0].value;
  await page.selectOption('#filter-mode', modeName);
  await page.waitForFunction((m) => new URLSearchParams(window.location.search).get('mode') === m, modeName);
  const modeTotals = await api(`api/totals?min_confidence=0.5&quad=${encodeURIComponent(quadName)}&mode=${modeName}`);
  await page.waitForFunction((n) => document.querySelector('#total-events')?.dataset.n === String(n), modeTotals.events);
  await page.click('button.segment[data-view="events"]');
  await page.keyboard.press('Escape');
  await page.waitForFunction((n) => document.querySelector('#panel-table .panel-note')?.textContent === `${n} events`, modeTotals.events);
  check(modeTotals.events > 0 && (await page.locator('#filter-type summary').innerText()).includes(modeName),
    `quad and mode (${modeName}) together: header and event table count ${modeTotals.events}, the menu names them`);
  await page.click('#filter-reset');
  await page.waitForFunction(() => !/quad|mode/.test(window.location.search));

  // 1h. Historical references are left out of the counts unless included, the same rule as the API's.
  const withHistory = await api('api/totals?min_confidence=0.5&include_historical=true');
  await page.waitForFunction((n) => document.querySelector('#summary-historical')?.dataset.n === String(n),
    withHistory.events - published.events);
  check(withHistory.events > published.events && withHistory.dead >= published.dead &&
    Number(await page.getAttribute('#total-dead', 'data-n')) === published.dead,
  `${withHistory.events - published.events} historical references are left out by default (dead ${published.dead}, ${withHistory.dead} with them)`);
  await page.click('#historical-toggle');
  await page.waitForFunction((n) => document.querySelector('#total-events')?.dataset.n === String(n), withHistory.events);
  const historyDated = (await api('api/timeline?min_confidence=0.5&bucket=year&include_historical=true')).items.reduce((a, i) => a + i.n, 0);
  await page.waitForFunction((n) => document.querySelector('#panel-timeline .panel-note')?.textContent.startsWith(`${n} dated`),
    historyDated.toLocaleString('en-US'));
  check(query().get('include_historical') === 'true' &&
    /historical references counted/.test(await page.locator('#summary-historical').innerText()) &&
    /include_historical=true/.test(await page.getAttribute('a.download[data-format="csv"]', 'href')),
  `including them counts ${withHistory.events} events (${historyDated} dated on the timeline), in the URL, the summary bar and the downloads`);
  await page.click('#historical-toggle');
  await page.waitForFunction(() => !window.location.search.includes('include_historical'));

  // 1i. The threads of the filtered events, and a thread's page: its articles by source,
  // the panels filtered to it.
  await page.click('button.segment[data-view="threads"]');
  await page.waitForSelector('table.view-threads tr.row');
  const threadList = await api('api/event_threads?min_confidence=0.5&limit=1');
  check(await page.locator('#panel-table .panel-note').innerText() === `${threadList.total} threads`,
    `the thread list counts ${threadList.total} threads`);
  const threadRow = page.locator('#table tr.row').first();
  const threadId = await threadRow.getAttribute('data-id');
  // the panels around the table still lay out as their data arrives, so the row may not hold
  // still long enough for a pointer click: send the click to the row itself
  await threadRow.dispatchEvent('click');
  await page.waitForSelector('#panel-thread:not([hidden]) #thread-title');
  const thread = await api(`api/threads/${encodeURIComponent(threadId)}`);
  const threadTotals = await api(`api/totals?min_confidence=0.5&thread=${encodeURIComponent(threadId)}`);
  const threadStories = await api(`api/stories?min_confidence=0.5&limit=1&thread=${encodeURIComponent(threadId)}`);
  await page.waitForFunction((n) => document.querySelector('#total-events')?.dataset.n === String(n), threadTotals.events);
  await page.waitForFunction((n) => document.querySelector('#panel-table .panel-note')?.textContent === `${n} stories`,
    threadStories.total);
  check(query().get('thread') === threadId && query().get('view') === 'stories' && threadTotals.events < published.events,
    `a thread row opens the thread page (${threadId}: ${threadTotals.events} events, ${threadStories.total} stories in the table)`);
  const sources = new Set(thread.articles.map((a) => a.source || 'no source'));
  check(await count('#thread-articles .thread-source') === sources.size &&
    await count('#thread-articles .thread-article') === thread.articles.length,
  `its ${thread.articles.length} articles are grouped by their ${sources.size} source(s)`);
  const threadMap = await api(`api/map?min_confidence=0.5&thread=${encodeURIComponent(threadId)}`);
  await page.waitForFunction((n) => (document.querySelector('#panel-map .panel-note')?.textContent || '').startsWith(`${n} located`),
    threadMap.items.length);
  const threadDated = (await api(`api/timeline?min_confidence=0.5&bucket=year&thread=${encodeURIComponent(threadId)}`))
    .items.reduce((a, i) => a + i.n, 0);
  await page.waitForFunction((n) => (document.querySelector('#panel-timeline .panel-note')?.textContent || '').startsWith(`${n} dated`),
    threadDated.toLocaleString('en-US'));
  check(new URL(await page.getAttribute('a.download[data-format="geojson"]', 'href'), base).searchParams.get('thread') === threadId,
    `its map (${threadMap.items.length} stories), timeline (${threadDated} dated events) and downloads are the thread's`);
  await page.locator('#thread-articles .thread-article').first().click();
  await page.waitForSelector('#article-text');
  check(query().get('article') === thread.articles[0].id, 'an article of the thread opens in the article view');
  await page.click('#article-back');
  await page.waitForSelector('#panel-thread:not([hidden]) #thread-title');
  check(query().get('thread') === threadId, 'back returns to the thread page');
  await page.click('#thread-all');
  await page.waitForFunction(() => !new URLSearchParams(window.location.search).has('thread'));
  await page.waitForSelector('table.view-threads');
  check(true, '"All threads" leaves the thread for the thread list');
  await page.click('button.segment[data-view="stories"]');
  await page.waitForSelector('table.view-stories');

  // 2. Pagination moves through the table.
  await page.waitForFunction((n) => document.querySelector('#panel-table .panel-note')?.textContent === `${n} stories` &&
    !document.querySelector('#table.loading'), stories05.total);
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
  const listing = await api(`api/events?type=${type}&limit=1&min_confidence=0.5`);
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
  await page.waitForSelector('#story-bar:not([hidden]) .article-chip');
  const storyId = query().get('story');
  const story = await api(`api/stories/${encodeURIComponent(storyId)}`);
  check(storyId && story.mentions.some((m) => m.id === query().get('event')),
    `a map circle opens its story (${storyId}) at one of its mentions`);
  await page.waitForSelector('#article-text mark.ev');
  const storyArticles = new Set(story.mentions.map((m) => m.article_id));
  check(await count('#story-articles .article-chip') === storyArticles.size,
    `the story bar has one chip per article (${storyArticles.size}), not one per mention (${story.mentions.length})`);
  check(await page.evaluate(() => window.scrollY) === 0, 'the story view opens scrolled to the top');
  const chipText = await page.locator('#story-articles .article-chip').first().innerText();
  const firstMention = story.mentions[0];
  check(!firstMention.source || chipText.includes(firstMention.source), `a chip names its source and date (${chipText.replace(/\s+/g, ' ')})`);

  // The story's thread is one click away.
  const storyThread = story.mentions.find((m) => m.thread_id)?.thread_id;
  check(Boolean(storyThread) && await count('#story-threads .thread-link') > 0, `the story bar links to its thread (${storyThread})`);
  await page.click('#story-threads .thread-link');
  await page.waitForSelector('#panel-thread:not([hidden]) #thread-title');
  check(query().get('thread') === storyThread && !query().get('story'), 'the link opens the story\'s thread page');

  // The largest story: sizes listed with the articles they come from.
  const sizedStories = await api('api/stories?limit=1000&min_confidence=0');
  const sized = sizedStories.items.find((s) => s.dead || s.injured || s.arrested);
  if (sized) {
    const full = await api(`api/stories/${encodeURIComponent(sized.id)}`);
    await page.goto(new URL(`?story=${encodeURIComponent(sized.id)}&article=${encodeURIComponent(full.mentions[0].article_id)}` +
      `&event=${encodeURIComponent(full.mentions[0].id)}`, base).href);
    await page.waitForSelector('#story-size');
    check(/dead|injured|arrested/.test(await page.locator('#story-size').innerText()), 'the story bar shows the story\'s size and its sources');
  }

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
