/**
 * Opening the link mailed to an address: the server checks it against the account that is logged in, and the
 * person is told whether the address is confirmed and what that brought them.
 */
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import * as session from '../session.js';

export async function verifyPage(view, [token]) {
  let heading;
  let body;
  try {
    const me = await api.post('auth/verify', { token });
    session.updateAccount(me);
    heading = 'Your email address is confirmed';
    body = h('p', {}, `${me.email} is confirmed as yours. Any membership a facilitator gave to this address is now yours: `,
      h('a', { href: '#/', text: 'see your collaboratives' }), '.');
  } catch (error) {
    if (!(error instanceof api.ApiError)) throw error;
    heading = 'This link did not confirm your address';
    body = h('div', {},
      h('p', { class: 'notice notice--error', text: error.message }),
      error.code === 'proof_link_invalid' ? resendHint() : null);
  }
  replace(view, h('h1', { text: heading }), h('div', { class: 'card narrow' }, body));
  return { title: heading };
}

function resendHint() {
  return h('p', {}, 'You can ask for a new link on ', h('a', { href: '#/', text: 'your collaboratives page' }), '.');
}

/**
 * What a person whose address is not confirmed yet sees at the top of their collaboratives: where the link went and
 * a button to send it again. Where the server sends no email, nothing: facilitators confirm people on their side.
 */
export function addressNotice(me) {
  if (!me || me.emailProven || me.addressProof !== 'email') return null;
  const resend = h('button', { type: 'button', class: 'button button--secondary', text: 'Send the link again' });
  const said = h('p', { class: 'hint', 'aria-live': 'polite' });
  resend.addEventListener('click', async () => {
    resend.disabled = true;
    try {
      await api.post('auth/verify/resend');
      said.textContent = `A new link is on its way to ${me.email}.`;
    } catch (error) {
      said.textContent = error.message;
    } finally {
      resend.disabled = false;
    }
  });
  return h('div', { class: 'card notice', role: 'note' },
    h('p', {}, 'Confirm your email address: we sent a link to ', h('strong', { text: me.email }),
      '. Until you open it, memberships a facilitator gave to this address wait for you. Invitation links work already.'),
    h('div', { class: 'actions' }, resend),
    said);
}
