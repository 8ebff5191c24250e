// Map places: stories at the same coordinates as one place, and places that would
// overlap on screen at a zoom level as one cluster.

import { typeQuad } from './palette.js';

/** The quad with the most mentions over stories [{event_type, n_mentions}]. */
function leadingQuad(stories) {
  const byQuad = new Map();
  for (const s of stories) {
    const q = typeQuad(s.event_type);
    byQuad.set(q, (byQuad.get(q) || 0) + (Number(s.n_mentions) || 1));
  }
  return [...byQuad].sort((a, b) => b[1] - a[1])[0][0];
}

/** Stories at the same coordinates become one place, most mentioned first. */
export function groupByPlace(items) {
  const places = new Map();
  for (const item of items) {
    const lat = Number(item.lat);
    const lon = Number(item.lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    const key = `${lat.toFixed(3)},${lon.toFixed(3)}`;
    if (!places.has(key)) places.set(key, { lat, lon, name: item.location_name, country: item.country_code, stories: [] });
    places.get(key).stories.push(item);
  }
  for (const place of places.values()) {
    place.mentions = place.stories.reduce((a, s) => a + (Number(s.n_mentions) || 1), 0);
    place.quad = leadingQuad(place.stories);
    place.stories.sort((a, b) => (b.n_mentions || 0) - (a.n_mentions || 0) || String(b.date).localeCompare(String(a.date)));
  }
  return [...places.values()].sort((a, b) => b.mentions - a.mentions);
}

/**
 * Places (with projected x, y at zoom 1) merged into clusters wherever their circles
 * would overlap by more than half at zoom `k` (circle radii are in screen pixels).
 * The biggest place seeds a cluster and keeps its position; a grid of cells as wide
 * as the largest circle pair keeps it linear. Returns [{x, y, places, mentions, quad}].
 */
export function clusterPlaces(places, radius, k) {
  const cell = 48 / k;
  const grid = new Map();
  const clusters = [];
  for (const place of [...places].sort((a, b) => b.mentions - a.mentions)) {
    const cx = Math.floor(place.x / cell);
    const cy = Math.floor(place.y / cell);
    let home = null;
    for (let dx = -1; dx <= 1 && !home; dx += 1) {
      for (let dy = -1; dy <= 1 && !home; dy += 1) {
        for (const c of grid.get(`${cx + dx},${cy + dy}`) || []) {
          const reach = (radius(c.seed) + radius(place)) * 0.5 / k;
          if (Math.hypot(c.x - place.x, c.y - place.y) < reach) {
            home = c;
            break;
          }
        }
      }
    }
    if (home) {
      home.places.push(place);
      home.mentions += place.mentions;
      continue;
    }
    const cluster = { x: place.x, y: place.y, seed: place, places: [place], mentions: place.mentions };
    clusters.push(cluster);
    const key = `${cx},${cy}`;
    if (!grid.has(key)) grid.set(key, []);
    grid.get(key).push(cluster);
  }
  for (const c of clusters) c.quad = leadingQuad(c.places.flatMap((p) => p.stories));
  return clusters;
}
