// Actor network: who acts on whom. Nodes are actors the API resolved (a country, or a
// proper name; size: events), arrows run from actor to recipient (width: events,
// colour: quad of the commonest type). Labels that would overlap a heavier node's
// label are left to the tooltip; a click on a node filters the dashboard to it.

import { forceCenter, forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY } from 'd3-force';
import { api } from './api.js';
import { el, fill, fmtNumber, message, svg } from './dom.js';
import { QUADS, quadColour, typeQuad } from './palette.js';
import { filterKey, setState } from './state.js';

const MAX_NODES = 40;
const CHAR_WIDTH = 6.2; // px per character of an 11px label, a safe estimate
const LABEL_HEIGHT = 13;

/**
 * Where each node's label goes: right of it, else left, else nowhere, so that no two
 * labels overlap; heavier nodes choose first. Returns Map id -> 'start' | 'end'.
 */
function placeLabels(nodes, r, width) {
  const boxes = [];
  const overlaps = (b) => boxes.some((o) => b.x0 < o.x1 && o.x0 < b.x1 && b.y0 < o.y1 && o.y0 < b.y1);
  const placed = new Map();
  for (const n of nodes) {
    const w = Math.min(24, (n.label ?? n.id).length) * CHAR_WIDTH;
    const y0 = n.y - LABEL_HEIGHT / 2;
    const right = { x0: n.x + r(n) + 4, x1: n.x + r(n) + 4 + w, y0, y1: y0 + LABEL_HEIGHT };
    const left = { x0: n.x - r(n) - 4 - w, x1: n.x - r(n) - 4, y0, y1: y0 + LABEL_HEIGHT };
    const choice = [['start', right], ['end', left]].find(([, b]) => b.x0 >= 0 && b.x1 <= width && !overlaps(b));
    if (choice) {
      placed.set(n.id, choice[0]);
      boxes.push(choice[1]);
    }
  }
  return placed;
}

/**
 * The estimate above, checked against the drawn text: a label that still overlaps one
 * placed before it (heavier nodes come first) tries the other side, then goes.
 */
function dropOverlaps(nodeGroup) {
  const kept = [];
  const hit = (b) => kept.some((o) => b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom);
  for (const label of nodeGroup.querySelectorAll('.node-label')) {
    let box = label.getBoundingClientRect();
    if (hit(box)) {
      const end = label.getAttribute('text-anchor') === 'end';
      label.setAttribute('text-anchor', end ? 'start' : 'end');
      label.setAttribute('x', String(-Number(label.getAttribute('x'))));
      box = label.getBoundingClientRect();
      if (hit(box)) {
        label.remove();
        continue;
      }
    }
    kept.push(box);
  }
}

/** The filters a node stands for: its country (and sector), or its name as text. */
function nodeFilter(n, by) {
  if (n.country && by !== 'name') return { actor_country: n.country, actor_sector: by === 'actor' ? n.sector || '' : '' };
  if (n.country) return { actor_country: n.country, text: n.label ?? n.id };
  return { text: n.label ?? n.id };
}

function dominantQuad(types) {
  const byQuad = new Map();
  for (const [type, n] of Object.entries(types || {})) {
    const q = typeQuad(type);
    byQuad.set(q, (byQuad.get(q) || 0) + Number(n));
  }
  const best = [...byQuad].sort((a, b) => b[1] - a[1])[0];
  return best ? best[0] : null;
}

const endId = (end) => (typeof end === 'object' && end !== null ? end.id : end);

