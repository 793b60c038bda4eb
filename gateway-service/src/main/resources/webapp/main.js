// Routes by the URL's hash (#/chat/<id>, …); the mailed links (/app/verify-email?token=…) by path.

import { signedIn, onTokenChange } from './api.js';
import { status } from './dom.js';
import { loginView, signupView, accountLinkView } from './views/auth.js';
import { charactersView, newCharacterView, editCharacterView, characterView } from './views/characters.js';
import { catalogueView } from './views/catalogue.js';
import { chatView, leaveChat } from './views/chat.js';
import { conversationsView } from './views/conversations.js';
import { profileView } from './views/profile.js';
import { sharedView } from './views/shared.js';

const signedInRoutes = [
  [/^#\/characters\/new$/, () => newCharacterView()],
  [/^#\/characters\/([0-9a-f-]{36})\/edit$/, (id) => editCharacterView(id)],
  [/^#\/characters\/([0-9a-f-]{36})$/, (id) => characterView(id)],
  [/^#\/characters$/, () => charactersView()],
  [/^#\/catalogue$/, () => catalogueView()],
  [/^#\/chat\/([0-9a-f-]{36})$/, (id) => chatView(id)],
  [/^#\/conversations$/, () => conversationsView()],
  [/^#\/profile$/, () => profileView()],
  [/^#\/shared\/([A-Za-z0-9_-]+)$/, (token) => sharedView(token)],
];

const openRoutes = [
  [/^#\/signup$/, () => signupView()],
  [/^#\/login$/, () => loginView()],
];

function route() {
  leaveChat();
  status('');
  const hash = location.hash || '#/';
  document.getElementById('nav').hidden = !signedIn();
  document.querySelectorAll('#nav a').forEach((link) => {
    const current = hash.startsWith(link.getAttribute('href'));
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  for (const [pattern, view] of openRoutes) {
    const match = hash.match(pattern);
    if (match) return view(...match.slice(1));
  }
  if (!signedIn()) {
    // After signing in, come back to where the person was going.
    sessionStorage.setItem('after-login', hash === '#/' ? '#/characters' : hash);
    return loginView();
  }
  for (const [pattern, view] of signedInRoutes) {
    const match = hash.match(pattern);
    if (match) return view(...match.slice(1));
  }
  location.replace('#/characters');
}

const page = location.pathname.replace(/^\/app\/?/, '');
if (page) {
  accountLinkView(page, new URLSearchParams(location.search).get('token'));
} else {
  window.addEventListener('hashchange', route);
  onTokenChange((token) => {
    if (!token && !location.hash.match(/^#\/(login|signup)$/)) route();
  });
  route();
}
