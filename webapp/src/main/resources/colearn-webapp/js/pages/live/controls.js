/**
 * The facilitator's controls: broadcast a message to everyone, end the session (after a second press, so that a slip
 * does not end it for everyone). The session starts from the "Now" bar; going to an agenda item is on the bar and on
 * the agenda's rows.
 */
import { h, replace, uid } from '../../dom.js';
import * as status from '../../status.js';
import { note, runFor, say } from './commands.js';

const MAX_TEXT = 2000;

export function controlsSection(state, connection) {
  const slot = h('div', { class: 'controls__session' });
  const heading = h('h2', { id: 'controls-heading', text: 'Run the session', tabindex: '-1' });
  const sessionNote = note();
  let confirming = false;

  const button = (text, key, variant, onclick) => {
    const element = h('button', { type: 'button', class: `button ${variant}`.trim(), text, dataset: { focusKey: key }, 'aria-describedby': sessionNote.id });
    element.addEventListener('click', () => onclick(element));
    return element;
  };
  const askToEnd = () => {
    confirming = true;
    render();
    slot.querySelector('[data-focus-key="end-confirm"]')?.focus();
  };
  const cancelEnd = () => {
    confirming = false;
    render();
    slot.querySelector('[data-focus-key="end"]')?.focus();
  };
  const end = async (control) => {
    const ended = await runFor(control, sessionNote, () => connection.send('session.end'), connection);
    confirming = false;
    render();
    if (!ended) slot.querySelector('[data-focus-key="end"]')?.focus();
  };

  function render() {
    const { status } = state.session;
    if (status === 'scheduled') {
      replace(slot, h('p', { class: 'meta', text: 'The session has not started: "Start session" in the bar at the top starts it.' }));
    } else if (status === 'live' && confirming) {
      replace(slot,
        h('p', { class: 'controls__confirm', text: 'End the session for everyone? The chat closes and nobody can go on.' }),
        h('div', { class: 'actions' },
          button('Yes, end the session', 'end-confirm', 'button--danger', end),
          button('Keep it going', 'end-cancel', 'button--secondary', cancelEnd)),
        sessionNote);
    } else if (status === 'live') {
      replace(slot, h('div', { class: 'actions' }, button('End session', 'end', 'button--danger', askToEnd)), sessionNote);
    } else {
      replace(slot, h('p', { class: 'meta', text: status === 'ended' ? 'The session has ended.' : 'Connecting…' }));
    }
    broadcastForm.hidden = status === 'ended';
  }

  const inputId = uid('broadcast');
  const hintId = `${inputId}-hint`;
  const input = h('input', { id: inputId, type: 'text', name: 'text', autocomplete: 'off', maxlength: String(MAX_TEXT) });
  const broadcastNote = note();
  input.setAttribute('aria-describedby', `${hintId} ${broadcastNote.id}`);
  const sendButton = h('button', { type: 'submit', class: 'button', text: 'Broadcast' });
  const keepId = uid('broadcast-keep');
  const keep = h('input', { id: keepId, type: 'checkbox', name: 'keep' });
  const broadcastForm = h('form', { class: 'controls__broadcast', novalidate: true, 'aria-label': 'Broadcast a message' },
    h('label', { for: inputId, text: 'Broadcast a message' }),
    h('p', { class: 'hint', id: hintId, text: 'Shown to everyone as a banner at the top of the session, and read out by screen readers, until the item ends or you clear it.' }),
    h('div', { class: 'chat__row' }, input, sendButton),
    h('div', { class: 'field__check controls__keep' }, keep, h('label', { for: keepId, text: 'Keep it shown after this item' })),
    broadcastNote);
  broadcastForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) {
      say(broadcastNote, 'Write the message first.');
      status.announce('Write the message first.', 'error');
      input.focus();
      return;
    }
    const sent = await runFor(sendButton, broadcastNote, () => connection.send('session.broadcast', { text, keep: keep.checked }), connection);
    if (sent && input.value.trim() === text) input.value = '';
  });

  const section = h('section', { class: 'card controls', 'aria-labelledby': 'controls-heading' }, heading, slot, broadcastForm);
  return { element: section, render, heading };
}
