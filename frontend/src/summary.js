// The summary bar: what the filters select (events, stories, and the dead, injured and
// arrested of those stories, from /api/totals), the confidence floor in force, whether
// historical references ("in 2013 the collapse killed 1,100") count, and downloads of the
// same selection (/api/export) as CSV, GeoJSON or an ACLED-style table.

import { api, filterParams } from './api.js';
import { el, fill, fmtNumber, message } from './dom.js';
import { DEFAULT_CONFIDENCE, filterKey, setState } from './state.js';

const DOWNLOADS = [
  ['csv', 'CSV', 'Events as a flat CSV table'],
  ['geojson', 'GeoJSON', 'Events with coordinates as GeoJSON points'],
  ['acled', 'ACLED table', 'Events in the ACLED layout (CSV)'],
];

export function createSummary(root) {
  const counts = el('span', { class: 'summary-counts', id: 'summary-counts', 'aria-live': 'polite' });
  const floor = el('span', { class: 'summary-floor', id: 'summary-floor' });
  const historical = el('span', { class: 'summary-floor', id: 'summary-historical' });
  const links = DOWNLOADS.map(([format, label, title]) =>
    el('a', { class: 'button download', 'data-format': format, title }, label));
  fill(root, counts, floor, historical, el('span', { class: 'downloads' }, el('span', { class: 'muted' }, 'Download:'), links));

  let lastKey = null;
  let request = 0;

  async function update(state) {
    const key = filterKey(state);
    const params = filterParams(state);
    for (const a of links) {
      // our own relative endpoint with encoded parameters: never data from the page
      a.href = `api/export/${a.dataset.format}${params.toString() ? `?${params}` : ''}`;
      a.setAttribute('download', '');
    }
    const min = Number(state.min_confidence);
    floor.textContent = min === Number(DEFAULT_CONFIDENCE)
      ? `confidence ≥ ${min.toFixed(2)}: what we would publish`
      : `confidence ≥ ${min.toFixed(2)}${min < Number(DEFAULT_CONFIDENCE) ? ' (includes events we would not publish)' : ''}`;
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++request;
    const included = state.include_historical === 'true';
    try {
      const [t, all] = await Promise.all([api.totals(state),
        included ? null : api.totals({ ...state, include_historical: 'true' })]);
      if (mine !== request) return;
      const toggle = el('button', { type: 'button', class: 'link-button', id: 'historical-toggle' },
        included ? 'leave them out' : 'include them');
      toggle.addEventListener('click', () => setState({ include_historical: included ? '' : 'true' }));
      fill(historical, included ? 'historical references counted · '
        : `${fmtNumber(all.events - t.events)} historical references left out · `, toggle);
      historical.dataset.n = included ? '' : String(all.events - t.events);
      fill(counts,
        el('strong', { 'data-n': t.events, id: 'total-events' }, fmtNumber(t.events)), ' events · ',
        el('strong', { 'data-n': t.stories, id: 'total-stories' }, fmtNumber(t.stories)), ' stories · ',
        el('span', { class: 'size-total', 'data-n': t.dead, id: 'total-dead' }, `${fmtNumber(t.dead)} dead`), ' · ',
        el('span', { class: 'size-total', 'data-n': t.injured, id: 'total-injured' }, `${fmtNumber(t.injured)} injured`), ' · ',
        el('span', { class: 'size-total', 'data-n': t.arrested, id: 'total-arrested' }, `${fmtNumber(t.arrested)} arrested`),
        el('span', { class: 'muted', title: 'Sizes are counted once per story, not once per article' }, ' (per story)'));
    } catch (err) {
      if (mine === request) fill(counts, message(`Totals unavailable: ${err.message}`, 'error'));
    }
  }

  return { update };
}
