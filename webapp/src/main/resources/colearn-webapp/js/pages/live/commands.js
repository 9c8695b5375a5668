/**
 * Sending a command from a control: the control is busy until the reply, and a refusal is said in words beside the
 * control (tied to it with aria-describedby) and announced.
 */
import { h, uid } from '../../dom.js';
import * as status from '../../status.js';

const WORDS = {
  facilitator_only: 'Only a facilitator can do that.',
  session_already_started: 'The session has already started.',
  session_not_live: 'The session is not live: start it first.',
  session_ended: 'The session has ended.',
  agenda_empty: 'This session has no agenda items.',
  no_current_item: 'No agenda item is running: go to one first.',
  timer_paused: 'The timer is paused: resume it first.',
  timer_not_running: 'The timer is not running.',
  timer_not_paused: 'The timer is not paused.',
  no_broadcast: 'There is no message to clear.',
  too_fast: 'That was too fast after the last one. Wait a moment and try again.',
  storage_failed: 'The server could not save that, so nothing changed. Please try again.',
  internal_error: 'Something went wrong on the server. The session goes on; please try again.',
};

/** A refusal of the server (a CommandError) in words a person understands. */
export function inWords(error) {
  if (WORDS[error?.code]) return WORDS[error.code];
  if (error?.code === 'invalid_body' && error.message) return `The server did not accept that: ${error.message}`;
  return error?.message || 'That did not work. Please try again.';
}

/** The place beside a control where its refusals appear; empty while there is nothing to say. */
export function note() {
  return h('p', { class: 'command-note', id: uid('note') });
}

export function say(noteElement, text, kind = 'error') {
  noteElement.textContent = text ?? '';
  noteElement.dataset.kind = kind;
}

/**
 * Runs `send()` (a promise of the reply) for `control`; returns true when the server accepted the command. While the
 * connection is down the command waits, and the note says so.
 */
export async function runFor(control, noteElement, send, connection) {
  if (control.getAttribute('aria-disabled') === 'true') return false;
  control.setAttribute('aria-disabled', 'true');
  control.setAttribute('aria-describedby', noteElement.id);
  say(noteElement, connection.joined ? '' : 'Waiting for the connection: this will be sent when it is back.', 'info');
  try {
    await send();
    say(noteElement, '');
    return true;
  } catch (error) {
    const text = inWords(error);
    say(noteElement, text);
    status.announce(text, 'error');
    return false;
  } finally {
    control.removeAttribute('aria-disabled');
  }
}
