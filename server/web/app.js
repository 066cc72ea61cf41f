// The newssearch search page: plain JavaScript over the service's JSON API. Article text is only
// ever inserted as text (textContent) or as the server's HTML-escaped fragments (`html` fields,
// matched words in <mark>). Every view is an address: the search view is ./?q=...&category=...,
// the article view ./article/ID?q=...; links carry those addresses and the page follows them
// without reloading (History API), so reload, Back/Forward and shared links all work.
'use strict';

const pageSize = 10;
const facetSize = 8;
const $ = (id) => document.getElementById(id);
// Where the page is served from (the service's root, possibly behind a path prefix).
const base = new URL('./', document.currentScript ? document.currentScript.src : window.location.href);
const sortNames = { relevance: 'relevance', newest: '-date', oldest: 'date' };

const state = { q: '', sources: [], categories: [], entities: [], since: '', until: '', sort: 'relevance', offset: 0 };

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function apiUrl(path, params) {
  const url = new URL(path, base);
  if (params) url.search = params.toString();
  return url.href;
}

// --- State and addresses ---------------------------------------------------------------------
function readState(params) {
  state.q = params.get('q') || '';
  state.sources = params.getAll('source');
  state.categories = params.getAll('category');
  state.entities = params.getAll('entity');
  state.since = params.get('since') || '';
  state.until = params.get('until') || '';
  state.sort = sortNames[params.get('sort')] ? params.get('sort') : 'relevance';
  state.offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
}

function stateParams(s) {
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  s.categories.forEach((c) => params.append('category', c));
  s.sources.forEach((x) => params.append('source', x));
  s.entities.forEach((e) => params.append('entity', e));
  if (s.since) params.set('since', s.since);
  if (s.until) params.set('until', s.until);
  if (s.sort !== 'relevance') params.set('sort', s.sort);
  if (s.offset) params.set('offset', String(s.offset));
  return params;
}

/// The address of the search view for `changes` applied to the current state (offset back to 0
/// unless it is one of the changes).
function searchHref(changes) {
  const next = { ...state, sources: [...state.sources], categories: [...state.categories],
                 entities: [...state.entities], offset: 0, ...changes };
  const query = stateParams(next).toString();
  return new URL(query ? '?' + query : './', base).href;
}

function articleHref(id, q) {
  const url = new URL('article/' + encodeURIComponent(id), base);
  if (q) url.search = new URLSearchParams({ q }).toString();
  return url.href;
}

function hasSearch() {
  return Boolean(state.q.trim() || state.sources.length || state.categories.length || state.entities.length);
}

function go(href) {
  window.history.pushState(null, '', href);
  route();
}

/// A link the page follows itself (a plain click; modified clicks open tabs as usual).
function internalLink(href, text, className) {
  const link = element('a', className, text);
  link.href = href;
  link.dataset.internal = '';
  return link;
}

// Where the keyboard focus goes once the view a link opened is shown (the link itself is gone).
let pendingFocus = '';

function focusPending(id) {
  if (pendingFocus !== id) return;
  pendingFocus = '';
  const target = $(id);
  if (target) target.focus({ preventScroll: id === 'status' });
}

document.addEventListener('click', (event) => {
  const link = event.target.closest && event.target.closest('a[data-internal]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey ||
      event.shiftKey || event.altKey) return;
  event.preventDefault();
  pendingFocus = link.dataset.focus || (link.closest('#search-view') ? 'status' : '');
  go(new URL(link.getAttribute('href'), window.location.href).href); // also for SVG links
});

function route() {
  const path = window.location.pathname;
  const root = base.pathname;
  const rest = path.startsWith(root) ? path.slice(root.length) : '';
  const params = new URLSearchParams(window.location.search);
  if (rest.startsWith('article/') && rest.length > 'article/'.length) {
    let id;
    try { id = decodeURIComponent(rest.slice('article/'.length)); } catch (error) { id = rest.slice('article/'.length); }
    showArticle(id, params.get('q') || '');
  } else {
    readState(params);
    lastSearch = hasSearch() ? window.location.href : '';
    $('article-view').hidden = true;
    $('search-view').hidden = false;
    document.title = state.q ? state.q + ' \u2013 newssearch' : 'newssearch';
    search();
  }
}

// --- Search view -----------------------------------------------------------------------------
const entityNames = new Map();
let lastSearch = ''; // the address of the last search shown: where "Back to results" leads

