// The filter bar: event types (with quad and mode in the same menu), actor country and
// sector, recipient, place, the map's box, date range, text, minimum confidence, the thread.
// It writes the URL state; every panel reads it from there. (Whether historical references
// count is switched in the summary bar, beside the counts it changes.)

import { el, fill } from './dom.js';
import { EVENT_TYPES, QUADS, TYPE_QUAD } from './palette.js';
import { DEFAULT_CONFIDENCE, setState } from './state.js';

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
  // Quad and mode narrow the types in the same menu (the bar stays one row on a laptop).
  const quad = el('select', { id: 'filter-quad', 'aria-label': 'PLOVER quad' }, el('option', { value: '' }, 'Any quad'),
    QUADS.map((q) => el('option', { value: q.id }, q.label)));
  quad.addEventListener('change', () => setState({ quad: quad.value }));
  const mode = el('select', { id: 'filter-mode', 'aria-label': 'Event mode' }, el('option', { value: '' }, 'Any mode'));
  mode.addEventListener('change', () => setState({ mode: mode.value }));
  const typeSelect = el('details', { class: 'multi-select', id: 'filter-type' },
    typeSummary, el('div', { class: 'select-menu' },
      el('div', { class: 'select-row' }, el('label', null, 'Quad ', quad), el('label', null, 'Mode ', mode)),
      groups, clearTypes));

  const countries = el('datalist', { id: 'country-list' });
  const code = (id, key, label, placeholder) => {
    const input = el('input', {
      type: 'text', id, placeholder, 'aria-label': label, title: 'ISO 3166-1 alpha-3 code, or IGO / NGO / MNC',
      list: 'country-list',
    });
    input.maxLength = 3;
    input.addEventListener('change', () => setState({ [key]: input.value.trim().toUpperCase() }));
    return input;
  };
  const country = code('filter-country', 'actor_country', 'Actor country (ISO alpha-3)', 'e.g. PHL');
  const recipient = code('filter-recipient', 'recipient', 'Recipient country (ISO alpha-3)', 'e.g. UKR');
  const sector = el('select', { id: 'filter-sector', 'aria-label': 'Actor sector' }, el('option', { value: '' }, 'Any'));
  sector.addEventListener('change', () => setState({ actor_sector: sector.value }));

  const places = el('datalist', { id: 'place-list' });
  const place = el('input', {
    type: 'text', id: 'filter-place', placeholder: 'country or region', 'aria-label': 'Place',
    title: 'ISO2 country code, place or first-level division (admin1) name', list: 'place-list',
  });
  place.addEventListener('change', () => setState({ place: place.value.trim() }));
  const bboxNote = el('span', { class: 'chip', id: 'filter-bbox', hidden: true });

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
  confidence.addEventListener('change', () => setState({ min_confidence: Number(confidence.value).toFixed(2) }));
  const confidenceNote = el('span', { class: 'field-note', id: 'confidence-note' });

  const threadChip = el('span', { class: 'chip', id: 'filter-thread', hidden: true });

  const reset = el('button', { type: 'button', class: 'button', id: 'filter-reset' }, 'Reset');
  reset.addEventListener('click', () => {
    setState({ type: [], quad: '', mode: '', actor_country: '', actor_sector: '', recipient: '', place: '', bbox: '',
      from: '', to: '', text: '', min_confidence: '', include_historical: '', thread: '' });
    if (onReset) onReset();
  });

  const field = (label, ...controls) => el('div', { class: 'field' }, el('span', { class: 'field-label' }, label), controls);
  fill(root,
    field('Event type', typeSelect),
    field('Actor country', country, countries),
    field('Actor sector', sector),
    field('Recipient', recipient),
    field('Place', place, places, bboxNote),
    field('From', from),
    field('To', to),
    field('Text', text),
    field('Min. confidence', el('div', { class: 'range' }, confidence, confidenceValue), confidenceNote),
    threadChip,
    el('div', { class: 'field field-end' }, reset));

  const threadLabels = new Map();
  let shownThread = null;
  function showThread(id) {
    shownThread = id || null;
    threadChip.hidden = !id;
    if (!id) return;
    const clear = el('button', { type: 'button', class: 'link-button', id: 'filter-thread-clear',
      'aria-label': 'Leave the thread' }, '×');
    clear.addEventListener('click', () => setState({ thread: '' }));
    const title = threadLabels.get(id);
    fill(threadChip, 'thread: ', el('span', { class: 'chip-title', title: id }, title || id), ' ', clear);
  }

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
    /** Offer the store's actor sectors ([{value, n}]). */
    setSectors(list) {
      const chosen = sector.value;
      fill(sector, el('option', { value: '' }, 'Any'),
        list.map((c) => el('option', { value: c.value }, `${c.value} (${c.n})`)));
      sector.value = chosen;
    },
    /** Offer the store's event modes ([{value, n}]). */
    setModes(list) {
      const chosen = mode.value;
      fill(mode, el('option', { value: '' }, 'Any'), list.map((m) => el('option', { value: m.value }, `${m.value} (${m.n})`)));
      mode.value = chosen;
    },
    /** Name the thread filter by its title (the thread view loads it). */
    setThreadTitle(id, title) {
      threadLabels.set(id, title);
      showThread(shownThread);
    },
    /** Offer the store's event places ([{country, admin1, n}]): each country, then its regions. */
    setPlaces(list) {
      const byCountry = new Map();
      for (const p of list) byCountry.set(p.country, (byCountry.get(p.country) || 0) + p.n);
      const options = [...byCountry].sort((a, b) => b[1] - a[1]).map(([c, n]) => {
        const option = el('option', { value: c });
        option.label = `${c} · country (${n} events)`;
        return option;
      });
      for (const p of list.filter((x) => x.admin1)) {
        const option = el('option', { value: p.admin1 });
        option.label = `${p.admin1}, ${p.country} (${p.n} events)`;
        options.push(option);
      }
      fill(places, options);
    },
    update(state) {
      const chosen = new Set(state.type || []);
      for (const [t, box] of typeBoxes) box.checked = chosen.has(t);
      const names = [...chosen];
      const narrowed = [state.quad, state.mode].filter(Boolean);
      const types = names.length === 0 ? null : names.length <= 2 ? names.join(', ') : `${names.length} types`;
      fill(typeSummary, [types, ...narrowed].filter(Boolean).join(' · ') || 'Any type');
      typeSummary.classList.toggle('active', names.length + narrowed.length > 0);
      if (document.activeElement !== country) country.value = state.actor_country || '';
      from.value = state.from || '';
      to.value = state.to || '';
      if (document.activeElement !== text) text.value = state.text || '';
      if (document.activeElement !== recipient) recipient.value = state.recipient || '';
      if (document.activeElement !== place) place.value = state.place || '';
      if (state.actor_sector && ![...sector.options].some((o) => o.value === state.actor_sector)) {
        sector.append(el('option', { value: state.actor_sector }, state.actor_sector));
      }
      sector.value = state.actor_sector || '';
      quad.value = state.quad || '';
      if (state.mode && ![...mode.options].some((o) => o.value === state.mode)) {
        mode.append(el('option', { value: state.mode }, state.mode));
      }
      mode.value = state.mode || '';
      showThread(state.thread);
      bboxNote.hidden = !state.bbox;
      if (state.bbox) {
        const clear = el('button', { type: 'button', class: 'link-button', 'aria-label': 'Clear the map area' }, '×');
        clear.addEventListener('click', () => setState({ bbox: '' }));
        fill(bboxNote, `map area ${state.bbox.split(',').map((v) => Number(v).toFixed(1)).join(', ')} `, clear);
      }
      confidence.value = state.min_confidence;
      confidenceValue.textContent = Number(confidence.value).toFixed(2);
      confidenceNote.textContent = Number(state.min_confidence) === Number(DEFAULT_CONFIDENCE)
        ? 'what we publish' : Number(state.min_confidence) < Number(DEFAULT_CONFIDENCE) ? 'includes low-confidence' : '';
    },
  };
}
