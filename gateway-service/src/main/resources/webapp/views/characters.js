import { h, field, show, errorBox, status } from '../dom.js';
import { get, post, put, call, currentUser, me } from '../api.js';

export const TYPES = ['girlfriend', 'boyfriend', 'friend', 'therapist', 'mentor', 'celebrity', 'custom'];
const SLIDERS = ['shyness', 'flirtiness', 'humor', 'boldness', 'affection', 'sarcasm', 'positivity'];
const label = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** A character as a card in a list: avatar, name, type, tags and a way in. */
export function characterCard(character, actions) {
  return h(
    'li',
    { class: 'card character', dataset: { id: character.id } },
    avatar(character),
    h(
      'div',
      { class: 'grow' },
      h('h2', {}, h('a', { href: `#/characters/${character.id}` }, character.name)),
      h('p', { class: 'meta' }, label(character.character_type),
        character.nsfw_enabled ? h('span', { class: 'badge' }, '18+') : null,
        character.chat_count !== undefined ? ` · ${character.chat_count} chats this week` : null),
      character.description ? h('p', { class: 'description' }, character.description) : null,
      character.tags?.length ? h('p', { class: 'tags' }, character.tags.map((t) => h('span', { class: 'tag' }, t))) : null,
    ),
    actions ?? startChatButton(character),
  );
}

export function avatar(character) {
  return character.avatar_url
    ? h('img', { class: 'avatar', src: character.avatar_url, alt: '' })
    : h('span', { class: 'avatar placeholder', 'aria-hidden': 'true' }, character.name.charAt(0).toUpperCase());
}

export function startChatButton(character) {
  return h('button', {
    type: 'button',
    class: 'primary start-chat',
    'aria-label': `Chat with ${character.name}`,
    onclick: (event) => startChat(character.id, event.currentTarget),
  }, 'Chat');
}

export async function startChat(characterId, button) {
  if (button) button.disabled = true;
  try {
    const session = await post('/sessions', { character_id: characterId });
    location.hash = `#/chat/${session.id}`;
  } catch (e) {
    status(`Could not start the chat: ${e.message}`);
    if (button) button.disabled = false;
  }
}

export async function charactersView() {
  const list = h('ul', { class: 'cards', 'aria-label': 'Your characters' });
  const importError = errorBox();
  const file = h('input', { type: 'file', name: 'card', accept: '.png,.json,.charx,image/png,application/json' });
  const importForm = h('form', { class: 'card' },
    h('h2', {}, 'Import a character card'),
    field('Card file (PNG, JSON or CHARX)', file),
    importError.element,
    h('button', { type: 'submit' }, 'Import'));
  importForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    importError.clear();
    if (!file.files.length) return importError.show('Choose a card file first.');
    const form = new FormData();
    form.append('file', file.files[0]);
    try {
      const character = await call('POST', '/characters/import', form);
      location.hash = `#/characters/${character.id}`;
    } catch (e) {
      importError.show(e.message);
    }
  });
  const user = currentUser();
  const resent = h('span', { role: 'status' });
  const verify = user && user.email_verified === false
    ? h('p', { class: 'card notice' }, `Please verify ${user.email}: the link is in the mail we sent. `,
      h('button', {
        type: 'button',
        class: 'small',
        onclick: () => post('/auth/email/resend')
          .then(() => { resent.textContent = 'A new link is on its way.'; })
          .catch((e) => { resent.textContent = e.message; }),
      }, 'Send it again'), ' ', resent)
    : null;
  show('Your characters', verify,
    h('p', {}, h('a', { class: 'button primary', href: '#/characters/new' }, 'Create a character')),
    list, importForm);
  try {
    const page = await get('/characters/mine?limit=50');
    list.replaceChildren(...page.items.map((c) => characterCard(c)));
    if (!page.items.length) list.append(h('li', { class: 'empty' }, 'No characters yet.'));
  } catch (e) {
    status(e.message);
  }
}

export function newCharacterView() {
  return characterForm(null);
}

export async function editCharacterView(id) {
  try {
    return characterForm(await get(`/characters/${id}`));
  } catch (e) {
    show('Character not found', h('p', {}, e.message));
    return undefined;
  }
}

