/**
 * Who is logged in: the token and account from the login answer, kept in sessionStorage so that they live as long
 * as the tab and no longer.
 */

const TOKEN = 'colearn.token';
const ACCOUNT = 'colearn.account';
const listeners = new Set();

function read(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key, value) {
  try {
    if (value === null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
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

/** Forgets the login; `reason` is `signed-out` or `expired` (the server refused the token). */
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

function notify(reason) {
  listeners.forEach((listener) => listener(reason));
}
