// Map: story locations on offline world borders (world-atlas, 1:110m), circles
// sized by mentions and coloured by quad. Click a circle to open its story.

import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { feature } from 'topojson-client';
import { api } from './api.js';
import { el, fill, fmtNumber, message, svg } from './dom.js';
import { quadColour, typeQuad } from './palette.js';
import { filterKey } from './state.js';

const ANTARCTICA = '010';
let worldPromise = null;

function loadWorld() {
  if (!worldPromise) {
    worldPromise = fetch('countries-110m.json')
      .then((r) => {
        if (!r.ok) throw new Error(`world borders: ${r.status}`);
        return r.json();
      })
      .then((topology) => feature(topology, topology.objects.countries));
  }
  return worldPromise;
}

/** Stories at the same coordinates become one circle. */
function groupByPlace(items) {
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
    const byQuad = new Map();
    for (const s of place.stories) {
      const q = typeQuad(s.event_type);
      byQuad.set(q, (byQuad.get(q) || 0) + (Number(s.n_mentions) || 1));
    }
    place.quad = [...byQuad].sort((a, b) => b[1] - a[1])[0][0];
    place.stories.sort((a, b) => (b.n_mentions || 0) - (a.n_mentions || 0) || String(b.date).localeCompare(String(a.date)));
  }
  return [...places.values()].sort((a, b) => b.mentions - a.mentions);
}

export function createMap(root, { openStory }) {
  const note = el('span', { class: 'panel-note' });
  const chart = el('div', { class: 'chart map-chart', id: 'map-chart' });
  const popup = el('div', { class: 'map-popup', hidden: true, role: 'dialog' });
  const legend = el('div', { class: 'map-legend' });
  fill(root, el('header', { class: 'panel-head' }, el('h2', null, 'Where'), note), chart, legend);

  let lastKey = null;
  let places = [];
  let world = null;
  let request = 0;

  async function load(state) {
    const key = filterKey(state);
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++request;
    chart.replaceChildren(message('Loading…', 'loading'));
    try {
      const [countries, body] = await Promise.all([loadWorld(), api.map(state)]);
      if (mine !== request) return;
      world = countries;
      places = groupByPlace(body.items || []);
      const stories = places.reduce((a, p) => a + p.stories.length, 0);
      const more = Number(body.total) > stories ? ` (the ${fmtNumber(stories)} most mentioned of ${fmtNumber(body.total)})` : '';
      note.textContent = `${fmtNumber(stories)} located stories at ${fmtNumber(places.length)} places${more}`;
      draw();
    } catch (err) {
      if (mine === request) chart.replaceChildren(message(`Map unavailable: ${err.message}`, 'error'));
    }
  }

  function radius(mentions) {
    return Math.min(24, 3.5 + 2.6 * Math.sqrt(mentions));
  }

  function showPopup(place, cx, cy) {
    const title = [place.name, place.country].filter(Boolean).join(', ');
    fill(popup,
      el('div', { class: 'map-popup-head' },
        el('strong', null, title || 'Unnamed place'),
        el('span', { class: 'muted' }, ` ${place.stories.length} stories`)),
      el('ul', null, place.stories.slice(0, 12).map((s) => {
        const button = el('button', { type: 'button', class: 'story-link' },
          el('span', { class: 'type-dot' }), s.event_type, ' ', el('span', { class: 'muted' }, s.date || 'undated'),
          ' ', el('span', { class: 'muted' }, `· ${s.n_mentions ?? 1} mentions`));
        button.firstChild.style.background = quadColour(typeQuad(s.event_type));
        button.addEventListener('click', () => {
          popup.hidden = true;
          openStory(s.id);
        });
        return el('li', null, button);
      })),
      place.stories.length > 12 ? el('p', { class: 'muted' }, `and ${place.stories.length - 12} more`) : null);
    popup.hidden = false;
    const box = chart.getBoundingClientRect();
    popup.style.left = `${Math.min(cx + 12, box.width - 260)}px`;
    popup.style.top = `${Math.max(4, cy - 20)}px`;
  }

  function draw() {
    if (!world) return;
    const width = Math.max(300, chart.clientWidth || 600);
    const height = Math.round(width * 0.52);
    const land = { type: 'FeatureCollection', features: world.features.filter((f) => f.id !== ANTARCTICA) };
    const projection = geoNaturalEarth1().fitExtent([[6, 6], [width - 6, height - 6]], land);
    const path = geoPath(projection);

    const countries = svg('g', { class: 'countries' }, land.features.map((f) =>
      svg('path', { class: 'country', d: path(f) }, svg('title', null, f.properties?.name ?? ''))));
    const circles = svg('g', { class: 'places' });
    for (const place of places) {
      const [cx, cy] = projection([place.lon, place.lat]) || [];
      if (!Number.isFinite(cx)) continue;
      const label = `${[place.name, place.country].filter(Boolean).join(', ')}: ${place.stories.length} ` +
        `stor${place.stories.length === 1 ? 'y' : 'ies'}, ${place.mentions} mentions`;
      const circle = svg('circle', {
        class: 'place', cx: cx.toFixed(1), cy: cy.toFixed(1), r: radius(place.mentions).toFixed(1),
        fill: quadColour(place.quad), 'data-stories': place.stories.length, tabindex: 0, role: 'button',
        'aria-label': label,
      }, svg('title', null, label));
      const open = (event) => {
        event.stopPropagation();
        if (place.stories.length === 1) openStory(place.stories[0].id);
        else showPopup(place, cx, cy);
      };
      circle.addEventListener('click', open);
      circle.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(e); });
      circles.append(circle);
    }
    const map = svg('svg', { class: 'map', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': 'Map of story locations' },
    svg('rect', { class: 'ocean', width, height }),
    svg('path', { class: 'graticule', d: path(geoGraticule10()) }),
    countries, circles);
    map.addEventListener('click', () => { popup.hidden = true; });
    chart.replaceChildren(map, popup);
    popup.hidden = true;
    if (!places.length) chart.append(message('No located stories match the filters.', 'overlay'));

    const sizes = [1, 5, 20];
    fill(legend,
      el('span', { class: 'legend-title' }, 'Circle area: mentions'),
      sizes.map((n) => {
        const r = radius(n);
        const s = svg('svg', { width: 2 * r + 4, height: 2 * r + 4, 'aria-hidden': 'true' },
          svg('circle', { cx: r + 2, cy: r + 2, r, class: 'legend-circle' }));
        return el('span', { class: 'legend-item' }, s, String(n));
      }),
      el('span', { class: 'legend-title' }, 'Colour: quad of the most-mentioned type'));
  }

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 150);
  });

  return { update: load };
}
