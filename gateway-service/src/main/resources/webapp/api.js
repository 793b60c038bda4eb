// The public API through the gateway (same origin). Tokens live in memory only: a reload signs out.
// An access token is refreshed shortly before it expires, and once more when a call answers 401.

const session = {
  accessToken: null,
  refreshToken: null,
  expiresAt: 0,
  user: null,
  refreshing: null,
  timer: null,
  listeners: new Set(),
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem ?? {};
  }

  get slug() {
    const type = this.problem.type ?? '';
    return type.substring(type.lastIndexOf('/') + 1);
  }
}

function describe(status, problem) {
  if (!problem) return `The server answered ${status}.`;
  const fields = Array.isArray(problem.errors)
    ? problem.errors.map((e) => `${e.field}: ${e.message}`).join('; ')
    : '';
  const field = problem.field ? ` (${problem.field})` : '';
  return [problem.detail ?? problem.title ?? `Error ${status}`, fields].filter(Boolean).join(' — ') + field;
}

export function signedIn() {
  return session.accessToken !== null;
}

export function currentUser() {
  return session.user;
}

export function accessToken() {
  return session.accessToken;
}

/** Called with the new access token after every sign-in and refresh, and with null on sign-out. */
export function onTokenChange(listener) {
  session.listeners.add(listener);
  return () => session.listeners.delete(listener);
}

function accept(tokens) {
  session.accessToken = tokens.access_token;
  session.refreshToken = tokens.refresh_token;
  session.expiresAt = Date.now() + (tokens.expires_in ?? 900) * 1000;
  if (tokens.user) session.user = tokens.user;
  clearTimeout(session.timer);
  // Renew a minute before the access token expires (or halfway, for short lifetimes).
  const lifetime = session.expiresAt - Date.now();
  session.timer = setTimeout(() => refresh().catch(() => {}), Math.max(lifetime - 60_000, lifetime / 2));
  session.listeners.forEach((listener) => listener(session.accessToken));
}

function forget() {
  clearTimeout(session.timer);
  session.accessToken = null;
  session.refreshToken = null;
  session.user = null;
  session.listeners.forEach((listener) => listener(null));
}

/** One refresh at a time: concurrent 401s wait for the same one (a refresh token works once). */
export function refresh() {
  if (!session.refreshToken) return Promise.reject(new ApiError(401, { title: 'Signed out' }));
  if (!session.refreshing) {
    const token = session.refreshToken;
    session.refreshing = call('POST', '/auth/refresh', { refresh_token: token }, { anonymous: true })
      .then((tokens) => accept(tokens))
      .catch((error) => {
        forget();
        throw error;
      })
      .finally(() => {
        session.refreshing = null;
      });
  }
  return session.refreshing;
}

export async function signup(form) {
  accept(await call('POST', '/auth/signup', form, { anonymous: true }));
  return session.user;
}

export async function login(identifier, password) {
  accept(await call('POST', '/auth/login', { identifier, password }, { anonymous: true }));
  return session.user;
}

export async function logout() {
  const token = session.refreshToken;
  forget();
  if (token) await call('POST', '/auth/logout', { refresh_token: token }, { anonymous: true }).catch(() => {});
}

export async function me() {
  session.user = await call('GET', '/auth/me');
  return session.user;
}

/**
 * One API call. body: a plain object (sent as JSON) or FormData. Answers the parsed JSON, or null for 204.
 * Problems become ApiError. A 401 with a token refreshes once and retries.
 */
export async function call(method, path, body, { anonymous = false, retried = false } = {}) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body instanceof FormData) {
    payload = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (!anonymous && session.accessToken) headers.Authorization = `Bearer ${session.accessToken}`;
  const response = await fetch(path, { method, headers, body: payload, credentials: 'omit' });
  if (response.status === 401 && !anonymous && !retried && session.refreshToken) {
    await refresh();
    return call(method, path, body, { anonymous, retried: true });
  }
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

export const get = (path) => call('GET', path);
export const post = (path, body) => call('POST', path, body ?? {});
export const put = (path, body) => call('PUT', path, body);
export const patch = (path, body) => call('PATCH', path, body);
export const del = (path) => call('DELETE', path);
