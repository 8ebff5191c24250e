// The thread page: a real-world happening and its coverage (GET /api/threads/{id}). Shown
// above the dashboard while the `thread` filter is set, so the timeline, map, network, table
// and totals below are the thread's own; this panel adds its articles, grouped by source
// and dated, which open in the article view.

import { api } from './api.js';
import { el, fill, fmtNumber, joinList, message } from './dom.js';
import { setState } from './state.js';

/** The thread's articles by source (the API sorts them by source, then date). */
function bySource(articles) {
  const groups = new Map();
  for (const a of articles) {
    const source = a.source || 'no source';
    if (!groups.has(source)) groups.set(source, []);
    groups.get(source).push(a);
  }
  return [...groups].map(([source, list]) => el('section', { class: 'thread-source', 'data-source': source },
    el('h3', null, source, el('span', { class: 'muted' }, ` · ${list.length} article${list.length === 1 ? '' : 's'}`)),
    el('ul', null, list.map((a) => {
      const open = el('button', { type: 'button', class: 'link-button thread-article', 'data-article': a.id },
        a.title || a.id);
      open.addEventListener('click', () => setState({ article: a.id, event: '', story: '' },
        { push: true, historyState: { fromDashboard: true } }));
      return el('li', null, el('span', { class: 'thread-date' }, a.date || 'undated'),
        el('span', null, open, el('span', { class: 'muted' }, ` · ${fmtNumber(a.n_events)} events`)));
    }))));
}

export function createThreadView(root, { onTitle } = {}) {
  let shown = null;
  let request = 0;

  async function update(state) {
    root.hidden = !state.thread;
    if (!state.thread || state.thread === shown) return;
    shown = state.thread;
    const mine = ++request;
    fill(root, message('Loading thread…', 'loading'));
    try {
      const thread = await api.thread(state.thread);
      if (mine !== request) return;
      if (onTitle) onTitle(thread.id, thread.title);
      const all = el('button', { type: 'button', class: 'button', id: 'thread-all' }, '← All threads');
      all.addEventListener('click', () => setState({ thread: '', view: 'threads' }, { push: true }));
      const dates = thread.first_seen === thread.last_seen ? thread.first_seen
        : `${thread.first_seen} – ${thread.last_seen}`;
      fill(root,
        el('header', { class: 'panel-head' },
          el('h2', { id: 'thread-title' }, el('span', { class: 'muted' }, 'Thread · '), thread.title || thread.id),
          el('span', { class: 'panel-note', id: 'thread-counts' },
            `${dates || 'undated'} · ${fmtNumber(thread.n_articles)} articles from ${fmtNumber(thread.n_sources)} `
            + `source${thread.n_sources === 1 ? '' : 's'} · ${fmtNumber(thread.n_stories)} stories`),
          el('div', { class: 'panel-tools' }, all)),
        el('p', { class: 'muted thread-terms' }, `About: ${joinList(thread.terms, 8)}. `,
          'The panels below show its events, stories, places and actors under the filters above.'),
        el('div', { class: 'thread-articles', id: 'thread-articles' }, bySource(thread.articles || [])));
    } catch (err) {
      if (mine === request) fill(root, message(`Thread unavailable: ${err.message}`, 'error'));
      shown = null;
    }
  }

  return { update };
}
