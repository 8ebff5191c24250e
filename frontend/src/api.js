// The JSON API under /api (see docs/api.md). Filters travel as query parameters.

import { FILTER_KEYS } from './state.js';

export function filterParams(state, extra = {}) {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = state[key];
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, value);
  }
  return params;
}

export class ApiError extends Error {}

async function get(path, params) {
  const query = params && params.toString() ? `?${params}` : '';
  let response;
  try {
    response = await fetch(`api/${path}${query}`, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new ApiError(`cannot reach the server (${err.message})`);
  }
  if (!response.ok) {
    let detail = response.statusText;
    try {
      const body = await response.json();
      if (body && body.message) detail = body.message;
      else if (body && body.detail) detail = typeof body.detail === 'string' ? body.detail : JSON.stringify(body.detail);
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(`${response.status} ${detail}`);
  }
  return response.json();
}

const id = (value) => encodeURIComponent(value);

export const api = {
  meta: () => get('meta'),
  events: (state, limit, offset) => get('events', filterParams(state, { limit, offset })),
  stories: (state, limit, offset) => get('stories', filterParams(state, { limit, offset })),
  event: (eventId) => get(`events/${id(eventId)}`),
  story: (storyId) => get(`stories/${id(storyId)}`),
  thread: (threadId) => get(`threads/${id(threadId)}`),
  threads: (state, limit, offset) => get('event_threads', filterParams(state, { limit, offset })),
  article: (articleId) => get(`articles/${id(articleId)}`),
  timeline: (state, bucket) => get('timeline', filterParams(state, { bucket })),
  map: (state) => get('map', filterParams(state)),
  totals: (state) => get('totals', filterParams(state)),
  network: (state, by) => get('network', filterParams(state, { by })),
};
