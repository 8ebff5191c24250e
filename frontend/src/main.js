// The dashboard: wires the filter bar and the panels to the URL state.

import { api } from './api.js';
import { createArticleView } from './article.js';
import { el, fill, fmtNumber, message } from './dom.js';
import { createFilters } from './filters.js';
import { createMap } from './map.js';
import { createNetwork } from './network.js';
import { QUADS } from './palette.js';
import { getState, setState, subscribe } from './state.js';
import { createSummary } from './summary.js';
import { createTable } from './table.js';
import { createThreadView } from './thread.js';
import { createTimeline } from './timeline.js';

const $ = (id) => document.getElementById(id);
const fromDashboard = { fromDashboard: true };

function openEvent(item) {
  setState({ article: item.article_id, event: item.id, story: '' }, { push: true, historyState: fromDashboard });
}

/** The thread page: the dashboard filtered to the thread, its stories in the table. */
function openThread(threadId) {
  setState({ thread: threadId, view: 'stories', article: '', event: '', story: '' }, { push: true });
}

async function openStory(storyId) {
  try {
    const story = await api.story(storyId);
    const first = (story.mentions || [])[0];
    if (!first) throw new Error('the story has no mentions');
    setState({ story: storyId, article: first.article_id, event: first.id }, { push: true, historyState: fromDashboard });
  } catch (err) {
    notify(`Cannot open story ${storyId}: ${err.message}`);
  }
}

let notifyTimer;
function notify(text) {
  const status = $('status');
  status.textContent = text;
  status.hidden = false;
  clearTimeout(notifyTimer);
  notifyTimer = setTimeout(() => { status.hidden = true; }, 6000);
}

function quadLegend() {
  return QUADS.map((q) => {
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = q.colour;
    return el('span', { class: 'legend-item' }, swatch, q.label);
  });
}

async function showMeta(filters) {
  try {
    const meta = await api.meta();
    const counts = meta.counts || {};
    const range = meta.event_dates || meta.date_range || {};
    filters.setCountries(meta.actor_countries || []);
    filters.setSectors(meta.actor_sectors || []);
    filters.setModes(meta.modes || []);
    filters.setPlaces(meta.places || []);
    const parts = ['articles', 'events', 'stories'].filter((k) => counts[k] !== undefined)
      .map((k) => `${fmtNumber(counts[k])} ${k}`);
    const min = range.min ?? range.from ?? range[0];
    const max = range.max ?? range.to ?? range[1];
    if (min && max) parts.push(`events dated ${min} – ${max}`);
    fill($('meta'), `store: ${parts.join(' · ')}`);
  } catch (err) {
    fill($('meta'), message(`API unavailable: ${err.message}`, 'error'));
  }
}

function start() {
  fill($('quad-legend'), el('span', { class: 'legend-title' }, 'PLOVER quad'), quadLegend());
  const filters = createFilters($('filters'));
  const panels = [
    createThreadView($('panel-thread'), { onTitle: (id, title) => filters.setThreadTitle(id, title) }),
    createSummary($('summary')),
    createTimeline($('panel-timeline')),
    createMap($('panel-map'), { openStory }),
    createNetwork($('panel-network')),
    createTable($('panel-table'), { openEvent, openStory, openThread }),
  ];
  const article = createArticleView($('article-view'), { openThread });

  function render(state) {
    filters.update(state);
    const reading = Boolean(state.article);
    $('dashboard').hidden = reading;
    $('article-view').hidden = !reading;
    $('filters').hidden = reading;
    $('summary').hidden = reading;
    if (reading) {
      article.update(state);
    } else {
      document.title = 'newsevents dashboard';
      for (const panel of panels) panel.update(state);
    }
  }

  subscribe(render);
  render(getState());
  showMeta(filters);
}

start();
