// Map: story locations on offline world borders (world-atlas, 1:110m), circles
// sized by mentions and coloured by quad. Wheel or buttons zoom, dragging pans
// (d3-zoom); places closer than their circles merge into one dashed cluster at the
// current zoom. A click opens the circle under the pointer (the smallest is drawn on
// top); "Draw area" drags a rectangle that becomes the bbox filter.

import { geoNaturalEarth1, geoPath, geoGraticule10 } from 'd3-geo';
import { select } from 'd3-selection';
import { zoom, zoomIdentity } from 'd3-zoom';
import { feature } from 'topojson-client';
import { api } from './api.js';
import { el, fill, fmtNumber, message, svg } from './dom.js';
import { QUADS, quadColour, typeQuad } from './palette.js';
import { filterKey, setState } from './state.js';
import { clusterPlaces, groupByPlace } from './places.js';

const ANTARCTICA = '010';
const MAX_ZOOM = 40;
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

export function radius(mentions) {
  return Math.min(24, 3.5 + 2.6 * Math.sqrt(mentions));
}

/** Points along the edges of a lon/lat box, for drawing it under a curved projection. */
function boxOutline(bbox, project) {
  const [w, s, e, n] = bbox;
  const east = e < w ? e + 360 : e;
  const points = [];
  const steps = 24;
  for (let i = 0; i <= steps; i += 1) points.push([w + ((east - w) * i) / steps, n]);
  for (let i = 0; i <= steps; i += 1) points.push([east, n - ((n - s) * i) / steps]);
  for (let i = 0; i <= steps; i += 1) points.push([east - ((east - w) * i) / steps, s]);
  for (let i = 0; i <= steps; i += 1) points.push([w, s + ((n - s) * i) / steps]);
  const xy = points.map(([lon, lat]) => project([lon > 180 ? lon - 360 : lon, lat])).filter(Boolean);
  return xy.length ? `M${xy.map((p) => `${p[0].toFixed(1)},${p[1].toFixed(1)}`).join('L')}Z` : null;
}

