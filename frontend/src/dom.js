// Safe DOM building. Data from the API (titles, article text, actor names ...)
// is untrusted: it only ever reaches the page as text nodes or as the value of
// an attribute from SAFE_ATTRS. Nothing here parses HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

// Attributes that cannot run script or load anything, whatever their value.
const SAFE_ATTRS = new Set([
  'class', 'id', 'title', 'role', 'type', 'value', 'name', 'placeholder', 'for', 'min', 'max',
  'step', 'list', 'checked', 'disabled', 'selected', 'hidden', 'tabindex', 'colspan', 'scope',
  'aria-label', 'aria-pressed', 'aria-expanded', 'aria-hidden', 'aria-live', 'aria-current',
  'viewBox', 'd', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height',
  'fill', 'stroke', 'stroke-width', 'opacity', 'fill-opacity', 'stroke-opacity', 'transform',
  'text-anchor', 'dominant-baseline', 'dy', 'dx', 'marker-end', 'markerWidth', 'markerHeight',
  'refX', 'refY', 'orient', 'markerUnits', 'preserveAspectRatio', 'points', 'rx',
  'target', 'rel',
]);

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('data-')) node.setAttribute(key, String(value));
    else if (SAFE_ATTRS.has(key)) node.setAttribute(key, value === true ? '' : String(value));
    else throw new Error(`unsafe attribute ${key}`);
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** An HTML element; children are nodes or strings (strings become text nodes). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** An SVG element, same rules as el(). */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  return append(node, children);
}

/** Replace all children of node. */
export function fill(node, ...children) {
  node.replaceChildren();
  return append(node, children);
}

/** The URL if it is an absolute http(s) URL, else null. */
export function safeUrl(url) {
  if (typeof url !== 'string' || !url.trim()) return null;
  let parsed;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
}

/** A link for an http(s) URL; any other URL is shown as plain text, never as an href. */
export function link(url, text) {
  const href = safeUrl(url);
  const label = text ?? url ?? '';
  if (!href) return el('span', { class: 'url-text', title: 'not an http(s) link' }, label);
  const a = el('a', { target: '_blank', rel: 'noopener noreferrer' }, label);
  a.href = href; // set after the check: only http(s) ever becomes an href
  return a;
}

/** A message in a panel (loading, empty, error). */
export function message(text, kind = 'empty') {
  return el('p', { class: `panel-message ${kind}` }, text);
}

export function fmtNumber(n) {
  return n === null || n === undefined ? '' : Number(n).toLocaleString('en-US');
}

export function joinList(values, max = 3) {
  const list = (values || []).filter(Boolean);
  if (list.length <= max) return list.join(', ');
  return `${list.slice(0, max).join(', ')} +${list.length - max}`;
}
