/**
 * Joining one live session as a guest, without an account: `#/guest`, or `#/guest/<code>` from a link the facilitator
 * shared. The guest gives a name, and if they like a site and profession, and lands on the live session.
 */
import * as api from '../api.js';
import { ApiError } from '../api.js';
import { h, replace } from '../dom.js';
import { PROFESSIONS, options } from '../format.js';
import { button, field, form, onSubmit } from '../forms.js';
import { keepGuestPass } from '../guest-pass.js';
import { go } from '../router.js';

/** The server's refusals, in the words a guest needs: what went wrong and what to do. */
const REFUSED = {
  session_code_unknown: {
    detail: 'No session has this code.',
    errors: [{ field: 'code', message: 'is not the code of any session. Check it with your facilitator: it looks like K7QX-3MPD.' }],
  },
  guests_not_allowed: {
    detail: 'Guests cannot join this session at the moment: the facilitator has not let guests in. '
      + 'Ask them to let guests join, or log in if you are a member of its collaborative.',
  },
};

export function guestPage(view, [code = ''] = []) {
  const joinForm = form(
    'Join a session as a guest',
    field('code', 'Session code', {
      required: true,
      value: code.toUpperCase(),
      autocomplete: 'off',
      hint: 'Your facilitator gives it out, for example K7QX-3MPD.',
    }),
    field('displayName', 'Your name', { required: true, autocomplete: 'name', hint: 'As others in the session will see it.' }),
    field('site', 'Your site (optional)', { autocomplete: 'organization', hint: 'For example: Maidstone Hospital.' }),
    field('profession', 'Your profession (optional)', { choices: options(PROFESSIONS), placeholder: 'Prefer not to say' }),
    h('div', { class: 'actions' }, button('Join session')),
  );
  onSubmit(joinForm, async (values) => {
    let joined;
    try {
      joined = await api.post('sessions/join', {
        code: values.code ?? '',
        displayName: values.displayName ?? '',
        site: values.site,
        profession: values.profession,
      }, { auth: false });
    } catch (error) {
      if (error instanceof ApiError && REFUSED[error.code]) throw new ApiError(error.status, REFUSED[error.code]);
      throw error;
    }
    keepGuestPass(joined, values.code, values.displayName);
    go(`/sessions/${joined.sessionId}`, `You have joined ${joined.sessionTitle} as a guest.`);
  });
  replace(view,
    h('h1', { text: 'Join a session as a guest' }),
    h('p', { class: 'lead', text: 'Take part in one live session without an account. You only need its code and your name.' }),
    h('div', { class: 'card narrow' }, joinForm),
    h('p', {}, 'A member of the collaborative? ', h('a', { href: '#/login', text: 'Log in' }), ' to join with your account.'),
  );
  return { title: 'Join a session as a guest' };
}
