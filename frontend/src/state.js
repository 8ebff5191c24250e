// The dashboard's state lives in the URL query string, so a view can be
// bookmarked, shared and reloaded. Every panel reads it and re-renders on change.

export const FILTER_KEYS = ['type', 'quad', 'mode', 'actor_country', 'actor_sector', 'recipient', 'place', 'bbox',
  'from', 'to', 'text', 'min_confidence', 'include_historical', 'thread'];
const SINGLE_KEYS = [...FILTER_KEYS.slice(1), 'view', 'offset', 'bucket', 'span', 'nodes', 'article', 'event', 'story'];

/**
 * The dashboard opens on what we would publish: events of confidence 0.5 or more (the
 * threshold stories are built from). A URL without min_confidence means this default;
 * min_confidence=0 asks for everything.
 */
export const DEFAULT_CONFIDENCE = '0.50';

const listeners = new Set();

/** The current state: {type: [..], actor_country, from, to, text, min_confidence, view, ...}. */
export function getState() {
  const params = new URLSearchParams(window.location.search);
  const state = { type: params.getAll('type').filter(Boolean) };
  for (const key of SINGLE_KEYS) {
    const value = params.get(key);
    if (value !== null && value !== '') state[key] = value;
  }
  if (state.min_confidence === undefined) state.min_confidence = DEFAULT_CONFIDENCE;
  return state;
}

function toSearch(state) {
  const params = new URLSearchParams();
  for (const t of state.type || []) params.append('type', t);
  for (const key of SINGLE_KEYS) {
    const value = state[key];
    if (key === 'min_confidence' && Number(value) === Number(DEFAULT_CONFIDENCE)) continue;
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `?${search}` : window.location.pathname;
}

/**
 * Merge `changes` into the state and notify the panels. A change of any filter
 * sends the table back to its first page. `push` adds a history entry (views),
 * with `historyState` attached; otherwise the entry is replaced (typing in a filter).
 */
export function setState(changes, { push = false, historyState = null } = {}) {
  const next = { ...getState(), ...changes };
  if (FILTER_KEYS.some((k) => k in changes) && !('offset' in changes)) delete next.offset;
  for (const [k, v] of Object.entries(next)) {
    if (v === undefined || v === null || v === '') delete next[k];
  }
  const url = toSearch(next);
  if (url === toSearch(getState())) return;
  if (push) window.history.pushState(historyState, '', url);
  else window.history.replaceState(window.history.state, '', url);
  notify();
}

export function subscribe(listener) {
  listeners.add(listener);
}

function notify() {
  const state = getState();
  for (const listener of listeners) listener(state);
}

window.addEventListener('popstate', notify);

/** A key that changes only when the filters change (panels skip reloads otherwise). */
export function filterKey(state) {
  return JSON.stringify(FILTER_KEYS.map((k) => state[k] ?? null));
}
