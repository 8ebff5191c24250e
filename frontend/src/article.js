// Article view: the article text with each event's evidence highlighted, and
// the list of its events. Hover an event to see its spans; click to keep them.

import { api } from './api.js';
import { el, fill, joinList, link, message } from './dom.js';
import { highlight, focusEvent } from './highlight.js';
import { EVIDENCE } from './palette.js';
import { setState } from './state.js';
import { typeBadge } from './table.js';

function who(list) {
  return joinList((list || []).map((a) => a.name || a.text), 3);
}

function describeSize(size) {
  if (!size) return null;
  const parts = [];
  if (size.dead !== null && size.dead !== undefined) parts.push(`${size.dead} dead`);
  if (size.injured !== null && size.injured !== undefined) parts.push(`${size.injured} injured`);
  if (size.arrested !== null && size.arrested !== undefined) parts.push(`${size.arrested} arrested`);
  if (!parts.length) return null;
  return `${size.qualifier ? `${size.qualifier} ` : ''}${parts.join(', ')}`;
}

function legend() {
  return el('div', { class: 'evidence-legend', 'aria-label': 'Highlight legend' },
    el('span', { class: 'legend-title' }, 'Evidence:'),
    EVIDENCE.map((k) => el('span', { class: 'legend-item' },
      el('mark', { class: 'ev legend-chip', 'data-kind': k.id }, k.label))),
    el('span', { class: 'legend-item' }, el('span', { class: 'legend-chip sentence-chip' }, 'Sentence')));
}

function eventCard(event) {
  const flags = ['negated', 'hypothetical', 'future', 'historical'].filter((f) => event[f]);
  const place = event.location ? [event.location.name || event.location.text, event.location.country_code].filter(Boolean).join(', ') : null;
  const rows = [
    ['Actor', who(event.actor)],
    ['Recipient', who(event.recipient)],
    ['Date', event.date ? `${event.date}${event.date_precision && event.date_precision !== 'day' ? ` (${event.date_precision})` : ''}` : null],
    ['Place', place],
    ['Size', describeSize(event.size)],
  ].filter(([, v]) => v);
  const confidence = Number(event.confidence);
  const meter = el('span', { class: 'meter', title: `confidence ${confidence.toFixed(2)}` }, el('span', { class: 'meter-fill' }));
  meter.firstChild.style.width = `${Math.round(Math.max(0, Math.min(1, confidence)) * 100)}%`;
  return el('li', { class: 'event-card', tabindex: 0, 'data-event': event.id, 'data-type': event.event_type },
    el('div', { class: 'event-card-head' },
      typeBadge(event.event_type, event.quad),
      event.mode ? el('span', { class: 'muted' }, event.mode) : null,
      el('span', { class: 'confidence' }, meter, Number.isFinite(confidence) ? confidence.toFixed(2) : '')),
    el('p', { class: 'event-trigger' }, el('q', null, event.trigger?.text ?? '')),
    el('dl', null, rows.map(([k, v]) => [el('dt', null, k), el('dd', null, v)])),
    flags.length ? el('p', { class: 'flags' }, flags.map((f) => el('span', { class: 'flag' }, f))) : null);
}

/** A story's mentions grouped by article: one chip each (title, source, date, mentions). */
function storyArticles(mentions, storyId) {
  const byArticle = new Map();
  for (const m of mentions) {
    if (!byArticle.has(m.article_id)) byArticle.set(m.article_id, []);
    byArticle.get(m.article_id).push(m);
  }
  return el('div', { class: 'story-articles', id: 'story-articles' }, [...byArticle].map(([articleId, list]) => {
    const first = list[0];
    const chip = el('button', { type: 'button', class: 'article-chip', 'data-article': articleId, 'data-event': first.id,
      'data-mentions': list.length, title: first.title || articleId },
    el('span', { class: 'chip-title' }, first.title || articleId),
    el('span', { class: 'muted' }, [first.source, first.published].filter(Boolean).join(' · ') || 'no source',
      ` · ${list.length} mention${list.length === 1 ? '' : 's'}`));
    chip.addEventListener('click', () => setState({ article: articleId, event: first.id, story: storyId }));
    return chip;
  }));
}

