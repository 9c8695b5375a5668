/**
 * "Forgot password?": ask for a link by email, then, from the link, choose a new password. Opening the link proves
 * the address, ends every other login of the account and logs the person in.
 */
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { button, field, form, onSubmit } from '../forms.js';
import { go } from '../router.js';
import * as session from '../session.js';
import * as status from '../status.js';

export function forgotPage(view) {
  const askForm = form(
    'Forgot password',
    field('email', 'Email address', { type: 'email', required: true, autocomplete: 'email', hint: 'The address you log in with.' }),
    h('div', { class: 'actions' }, button('Email me a link')),
  );
  const sent = h('div');
  onSubmit(askForm, async (values) => {
    const email = values.email ?? '';
    await api.post('auth/password-reset', { email }, { auth: false });
    // The same answer for every address: only its inbox learns whether it has an account.
    const text = `If ${email} has a Colearn account, an email with a link to set a new password is on its way. `
      + 'The link works for an hour, once.';
    replace(sent, h('p', { class: 'notice', text }));
    status.announce(text);
  });
  replace(view,
    h('h1', { text: 'Forgot your password?' }),
    h('p', { class: 'lead', text: 'We will email you a link to choose a new one.' }),
    h('div', { class: 'card narrow' }, askForm, sent),
    h('p', {}, 'Remembered it? ', h('a', { href: '#/login', text: 'Log in' })),
  );
  return { title: 'Forgot password' };
}

export function resetPage(view, [token]) {
  const resetForm = form(
    'Set a new password',
    field('password', 'New password', {
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: 'At least 10 characters. A few unrelated words make a good one.',
    }),
    field('repeat', 'New password again', { type: 'password', required: true, autocomplete: 'new-password' }),
    h('div', { class: 'actions' }, button('Set password and log in')),
  );
  onSubmit(resetForm, async (values) => {
    const password = values.password ?? '';
    if (password !== (values.repeat ?? '')) {
      throw new api.ApiError(422, {
        detail: 'The two passwords are not the same.',
        errors: [{ field: 'repeat', message: 'must be the same as the new password' }],
      });
    }
    try {
      const login = await api.post('auth/password-reset/confirm', { token, password }, { auth: false });
      session.signIn(login);
      go('/', `Your new password is set, ${login.account.displayName}. Every other login of your account has ended.`);
    } catch (error) {
      if (error instanceof api.ApiError && error.code === 'reset_link_invalid') {
        replace(view.querySelector('.again'), 'Ask for a new link: ', h('a', { href: '#/forgot', text: 'Forgot password?' }));
      }
      throw error;
    }
  });
  replace(view,
    h('h1', { text: 'Choose a new password' }),
    h('p', { class: 'lead', text: 'Setting it logs you in and logs out every other login of your account.' }),
    h('div', { class: 'card narrow' }, resetForm),
    h('p', { class: 'again' }),
  );
  return { title: 'Choose a new password' };
}
