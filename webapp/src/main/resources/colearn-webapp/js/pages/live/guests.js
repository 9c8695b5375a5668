/**
 * For facilitators: the session's join code and guest link to share, and the switch that lets guests join or stops
 * them (those already in stay; nobody new gets in, and nobody who drops out gets back).
 */
import * as api from '../../api.js';
import { copyLink } from '../../clipboard.js';
import { h, uid } from '../../dom.js';
import * as status from '../../status.js';
import { note, say } from './commands.js';

/** `plan` is the session as `GET /api/sessions/{id}` gives it to a facilitator, with `joinCode` and `guestsAllowed`. */
export function guestsSection(plan) {
  const link = new URL(`#/guest/${plan.joinCode}`, document.baseURI).href;
  const linkId = uid('guest-link');
  const input = h('input', { id: linkId, type: 'text', readonly: true, value: link, class: 'link-input', spellcheck: 'false' });
  const copied = h('span', { class: 'copied', 'aria-hidden': 'true' });
  const copyButton = h('button', { type: 'button', class: 'button button--secondary', text: 'Copy guest link' });
  copyButton.addEventListener('click', () => copyLink(input, copied, 'Guest link copied. Share it with the people you want to let in.'));

  const switchNote = note();
  const switchId = uid('guests-allowed');
  const toggle = h('input', {
    id: switchId, type: 'checkbox', role: 'switch', checked: Boolean(plan.guestsAllowed), 'aria-describedby': switchNote.id,
  });
  let busy = false;
  toggle.addEventListener('change', async () => {
    if (busy) {
      toggle.checked = !toggle.checked; // one change at a time, so that the switch ends as the server has it
      return;
    }
    busy = true;
    const allowed = toggle.checked;
    say(switchNote, '');
    try {
      const changed = await api.call('PUT', `sessions/${plan.id}/guests`, { json: { allowed } });
      toggle.checked = Boolean(changed.guestsAllowed);
      status.announce(toggle.checked
        ? 'Guests can join this session with its code.'
        : 'Guests can no longer join this session. Guests who are here stay until they leave.');
    } catch (error) {
      toggle.checked = !allowed;
      say(switchNote, `Not changed: ${error.message}`);
      status.announce(`Not changed: ${error.message}`, 'error');
    } finally {
      busy = false;
    }
  });

  return h('section', { class: 'card guests', 'aria-labelledby': 'guests-heading' },
    h('h2', { id: 'guests-heading', text: 'Guests', tabindex: '-1' }),
    h('p', { class: 'hint', text: 'Guests take part in this session without an account, with its code or link and their name.' }),
    h('div', { class: 'guests__switch' },
      toggle,
      h('label', { for: switchId, text: 'Let guests join' })),
    switchNote,
    h('p', { class: 'guests__code' }, 'Join code: ', h('strong', { class: 'guests__code-value', text: plan.joinCode })),
    h('label', { for: linkId, class: 'guests__label', text: 'Guest link' }),
    input,
    h('div', { class: 'actions' }, copyButton, copied));
}
