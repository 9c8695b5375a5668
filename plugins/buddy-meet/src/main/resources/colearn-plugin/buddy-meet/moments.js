// The countdown's words and the moments of a buddy meet worth telling a screen-reader user, each once: the
// two-minute warning and the end. Views arrive for every step anyone adds; only these changes are announced.

export const WARNING_SECONDS = 120;

/** Seconds left by the server's clock, or null when the meet is over. */
export function secondsLeft(view, serverNow) {
  if (view?.phase !== 'meeting' || !view.endsAt) return null;
  const endsAt = Date.parse(view.endsAt);
  if (Number.isNaN(endsAt)) return null;
  const left = Math.max(0, Math.ceil((endsAt - serverNow) / 1000));
  // The server's warning timer is the authority: once it has fired, at most two minutes are left.
  return view.warning ? Math.min(left, WARNING_SECONDS) : left;
}

export function inWarning(view, left) {
  return view?.phase === 'meeting' && (view.warning || (left !== null && left <= WARNING_SECONDS));
}

/** "14:05 left", "Less than two minutes left: 1:42", "Time is up". */
export function countdownText(view, left) {
  if (left === null) return view?.phase === 'done' ? 'The buddy meet has ended.' : '';
  if (left === 0) return 'Time is up.';
  const clock = `${Math.floor(left / 60)}:${String(left % 60).padStart(2, '0')}`;
  return inWarning(view, left) ? `Less than two minutes left: ${clock}` : `${clock} left`;
}

/** What has been announced so far; one per component. */
export function freshMemory() {
  return { warnedFor: null, sawMeeting: false, ended: false };
}

/** The next thing to announce for this view and moment, or null; remembers it in `memory`. */
export function announcement(memory, view, left) {
  if (!view) return null;
  if (view.phase === 'meeting') {
    memory.sawMeeting = true;
    if (inWarning(view, left) && left !== 0 && memory.warnedFor !== view.endsAt) {
      memory.warnedFor = view.endsAt;
      return 'Two minutes left in the buddy meet.';
    }
    return null;
  }
  if (view.phase === 'done' && memory.sawMeeting && !memory.ended) {
    memory.ended = true;
    return 'The buddy meet has ended. Everyone is back in the plenary.';
  }
  return null;
}
