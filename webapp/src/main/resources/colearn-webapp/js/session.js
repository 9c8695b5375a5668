/**
 * Who is logged in: the token and account from the login answer, kept in localStorage so that a link opened in a new
 * tab, or the browser opened again, is logged in too, until the person logs out or the login expires. Logging in or
 * out in one tab does the same in every other tab of this browser at once (the storage event).
 */

const TOKEN = 'colearn.token';
const ACCOUNT = 'colearn.account';
const listeners = new Set();

function read(key) {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode with no quota): the login lasts until the page is reloaded.
  }
}

let memory = { token: read(TOKEN), account: parse(read(ACCOUNT)) };

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function token() {
  return memory.token;
}

/** The account as the server last described it: id, email, displayName. */
export function account() {
  return memory.account;
}

export function loggedIn() {
  return Boolean(memory.token);
}

/** Keeps the answer of a signup or login. */
export function signIn(login) {
  memory = { token: login.token, account: login.account };
  write(TOKEN, login.token);
  write(ACCOUNT, JSON.stringify(login.account));
  notify('signed-in');
}

export function updateAccount(account) {
  memory = { ...memory, account };
  write(ACCOUNT, JSON.stringify(account));
  notify('updated');
}

/**
 * Forgets the login; `reason` is `signed-out` or `expired` (the server refused the token). Listeners also hear
 * `signed-out-elsewhere` when another tab logged out.
 */
export function signOut(reason = 'signed-out') {
  memory = { token: null, account: null };
  write(TOKEN, null);
  write(ACCOUNT, null);
  notify(reason);
}

/** Calls `listener(reason)` whenever the login changes. */
export function onChange(listener) {
  listeners.add(listener);
}

// Another tab logged in, out, or as someone else: this tab follows.
window.addEventListener('storage', (event) => {
  if (event.key !== TOKEN && event.key !== null) return;
  const token = read(TOKEN);
  if (token === memory.token) return;
  memory = { token, account: parse(read(ACCOUNT)) };
  notify(token ? 'signed-in' : 'signed-out-elsewhere');
});

function notify(reason) {
  listeners.forEach((listener) => listener(reason));
}
