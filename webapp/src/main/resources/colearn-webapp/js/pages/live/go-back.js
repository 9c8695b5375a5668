/**
 * Going to an agenda item that has run already: its activity starts again from the beginning, so the facilitator is
 * asked once more, in place ("Run Welcome again?"), before the command goes with `again: true`. An item that has not
 * run goes at once.
 */
import { h, replace } from '../../dom.js';
import { runFor } from './commands.js';

/**
 * `slot` is where the question appears; `refocus()` gives the focus back to the control that asked when the facilitator
 * says no. Returns `go(index, control)`, which sends the command or asks first.
 */
export function goToItem(state, connection, { slot, note, refocus, key }) {
  const clear = () => replace(slot);
  const send = (index, control, again) => runFor(control, note,
    () => connection.send('agenda.goto', again ? { index, again: true } : { index }), connection);

  return async function go(index, control) {
    const item = state.session.agenda[index];
    if (!state.done(item)) {
      clear();
      await send(index, control, false);
      return;
    }
    const question = h('p', { class: 'controls__confirm', text: `${item.title} has run already. Run it again? Its activity starts again from the beginning.` });
    const yes = h('button', { type: 'button', class: 'button', text: `Yes, run ${item.title} again`, dataset: { focusKey: `${key}-again` } });
    const no = h('button', { type: 'button', class: 'button button--secondary', text: 'No, stay here', dataset: { focusKey: `${key}-stay` } });
    yes.addEventListener('click', async () => {
      const done = await send(index, yes, true);
      if (done) clear();
    });
    no.addEventListener('click', () => {
      clear();
      refocus();
    });
    replace(slot, h('div', { class: 'go-back', role: 'group', 'aria-label': `Run ${item.title} again?` }, question, h('div', { class: 'actions' }, yes, no)));
    yes.focus();
  };
}
