// The filter bar: event types, actor country, date range, text, minimum
// confidence. It writes the URL state; every panel reads it from there.

import { el, fill } from './dom.js';
import { EVENT_TYPES, QUADS, TYPE_QUAD } from './palette.js';
import { setState } from './state.js';

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

export function createFilters(root, { onReset } = {}) {
  const typeSummary = el('summary', { class: 'select-summary', 'aria-label': 'Event types' });
  const typeBoxes = new Map();
  const groups = QUADS.map((quad) => {
    const types = EVENT_TYPES.filter((t) => TYPE_QUAD[t] === quad.id);
    const swatch = el('span', { class: 'swatch' });
    swatch.style.background = quad.colour;
    return el('fieldset', { class: 'type-group' },
      el('legend', null, swatch, quad.label),
      types.map((t) => {
        const box = el('input', { type: 'checkbox', value: t, name: 'type', id: `type-${t}` });
        typeBoxes.set(t, box);
        box.addEventListener('change', () => {
          const chosen = EVENT_TYPES.filter((x) => typeBoxes.get(x).checked);
          setState({ type: chosen });
        });
        return el('label', { class: 'check', for: `type-${t}` }, box, t);
      }));
  });
  const clearTypes = el('button', { type: 'button', class: 'link-button' }, 'Any type');
  clearTypes.addEventListener('click', () => setState({ type: [] }));
  const typeSelect = el('details', { class: 'multi-select', id: 'filter-type' },
    typeSummary, el('div', { class: 'select-menu' }, groups, clearTypes));

  const country = el('input', {
    type: 'text', id: 'filter-country', placeholder: 'e.g. PHL', 'aria-label': 'Actor country (ISO alpha-3)',
    title: 'ISO 3166-1 alpha-3 code, or IGO / NGO / MNC',
  });
  country.maxLength = 3;
  const countries = el('datalist', { id: 'country-list' });
  country.setAttribute('list', 'country-list');
  country.addEventListener('change', () => setState({ actor_country: country.value.trim().toUpperCase() }));

  const from = el('input', { type: 'date', id: 'filter-from', 'aria-label': 'From date' });
  const to = el('input', { type: 'date', id: 'filter-to', 'aria-label': 'To date' });
  from.addEventListener('change', () => setState({ from: from.value }));
  to.addEventListener('change', () => setState({ to: to.value }));

  const text = el('input', { type: 'search', id: 'filter-text', placeholder: 'Words in the sentence or article',
    'aria-label': 'Text' });
  text.addEventListener('input', debounce(() => setState({ text: text.value.trim() }), 350));

  const confidence = el('input', { type: 'range', id: 'filter-confidence', min: 0, max: 1, step: 0.05,
    'aria-label': 'Minimum confidence' });
  const confidenceValue = el('output', { for: 'filter-confidence', class: 'range-value' });
  confidence.addEventListener('input', () => { confidenceValue.textContent = Number(confidence.value).toFixed(2); });
  confidence.addEventListener('change', () => {
    const v = Number(confidence.value);
    setState({ min_confidence: v > 0 ? v.toFixed(2) : '' });
  });

  const reset = el('button', { type: 'button', class: 'button', id: 'filter-reset' }, 'Reset');
  reset.addEventListener('click', () => {
    setState({ type: [], actor_country: '', from: '', to: '', text: '', min_confidence: '' });
    if (onReset) onReset();
  });

  const field = (label, ...controls) => el('div', { class: 'field' }, el('span', { class: 'field-label' }, label), controls);
  fill(root,
    field('Event type', typeSelect),
    field('Actor country', country, countries),
    field('From', from),
    field('To', to),
    field('Text', text),
    field('Min. confidence', el('div', { class: 'range' }, confidence, confidenceValue)),
    el('div', { class: 'field field-end' }, reset));

  // Close the type menu on a click outside it, or on Escape.
  document.addEventListener('click', (event) => {
    if (typeSelect.open && !typeSelect.contains(event.target)) typeSelect.open = false;
  });
  typeSelect.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && typeSelect.open) {
      typeSelect.open = false;
      typeSummary.focus();
    }
  });

  return {
    /** Offer the store's actor countries ([{value, n}] or codes) as suggestions. */
    setCountries(list) {
      fill(countries, list.slice(0, 300).map((c) => {
        const code = typeof c === 'string' ? c : c.value;
        const option = el('option', { value: code });
        if (typeof c === 'object' && c.n !== undefined) option.label = `${code} (${c.n} events)`;
        return option;
      }));
    },
    update(state) {
      const chosen = new Set(state.type || []);
      for (const [t, box] of typeBoxes) box.checked = chosen.has(t);
      const names = [...chosen];
      fill(typeSummary, names.length === 0 ? 'Any type'
        : names.length <= 2 ? names.join(', ') : `${names.length} types`);
      typeSummary.classList.toggle('active', names.length > 0);
      if (document.activeElement !== country) country.value = state.actor_country || '';
      from.value = state.from || '';
      to.value = state.to || '';
      if (document.activeElement !== text) text.value = state.text || '';
      confidence.value = state.min_confidence || 0;
      confidenceValue.textContent = Number(confidence.value).toFixed(2);
    },
  };
}
