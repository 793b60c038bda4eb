import { h, field, show, status } from '../dom.js';
import { get } from '../api.js';
import { characterCard, TYPES } from './characters.js';

export function catalogueView() {
  const q = h('input', { type: 'search', name: 'q', maxlength: 200, placeholder: 'Name, tag or description' });
  const type = h('select', { name: 'character_type' }, h('option', { value: '' }, 'Any type'),
    TYPES.map((t) => h('option', { value: t }, t.charAt(0).toUpperCase() + t.slice(1))));
  const sort = h('select', { name: 'sort' },
    h('option', { value: 'new' }, 'Newest'), h('option', { value: 'popular' }, 'Popular'),
    h('option', { value: 'trending' }, 'Trending'));
  const list = h('ul', { class: 'cards', 'aria-label': 'Public characters', 'aria-busy': 'false' });
  const more = h('button', { type: 'button', hidden: true }, 'Load more');
  let cursor = null;

  async function load(reset) {
    const params = new URLSearchParams({ limit: '20', sort: sort.value });
    if (q.value.trim()) params.set('q', q.value.trim());
    if (type.value) params.set('character_type', type.value);
    if (!reset && cursor) params.set('cursor', cursor);
    list.setAttribute('aria-busy', 'true');
    try {
      const page = await get(`/characters/public?${params}`);
      const cards = page.items.map((c) => characterCard(c));
      if (reset) list.replaceChildren(...cards);
      else list.append(...cards);
      if (reset && !cards.length) list.append(h('li', { class: 'empty' }, 'No characters match.'));
      cursor = page.next_cursor;
      more.hidden = !cursor;
      status(reset ? `${page.items.length}${cursor ? '+' : ''} characters found` : '');
    } catch (e) {
      status(e.message);
    } finally {
      list.setAttribute('aria-busy', 'false');
    }
  }

  const form = h('form', { class: 'card search', role: 'search' },
    field('Search', q), h('div', { class: 'row' }, field('Type', type), field('Sort', sort)),
    h('button', { type: 'submit', class: 'primary' }, 'Search'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load(true);
  });
  more.addEventListener('click', () => load(false));
  show('Explore characters', form, list, more);
  load(true);
}
