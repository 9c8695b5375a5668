/**
 * Requests to move site, for those who answer them: facilitators see every request, a site lead those into their
 * site. Approving moves the person at once; declining leaves them where they are. Nobody answers their own request.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { dateTime } from '../../format.js';
import { button } from '../../forms.js';
import * as status from '../../status.js';

export function siteMovesSection(state) {
  const list = h('div', { class: 'site-move-list' });
  const render = async () => {
    const moves = (await api.get(`${state.base}/site-moves`)).filter((m) => m.memberId !== state.collaborative.myMemberId);
    replace(list, moves.length
      ? h('ul', { class: 'cards', 'aria-label': 'Requests to move site' }, moves.map((move) => card(move)))
      : h('p', { class: 'empty', text: 'Nobody is waiting to move site.' }));
  };
  const card = (move) => h('li', { class: 'card', dataset: { move: move.memberId } },
    h('p', { text: `${move.displayName} asks to move from ${move.fromSiteName ?? 'no site'} to ${move.toSiteName} (asked ${dateTime(move.requestedAt)}).` }),
    h('div', { class: 'actions' },
      button(`Approve ${move.displayName}’s move`, { type: 'button', onclick: (event) => answer(move, 'approve', event.currentTarget) }),
      button(`Decline ${move.displayName}’s move`, { type: 'button', variant: 'button--secondary', onclick: (event) => answer(move, 'decline', event.currentTarget) })));
  async function answer(move, verdict, answerButton) {
    try {
      await api.post(`${state.base}/site-moves/${move.memberId}/${verdict}`, {});
      await state.reload();
      status.announce(verdict === 'approve'
        ? `${move.displayName} is at ${move.toSiteName} now.`
        : `${move.displayName} stays at ${move.fromSiteName ?? 'no site'}.`);
      list.closest('section')?.querySelector('h2')?.focus();
    } catch (error) {
      answerButton.focus();
      status.announce(error.message, 'error');
    }
  }
  render().catch((error) => status.announce(error.message, 'error'));
  state.onReload(() => render().catch((error) => status.announce(error.message, 'error')));
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'site-moves-heading' },
    h('h2', { id: 'site-moves-heading', tabindex: '-1', text: 'Requests to move site' }),
    list,
  );
}