/** The story's size, and each article's figures it was taken from. */
function storySizes(story, mentions) {
  const sized = mentions.filter((m) => describeSize(m.size));
  const total = describeSize(story.size);
  if (!total && !sized.length) return null;
  return el('div', { class: 'story-size', id: 'story-size' },
    el('span', { class: 'muted' }, 'Size: '), total || 'none kept',
    el('ul', { class: 'story-sizes' }, sized.map((m) => el('li', null, describeSize(m.size), ' ',
      el('span', { class: 'muted' }, `— ${[m.source, m.published].filter(Boolean).join(', ') || m.article_id}`)))));
}

/** Buttons to the threads a story's articles are in (most stories have one). */
async function storyThreads(mentions, openThread) {
  const ids = [...new Set(mentions.map((m) => m.thread_id).filter(Boolean))];
  if (!ids.length) return null;
  const threads = await Promise.all(ids.slice(0, 5).map((t) => api.thread(t).catch(() => ({ id: t }))));
  return el('div', { class: 'story-threads', id: 'story-threads' },
    el('span', { class: 'muted' }, ids.length === 1 ? 'Thread: ' : 'Threads: '),
    threads.map((t) => {
      const open = el('button', { type: 'button', class: 'link-button thread-link', 'data-thread': t.id },
        t.title || t.id, t.n_articles ? el('span', { class: 'muted' }, ` (${t.n_articles} articles)`) : null);
      open.addEventListener('click', () => openThread(t.id));
      return open;
    }),
    ids.length > 5 ? el('span', { class: 'muted' }, ` and ${ids.length - 5} more`) : null);
}

