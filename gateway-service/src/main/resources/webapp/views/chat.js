// One chat session: history over HTTP, then everything live over the WebSocket. Replies stream in
// as assistant_token frames and are settled by assistant_done, whose content always replaces what
// was streamed (a blocked reply streams text and then ends with the refusal).

import { h, show, errorBox } from '../dom.js';
import { get, post, put, currentUser, me } from '../api.js';
import { ChatSocket } from '../socket.js';

let active = null;

export function leaveChat() {
  active?.socket.close();
  active = null;
}

const ERRORS = {
  content_blocked: 'That message was not sent: it breaks the content rules.',
  rate_limited: 'You are sending too fast. Wait a moment and try again.',
  daily_quota: 'You have reached today’s message limit on the free plan.',
  reply_in_flight: 'Wait for the reply before sending again.',
  character_unavailable: 'This character is no longer available.',
  message_too_long: 'That message is too long.',
  empty_message: 'Write something first.',
  nothing_to_regenerate: 'There is no reply to regenerate.',
  nothing_to_continue: 'There is no reply to continue.',
};

export async function chatView(sessionId) {
  const error = errorBox();
  let session;
  let character = null;
  try {
    session = await get(`/sessions/${sessionId}`);
    character = await get(`/characters/${session.character_id}`).catch(() => null);
    if (!currentUser()?.plan) await me();
  } catch (e) {
    show('Chat not found', h('p', {}, e.message));
    return;
  }
  const name = character?.name ?? session.title;
  const list = h('ol', { id: 'messages', class: 'messages', role: 'log', 'aria-label': `Conversation with ${name}` });
  const typing = h('p', { id: 'typing', class: 'typing', 'aria-live': 'polite', hidden: true }, `${name} is typing…`);
  const input = h('textarea', {
    id: 'message-input', name: 'message', rows: 2, maxlength: 4000, required: true,
    placeholder: `Message ${name}`, 'aria-label': `Message ${name}`,
  });
  const send = h('button', { type: 'submit', class: 'primary', id: 'send' }, 'Send');
  const form = h('form', { class: 'composer', id: 'composer' }, input, send);
  const connection = h('span', { class: 'connection', id: 'connection', role: 'status' }, 'Connecting…');

  let socket = null;
  const state = {
    sessionId,
    pending: new Map(), // client_id → user message element (until acknowledged)
    bubbles: new Map(), // request_id → assistant message element
    regenerating: null, // client_id of a regenerate frame until it is acknowledged
    regenerated: null, // request_id of the regeneration streaming
    continuing: null, // client_id of a continue frame until it is acknowledged
    inFlight: false,
    lastTyping: 0,
  };

  const setInFlight = (value) => {
    state.inFlight = value;
    send.disabled = value;
    typing.hidden = !value;
  };

  function messageItem(message) {
    const item = h('li', {
      class: `msg ${message.role}`,
      dataset: { messageId: message.id ?? '', requestId: message.request_id ?? '', state: 'done' },
    },
    h('span', { class: 'visually-hidden' }, message.role === 'user' ? 'You: ' : `${name}: `),
    h('p', { class: 'text' }, message.content));
    if (message.alternative_count > 1) {
      item.append(swipeControls(message));
    }
    return item;
  }

  function swipeControls(message) {
    const select = async (index) => {
      try {
        await post(`/sessions/${sessionId}/messages/${message.id}/select`, { alternative_index: index });
        await loadHistory();
      } catch (e) {
        error.show(e.message);
      }
    };
    const index = message.alternative_index;
    const what = message.role === 'user' ? 'version of your message' : 'reply';
    return h('div', { class: 'swipe', role: 'group', 'aria-label': message.role === 'user' ? 'Versions' : 'Alternative replies' },
      h('button', { type: 'button', class: 'small', 'aria-label': `Previous ${what}`, disabled: index === 0,
        onclick: () => select(index - 1) }, '‹'),
      h('span', {}, `${index + 1} / ${message.alternative_count}`),
      h('button', { type: 'button', class: 'small', 'aria-label': `Next ${what}`,
        disabled: index === message.alternative_count - 1, onclick: () => select(index + 1) }, '›'));
  }

  const lastMessage = () => [...list.querySelectorAll('li.msg')].at(-1);

  function refreshActions() {
    list.querySelectorAll('li.msg .actions').forEach((b) => b.remove());
    const lastUser = [...list.querySelectorAll('li.msg.user')].at(-1);
    if (lastUser?.dataset.messageId && !state.inFlight) {
      lastUser.append(h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'small edit', onclick: () => editMessage(lastUser) }, 'Edit')));
    }
    const last = lastMessage();
    if (last?.classList.contains('assistant') && last.dataset.state !== 'streaming') {
      last.append(h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'small regenerate', onclick: regenerate }, 'Regenerate'),
        h('button', { type: 'button', class: 'small continue', onclick: extend }, 'Continue')));
    }
  }

  async function loadHistory() {
    const page = await get(`/sessions/${sessionId}/history?limit=100`);
    state.bubbles.clear();
    list.replaceChildren(...page.items.reverse().map(messageItem));
    refreshActions();
    list.lastElementChild?.scrollIntoView({ block: 'end' });
  }

  function bubble(requestId, attempt = 1) {
    let item = state.bubbles.get(requestId)
      ?? [...list.querySelectorAll('li.msg.assistant')].find((li) => li.dataset.requestId === requestId);
    if (!item) {
      item = h('li', { class: 'msg assistant', 'aria-busy': 'true', dataset: { requestId, state: 'streaming', attempt } },
        h('span', { class: 'visually-hidden' }, `${name}: `), h('p', { class: 'text' }));
      state.bubbles.set(requestId, item);
      list.append(item);
    }
    return item;
  }

  function onFrame(frame) {
    if (frame.session_id && frame.session_id !== sessionId) return;
    switch (frame.type) {
      case 'typing': {
        if (frame.from !== 'assistant' || !frame.request_id) break;
        const mine = state.pending.get(frame.client_id);
        if (mine) {
          mine.dataset.messageId = frame.message_id;
          mine.dataset.state = 'done';
          state.pending.delete(frame.client_id);
        }
        if (state.regenerating && state.regenerating === frame.client_id) {
          const last = lastMessage();
          if (last?.classList.contains('assistant')) last.remove();
          state.regenerating = null;
          state.regenerated = frame.request_id;
        }
        if (state.continuing && state.continuing === frame.client_id) {
          // The new text streams onto the last reply: tokens append to what it says now.
          const last = lastMessage();
          if (last?.classList.contains('assistant')) {
            last.dataset.requestId = frame.request_id;
            last.dataset.state = 'streaming';
            last.dataset.base = last.querySelector('.text').textContent;
            last.setAttribute('aria-busy', 'true');
            last.querySelectorAll('.actions').forEach((b) => b.remove());
            state.bubbles.set(frame.request_id, last);
          }
          state.continuing = null;
        }
        setInFlight(true);
        bubble(frame.request_id);
        break;
      }
      case 'assistant_token': {
        const item = bubble(frame.request_id, frame.attempt);
        const text = item.querySelector('.text');
        if (frame.seq === 0 || frame.attempt > Number(item.dataset.attempt ?? 1)) {
          text.textContent = item.dataset.base ?? '';
          item.dataset.attempt = frame.attempt;
        }
        text.textContent += frame.text;
        item.scrollIntoView({ block: 'end' });
        break;
      }
      case 'assistant_done': {
        const item = bubble(frame.request_id);
        const streamed = item.dataset.state !== 'done'; // not the replay of a settled reply on joining
        item.querySelector('.text').textContent = frame.content; // replaces: a blocked reply ends with the refusal
        item.dataset.messageId = frame.message_id;
        item.dataset.state = 'done';
        delete item.dataset.base;
        item.removeAttribute('aria-busy');
        setInFlight(false);
        refreshActions();
        if (frame.show_ad && streamed) showAd(frame.request_id, item);
        if (state.regenerated === frame.request_id) {
          // A new alternative: the history shows it with the others (‹ n / m ›).
          state.regenerated = null;
          loadHistory().catch((e) => error.show(e.message));
        }
        break;
      }
      case 'ad':
        if (frame.show_ad) showAd(frame.request_id, state.bubbles.get(frame.request_id));
        break;
      case 'assistant_error': {
        const item = bubble(frame.request_id);
        item.dataset.state = 'error';
        item.removeAttribute('aria-busy');
        item.querySelector('.text').textContent = 'The reply failed. Try regenerating it.';
        setInFlight(false);
        refreshActions();
        break;
      }
      case 'error': {
        const mine = state.pending.get(frame.client_id);
        if (mine) {
          mine.dataset.state = 'failed';
          state.pending.delete(frame.client_id);
        }
        if (frame.client_id) setInFlight(false);
        if (frame.client_id === state.regenerating) state.regenerating = null;
        if (frame.client_id === state.continuing) state.continuing = null;
        error.show(ERRORS[frame.code] ?? frame.message ?? frame.code);
        break;
      }
      default:
        break;
    }
  }

  async function showAd(requestId, after) {
    if (currentUser()?.plan === 'premium') return; // the server never asks; the client never shows one either
    try {
      const ad = await get(`/ads/next?session_id=${sessionId}`);
      if (!ad) return;
      const impression = (event) => post('/ads/impressions', { ad_id: ad.ad_id, session_id: sessionId, event }).catch(() => {});
      const link = h('a', {
        href: ad.click_url, target: '_blank', rel: 'noopener noreferrer sponsored', class: 'button',
        onclick: () => impression('clicked'),
      }, 'Learn more');
      const card = h('li', { class: 'ad', 'aria-label': 'Advertisement', dataset: { adId: ad.ad_id, requestId } },
        h('p', { class: 'sponsored' }, 'Sponsored'),
        ad.image_url ? h('img', { src: ad.image_url, alt: '', onerror: (e) => e.currentTarget.remove() }) : null,
        h('h2', {}, ad.title), h('p', {}, ad.body), link,
        h('button', { type: 'button', class: 'small', 'aria-label': 'Close the ad', onclick: () => card.remove() }, 'Close'));
      if (after?.parentNode === list) after.after(card);
      else list.append(card);
      impression('shown');
    } catch (e) {
      // An ad that cannot be fetched is simply not shown.
    }
  }

  function regenerate() {
    if (state.inFlight) return;
    error.clear();
    const clientId = crypto.randomUUID();
    state.regenerating = clientId;
    setInFlight(true);
    socket?.send({ type: 'regenerate', session_id: sessionId, client_id: clientId });
  }

  /** An edited message becomes a new version beside the old one, and is answered (PUT, waits for the reply). */
  function editMessage(item) {
    const text = item.querySelector('.text');
    const editor = h('textarea', { rows: 3, maxlength: 4000, 'aria-label': 'Edit your message', value: text.textContent });
    const cancel = () => loadHistory().catch((e) => error.show(e.message));
    const save = h('form', { class: 'edit-form' }, editor,
      h('div', { class: 'actions' },
        h('button', { type: 'submit', class: 'small primary' }, 'Save and resend'),
        h('button', { type: 'button', class: 'small', onclick: cancel }, 'Cancel')));
    save.addEventListener('submit', async (event) => {
      event.preventDefault();
      const content = editor.value.trim();
      if (!content || state.inFlight) return;
      error.clear();
      text.textContent = content;
      save.remove();
      while (item.nextElementSibling) item.nextElementSibling.remove(); // the new reply streams in below
      setInFlight(true);
      try {
        await put(`/sessions/${sessionId}/messages/${item.dataset.messageId}`, { content });
      } catch (e) {
        error.show(ERRORS[e.slug?.replaceAll('-', '_')] ?? e.message);
      } finally {
        setInFlight(false);
        await cancel();
      }
    });
    item.querySelectorAll('.actions, .swipe').forEach((b) => b.remove());
    item.append(save);
    editor.focus();
  }

  function extend() {
    if (state.inFlight) return;
    error.clear();
    const clientId = crypto.randomUUID();
    state.continuing = clientId;
    setInFlight(true);
    socket?.send({ type: 'continue', session_id: sessionId, client_id: clientId });
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text || state.inFlight) return;
    error.clear();
    const clientId = crypto.randomUUID();
    const item = messageItem({ role: 'user', content: text });
    item.dataset.state = 'sending';
    state.pending.set(clientId, item);
    list.querySelectorAll('li.msg .actions').forEach((b) => b.remove());
    list.append(item);
    item.scrollIntoView({ block: 'end' });
    input.value = '';
    setInFlight(true);
    socket?.send({ type: 'user_message', session_id: sessionId, message: text, client_id: clientId });
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  input.addEventListener('input', () => {
    if (Date.now() - state.lastTyping > 3000 && socket) {
      state.lastTyping = Date.now();
      socket?.send({ type: 'typing', session_id: sessionId });
    }
  });

  show(name,
    h('p', { class: 'meta' }, h('a', { href: '#/conversations' }, '← All chats'), ' · ', connection),
    list, typing, error.element, form);
  try {
    await loadHistory();
  } catch (e) {
    error.show(e.message);
  }
  leaveChat();
  socket = new ChatSocket(onFrame, (value) => {
    connection.textContent = {
      connecting: 'Connecting…', open: 'Live', reconnecting: 'Reconnecting…',
      'signed-out': 'Signed out', 'account-unavailable': 'Account unavailable',
    }[value] ?? value;
    connection.dataset.state = value;
  });
  active = { socket };
  socket.join(sessionId);
  input.focus();
}
