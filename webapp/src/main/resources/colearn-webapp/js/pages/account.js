/** The person's own account: who they are logged in as, and logging out here or in every browser at once. */
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { button, form, onSubmit } from '../forms.js';
import { go } from '../router.js';
import * as session from '../session.js';

export async function accountPage(view) {
  const me = await api.get('me');
  session.updateAccount(me);
  const everywhere = form(
    'Sign out everywhere',
    h('p', { text: 'Ends your login in every browser and on every device, this one included, and closes the live '
      + 'sessions open there. Use it when you have logged in on a shared or lost computer.' }),
    h('div', { class: 'actions' }, button('Sign out everywhere')),
  );
  onSubmit(everywhere, async () => {
    await api.post('auth/logout-everywhere');
    session.signOut();
    go('/login', 'You have signed out everywhere: every browser and device logged in as you is logged out.');
  });
  replace(view,
    h('h1', { text: 'Your account' }),
    h('dl', { class: 'card narrow' },
      h('dt', { text: 'Name' }), h('dd', { text: me.displayName }),
      h('dt', { text: 'Email address' }), h('dd', { text: me.email })),
    h('h2', { text: 'Sign out everywhere' }),
    h('div', { class: 'card narrow' }, everywhere),
  );
  return { title: 'Your account' };
}
