import { h, show } from '../dom.js';
import { get, post } from '../api.js';

/** A share link someone sent: a preview, then the character joins "shared with me". */
export async function sharedView(token) {
  let preview;
  try {
    preview = await get(`/characters/shared/${encodeURIComponent(token)}`);
  } catch (e) {
    show('Link not available', h('p', {}, e.message));
    return;
  }
  const result = h('p', { role: 'status' });
  show(`${preview.name} was shared with you`,
    h('p', {}, preview.description ?? ''),
    h('button', {
      type: 'button',
      class: 'primary',
      onclick: async () => {
        try {
          const character = await post(`/characters/shared/${encodeURIComponent(token)}`);
          location.hash = `#/characters/${character.id}`;
        } catch (e) {
          result.textContent = e.message;
        }
      },
    }, 'Add to my characters'),
    result);
}