export function createNetwork(root) {
  const note = el('span', { class: 'panel-note' });
  const chart = el('div', { class: 'chart', id: 'network-chart' });
  const nodeKind = el('select', { id: 'network-nodes', 'aria-label': 'Nodes' },
    el('option', { value: 'actor' }, 'Country and sector'),
    el('option', { value: 'country' }, 'Country'),
    el('option', { value: 'name' }, 'Actor name'));
  nodeKind.addEventListener('change', () => setState({ nodes: nodeKind.value === 'actor' ? '' : nodeKind.value }));
  fill(root, el('header', { class: 'panel-head' }, el('h2', null, 'Who acts on whom'), note,
    el('div', { class: 'panel-tools' }, nodeKind)), chart);

  let lastKey = null;
  let graph = null;
  let request = 0;

  async function load(state) {
    const by = state.nodes || 'actor';
    nodeKind.value = by;
    const key = filterKey(state) + by;
    if (key === lastKey) return;
    lastKey = key;
    const mine = ++request;
    chart.replaceChildren(message('Loading…', 'loading'));
    try {
      const body = await api.network(state, by);
      if (mine !== request) return;
      graph = { ...body, by };
      draw();
    } catch (err) {
      if (mine === request) chart.replaceChildren(message(`Network unavailable: ${err.message}`, 'error'));
    }
  }

  function draw() {
    if (!graph) return;
    const allNodes = graph.nodes || [];
    const byId = new Map(allNodes.map((n) => [n.id, n]));
    // The heaviest links whose actors fit in MAX_NODES: no actor is drawn without a link.
    const ids = new Set();
    const links = [];
    const sorted = [...(graph.links || [])].sort((a, b) => (b.weight || 0) - (a.weight || 0));
    for (const l of sorted) {
      const [s, t] = [endId(l.source), endId(l.target)];
      if (s === t || !byId.has(s) || !byId.has(t)) continue;
      const extra = (ids.has(s) ? 0 : 1) + (ids.has(t) ? 0 : 1);
      if (ids.size + extra > MAX_NODES) continue;
      ids.add(s);
      ids.add(t);
      links.push({ ...l, source: s, target: t });
    }
    const nodes = [...ids].map((id) => ({ ...byId.get(id) })).sort((a, b) => (b.weight || 0) - (a.weight || 0));
    const linked = new Set((graph.links || []).flatMap((l) => [endId(l.source), endId(l.target)]));
    note.textContent = nodes.length < linked.size
      ? `the ${fmtNumber(links.length)} heaviest links, ${fmtNumber(nodes.length)} of ${fmtNumber(linked.size)} actors`
      : `${fmtNumber(nodes.length)} actors, ${fmtNumber(links.length)} links`;
    if (!nodes.length) {
      chart.replaceChildren(message('No actor acts on a recipient under these filters.'));
      return;
    }
    const width = Math.max(300, chart.clientWidth || 600);
    const height = Math.round(width * 0.52);
    const r = (n) => 4 + 2.2 * Math.sqrt(n.weight || 1);

    forceSimulation(nodes)
      .force('link', forceLink(links).id((d) => d.id).distance(70).strength(0.35))
      .force('charge', forceManyBody().strength(-140))
      .force('collide', forceCollide((d) => r(d) + 3))
      .force('x', forceX(width / 2).strength(0.07))
      .force('y', forceY(height / 2).strength(0.12))
      .force('center', forceCenter(width / 2, height / 2))
      .stop()
      .tick(300);
    const pad = 14;
    for (const n of nodes) {
      n.x = Math.max(pad, Math.min(width - pad, n.x));
      n.y = Math.max(pad, Math.min(height - pad, n.y));
    }

    const markers = svg('defs', null, [...QUADS.map((q) => q.id), null].map((quad) =>
      svg('marker', { id: `arrow-${quad ? quad.replace(/\s+/g, '-') : 'unknown'}`, viewBox: '0 0 10 10', refX: 9, refY: 5,
        markerWidth: 6, markerHeight: 6, orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse' },
      svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: quadColour(quad) }))));

    const neighbours = new Map(nodes.map((n) => [n.id, new Set([n.id])]));
    const edgeGroup = svg('g', { class: 'links' });
    for (const link of links) {
      const s = link.source;
      const t = link.target;
      neighbours.get(s.id).add(t.id);
      neighbours.get(t.id).add(s.id);
      const dx = t.x - s.x;
      const dy = t.y - s.y;
      const len = Math.hypot(dx, dy) || 1;
      const cut = r(t) + 2;
      const quad = dominantQuad(link.types);
      const types = Object.entries(link.types || {}).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(', ');
      edgeGroup.append(svg('line', {
        class: 'link', x1: s.x, y1: s.y, x2: t.x - (dx / len) * cut, y2: t.y - (dy / len) * cut,
        stroke: quadColour(quad), 'stroke-width': (1 + Math.sqrt(link.weight || 1)).toFixed(1),
        'marker-end': `url(#arrow-${quad ? quad.replace(/\s+/g, '-') : 'unknown'})`,
        'data-source': s.id, 'data-target': t.id,
      }, svg('title', null, `${s.label ?? s.id} → ${t.label ?? t.id}: ${link.weight} events (${types})`)));
    }
    const labels = placeLabels(nodes, r, width);
    const by = graph.by;
    const nodeGroup = svg('g', { class: 'nodes' });
    for (const n of nodes) {
      const name = n.label ?? n.id;
      const detail = [n.country, n.sector].filter(Boolean).join(', ');
      const g = svg('g', { class: 'node', transform: `translate(${n.x.toFixed(1)} ${n.y.toFixed(1)})`, 'data-id': n.id },
        svg('circle', { r: r(n).toFixed(1) }),
        svg('title', null, `${name}${detail ? ` (${detail})` : ''}: ${n.weight} events. Click to filter to this actor.`));
      const anchor = labels.get(n.id);
      if (anchor) {
        g.append(svg('text', { class: 'node-label', x: ((anchor === 'end' ? -1 : 1) * (r(n) + 4)).toFixed(1),
          dy: '0.35em', 'text-anchor': anchor }, name.length > 24 ? `${name.slice(0, 22).trimEnd()}…` : name));
      }
      g.addEventListener('click', () => setState(nodeFilter(n, by), { push: true }));
      g.addEventListener('mouseenter', () => {
        const near = neighbours.get(n.id);
        plot.classList.add('focus');
        for (const other of nodeGroup.children) other.classList.toggle('near', near.has(other.getAttribute('data-id')));
        for (const line of edgeGroup.children) {
          line.classList.toggle('near', line.getAttribute('data-source') === n.id || line.getAttribute('data-target') === n.id);
        }
      });
      g.addEventListener('mouseleave', () => plot.classList.remove('focus'));
      nodeGroup.append(g);
    }
    const plot = svg('svg', { class: 'network', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
      'aria-label': 'Actor network' }, markers, edgeGroup, nodeGroup);
    chart.replaceChildren(plot, el('p', { class: 'chart-caption' },
      'Arrow: actor → recipient; width: events; colour: quad of the commonest type. Hover an actor for its links; click it to filter to it. Only resolved actors (a country or a proper name) are drawn.'));
    dropOverlaps(nodeGroup);
  }

  let resizeTimer;
  window.addEventListener('resize', () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(draw, 150);
  });

  return { update: load };
}
