/** The navigation in the header: who is logged in, and the links and log out button that go with that. */
import * as api from './api.js';
import { h, replace } from './dom.js';
import { go } from './router.js';
import * as session from './session.js';

export function renderNav(nav) {
  const account = session.account();
  if (!session.loggedIn()) {
    replace(nav,
      h('ul', { class: 'site-nav__list' },
        h('li', {}, h('a', { href: '#/login', text: 'Log in' })),
        h('li', {}, h('a', { href: '#/signup', text: 'Sign up' }))),
    );
    return;
  }
  replace(nav,
    h('ul', { class: 'site-nav__list' },
      h('li', {}, h('a', { href: '#/', text: 'My collaboratives' })),
      account ? h('li', { class: 'site-nav__who' }, 'Logged in as ', h('a', { href: '#/account' }, h('strong', { text: account.displayName }))) : null,
      h('li', {}, h('button', { type: 'button', class: 'link-button', text: 'Log out', onclick: logOut }))),
  );
}

async function logOut() {
  try {
    await api.call('POST', 'auth/logout');
  } catch {
    // Forgetting the login here is what matters; an expired login has already ended on the server.
  }
  session.signOut();
  go('/login', 'You have logged out.');
}
