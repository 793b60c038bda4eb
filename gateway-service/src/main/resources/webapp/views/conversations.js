import { h, show, status } from '../dom.js';
import { get } from '../api.js';

export async function conversationsView() {
  const list = h('ul', { class: 'cards', 'aria-label': 'Your conversations' });
  show('Your chats', list);
  try {
    const page = await get('/sessions?limit=50');
    list.replaceChildren(...page.items.map((s) => h('li', { class: 'card conversation' },
      h('div', { class: 'grow' },
        h('h2', {}, h('a', { href: `#/chat/${s.id}` }, s.title), s.pinned ? h('span', { class: 'badge' }, 'Pinned') : null),
        s.last_message_preview ? h('p', { class: 'description' }, s.last_message_preview) : null,
        h('p', { class: 'meta' }, `${s.message_count} messages · `,
          h('time', { datetime: s.last_activity_at }, new Date(s.last_activity_at).toLocaleString()))))));
    if (!page.items.length) {
      list.append(h('li', { class: 'empty' }, 'No chats yet. ', h('a', { href: '#/catalogue' }, 'Find a character')));
    }
  } catch (e) {
    status(e.message);
  }
}
