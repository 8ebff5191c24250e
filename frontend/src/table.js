// The story / event / thread table with pagination. A row opens the article view
// (a story opens at its first mention); a thread row opens the thread page.

import { api } from './api.js';
import { el, fill, fmtNumber, joinList, message } from './dom.js';
import { quadColour, typeQuad } from './palette.js';
import { filterKey, setState } from './state.js';

const PAGE = 25;

export function typeBadge(type, quad) {
  const badge = el('span', { class: 'badge', 'data-type': type }, type);
  badge.style.setProperty('--quad', quadColour(quad || typeQuad(type)));
  return badge;
}

function place(item) {
  return [item.location_name, item.location_country_code].filter(Boolean).join(', ');
}

function size(item) {
  const parts = [];
  if (item.dead) parts.push(`${item.dead} dead`);
  if (item.injured) parts.push(`${item.injured} injured`);
  if (item.arrested) parts.push(`${item.arrested} arrested`);
  return parts.join(', ');
}

function actors(names, countries) {
  const text = joinList(names, 2);
  const codes = [...new Set((countries || []).filter(Boolean))];
  return [text, codes.length ? el('span', { class: 'code' }, ` ${codes.join(' ')}`) : null];
}

const COLUMNS = {
  events: [
    ['Date', (e) => [e.date || el('span', { class: 'muted' }, 'undated'),
      e.historical ? el('span', { class: 'flag', title: 'a historical reference, counted only when included' }, 'historical')
        : null], 'col-date'],
    ['Type', (e) => typeBadge(e.event_type, e.quad), 'col-type'],
    ['Actor', (e) => actors(e.actor_names, e.actor_countries)],
    ['Recipient', (e) => actors(e.recipient_names, e.recipient_countries)],
    ['Place', place],
    ['Trigger', (e) => el('q', null, e.trigger && typeof e.trigger === 'object' ? e.trigger.text : e.trigger)],
    ['Size', size],
    ['Conf.', (e) => (e.confidence ?? '') === '' ? '' : Number(e.confidence).toFixed(2), 'col-num'],
    ['Article', (e) => e.title || el('span', { class: 'muted' }, e.article_id)],
  ],
  stories: [
    ['Date', (s) => s.date || el('span', { class: 'muted' }, 'undated'), 'col-date'],
    ['Type', (s) => typeBadge(s.event_type), 'col-type'],
    ['Actors', (s) => actors(s.actor_names, s.actor_countries)],
    ['Recipients', (s) => actors(s.recipient_names, s.recipient_countries)],
    ['Place', place],
    ['Size', size],
    ['Mentions', (s) => fmtNumber(s.n_mentions), 'col-num'],
    ['Articles', (s) => fmtNumber(s.articles), 'col-num'],
  ],
  threads: [
    ['Dates', (t) => (t.first_seen === t.last_seen ? t.first_seen : `${t.first_seen} – ${t.last_seen}`) || '', 'col-date'],
    ['Thread', (t) => [t.title || t.id, el('span', { class: 'muted' }, ` · ${joinList(t.terms, 4)}`)]],
    ['Events', (t) => fmtNumber(t.n_events), 'col-num'],
    ['All stories', (t) => fmtNumber(t.n_stories), 'col-num'],
    ['Articles', (t) => fmtNumber(t.n_articles), 'col-num'],
    ['Sources', (t) => fmtNumber(t.n_sources), 'col-num'],
  ],
};
const VIEWS = { stories: 'Stories', events: 'Events', threads: 'Threads' };
const LOAD = { stories: api.stories, events: api.events, threads: api.threads };

export function createTable(root, { openEvent, openStory, openThread }) {
  const toggles = Object.entries(VIEWS).map(([view, label]) => {
    const b = el('button', { type: 'button', class: 'segment', 'data-view': view }, label);
    b.addEventListener('click', () => setState({ view, offset: '' }));
    return b;
  });
  const note = el('span', { class: 'panel-note' });
  const body = el('div', { class: 'table-wrap', id: 'table' });
  const prev = el('button', { type: 'button', class: 'button', id: 'page-prev' }, '‹ Previous');
  const next = el('button', { type: 'button', class: 'button', id: 'page-next' }, 'Next ›');
  const pageInfo = el('span', { class: 'page-info', 'aria-live': 'polite' });
  fill(root,
    el('header', { class: 'panel-head' },
      el('h2', null, 'Stories, events and threads'), note,
      el('div', { class: 'panel-tools segmented', role: 'group', 'aria-label': 'Show' }, toggles)),
    body,
    el('footer', { class: 'pager' }, prev, pageInfo, next));

  let lastKey = null;
  let current = null;
  let request = 0;

  prev.addEventListener('click', () => current && setState({ offset: Math.max(0, current.offset - PAGE) || '' }));
  next.addEventListener('click', () => current && setState({ offset: current.offset + PAGE }));

  async function load(state) {
    const view = VIEWS[state.view] ? state.view : 'stories';
    const offset = Math.max(0, Number(state.offset) || 0);
    for (const t of toggles) t.setAttribute('aria-pressed', String(t.dataset.view === view));
    const key = `${filterKey(state)}|${view}|${offset}`;
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++request;
    body.classList.add('loading');
    try {
      const page = await LOAD[view](state, PAGE, offset);
      if (mine !== request) return;
      current = { view, offset, total: Number(page.total) || 0, items: page.items || [] };
      render();
    } catch (err) {
      if (mine === request) body.replaceChildren(message(`Table unavailable: ${err.message}`, 'error'));
    } finally {
      if (mine === request) body.classList.remove('loading');
    }
  }

  function render() {
    const { view, offset, total, items } = current;
    const columns = COLUMNS[view];
    note.textContent = `${fmtNumber(total)} ${view}`;
    pageInfo.textContent = total ? `${fmtNumber(offset + 1)}–${fmtNumber(offset + items.length)} of ${fmtNumber(total)}` : '';
    prev.disabled = offset <= 0;
    next.disabled = offset + items.length >= total;
    if (!items.length) {
      body.replaceChildren(message(`No ${view} match the filters.`));
      return;
    }
    const rows = items.map((item) => {
      const row = el('tr', { class: 'row', tabindex: 0, 'data-id': item.id, 'data-type': item.event_type },
        columns.map(([, cell, cls]) => el('td', { class: cls }, cell(item))));
      const open = () => (view === 'events' ? openEvent(item) : view === 'threads' ? openThread(item.id)
        : openStory(item.id));
      row.addEventListener('click', open);
      row.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(); });
      return row;
    });
    body.replaceChildren(el('table', { class: `data-table view-${view}` },
      el('thead', null, el('tr', null, columns.map(([label, , cls]) => el('th', { scope: 'col', class: cls }, label)))),
      el('tbody', null, rows)));
  }

  return { update: load };
}
