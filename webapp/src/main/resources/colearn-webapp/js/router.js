/**
 * Hash routing: `#/path?query`. Each route names a page function `(view, params, query)` that fills `view` and
 * returns `{ title }`. After a route change the page's h1 takes focus, the document title changes, and a message
 * passed to go() is announced on the new page.
 */
import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import * as session from './session.js';
import * as status from './status.js';

const routes = [];
const leaving = [];
let inPage = null;
let container = null;
let ticket = 0;
let rendered = 0;
let pending = null;

/** Registers a page for a path pattern; `auth: true` pages send people who are not logged in to the login page. */
export function route(pattern, page, { auth = false } = {}) {
  routes.push({ pattern, page, auth });
}

/**
 * Calls `cleanup` once, when the page that is showing now gives way to another one: for pages that hold a socket or
 * a timer.
 */
export function onLeave(cleanup) {
  leaving.push(cleanup);
}

/**
 * Lets the page that is showing now follow a change of its own address's query (`#/collaboratives/1?section=people`,
 * by a link, its own tabs or the Back button) without being built again: `handler(query)` is called instead, until
 * the path changes.
 */
export function onQueryChange(handler) {
  inPage = { path: current().path, handler };
}

/** The current path and query, e.g. `/join/abc` and URLSearchParams of `next=...`. */
export function current() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search = ''] = hash.split('?');
  return { path: path.startsWith('/') ? path : `/${path}`, query: new URLSearchParams(search) };
}

/** Opens a path; `message` is announced once the new page is shown. */
export function go(path, message = null) {
  ticket += 1; // whatever page was still loading is no longer wanted
  pending = message;
  if (location.hash === `#${path}`) render();
  else location.hash = path;
}

/** Replaces the current history entry (for redirects, so that Back does not bounce). */
export function redirect(path, message = null) {
  ticket += 1;
  pending = message;
  location.replace(`#${path}`);
}

/** The login page, remembering where to come back to. */
export function toLogin(message = null) {
  const { path, query } = current();
  const next = path === '/login' || path === '/signup' ? safeNext(query.get('next')) : path;
  redirect(next && next !== '/' ? `/login?next=${encodeURIComponent(next)}` : '/login', message);
}

/** Only in-app paths are followed after login, so that a crafted link cannot send anyone elsewhere. */
export function safeNext(next) {
  return next && /^\/[A-Za-z0-9/_-]*$/.test(next) ? next : null;
}

export function start(element) {
  container = element;
  window.addEventListener('hashchange', () => {
    const { path, query } = current();
    if (inPage?.path === path) inPage.handler(query);
    else render();
  });
  render();
}

async function render() {
  const mine = ++ticket;
  inPage = null;
  leaving.splice(0).forEach((cleanup) => {
    try {
      cleanup();
    } catch (error) {
      console.error(error);
    }
  });
  const { path, query } = current();
  const match = routes.map((r) => ({ r, m: r.pattern.exec(path) })).find((x) => x.m);
  if (match?.r.auth && !session.loggedIn()) {
    toLogin(pending);
    return;
  }
  const view = h('div', { class: 'page' }, h('p', { class: 'loading', text: 'Loading…' }));
  replace(container, view);
  let result;
  try {
    result = match
      ? await match.r.page(view, match.m.slice(1).map(decodeURIComponent), query)
      : notFound(view);
  } catch (error) {
    if (mine !== ticket) return;
    result = failed(view, error);
  }
  if (mine !== ticket) return;
  document.title = result?.title ? `${result.title} – Colearn` : 'Colearn';
  const first = rendered === 0;
  rendered += 1;
  const heading = view.querySelector('h1');
  if (heading) heading.tabIndex = -1;
  if (heading && !first) heading.focus();
  if (!first) window.scrollTo(0, 0);
  const message = pending;
  pending = null;
  if (message) status.announce(message);
  else status.clear();
}

function notFound(view) {
  replace(view,
    h('h1', { text: 'Page not found' }),
    h('p', { text: 'There is nothing at this address.' }),
    h('p', {}, h('a', { href: '#/', text: 'Go to my collaboratives' })),
  );
  return { title: 'Page not found' };
}

function failed(view, error) {
  if (!(error instanceof ApiError)) console.error(error);
  const title = error instanceof ApiError && error.status === 404 ? 'Not found' : 'Something went wrong';
  const detail = error instanceof ApiError ? error.message : 'This page could not be shown. Reload it and try again.';
  replace(view,
    h('h1', { text: title }),
    h('p', { class: 'problem', text: detail }),
    h('p', {}, h('a', { href: '#/', text: 'Go to my collaboratives' })),
  );
  return { title };
}
