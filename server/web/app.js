// The newssearch search page: plain JavaScript over the service's JSON API. Article text is only
// ever inserted as text (textContent) or as the server's HTML-escaped fragments (hit.html).
'use strict';

const pageSize = 10;
const $ = (id) => document.getElementById(id);
const state = { q: '', entities: [], sources: [], offset: 0 };

function readLocation() {
  const params = new URLSearchParams(window.location.search);
  state.q = params.get('q') || '';
  state.entities = params.getAll('entity');
  state.sources = params.getAll('source');
  state.offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
}

function stateParams() {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  state.sources.forEach((s) => params.append('source', s));
  state.entities.forEach((e) => params.append('entity', e));
  if (state.offset) params.set('offset', String(state.offset));
  return params;
}

function navigate() {
  const query = stateParams().toString();
  window.history.pushState(null, '', query ? '?' + query : './');
  search();
}

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

const entityNames = new Map();

function renderFilters() {
  const filters = $('filters');
  filters.replaceChildren();
  const add = (label, remove) => {
    const chip = element('button', 'chip active', label + ' \u00d7');
    chip.type = 'button';
    chip.setAttribute('aria-label', 'Remove filter ' + label);
    chip.addEventListener('click', () => { remove(); state.offset = 0; navigate(); });
    filters.append(chip);
  };
  state.sources.forEach((s) => add('source: ' + s, () => { state.sources = state.sources.filter((x) => x !== s); }));
  state.entities.forEach((key) => add(entityNames.get(key) || key, () => {
    state.entities = state.entities.filter((x) => x !== key);
  }));
}

function renderHit(hit) {
  const item = element('li', 'result');
  item.dataset.articleId = hit.article_id;
  const heading = element('h2');
  const link = element('a');
  link.href = hit.url && /^https?:\/\//i.test(hit.url) ? hit.url : 'api/article/' + encodeURIComponent(hit.article_id);
  link.innerHTML = hit.html.title; // escaped by the server, matches in <mark>
  heading.append(link);
  const meta = [hit.source, hit.date].filter(Boolean).join(' \u00b7 ');
  const snippet = element('p', 'snippet');
  snippet.innerHTML = hit.html.snippet; // escaped by the server, matches in <mark>
  item.append(heading, element('p', 'meta', meta), snippet);
  const chips = element('div', 'chips');
  const seen = new Set();
  for (const entity of hit.entities) {
    if (seen.has(entity.key)) continue;
    seen.add(entity.key);
    entityNames.set(entity.key, entity.canonical);
    const chip = element('button', 'chip', entity.canonical);
    chip.type = 'button';
    chip.dataset.entity = entity.key;
    chip.title = 'Only articles that mention ' + entity.canonical;
    if (state.entities.includes(entity.key)) {
      chip.disabled = true;
    } else {
      chip.addEventListener('click', () => {
        state.entities.push(entity.key);
        state.offset = 0;
        navigate();
      });
    }
    chips.append(chip);
  }
  if (chips.childElementCount) item.append(chips);
  return item;
}

let searchGeneration = 0;

async function search() {
  const generation = ++searchGeneration;
  $('q').value = state.q;
  renderFilters();
  const results = $('results');
  if (!state.q.trim() && !state.entities.length && !state.sources.length) {
    results.replaceChildren();
    results.dataset.state = 'empty';
    $('status').textContent = '';
    $('pager').hidden = true;
    $('did-you-mean').hidden = true;
    return;
  }
  results.dataset.state = 'loading';
  const params = stateParams();
  params.set('limit', String(pageSize));
  let body;
  try {
    const response = await fetch('api/search?' + params.toString());
    body = await response.json();
    if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  } catch (error) {
    if (generation !== searchGeneration) return;
    results.replaceChildren();
    results.dataset.state = 'error';
    $('status').textContent = 'Search failed: ' + error.message;
    $('pager').hidden = true;
    return;
  }
  if (generation !== searchGeneration) return;
  results.replaceChildren(...body.hits.map(renderHit));
  renderFilters();
  const first = body.offset + 1;
  const last = body.offset + body.hits.length;
  $('status').textContent = body.hits.length
    ? `Results ${first}\u2013${last} of ${body.total_is_exact ? '' : 'about '}${body.total}`
    : 'No articles found.';
  const dym = $('did-you-mean');
  dym.hidden = !body.suggestion;
  if (body.suggestion) {
    const link = $('did-you-mean-link');
    link.textContent = body.suggestion;
    link.href = '?' + new URLSearchParams({ q: body.suggestion }).toString();
  }
  $('pager').hidden = body.total <= pageSize && body.offset === 0;
  $('previous').disabled = body.offset === 0;
  $('next').disabled = last >= body.total;
  $('page-label').textContent = 'Page ' + (Math.floor(body.offset / pageSize) + 1);
  results.dataset.state = 'done';
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
  state.q = text;
  state.offset = 0;
  navigate();
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
    const response = await fetch('api/suggest?' + new URLSearchParams({ q: text, limit: '8' }).toString());
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
    state.q = input.value;
    state.offset = 0;
    navigate();
  });
  $('previous').addEventListener('click', () => { state.offset = Math.max(0, state.offset - pageSize); navigate(); });
  $('next').addEventListener('click', () => { state.offset += pageSize; navigate(); });
  $('did-you-mean-link').addEventListener('click', (event) => {
    event.preventDefault();
    state.q = $('did-you-mean-link').textContent;
    state.offset = 0;
    navigate();
  });
  window.addEventListener('popstate', () => { readLocation(); search(); });

  const base = new URL('./', window.location.href).href;
  $('embed-code').textContent =
    `<form action="${base}" method="get" role="search">\n` +
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

  readLocation();
  search();
}

setUp();