export function createArticleView(root, { openThread }) {
  const back = el('button', { type: 'button', class: 'button back', id: 'article-back' }, '← Dashboard');
  back.addEventListener('click', () => {
    if (window.history.state?.fromDashboard) window.history.back();
    else setState({ article: '', event: '', story: '' }, { push: true });
  });
  const storyBar = el('section', { class: 'story-bar', id: 'story-bar', hidden: true });
  const head = el('header', { class: 'article-head' });
  const body = el('div', { class: 'article-text', id: 'article-text' });
  const list = el('ol', { class: 'event-list', id: 'article-events' });
  const side = el('aside', { class: 'article-side' });
  fill(root,
    el('div', { class: 'article-top' }, back, legend()),
    storyBar,
    el('div', { class: 'article-layout' },
      el('article', { class: 'panel article-main' }, head, body),
      side));

  function threadButton(threadId) {
    const open = el('button', { type: 'button', class: 'link-button', id: 'article-thread', 'data-thread': threadId },
      'its thread');
    open.addEventListener('click', () => openThread(threadId));
    return open;
  }

  let loadedId = null;
  let pieces = [];
  let pinned = null;
  let storyId = null;
  let request = 0;

  function focus(eventId) {
    focusEvent(pieces, eventId);
    body.classList.toggle('focused', Boolean(eventId));
    for (const card of list.children) card.classList.toggle('active', card.dataset.event === eventId);
  }

  function pin(eventId, { scroll = false } = {}) {
    pinned = eventId || null;
    focus(pinned);
    if (scroll && pinned) {
      const first = body.querySelector('.ev.focus');
      if (first) first.scrollIntoView({ block: 'center' });
      const card = [...list.children].find((c) => c.dataset.event === pinned);
      if (card) side.scrollTop = Math.max(0, card.offsetTop - 60);
    }
  }

  async function renderStory(id) {
    if (!id) {
      storyBar.hidden = true;
      storyId = null;
      return;
    }
    if (id === storyId) return;
    storyId = id;
    try {
      const story = await api.story(id);
      const mentions = story.mentions || [];
      const where = story.location ? [story.location.name, story.location.country_code].filter(Boolean).join(', ') : '';
      const threads = await storyThreads(mentions, openThread);
      if (id !== storyId) return;
      fill(storyBar,
        el('div', { class: 'story-summary' },
          el('span', { class: 'muted' }, 'Story'),
          typeBadge(story.event_type),
          el('span', null, [story.date, where].filter(Boolean).join(' · ')),
          el('span', { class: 'muted' }, `${mentions.length} mention${mentions.length === 1 ? '' : 's'} in ${story.articles ?? new Set(mentions.map((m) => m.article_id)).size} article(s)`)),
        threads,
        storyArticles(mentions, id),
        storySizes(story, mentions));
      storyBar.hidden = false;
      markMention();
    } catch (err) {
      fill(storyBar, message(`Story unavailable: ${err.message}`, 'error'));
      storyBar.hidden = false;
    }
  }

  function markMention() {
    for (const b of storyBar.querySelectorAll('.article-chip')) {
      b.classList.toggle('active', b.dataset.article === loadedId);
    }
  }

  async function update(state) {
    const opening = Boolean(state.story) && state.story !== storyId; // a story opened now
    renderStory(state.story);
    if (state.article === loadedId) {
      // a story opened on the article already shown opens at the top too, not where the page was
      if (opening) window.scrollTo(0, 0);
      if ((state.event || null) !== pinned) pin(state.event, { scroll: !state.story });
      markMention();
      return;
    }
    loadedId = state.article;
    window.scrollTo(0, 0); // a new article opens at its top, not where the dashboard was scrolled
    const mine = ++request;
    fill(head, message('Loading article…', 'loading'));
    body.replaceChildren();
    list.replaceChildren();
    side.replaceChildren();
    let article;
    try {
      article = await api.article(state.article);
    } catch (err) {
      if (mine === request) fill(head, message(`Article unavailable: ${err.message}`, 'error'));
      return;
    }
    if (mine !== request) return;
    const text = typeof article.text === 'string' ? article.text : '';
    const events = article.events || [];
    const quotes = article.quotes || [];
    document.title = `${article.title || article.id} · newsevents`;
    fill(head,
      el('h2', { class: 'article-title', id: 'article-title' }, article.title || article.id),
      el('p', { class: 'article-meta' },
        [article.date, article.source].filter(Boolean).join(' · '),
        article.url ? [' · ', link(article.url, article.url)] : null,
        article.title ? el('span', { class: 'muted' }, ` · ${article.id}`) : null,
        article.thread_id ? [' · ', threadButton(article.thread_id)] : null));
    const result = highlight(text, events);
    pieces = result.pieces;
    body.replaceChildren(result.fragment);
    if (result.rejected) {
      head.append(message(`${result.rejected} evidence span(s) fall outside the text and are not shown.`, 'error'));
    }
    for (const event of events) {
      const card = eventCard(event);
      card.addEventListener('mouseenter', () => focus(event.id));
      card.addEventListener('mouseleave', () => focus(pinned));
      card.addEventListener('focus', () => focus(event.id));
      card.addEventListener('click', () => {
        const next = pinned === event.id ? '' : event.id;
        setState({ event: next });
      });
      list.append(card);
    }
    body.onclick = (e) => {
      const piece = e.target.closest('.ev');
      if (!piece) return;
      const ids = [...new Set(piece.dataset.spans.split(' ').map((t) => t.slice(0, t.lastIndexOf(':'))))];
      const next = ids.includes(pinned) ? ids[(ids.indexOf(pinned) + 1) % ids.length] : ids[0];
      setState({ event: next });
    };
    fill(side,
      el('h3', null, `${events.length} event${events.length === 1 ? '' : 's'}`,
        el('span', { class: 'muted' }, ` · ${quotes.length} quote${quotes.length === 1 ? '' : 's'}`)),
      events.length ? list : message('No events were coded in this article.'),
      el('p', { class: 'hint' }, 'Hover an event to see its evidence; click to keep it. Click a highlight to select its event.'));
    pinned = null;
    // A story opens at the top (its bar lists the articles); an event scrolls to its sentence.
    pin(state.event, { scroll: !state.story });
    markMention();
  }

  return { update };
}