export function createMap(root, { openStory }) {
  const note = el('span', { class: 'panel-note' });
  const chart = el('div', { class: 'chart map-chart', id: 'map-chart' });
  const popup = el('div', { class: 'map-popup', hidden: true, role: 'dialog' });
  const legend = el('div', { class: 'map-legend', id: 'map-legend' });
  const zoomIn = el('button', { type: 'button', class: 'button', id: 'map-zoom-in', 'aria-label': 'Zoom in' }, '+');
  const zoomOut = el('button', { type: 'button', class: 'button', id: 'map-zoom-out', 'aria-label': 'Zoom out' }, '−');
  const zoomReset = el('button', { type: 'button', class: 'button', id: 'map-zoom-reset' }, 'World');
  const drawBox = el('button', { type: 'button', class: 'button', id: 'map-draw', 'aria-pressed': 'false',
    title: 'Drag a rectangle on the map to filter to it' }, 'Draw area');
  fill(root, el('header', { class: 'panel-head' }, el('h2', null, 'Where'), note,
    el('div', { class: 'panel-tools map-tools' }, zoomIn, zoomOut, zoomReset, drawBox)), chart, legend);

  let lastKey = null;
  let places = [];
  let world = null;
  let request = 0;
  let bbox = null;
  let transform = zoomIdentity;
  let view = null; // {projection, width, height, layer, circles}
  let drawing = false;

  const behaviour = zoom().scaleExtent([1, MAX_ZOOM])
    .filter((event) => !drawing && (!event.ctrlKey || event.type === 'wheel') && !event.button)
    .on('zoom', (event) => {
      transform = event.transform;
      if (!view) return;
      view.layer.setAttribute('transform', transform.toString());
      drawCircles();
    });

  zoomIn.addEventListener('click', () => view && select(view.map).call(behaviour.scaleBy, 2));
  zoomOut.addEventListener('click', () => view && select(view.map).call(behaviour.scaleBy, 0.5));
  zoomReset.addEventListener('click', () => view && select(view.map).call(behaviour.transform, zoomIdentity));
  drawBox.addEventListener('click', () => {
    drawing = !drawing;
    drawBox.setAttribute('aria-pressed', String(drawing));
    chart.classList.toggle('drawing', drawing);
  });

  async function load(state) {
    bbox = state.bbox ? state.bbox.split(',').map(Number) : null;
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

  function showPopup(group, cx, cy) {
    const stories = group.places.flatMap((p) => p.stories)
      .sort((a, b) => (b.n_mentions || 0) - (a.n_mentions || 0) || String(b.date).localeCompare(String(a.date)));
    const names = [...new Set(group.places.map((p) => [p.name, p.country].filter(Boolean).join(', ')))];
    const title = names.length > 2 ? `${names.slice(0, 2).join('; ')} and ${names.length - 2} more places` : names.join('; ');
    const closer = group.places.length > 1
      ? el('button', { type: 'button', class: 'link-button', id: 'map-popup-zoom' }, 'Zoom in here') : null;
    if (closer) {
      closer.addEventListener('click', () => {
        popup.hidden = true;
        const k = Math.min(MAX_ZOOM, transform.k * 4);
        select(view.map).call(behaviour.transform, zoomIdentity.translate(view.width / 2, view.height / 2)
          .scale(k).translate(-group.x, -group.y));
      });
    }
    fill(popup,
      el('div', { class: 'map-popup-head' },
        el('strong', null, title || 'Unnamed place'),
        el('span', { class: 'muted' }, ` ${stories.length} stories`), ' ', closer),
      el('ul', null, stories.slice(0, 12).map((s) => {
        const button = el('button', { type: 'button', class: 'story-link', 'data-story': s.id },
          el('span', { class: 'type-dot' }), s.event_type, ' ', el('span', { class: 'muted' }, s.date || 'undated'),
          ' ', el('span', { class: 'muted' }, `· ${s.location_name || ''} · ${s.n_mentions ?? 1} mentions`));
        button.firstChild.style.background = quadColour(typeQuad(s.event_type));
        button.addEventListener('click', () => {
          popup.hidden = true;
          openStory(s.id);
        });
        return el('li', null, button);
      })),
      stories.length > 12 ? el('p', { class: 'muted' }, `and ${stories.length - 12} more`) : null);
    popup.hidden = false;
    const box = chart.getBoundingClientRect();
    popup.style.left = `${Math.max(4, Math.min(cx + 12, box.width - 270))}px`;
    popup.style.top = `${Math.max(4, cy - 20)}px`;
  }

  /** The circles at the current zoom: clusters in screen space, drawn largest first. */
  function drawCircles() {
    const { circles } = view;
    const k = transform.k;
    const groups = clusterPlaces(places, (p) => radius(p.mentions), k);
    circles.replaceChildren();
    for (const group of groups.sort((a, b) => b.mentions - a.mentions)) {
      const stories = group.places.reduce((a, p) => a + p.stories.length, 0);
      const first = group.places[0];
      const where = group.places.length > 1
        ? `${group.places.length} places around ${[first.name, first.country].filter(Boolean).join(', ')}`
        : [first.name, first.country].filter(Boolean).join(', ');
      const label = `${where}: ${stories} stor${stories === 1 ? 'y' : 'ies'}, ${group.mentions} mentions`;
      const circle = svg('circle', {
        class: `place${group.places.length > 1 ? ' cluster' : ''}`, cx: group.x.toFixed(2), cy: group.y.toFixed(2),
        r: (radius(group.mentions) / k).toFixed(3), fill: quadColour(group.quad), 'data-stories': stories,
        'data-places': group.places.length, 'data-mentions': group.mentions, tabindex: 0, role: 'button',
        'aria-label': label,
      }, svg('title', null, label));
      circle.style.strokeWidth = `${1 / k}px`;
      const open = (event) => {
        event.stopPropagation();
        const [sx, sy] = transform.apply([group.x, group.y]);
        if (stories === 1) openStory(first.stories[0].id);
        else showPopup(group, sx, sy);
      };
      circle.addEventListener('click', open);
      circle.addEventListener('keydown', (e) => { if (e.key === 'Enter') open(e); });
      circles.append(circle);
    }
  }

  function enableDrawing(map) {
    let start = null;
    let rect = null;
    const point = (event) => {
      const box = map.getBoundingClientRect();
      return [event.clientX - box.left, event.clientY - box.top];
    };
    map.addEventListener('pointerdown', (event) => {
      if (!drawing) return;
      start = point(event);
      rect = svg('rect', { class: 'map-box', x: start[0], y: start[1], width: 0, height: 0 });
      map.append(rect);
      map.setPointerCapture(event.pointerId);
    });
    map.addEventListener('pointermove', (event) => {
      if (!start) return;
      const [x, y] = point(event);
      rect.setAttribute('x', Math.min(x, start[0]));
      rect.setAttribute('y', Math.min(y, start[1]));
      rect.setAttribute('width', Math.abs(x - start[0]));
      rect.setAttribute('height', Math.abs(y - start[1]));
    });
    map.addEventListener('pointerup', (event) => {
      if (!start) return;
      const end = point(event);
      const corners = [[Math.min(start[0], end[0]), Math.max(start[1], end[1])],
        [Math.max(start[0], end[0]), Math.min(start[1], end[1])]];
      start = null;
      rect.remove();
      drawing = false;
      drawBox.setAttribute('aria-pressed', 'false');
      chart.classList.remove('drawing');
      if (Math.abs(corners[1][0] - corners[0][0]) < 4 || Math.abs(corners[0][1] - corners[1][1]) < 4) return;
      const geo = corners.map((c) => view.projection.invert(transform.invert(c)));
      if (geo.some((g) => !g || !g.every(Number.isFinite))) return;
      const clamp = (v, bound) => Math.max(-bound, Math.min(bound, v));
      const box = [clamp(geo[0][0], 180), clamp(geo[0][1], 90), clamp(geo[1][0], 180), clamp(geo[1][1], 90)];
      setState({ bbox: box.map((v) => v.toFixed(2)).join(',') }, { push: true });
    });
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
      const [x, y] = projection([place.lon, place.lat]) || [];
      place.x = x;
      place.y = y;
    }
    places = places.filter((p) => Number.isFinite(p.x));
    const outline = bbox ? boxOutline(bbox, projection) : null;
    const layer = svg('g', { class: 'map-layer', transform: transform.toString() },
      svg('path', { class: 'graticule', d: path(geoGraticule10()) }),
      countries,
      outline ? svg('path', { class: 'map-box', id: 'map-bbox', d: outline }) : null,
      circles);
    const map = svg('svg', { class: 'map', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': 'Map of story locations' }, svg('rect', { class: 'ocean', width, height }), layer);
    map.addEventListener('click', () => { popup.hidden = true; });
    chart.replaceChildren(map, popup);
    popup.hidden = true;
    view = { projection, width, height, layer, circles, map };
    behaviour.extent([[0, 0], [width, height]]).translateExtent([[0, 0], [width, height]]);
    select(map).call(behaviour).call(behaviour.transform, transform);
    enableDrawing(map);
    drawCircles();
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
      el('span', { class: 'legend-item' },
        svg('svg', { width: 18, height: 18, 'aria-hidden': 'true' }, svg('circle', { cx: 9, cy: 9, r: 7, class: 'legend-cluster' })),
        'dashed: nearby places together (zoom in to split)'),
      el('span', { class: 'legend-title' }, 'Colour: quad of the most-mentioned type'),
      QUADS.map((q) => {
        const swatch = el('span', { class: 'swatch' });
        swatch.style.background = q.colour;
        return el('span', { class: 'legend-item' }, swatch, q.label);
      }),
      el('span', { class: 'legend-title' }, 'Wheel or +/− to zoom, drag to pan'));
  }

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 150);
  });

  return { update: load };
}
