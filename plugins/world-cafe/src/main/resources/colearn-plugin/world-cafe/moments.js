// The moments of a café worth telling a screen-reader user, each once: a round starts or they are moved (where they
// sit now and with whom), a minute is left, the café ends. Views arrive for every note and every agreement; only
// these changes are announced. Also the countdown's words.
import { names } from '/plugin-kit/dom.js';

export const WARNING_SECONDS = 60;

/** What has been announced so far; one per component. */
export function freshMemory() {
  return { seat: null, warnedFor: null, done: false };
}

/** Seconds left in the round by the server's clock, or null when no round runs. */
export function secondsLeft(view, serverNow) {
  if (view?.phase !== 'round' || !view.roundEndsAt) return null;
  const endsAt = Date.parse(view.roundEndsAt);
  if (Number.isNaN(endsAt)) return null;
  const left = Math.max(0, Math.ceil((endsAt - serverNow) / 1000));
  // The server's warning timer is the authority: once it has fired, at most a minute is left, whatever this browser
  // makes of the clocks.
  return view.warning ? Math.min(left, WARNING_SECONDS) : left;
}

/** Whether the round is in its last minute: the server says so, or this browser's view of its clock does. */
export function inWarning(view, left) {
  return view?.phase === 'round' && (view.warning || (left !== null && left <= WARNING_SECONDS));
}

/** "14:05 left in round 2", "Less than a minute left in round 2: 0:42", "Time is up for round 2". */
export function countdownText(view, left) {
  if (left === null) return '';
  if (left === 0) return `Time is up for round ${view.round}. The next round starts shortly.`;
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return inWarning(view, left)
    ? `Less than a minute left in round ${view.round}: ${clock}`
    : `${clock} left in round ${view.round}`;
}

/** The next thing to announce for this view (and this moment), or null; remembers it in `memory`. */
export function announcement(memory, view, personId, left) {
  if (!view) return null;
  if (view.phase === 'round') {
    const seat = `${view.round}:${view.table?.number ?? '-'}`;
    if (seat !== memory.seat) {
      memory.seat = seat;
      return seatWords(view, personId);
    }
    const warningFor = `${view.round}:${view.roundEndsAt}`;
    if (inWarning(view, left) && left !== 0 && memory.warnedFor !== warningFor) {
      memory.warnedFor = warningFor;
      return `One minute left in round ${view.round}.`;
    }
    return null;
  }
  if (view.phase === 'done' && !memory.done) {
    memory.done = true;
    // Someone who opens the page after the end needs no news of it.
    return memory.seat === null ? null : 'The café has ended. Every note is on the harvest wall.';
  }
  return null;
}

function seatWords(view, personId) {
  const table = view.table;
  if (!table) {
    // Facilitators are not seated: they follow every table from the console.
    return view.console ? `Round ${view.round} has started.` : `Round ${view.round} has started. You have no table yet.`;
  }
  const others = names(table.members.filter((member) => member.personId !== personId).map((member) => member.name));
  if (table.host) return `Round ${view.round}: you host table ${table.number}${others ? ` with ${others}` : ''}.`;
  return `Round ${view.round}: you are at table ${table.number}${others ? ` with ${others}` : ''}.`;
}
