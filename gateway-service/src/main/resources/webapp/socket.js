// The chat WebSocket (/ws): authenticates with its first frame (the token never goes in a URL),
// renews the token on the open socket after each refresh, joins the sessions asked for, and
// reconnects with a growing pause when the connection drops.

import { accessToken, onTokenChange, refresh } from './api.js';

export class ChatSocket {
  constructor(onFrame, onState) {
    this.onFrame = onFrame;
    this.onState = onState ?? (() => {});
    this.sessions = new Set();
    this.queue = [];
    this.ws = null;
    this.ready = false;
    this.closed = false;
    this.retry = 0;
    this.stopListening = onTokenChange((token) => {
      if (token && this.ready) this.raw({ type: 'auth', access_token: token });
      if (!token) this.close();
    });
    this.connect();
  }

  connect() {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
    const ws = new WebSocket(url);
    this.ws = ws;
    this.ready = false;
    this.onState('connecting');
    ws.addEventListener('open', () => ws.send(JSON.stringify({ type: 'auth', access_token: accessToken() })));
    ws.addEventListener('message', (event) => this.receive(JSON.parse(event.data)));
    ws.addEventListener('close', (event) => this.dropped(event));
  }

  receive(frame) {
    if (frame.type === 'authenticated') {
      this.ready = true;
      this.retry = 0;
      this.onState('open');
      this.sessions.forEach((id) => this.raw({ type: 'join_session', session_id: id }));
      this.queue.splice(0).forEach((queued) => this.raw(queued));
      return;
    }
    this.onFrame(frame);
  }

  async dropped(event) {
    this.ready = false;
    if (this.closed) return;
    this.onState('reconnecting');
    if (event.code === 4401) {
      // The token expired or was refused: a fresh one, then reconnect.
      try {
        await refresh();
      } catch {
        this.onState('signed-out');
        return;
      }
    }
    if (event.code === 4403) {
      this.onState('account-unavailable');
      return;
    }
    const pause = Math.min(500 * 2 ** this.retry++, 10_000);
    setTimeout(() => !this.closed && this.connect(), pause);
  }

  join(sessionId) {
    this.sessions.add(sessionId);
    this.send({ type: 'join_session', session_id: sessionId });
  }

  /** Sends now when authenticated, else as soon as the socket is. */
  send(frame) {
    if (this.ready) this.raw(frame);
    else this.queue.push(frame);
  }

  raw(frame) {
    this.ws.send(JSON.stringify(frame));
  }

  close() {
    this.closed = true;
    this.stopListening();
    this.ws?.close(1000);
  }
}
