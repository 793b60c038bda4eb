import { h, field, show, errorBox } from '../dom.js';
import { me, put, logout } from '../api.js';

export async function profileView() {
  const user = await me();
  const error = errorBox();
  const saved = h('p', { role: 'status' });
  const name = h('input', { name: 'persona_name', maxlength: 60, required: true, value: user.persona?.name ?? user.first_name });
  const description = h('textarea', { name: 'persona_description', rows: 4, maxlength: 1000, value: user.persona?.description ?? '' });
  const persona = h('form', { class: 'card', id: 'persona-form' },
    h('h2', {}, 'Your persona'),
    h('p', { class: 'hint' }, 'Who you are in your chats: characters call you by this name and know these facts.'),
    field('Name', name), field('About you', description), error.element,
    h('button', { type: 'submit', class: 'primary' }, 'Save persona'), saved);
  persona.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.clear();
    saved.textContent = '';
    try {
      await put('/auth/me/persona', { name: name.value.trim(), description: description.value });
      saved.textContent = 'Saved.';
    } catch (e) {
      error.show(e.message);
    }
  });
  show('Profile',
    h('dl', { class: 'card profile' },
      h('dt', {}, 'Name'), h('dd', {}, `${user.first_name} ${user.last_name}`),
      h('dt', {}, 'Username'), h('dd', {}, user.username),
      h('dt', {}, 'Email'), h('dd', {}, user.email, user.email_verified ? '' : ' (not verified yet: check your mail)'),
      h('dt', {}, 'Plan'), h('dd', { id: 'plan' }, user.plan === 'premium' ? 'Premium' : 'Free (ads after every 10 replies)')),
    persona,
    h('button', {
      type: 'button',
      onclick: async () => {
        await logout();
        location.hash = '#/login';
      },
    }, 'Log out'));
}