/** Creates a character (existing null) or edits the caller's own: the same fields either way. */
async function characterForm(existing) {
  const user = currentUser()?.is_adult === undefined ? await me() : currentUser();
  const error = errorBox();
  const name = h('input', { name: 'name', required: true, maxlength: 60, value: existing?.name });
  const description = h('textarea', { name: 'description', rows: 4, maxlength: 2000, value: existing?.description });
  const type = h('select', { name: 'character_type', value: existing?.character_type },
    TYPES.map((t) => h('option', { value: t }, label(t))));
  const visibility = h('select', { name: 'visibility', value: existing?.visibility },
    h('option', { value: 'private' }, 'Private — only me'),
    h('option', { value: 'shareable' }, 'Shareable — people I invite'),
    h('option', { value: 'public' }, 'Public — in the catalogue'));
  const tags = h('input', { name: 'tags', placeholder: 'space, late-night', value: existing?.tags?.join(', ') });
  const sliders = Object.fromEntries(SLIDERS.map((s) => [s, h('input', {
    type: 'range', name: s, id: `slider-${s}`, min: 0, max: 100, step: 1, value: existing?.sliders?.[s] ?? 50,
  })]));
  const sliderFields = SLIDERS.map((s) => {
    const output = h('output', { for: sliders[s].id }, String(sliders[s].value));
    sliders[s].addEventListener('input', () => { output.textContent = sliders[s].value; });
    return h('div', { class: 'field slider' }, h('label', { for: sliders[s].id }, label(s)), sliders[s], output);
  });
  const adult = h('input', { type: 'checkbox', name: 'nsfw_enabled', id: 'nsfw', checked: Boolean(existing?.nsfw_enabled) });
  const avatarFile = h('input', { type: 'file', name: 'avatar', accept: 'image/png,image/jpeg,image/webp,image/gif' });
  const form = h('form', { class: 'card', id: 'character-form' },
    field('Name', name),
    field('Description', description, 'Personality, background, how they talk (up to 2,000 characters)'),
    h('div', { class: 'row' }, field('Type', type), field('Visibility', visibility)),
    field('Tags', tags, 'Up to 10, separated by commas or spaces'),
    h('fieldset', {}, h('legend', {}, 'Personality'), sliderFields),
    user?.is_adult
      ? h('div', { class: 'field check' }, adult, h('label', { for: 'nsfw' }, '18+ mode (adult conversations)'))
      : null,
    field(existing ? 'New avatar (optional)' : 'Avatar (optional)', avatarFile),
    error.element,
    h('button', { type: 'submit', class: 'primary' }, existing ? 'Save changes' : 'Create character'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.clear();
    const body = {
      name: name.value.trim(),
      description: description.value.trim(),
      character_type: type.value,
      visibility: visibility.value,
      tags: tags.value.split(/[\s,]+/).map((t) => t.trim().toLowerCase()).filter(Boolean),
      sliders: Object.fromEntries(SLIDERS.map((s) => [s, Number(sliders[s].value)])),
    };
    const wantsAdult = Boolean(user?.is_adult && adult.checked);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    try {
      let character;
      if (existing) {
        character = await put(`/characters/${existing.id}`, body);
        if (wantsAdult !== Boolean(existing.nsfw_enabled)) {
          character = await post(`/characters/${existing.id}/set-adult`, { enabled: wantsAdult });
        }
      } else {
        if (wantsAdult) body.nsfw_enabled = true;
        character = await post('/characters', body);
      }
      if (avatarFile.files.length) {
        const upload = new FormData();
        upload.append('file', avatarFile.files[0]);
        upload.append('kind', 'avatar');
        upload.append('character_id', character.id);
        await call('POST', '/media/upload', upload).catch((e) => status(`The avatar was not saved: ${e.message}`));
      }
      location.hash = `#/characters/${character.id}`;
    } catch (e) {
      error.show(e.message);
      button.disabled = false;
    }
  });
  show(existing ? `Edit ${existing.name}` : 'Create a character', form);
}

export async function characterView(id) {
  let character;
  try {
    character = await get(`/characters/${id}`);
  } catch (e) {
    show('Character not found', h('p', {}, e.message));
    return;
  }
  const mine = character.owner_id === currentUser()?.id;
  const shareResult = h('p', { role: 'status', class: 'share-result' });
  const shareButton = mine && character.visibility !== 'private'
    ? h('button', {
      type: 'button',
      onclick: async () => {
        try {
          const link = await post(`/characters/${id}/share`, { link: true });
          const url = `${location.origin}/app/#/shared/${link.token}`;
          shareResult.replaceChildren('Share this link: ', h('a', { href: url }, url));
        } catch (e) {
          shareResult.textContent = e.message;
        }
      },
    }, 'Create a share link')
    : null;
  show(character.name,
    h('div', { class: 'card character-detail' },
      avatar(character),
      h('div', { class: 'grow' },
        h('p', { class: 'meta' }, `${label(character.character_type)} · ${character.visibility}`,
          character.nsfw_enabled ? h('span', { class: 'badge' }, '18+') : null),
        character.description ? h('p', {}, character.description) : null,
        character.sliders ? h('dl', { class: 'sliders' },
          SLIDERS.map((s) => [h('dt', {}, label(s)), h('dd', {}, h('meter', {
            min: 0, max: 100, value: character.sliders[s] ?? 50, 'aria-label': label(s),
          }), ` ${character.sliders[s] ?? 50}`)])) : null)),
    h('p', { class: 'actions' }, startChatButton(character),
      mine ? h('a', { class: 'button', href: `#/characters/${id}/edit` }, 'Edit') : null, shareButton),
    shareResult);
}
