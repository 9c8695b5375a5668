/**
 * Who is logged in. The login itself is a cookie the server sets, which scripts cannot read (`HttpOnly`) and the
 * browser keeps across tabs and restarts until the person logs out or the login expires. This module keeps only what
 * the pages show: the account's id, address and name, in localStorage, so that a new tab knows who is logged in
 * before it asks the server. Logging in or out in one tab does the same in every other tab of this browser at once
 * (the storage event).
 */

const ACCOUNT = 'colearn.account';
// Logins before the cookie kept their token here: it is removed, so no script can read a login any more.
const OLD_TOKEN = 'colearn.token';
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

write(OLD_TOKEN, null);
let memory = { account: parse(read(ACCOUNT)) };

function parse(text) {
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/** The account as the server last described it: id, email, displayName. */
export function account() {
  return memory.account;
}

export function loggedIn() {
  return Boolean(memory.account);
}

/** Keeps the account of a signup's or login's answer (the server has set the login cookie). */
export function signIn(login) {
  memory = { account: login.account };
  write(ACCOUNT, JSON.stringify(login.account));
  notify('signed-in');
}

export function updateAccount(account) {
  memory = { ...memory, account };
  write(ACCOUNT, JSON.stringify(account));
  notify('updated');
}

/**
 * Forgets who is logged in (the server has ended the login, or refused it); `reason` is `signed-out` or `expired`.
 * Listeners also hear `signed-out-elsewhere` when another tab logged out.
 */
export function signOut(reason = 'signed-out') {
  memory = { account: null };
  write(ACCOUNT, null);
  notify(reason);
}

/** Calls `listener(reason)` whenever the login changes. */
export function onChange(listener) {
  listeners.add(listener);
}

// Another tab logged in, out, or as someone else: this tab follows.
window.addEventListener('storage', (event) => {
  if (event.key !== ACCOUNT && event.key !== null) return;
  const account = parse(read(ACCOUNT));
  if (account?.id === memory.account?.id) {
    if (account) memory = { account };
    return;
  }
  memory = { account };
  notify(account ? 'signed-in' : 'signed-out-elsewhere');
});

function notify(reason) {
  listeners.forEach((listener) => listener(reason));
}
