/**
 * The live page for a guest: their pass stands in for the plan that members load over REST (the view from hello
 * brings the rest), a bar that says who they are with a way to leave, and plain words when the pass stops working.
 */
import { h, replace } from '../../dom.js';
import { forgetGuestPass } from '../../guest-pass.js';
import { go } from '../../router.js';

/** What the page can show before hello answers: the title from joining, and an agenda still to come. */
export function guestPlan(pass) {
  return { title: pass.sessionTitle, agenda: [] };
}

export function guestBar(pass) {
  const leave = h('button', { type: 'button', class: 'button button--secondary', text: 'Leave session' });
  leave.addEventListener('click', () => {
    forgetGuestPass(pass.sessionId);
    go(`/guest/${pass.code ?? ''}`.replace(/\/$/, ''), `You have left ${pass.sessionTitle}.`);
  });
  return h('div', { class: 'guest-bar' },
    h('p', { class: 'guest-bar__who' }, 'You are taking part as a guest: ', h('strong', { text: pass.displayName ?? 'Guest' }), '.'),
    leave);
}

/** The server no longer takes the pass (it expired, or guests were switched off): say so and offer to join again. */
export function guestPassEnded(pass, problem) {
  forgetGuestPass(pass.sessionId);
  replace(problem,
    'You are no longer connected as a guest: your guest pass has expired, or the facilitator has stopped letting guests in. ',
    h('a', { href: `#/guest/${pass.code ?? ''}`.replace(/\/$/, ''), text: 'Join again' }),
    ' to take part; if guests are still welcome, you will be let in.');
  problem.hidden = false;
}
