// Timeline: events per day/week/month/year, bars stacked by PLOVER quad.
// Click a bar to narrow the date filter to it.

import { api } from './api.js';
import { el, fill, fmtNumber, message, svg } from './dom.js';
import { QUADS, quadColour, typeQuad } from './palette.js';
import { filterKey, setState } from './state.js';
import { bucketNext, bucketStart, countTicks, formatBucket, isoDay, parseDay, timeTicks } from './time.js';

const HEIGHT = 230;
const M = { top: 12, right: 16, bottom: 30, left: 48 };
const DAY = 86400000;

// The axis spans the events between these quantiles when the ones outside would
// stretch it by more than TAIL_STRETCH of that span (a few far-future plans or misread
// dates, or historical references, squash the rest); the rest are counted and offered.
const LOW_QUANTILE = 0.03;
const HIGH_QUANTILE = 0.99;
const TAIL_STRETCH = 0.5;

/** Month start of `t`, and the start of the month after. */
const monthStart = (t) => bucketStart(t, 'month');
const monthEnd = (t) => bucketNext(bucketStart(t, 'month'), 'month');

/**
 * Where the data is: {from, to (exclusive), before, after} with the events left out on
 * each side, or null when nothing needs leaving out. Weighted quantiles over the items'
 * counts; a side is cut only where its tail stretches the axis.
 */
export function dataDomain(items) {
  const dated = items.map((i) => [parseDay(i.date), Number(i.n) || 0]).filter(([t, n]) => t !== null && n > 0)
    .sort((a, b) => a[0] - b[0]);
  if (dated.length < 2) return null;
  const total = dated.reduce((a, [, n]) => a + n, 0);
  const quantile = (q) => {
    let acc = 0;
    for (const [t, n] of dated) {
      acc += n;
      if (acc >= q * total) return t;
    }
    return dated[dated.length - 1][0];
  };
  const lo = monthStart(quantile(LOW_QUANTILE));
  const hi = monthEnd(quantile(HIGH_QUANTILE));
  const core = Math.max(hi - lo, 31 * DAY);
  const first = dated[0][0];
  const last = dated[dated.length - 1][0];
  const from = lo - first > TAIL_STRETCH * core ? lo : null;
  const to = last - hi > TAIL_STRETCH * core ? hi : null;
  if (from === null && to === null) return null;
  const before = from === null ? 0 : dated.filter(([t]) => t < from).reduce((a, [, n]) => a + n, 0);
  const after = to === null ? 0 : dated.filter(([t]) => t >= to).reduce((a, [, n]) => a + n, 0);
  return { from, to, before, after };
}

const inside = (domain) => (i) => {
  const t = parseDay(i.date);
  return t === null || !domain || ((domain.from === null || t >= domain.from) && (domain.to === null || t < domain.to));
};

