/**
 * Opening an invitation link: see what you are joining (public), log in or sign up if needed and come back here,
 * choose your site and profession, join.
 */
import * as api from '../api.js';
import { ApiError } from '../api.js';
import { h, replace } from '../dom.js';
import { PROFESSIONS, ROLES, label, options } from '../format.js';
import { button, field, form, onSubmit } from '../forms.js';
import { go } from '../router.js';
import * as session from '../session.js';

export async function joinPage(view, [code]) {
  let preview;
  try {
    // Public: an expired login does not stand between a person and the invitation (the server then answers as to
    // anyone); a valid one brings the site and profession already given for the person (an imported member).
    preview = await api.get(`invitations/${encodeURIComponent(code)}`, { auth: session.loggedIn() });
  } catch (error) {
    if (!(error instanceof ApiError) || ![404, 410].includes(error.status)) throw error;
    replace(view,
      h('h1', { text: 'This invitation link does not work' }),
      h('p', { class: 'problem', text: error.message }),
      h('p', {}, h('a', { href: '#/', text: 'Go to Colearn' })),
    );
    return { title: 'Invitation not valid' };
  }

  const yours = preview.yours ?? null;
  const roleName = label(ROLES, yours?.role ?? preview.role).toLowerCase();
  const intro = [
    h('h1', { text: `Join ${preview.collaborativeName}` }),
    h('p', { class: 'lead', text: preview.topic }),
    h('p', {}, 'You are invited to join as a ', h('strong', { text: roleName }), '.'),
  ];
  if (!session.loggedIn()) {
    const next = encodeURIComponent(`/join/${code}`);
    replace(view,
      ...intro,
      h('div', { class: 'card narrow' },
        h('h2', { text: 'First, tell us who you are' }),
        h('p', { text: 'Create a Colearn account, or log in if you have one. You will come straight back here.' }),
        h('div', { class: 'actions' },
          h('a', { class: 'button', href: `#/signup?next=${next}`, text: 'Sign up' }),
          h('a', { class: 'button button--secondary', href: `#/login?next=${next}`, text: 'Log in' }))),
    );
    return { title: `Join ${preview.collaborativeName}` };
  }

  const siteRequired = preview.role !== 'facilitator';
  if (siteRequired && preview.sites.length === 0) {
    replace(view,
      ...intro,
      h('p', { class: 'notice notice--warn', text: 'This collaborative has no sites yet, so you cannot choose yours. Ask your facilitator to add your site, then open this link again.' }),
    );
    return { title: `Join ${preview.collaborativeName}` };
  }
  const joinForm = form(
    `Join ${preview.collaborativeName}`,
    preview.sites.length
      ? field('siteId', 'Your site', {
        required: siteRequired,
        choices: preview.sites.map((s) => ({ value: s.id, text: s.region ? `${s.name} (${s.region})` : s.name })),
        placeholder: siteRequired ? 'Choose your site' : 'No site',
        value: yours?.siteId ?? '',
      })
      : null,
    field('profession', 'Your profession', {
      required: true, choices: options(PROFESSIONS), placeholder: 'Choose your profession', value: yours?.profession ?? '',
    }),
    h('div', { class: 'actions' }, button(`Join ${preview.collaborativeName}`)),
  );
  onSubmit(joinForm, async (values) => {
    await api.post(`invitations/${encodeURIComponent(code)}/accept`, { siteId: values.siteId ?? null, profession: values.profession });
    go(`/collaboratives/${preview.collaborativeId}`, `You have joined ${preview.collaborativeName}.`);
  });
  replace(view,
    ...intro,
    h('div', { class: 'card narrow' },
      h('p', {}, 'Joining as ', h('strong', { text: session.account()?.displayName ?? 'you' }), '.'),
      yours ? h('p', { class: 'hint', text: 'Your facilitator has given your site and profession already: check them, then join.' }) : null,
      joinForm),
  );
  return { title: `Join ${preview.collaborativeName}` };
}