function renderFilters() {
  const filters = $('filters');
  filters.replaceChildren();
  const add = (label, changes) => {
    const chip = internalLink(searchHref(changes), label + ' \u00d7', 'chip active');
    chip.setAttribute('aria-label', 'Remove filter ' + label);
    filters.append(chip);
  };
  state.categories.forEach((c) => add('category: ' + c, { categories: state.categories.filter((x) => x !== c) }));
  state.sources.forEach((s) => add('source: ' + s, { sources: state.sources.filter((x) => x !== s) }));
  state.entities.forEach((key) => add(entityNames.get(key) || key, { entities: state.entities.filter((x) => x !== key) }));
  if (state.since || state.until) add('dates: ' + (state.since || '\u2026') + ' to ' + (state.until || '\u2026'), { since: '', until: '' });
}

function metaLine(item) {
  return [item.source, item.date, item.category].filter(Boolean).join(' \u00b7 ');
}

function renderHit(hit) {
  const item = element('li', 'result');
  item.dataset.articleId = hit.article_id;
  const heading = element('h2');
  const link = internalLink(articleHref(hit.article_id, state.q), undefined);
  link.innerHTML = hit.html.title; // escaped by the server, matches in <mark>
  link.dataset.focus = 'article-title';
  heading.append(link);
  const meta = element('p', 'meta', metaLine(hit));
  if (hit.url && /^https?:\/\//i.test(hit.url)) {
    const original = element('a', 'original', 'original');
    original.href = hit.url;
    original.rel = 'noopener noreferrer';
    original.setAttribute('aria-label', 'Original of ' + hit.title);
    if (meta.textContent) meta.append(' \u00b7 ');
    meta.append(original);
  }
  const snippet = element('p', 'snippet');
  snippet.innerHTML = hit.html.snippet; // escaped by the server, matches in <mark>
  item.append(heading, meta, snippet);
  const chips = element('div', 'chips');
  const seen = new Set();
  for (const entity of hit.entities) {
    if (seen.has(entity.key)) continue;
    seen.add(entity.key);
    entityNames.set(entity.key, entity.canonical);
    if (state.entities.includes(entity.key)) {
      const current = element('span', 'chip current', entity.canonical);
      current.title = 'The results all mention ' + entity.canonical;
      chips.append(current);
      continue;
    }
    // A link: the narrowed search is an address (open it in a new tab, copy it).
    const chip = internalLink(searchHref({ entities: [...state.entities, entity.key] }), entity.canonical, 'chip');
    chip.dataset.entity = entity.key;
    chip.title = 'Only articles that mention ' + entity.canonical;
    chips.append(chip);
  }
  if (chips.childElementCount) item.append(chips);
  if (hit.copies && hit.copies.length) {
    // One story once: its other copies, folded under the best one.
    const copies = element('details', 'copies');
    copies.append(element('summary', undefined,
      hit.copies.length + (hit.copies.length === 1 ? ' more copy' : ' more copies') + ' of this story'));
    const list = element('ul');
    for (const id of hit.copies) {
      const entry = element('li');
      entry.append(internalLink(articleHref(id, state.q), id));
      list.append(entry);
    }
    copies.append(list);
    item.append(copies);
  }
  return item;
}

function renderNotices(body) {
  const notices = $('notices');
  notices.replaceChildren(...(body.notices || []).map((text) => element('p', 'notice', text)));
  const dym = $('did-you-mean');
  dym.hidden = !body.suggestion;
  if (body.suggestion) {
    const link = $('did-you-mean-link');
    link.textContent = body.suggestion;
    link.href = searchHref({ q: body.suggestion });
  }
}

function renderPager(body) {
  const pager = $('pager');
  const pages = Math.ceil(body.total / pageSize);
  pager.replaceChildren();
  pager.hidden = body.hits.length === 0 || (body.offset === 0 && body.total <= pageSize);
  if (pager.hidden) return;
  if (body.offset > 0)
    pager.append(internalLink(searchHref({ offset: Math.max(0, body.offset - pageSize) }), 'Previous page', 'previous'));
  const page = Math.floor(body.offset / pageSize) + 1;
  pager.append(element('span', 'page-label', 'Page ' + page + (body.total_is_exact ? ' of ' + pages : '')));
  if (body.offset + body.hits.length < body.total)
    pager.append(internalLink(searchHref({ offset: body.offset + pageSize }), 'Next page', 'next'));
}