export function createTimeline(root) {
  const bucketSelect = el('select', { id: 'timeline-bucket', 'aria-label': 'Bucket' },
    ['auto', 'day', 'week', 'month', 'year'].map((b) => el('option', { value: b }, b === 'auto' ? 'Auto' : `By ${b}`)));
  const total = el('span', { class: 'panel-note' });
  const chart = el('div', { class: 'chart', id: 'timeline-chart' });
  fill(root,
    el('header', { class: 'panel-head' },
      el('h2', null, 'Events over time'), total, el('div', { class: 'panel-tools' }, bucketSelect)),
    chart);
  bucketSelect.addEventListener('change', () => setState({ bucket: bucketSelect.value === 'auto' ? '' : bucketSelect.value }));

  let lastKey = null;
  let data = null;
  let request = 0;

  async function load(state) {
    const wanted = state.bucket || 'auto';
    const key = filterKey(state) + wanted + (state.span || '');
    bucketSelect.value = wanted;
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++request;
    chart.replaceChildren(message('Loading…', 'loading'));
    try {
      let bucket = wanted === 'auto' ? 'month' : wanted;
      let body = await api.timeline(state, bucket);
      let items = body.items || [];
      // An explicit date filter, or "show all", puts the axis where the user said.
      const hidden = state.from || state.to || state.span === 'all' ? null : dataDomain(items);
      items = items.filter(inside(hidden));
      if (wanted === 'auto') {
        const days = items.map((i) => parseDay(i.date)).filter((t) => t !== null);
        const span = days.length ? (Math.max(...days) - Math.min(...days)) / DAY : 0;
        if (span > 10 * 365) bucket = 'year';
        else if (span <= 120 && days.length) {
          bucket = span <= 45 ? 'day' : 'week';
          body = await api.timeline(state, bucket);
          items = (body.items || []).filter(inside(hidden));
        }
      }
      if (mine !== request) return;
      data = { bucket, items, hidden, all: state.span === 'all' };
      draw();
    } catch (err) {
      if (mine === request) chart.replaceChildren(message(`Timeline unavailable: ${err.message}`, 'error'));
    }
  }

  function draw() {
    if (!data) return;
    const { bucket, items, hidden } = data;
    // bucket start -> quad -> {n, types}
    const buckets = new Map();
    let undated = 0;
    let sum = 0;
    for (const item of items) {
      const t = parseDay(item.date);
      const n = Number(item.n) || 0;
      sum += n;
      if (t === null) {
        undated += n;
        continue;
      }
      const start = bucketStart(t, bucket);
      const quad = item.quad || typeQuad(item.event_type) || 'unknown';
      if (!buckets.has(start)) buckets.set(start, new Map());
      const byQuad = buckets.get(start);
      if (!byQuad.has(quad)) byQuad.set(quad, { n: 0, types: new Map() });
      const cell = byQuad.get(quad);
      cell.n += n;
      cell.types.set(item.event_type, (cell.types.get(item.event_type) || 0) + n);
    }
    const shown = sum + (hidden ? hidden.before + hidden.after : 0);
    total.textContent = `${fmtNumber(shown)} dated events${undated ? ` (${fmtNumber(undated)} undated)` : ''}`;
    if (buckets.size === 0) {
      chart.replaceChildren(message('No dated events match the filters.'));
      return;
    }
    const starts = [...buckets.keys()].sort((a, b) => a - b);
    const lo = starts[0];
    const hi = bucketNext(starts[starts.length - 1], bucket);
    const width = Math.max(320, chart.clientWidth || 800);
    const innerW = width - M.left - M.right;
    const innerH = HEIGHT - M.top - M.bottom;
    const x = (t) => M.left + ((t - lo) / (hi - lo)) * innerW;
    const max = Math.max(...starts.map((s) => [...buckets.get(s).values()].reduce((a, c) => a + c.n, 0)));
    const yTicks = countTicks(max);
    const yMax = yTicks[yTicks.length - 1];
    const y = (v) => M.top + innerH - (v / yMax) * innerH;

    const grid = svg('g', { class: 'grid' }, yTicks.map((v) => svg('line', { x1: M.left, x2: width - M.right, y1: y(v), y2: y(v) })));
    const yAxis = svg('g', { class: 'axis axis-y' },
      yTicks.map((v) => svg('text', { x: M.left - 8, y: y(v), 'text-anchor': 'end', 'dominant-baseline': 'middle' }, fmtNumber(v))),
      svg('text', { class: 'axis-label', transform: `translate(12 ${M.top + innerH / 2}) rotate(-90)`, 'text-anchor': 'middle' },
        'Events'));
    const xTicks = timeTicks(lo, hi, Math.max(3, Math.floor(innerW / 90)));
    const xAxis = svg('g', { class: 'axis axis-x' },
      svg('line', { class: 'baseline', x1: M.left, x2: width - M.right, y1: y(0), y2: y(0) }),
      xTicks.map(({ t, label }) => svg('g', { transform: `translate(${x(t)} 0)` },
        svg('line', { y1: y(0), y2: y(0) + 5 }),
        svg('text', { y: y(0) + 18, 'text-anchor': 'middle' }, label))));

    const bars = svg('g', { class: 'bars' });
    for (const start of starts) {
      const x0 = x(start);
      const x1 = x(bucketNext(start, bucket));
      const w = Math.max(2, x1 - x0 - (x1 - x0 > 6 ? 1.5 : 0.5));
      let acc = 0;
      const byQuad = buckets.get(start);
      const order = [...QUADS.map((q) => q.id), ...[...byQuad.keys()].filter((k) => !QUADS.some((q) => q.id === k))];
      for (const quad of order) {
        const cell = byQuad.get(quad);
        if (!cell) continue;
        const types = [...cell.types].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(', ');
        const rect = svg('rect', {
          class: 'bar', x: x0, width: w, y: y(acc + cell.n), height: Math.max(0.5, y(acc) - y(acc + cell.n)),
          fill: quadColour(quad), 'data-quad': quad, 'data-n': cell.n,
        }, svg('title', null, `${formatBucket(start, bucket)} · ${quad}: ${cell.n} (${types})`));
        rect.addEventListener('click', () => setState({
          from: isoDay(start), to: isoDay(bucketNext(start, bucket) - DAY),
          bucket: '', span: '',
        }, { push: true }));
        bars.append(rect);
        acc += cell.n;
      }
    }
    const plot = svg('svg', { class: 'timeline', width, height: HEIGHT, viewBox: `0 0 ${width} ${HEIGHT}`, role: 'img',
      'aria-label': `Events by ${bucket}, stacked by quad` }, grid, bars, xAxis, yAxis);
    const caption = el('p', { class: 'chart-caption' },
      `Events by ${bucket} of the event date, stacked by PLOVER quad. Click a bar to filter to it.`);
    if (hidden) {
      const all = el('button', { type: 'button', class: 'link-button', id: 'timeline-all' }, 'Show all dates');
      all.addEventListener('click', () => setState({ span: 'all', bucket: 'year' }));
      const parts = [];
      if (hidden.before) parts.push(`${fmtNumber(hidden.before)} dated before ${formatBucket(hidden.from, 'month')}`);
      if (hidden.after) parts.push(`${fmtNumber(hidden.after)} dated from ${formatBucket(hidden.to, 'month')} on`);
      caption.append(` ${parts.join(' and ')} (historical references, far-off plans or misread dates) ` +
        'are left out of the axis. ', all);
    } else if (data.all) {
      const fit = el('button', { type: 'button', class: 'link-button', id: 'timeline-fit' }, 'Fit the axis to the data');
      fit.addEventListener('click', () => setState({ span: '', bucket: '' }));
      caption.append(' ', fit);
    }
    chart.replaceChildren(plot, caption);
  }

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 150);
  });

  return { update: load };
}
