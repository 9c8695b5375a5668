/** Log in and sign up. Both come back to where the person was going (`?next=/join/...`) once they are in. */
import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { button, field, form, onSubmit } from '../forms.js';
import { go, redirect, safeNext } from '../router.js';
import * as session from '../session.js';

export function loginPage(view, _params, query) {
  const next = safeNext(query.get('next'));
  if (session.loggedIn()) {
    redirect(next ?? '/');
    return { title: 'Log in' };
  }
  const loginForm = form(
    'Log in',
    field('email', 'Email address', { type: 'email', required: true, autocomplete: 'email' }),
    field('password', 'Password', { type: 'password', required: true, autocomplete: 'current-password' }),
    h('div', { class: 'actions' }, button('Log in')),
  );
  onSubmit(loginForm, async (values) => {
    const login = await api.post('auth/login', { email: values.email ?? '', password: values.password ?? '' }, { auth: false });
    session.signIn(login);
    go(next ?? '/', `Logged in as ${login.account.displayName}.`);
  });
  replace(view,
    h('h1', { text: 'Log in' }),
    next?.startsWith('/join/') ? h('p', { class: 'lead', text: 'Log in to accept your invitation.' }) : null,
    h('div', { class: 'card narrow' }, loginForm),
    h('p', {}, h('a', { href: '#/forgot', text: 'Forgot password?' })),
    h('p', {}, 'New to Colearn? ', h('a', { href: withNext('#/signup', next), text: 'Create an account' })),
    h('p', {}, 'Joining a session as a guest? ', h('a', { href: '#/guest', text: 'Enter its code' })),
  );
  return { title: 'Log in' };
}

export function signupPage(view, _params, query) {
  const next = safeNext(query.get('next'));
  if (session.loggedIn()) {
    redirect(next ?? '/');
    return { title: 'Sign up' };
  }
  const signupForm = form(
    'Sign up',
    field('displayName', 'Your name', { required: true, autocomplete: 'name', hint: 'As colleagues will see it, for example Asha Patel.' }),
    field('email', 'Email address', { type: 'email', required: true, autocomplete: 'email', hint: 'Use your work address.' }),
    field('password', 'Password', {
      type: 'password',
      required: true,
      autocomplete: 'new-password',
      hint: 'At least 10 characters. A few unrelated words make a good one.',
    }),
    h('div', { class: 'actions' }, button('Create account')),
  );
  onSubmit(signupForm, async (values) => {
    const login = await api.post(
      'auth/signup',
      { displayName: values.displayName ?? '', email: values.email ?? '', password: values.password ?? '' },
      { auth: false },
    );
    session.signIn(login);
    // The same answer whether or not the address had an account: what comes next is in the mail sent to it.
    const mail = login.account.addressProof === 'email' ? ` We sent an email to ${login.account.email}: open its link to confirm your address.` : '';
    go(next ?? '/', `Welcome to Colearn, ${login.account.displayName}.${mail}`);
  });
  replace(view,
    h('h1', { text: 'Create your Colearn account' }),
    next?.startsWith('/join/') ? h('p', { class: 'lead', text: 'Create an account to accept your invitation.' }) : null,
    h('div', { class: 'card narrow' }, signupForm),
    h('p', {}, 'Already have an account? ', h('a', { href: withNext('#/login', next), text: 'Log in' })),
  );
  return { title: 'Sign up' };
}

function withNext(href, next) {
  return next ? `${href}?next=${encodeURIComponent(next)}` : href;
}
