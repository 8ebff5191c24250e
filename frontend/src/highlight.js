// Evidence highlighting: split the article text at every span offset into text
// nodes, and wrap the pieces that some span covers in <mark> elements. No HTML
// is ever parsed; a piece of text only becomes a text node.

import { el } from './dom.js';
import { EVIDENCE } from './palette.js';

const PRIORITY = EVIDENCE.map((e) => e.id);

function validSpan(span, length) {
  return Array.isArray(span) && span.length === 2 && Number.isInteger(span[0]) && Number.isInteger(span[1]) &&
    span[0] >= 0 && span[0] < span[1] && span[1] <= length;
}

/** Every evidence span of one event record: [{kind, start, end, text}]. */
export function evidenceSpans(event) {
  const spans = [];
  const add = (kind, span, text) => {
    if (span) spans.push({ kind, start: span[0], end: span[1], text: text ?? null });
  };
  add('sentence', event.sentence?.span);
  add('trigger', event.trigger?.span, event.trigger?.text);
  for (const a of event.actor || []) add('actor', a.span, a.text);
  for (const r of event.recipient || []) add('recipient', r.span, r.text);
  add('date', event.date_span, event.date_text);
  add('place', event.location?.span, event.location?.text);
  add('size', event.size?.span);
  return spans;
}

/** The kind that colours a piece covered by `kinds` (trigger beats actor beats ...). */
export function topKind(kinds) {
  for (const kind of PRIORITY) if (kinds.has(kind)) return kind;
  return null;
}

/**
 * The article text as a DocumentFragment with the evidence of `events` marked.
 * Returns {fragment, pieces, rejected}: pieces are the elements, each with the
 * "eventId:kind" tokens that cover it; rejected counts spans outside the text.
 */
export function highlight(text, events) {
  const spans = [];
  let rejected = 0;
  for (const event of events) {
    for (const s of evidenceSpans(event)) {
      if (validSpan([s.start, s.end], text.length)) spans.push({ ...s, event: event.id });
      else rejected += 1;
    }
  }
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const fragment = document.createDocumentFragment();
  const pieces = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const piece = text.slice(a, b);
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    if (!covering.length) {
      fragment.append(document.createTextNode(piece));
      continue;
    }
    const tokens = [...new Set(covering.map((s) => `${s.event}:${s.kind}`))];
    const kinds = new Set(covering.map((s) => s.kind));
    const kind = topKind(kinds);
    const node = el(kind ? 'mark' : 'span', {
      class: kind ? 'ev' : 'ev ev-sentence-only', 'data-spans': tokens.join(' '), 'data-kind': kind,
      'data-start': a, 'data-end': b,
    }, piece);
    pieces.push({ node, tokens, kind });
    fragment.append(node);
  }
  return { fragment, pieces, rejected };
}

/**
 * Show one event's evidence (or, with null, every event's): pieces of that
 * event get class "focus" and are coloured by that event's kinds.
 */
export function focusEvent(pieces, eventId) {
  for (const { node, tokens, kind } of pieces) {
    if (!eventId) {
      node.classList.remove('focus', 'in-sentence');
      if (kind) node.setAttribute('data-kind', kind);
      continue;
    }
    const own = new Set(tokens.filter((t) => t.startsWith(`${eventId}:`)).map((t) => t.slice(eventId.length + 1)));
    const ownKind = topKind(own);
    node.classList.toggle('focus', Boolean(ownKind));
    node.classList.toggle('in-sentence', own.has('sentence'));
    if (ownKind) node.setAttribute('data-kind', ownKind);
    else if (kind) node.setAttribute('data-kind', kind);
  }
}