function facetGroup(title, values, label, changesFor, isActive) {
  if (!values.length) return null;
  const section = element('section', 'facet');
  const id = 'facet-' + title.toLowerCase();
  const heading = element('h2', null, title);
  heading.id = id;
  section.setAttribute('aria-labelledby', id);
  const list = element('ul');
  const count = (articles) => {
    const node = element('span', 'count');
    node.append(element('span', 'visually-hidden', ': '), String(articles),
                element('span', 'visually-hidden', articles === 1 ? ' article' : ' articles'));
    return node;
  };
  for (const value of values) {
    const item = element('li');
    const name = label(value);
    if (isActive(value)) {
      const current = element('span', 'facet-value current', name);
      current.append(count(value.articles));
      current.setAttribute('aria-current', 'true');
      item.append(current);
    } else {
      const link = internalLink(searchHref(changesFor(value)), name, 'facet-value');
      link.append(count(value.articles));
      item.append(link);
    }
    list.append(item);
  }
  section.append(heading, list);
  return section;
}

const svgNs = 'http://www.w3.org/2000/svg';

function svg(tag, attributes) {
  const node = document.createElementNS(svgNs, tag);
  for (const [name, value] of Object.entries(attributes || {})) node.setAttribute(name, String(value));
  return node;
}

/// Months of the facet counts as bars, per year when they span more than three years. Each bar
/// is a link that narrows the search to its month (or year).
function timeline(months) {
  const dated = months.filter((m) => /^\d{4}-\d{2}$/.test(m.value));
  const undated = months.find((m) => m.value === 'undated');
  if (!dated.length) return null;
  const first = dated[0].value;
  const last = dated[dated.length - 1].value;
  const span = (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 + Number(last.slice(5)) - Number(first.slice(5)) + 1;
  const byYear = span > 36;
  const counts = new Map();
  for (const m of dated) {
    const key = byYear ? m.value.slice(0, 4) : m.value;
    counts.set(key, (counts.get(key) || 0) + m.articles);
  }
  // Every period between the first and the last, empty ones too, so the axis is true to time.
  const periods = [];
  if (byYear) {
    for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); ++y) periods.push(String(y));
  } else {
    let y = Number(first.slice(0, 4));
    let m = Number(first.slice(5));
    for (let i = 0; i < span; ++i) {
      periods.push(`${y}-${String(m).padStart(2, '0')}`);
      if (++m > 12) { m = 1; ++y; }
    }
  }
  const section = element('section', 'facet timeline');
  const heading = element('h2', null, byYear ? 'Articles per year' : 'Articles per month');
  heading.id = 'facet-timeline';
  section.setAttribute('aria-labelledby', 'facet-timeline');
  const max = Math.max(...periods.map((p) => counts.get(p) || 0));
  const width = 260;
  const height = 70;
  const gap = periods.length > 40 ? 0 : 1;
  const bar = width / periods.length;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height + 14}`, width: '100%', role: 'group',
                             'aria-labelledby': 'facet-timeline', class: 'chart' });
  periods.forEach((period, i) => {
    const count = counts.get(period) || 0;
    const h = count ? Math.max(3, Math.round((count / max) * height)) : 0;
    const active = state.since === period && state.until === period;
    const label = `${period}: ${count} article${count === 1 ? '' : 's'}`;
    const rect = svg('rect', { x: (i * bar + gap / 2).toFixed(2), y: height - h, width: Math.max(0.5, bar - gap).toFixed(2),
                               height: h, class: active ? 'bar active' : 'bar' });
    const title = svg('title');
    title.textContent = label;
    if (!count) { rect.append(title); chart.append(rect); return; }
    // A hit area the full height of the chart, so that small bars are easy to click.
    const area = svg('rect', { x: (i * bar).toFixed(2), y: 0, width: bar.toFixed(2), height, class: 'bar-area' });
    const link = svg('a', { href: searchHref({ since: period, until: period }), 'aria-label': label, 'data-internal': '',
                            'data-period': period, class: 'bar-link' });
    link.append(title, area, rect);
    chart.append(link);
  });
  const axis = (text, x, anchor) => {
    const t = svg('text', { x, y: height + 12, 'text-anchor': anchor, class: 'axis', 'aria-hidden': 'true' });
    t.textContent = text;
    chart.append(t);
  };
  axis(periods[0], 0, 'start');
  if (periods.length > 1) axis(periods[periods.length - 1], width, 'end');
  section.append(heading, chart);
  if (undated) section.append(element('p', 'help', `${undated.articles} undated article${undated.articles === 1 ? '' : 's'} not shown.`));
  return section;
}

function renderFacets(facets) {
  const aside = $('facets');
  aside.replaceChildren();
  if (!facets) { aside.hidden = true; $('skip-to-facets').hidden = true; return; }
  const entities = (type) => facets.entities.filter((e) => e.type === type);
  for (const e of facets.entities) entityNames.set(e.key, e.value);
  const groups = [
    timeline(facets.months),
    facetGroup('Category', facets.categories, (v) => v.value, (v) => ({ categories: [...state.categories, v.value] }),
               (v) => state.categories.includes(v.value)),
    facetGroup('Source', facets.sources, (v) => v.value, (v) => ({ sources: [...state.sources, v.value] }),
               (v) => state.sources.includes(v.value)),
    ...[['People', 'person'], ['Places', 'place'], ['Organisations', 'organisation']].map(([title, type]) =>
      facetGroup(title, entities(type), (v) => v.value, (v) => ({ entities: [...state.entities, v.key] }),
                 (v) => state.entities.includes(v.key))),
  ].filter(Boolean);
  aside.append(...groups);
  aside.hidden = !groups.length;
  $('skip-to-facets').hidden = aside.hidden;
}

let searchGeneration = 0;

async function search() {
  const generation = ++searchGeneration;
  $('q').value = state.q;
  $('since').value = state.since;
  $('until').value = state.until;
  $('sort').value = state.sort;
  renderFilters();
  const results = $('results');
  if (!hasSearch()) {
    results.replaceChildren();
    results.dataset.state = 'empty';
    $('status').textContent = '';
    $('notices').replaceChildren();
    $('pager').hidden = true;
    $('pager').replaceChildren();
    $('did-you-mean').hidden = true;
    $('refine').hidden = true;
    renderFacets(null);
    return;
  }
  $('refine').hidden = false;
  results.dataset.state = 'loading';
  const params = stateParams(state);
  params.delete('sort');
  if (state.sort !== 'relevance') params.set('sort', sortNames[state.sort]);
  params.set('limit', String(pageSize));
  if (state.since || state.until) params.set('dated_only', '1'); // a date range means dated articles
  params.set('facets', '1');
  params.set('facet_size', String(facetSize));
  let body;
  try {
    const response = await fetch(apiUrl('api/search', params));
    body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  } catch (error) {
    if (generation !== searchGeneration) return;
    results.replaceChildren();
    results.dataset.state = 'error';
    $('status').textContent = 'Search failed: ' + error.message;
    $('notices').replaceChildren();
    $('pager').hidden = true;
    $('pager').replaceChildren();
    renderFacets(null);
    return;
  }
  if (generation !== searchGeneration) return;
  results.replaceChildren(...body.hits.map(renderHit));
  renderFacets(body.facets);
  renderFilters();
  renderNotices(body);
  const first = body.offset + 1;
  const last = body.offset + body.hits.length;
  $('status').textContent = body.hits.length
    ? `Results ${first}\u2013${last} of ${body.total_is_exact ? '' : 'about '}${body.total}` +
      (body.corrected_query ? ` for \u201c${body.corrected_query}\u201d` : '')
    : 'No articles found.';
  renderPager(body);
  results.dataset.state = 'done';
  focusPending('status');
}

// --- Article view ----------------------------------------------------------------------------
let articleGeneration = 0;

async function showArticle(id, q) {
  const generation = ++articleGeneration;
  $('search-view').hidden = true;
  $('article-view').hidden = false;
  const view = $('article');
  view.hidden = true;
  view.dataset.state = 'loading';
  $('article-status').textContent = 'Loading the article\u2026';
  $('q').value = q;
  const back = $('back-link');
  back.href = lastSearch || (q ? new URL('?' + new URLSearchParams({ q }).toString(), base).href : base.href);
  back.textContent = lastSearch || q ? 'Back to results' : 'Search';
  back.dataset.internal = '';
  const path = 'api/article/' + encodeURIComponent(id);
  let body;
  try {
    const response = await fetch(apiUrl(path, q ? new URLSearchParams({ q }) : null));
    body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  } catch (error) {
    if (generation !== articleGeneration) return;
    view.dataset.state = 'error';
    document.title = 'Article not found \u2013 newssearch';
    $('article-status').textContent = 'This article cannot be shown: ' + error.message;
    return;
  }
  if (generation !== articleGeneration) return;
  const article = body.article;
  const html = body.html;
  document.title = article.title + ' \u2013 newssearch'; // document.title is text, never markup
  $('article-title').innerHTML = html.title; // escaped by the server, matches in <mark>
  $('article-meta').textContent = [article.source || 'Unknown source', article.date || 'undated', article.author,
                                   article.category].filter(Boolean).join(' \u00b7 ');
  const links = $('article-links');
  links.replaceChildren();
  if (article.url && /^https?:\/\//i.test(article.url)) {
    const original = element('a', null, 'Read the original');
    original.href = article.url;
    original.rel = 'noopener noreferrer';
    links.append(original);
  }
  links.hidden = !links.childElementCount;
  const lede = $('article-lede');
  lede.innerHTML = html.subtitle; // escaped by the server
  lede.hidden = !article.subtitle;
  const paragraphs = html.paragraphs.map((fragment, i) => {
    const node = element(article.paragraphs[i].heading ? 'h2' : 'p');
    node.innerHTML = fragment; // escaped by the server, matches in <mark>
    return node;
  });
  $('article-body').replaceChildren(...paragraphs);
  const captions = article.captions.map((caption, i) => {
    const figure = element('figure', 'caption');
    const text = element('figcaption');
    text.innerHTML = html.captions[i]; // escaped by the server
    if (caption.credit) text.append(element('span', 'credit', ' ' + caption.credit));
    figure.append(text);
    return figure;
  });
  $('article-captions').replaceChildren(...captions);
  const chips = body.entities.map((entity) => {
    entityNames.set(entity.key, entity.canonical);
    const item = element('li');
    const link = internalLink(new URL('?' + new URLSearchParams({ entity: entity.key }).toString(), base).href,
                              entity.canonical, 'chip');
    link.dataset.entity = entity.key;
    link.title = 'Articles that mention ' + entity.canonical;
    item.append(link);
    return item;
  });
  $('article-entity-list').replaceChildren(...chips);
  $('article-entities').hidden = !chips.length;
  view.hidden = false;
  view.dataset.state = 'done';
  view.dataset.articleId = article.id;
  $('article-status').textContent = '';
  focusPending('article-title');
  moreLike(id, generation, article.title);
}

/// The other copies of an article's story: a search for its title's words finds the article and
/// groups its copies with it, as any search does. Empty when it has none (or the search fails).
async function storyCopies(id, title) {
  const words = (title || '').toLowerCase().replace(/[^\p{L}\p{N}\s]+/gu, ' ').trim();
  if (!words) return [];
  try {
    const response = await fetch(apiUrl('api/search', new URLSearchParams({ q: words, limit: '20' })));
    if (!response.ok) return [];
    const body = await response.json();
    const story = body.hits.find((hit) => hit.article_id === id || (hit.copies || []).includes(id));
    return story ? [story.article_id, ...(story.copies || [])].filter((copy) => copy !== id) : [];
  } catch (error) {
    return [];
  }
}

async function moreLike(id, generation, title) {
  const section = $('more-like');
  section.hidden = true;
  $('article-copies').hidden = true;
  let body;
  try {
    const response = await fetch(apiUrl('api/search', new URLSearchParams({ like: id, limit: '5' })));
    if (!response.ok) return;
    body = await response.json();
  } catch (error) {
    return;
  }
  if (generation !== articleGeneration) return;
  const copies = await storyCopies(id, title);
  if (generation !== articleGeneration) return;
  $('article-copies-list').replaceChildren(...copies.map((copy) => {
    const item = element('li');
    const link = internalLink(articleHref(copy, ''), copy);
    link.dataset.focus = 'article-title';
    item.append(link);
    return item;
  }));
  $('article-copies').hidden = !copies.length;
  const items = body.hits.filter((hit) => hit.article_id !== id && !copies.includes(hit.article_id)).map((hit) => {
    const item = element('li');
    const link = internalLink(articleHref(hit.article_id, ''), hit.title);
    link.dataset.focus = 'article-title';
    item.append(link, element('span', 'meta', ' ' + metaLine(hit)));
    return item;
  });
  $('more-like-list').replaceChildren(...items);
  section.hidden = !items.length;
}

// --- Type-ahead -------------------------------------------------------------------------------
let suggestTimer = 0;
let suggestGeneration = 0;
let activeSuggestion = -1;

function closeSuggestions() {
  $('suggestions').hidden = true;
  $('suggestions').replaceChildren();
  $('q').setAttribute('aria-expanded', 'false');
  $('q').removeAttribute('aria-activedescendant');
  activeSuggestion = -1;
}

function chooseSuggestion(text) {
  closeSuggestions();
  go(searchHref({ q: text }));
}

function highlightSuggestion(index) {
  const items = [...$('suggestions').children];
  if (!items.length) return;
  activeSuggestion = (index + items.length) % items.length;
  items.forEach((item, i) => item.setAttribute('aria-selected', String(i === activeSuggestion)));
  $('q').setAttribute('aria-activedescendant', items[activeSuggestion].id);
}

async function fetchSuggestions() {
  const text = $('q').value;
  const generation = ++suggestGeneration;
  if (!text.trim() || /\s$/.test(text)) { closeSuggestions(); return; }
  let body;
  try {
    const response = await fetch(apiUrl('api/suggest', new URLSearchParams({ q: text, limit: '8' })));
    if (!response.ok) { closeSuggestions(); return; }
    body = await response.json();
  } catch (error) {
    closeSuggestions();
    return;
  }
  if (generation !== suggestGeneration || $('q').value !== text) return;
  const list = $('suggestions');
  list.replaceChildren();
  body.suggestions.forEach((suggestion, i) => {
    const item = element('li');
    item.id = 'suggestion-' + i;
    item.setAttribute('role', 'option');
    item.setAttribute('aria-selected', 'false');
    item.append(element('span', 'text', suggestion.text),
                element('span', 'kind', suggestion.kind === 'entity' ? 'name' : ''));
    item.addEventListener('mousedown', (event) => { event.preventDefault(); chooseSuggestion(suggestion.text); });
    list.append(item);
  });
  list.hidden = !body.suggestions.length;
  $('q').setAttribute('aria-expanded', String(!list.hidden));
  activeSuggestion = -1;
}

function setUp() {
  const input = $('q');
  input.addEventListener('input', () => {
    window.clearTimeout(suggestTimer);
    suggestTimer = window.setTimeout(fetchSuggestions, 120);
  });
  input.addEventListener('keydown', (event) => {
    const open = !$('suggestions').hidden;
    if (event.key === 'ArrowDown' && open) { highlightSuggestion(activeSuggestion + 1); event.preventDefault(); }
    else if (event.key === 'ArrowUp' && open) { highlightSuggestion(activeSuggestion - 1); event.preventDefault(); }
    else if (event.key === 'Escape') closeSuggestions();
    else if (event.key === 'Enter' && open && activeSuggestion >= 0) {
      event.preventDefault();
      chooseSuggestion($('suggestions').children[activeSuggestion].querySelector('.text').textContent);
    }
  });
  input.addEventListener('blur', () => window.setTimeout(closeSuggestions, 100));
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    closeSuggestions();
    window.clearTimeout(suggestTimer);
    ++suggestGeneration;
    // A new query from the article view starts afresh; from the search view it keeps the filters.
    go($('search-view').hidden ? new URL('?' + new URLSearchParams({ q: input.value }).toString(), base).href
                               : searchHref({ q: input.value }));
  });
  $('refine').addEventListener('submit', (event) => {
    event.preventDefault();
    go(searchHref({ since: $('since').value.trim(), until: $('until').value.trim(), sort: $('sort').value }));
  });
  $('skip-to-facets').addEventListener('click', (event) => { event.preventDefault(); $('facets').focus(); });
  $('sort').addEventListener('change', () => go(searchHref({ sort: $('sort').value })));
  $('did-you-mean-link').dataset.internal = '';
  $('home-link').href = base.href;
  $('home-link').dataset.internal = '';
  window.addEventListener('popstate', route);

  const form = new URL('./', base).href;
  $('embed-code').textContent =
    `<form action="${form}" method="get" role="search">\n` +
    '  <input type="search" name="q" aria-label="Search news" placeholder="Search news">\n' +
    '  <button type="submit">Search</button>\n</form>';
  $('copy-embed').addEventListener('click', async () => {
    const code = $('embed-code').textContent;
    try {
      await navigator.clipboard.writeText(code);
      $('copy-status').textContent = 'Copied.';
    } catch (error) {
      const range = document.createRange();
      range.selectNodeContents($('embed-code'));
      window.getSelection().removeAllRanges();
      window.getSelection().addRange(range);
      $('copy-status').textContent = 'Selected: press Ctrl+C to copy.';
    }
  });

  route();
}

setUp();
