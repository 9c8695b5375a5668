/**
 * Guest passes: the token a guest gets for one session, kept in sessionStorage under that session's id, apart from
 * any member's login, so that joining as a guest never logs anyone in or out.
 */

const PREFIX = 'colearn.guest.';
/** The passes of this page load, for when the browser refuses storage. */
const memory = new Map();

function key(sessionId) {
  return `${PREFIX}${sessionId}`;
}

/** The pass for this session (`{sessionId, sessionTitle, token, expiresAt, code, displayName}`), or null. */
export function guestPass(sessionId) {
  if (memory.has(sessionId)) return memory.get(sessionId);
  try {
    const pass = JSON.parse(sessionStorage.getItem(key(sessionId)) ?? 'null');
    return pass && typeof pass.token === 'string' ? pass : null;
  } catch {
    return null;
  }
}

/** Keeps the answer of `POST /api/sessions/join`, with the code and name the guest typed. */
export function keepGuestPass(joined, code, displayName) {
  const pass = {
    sessionId: joined.sessionId,
    sessionTitle: joined.sessionTitle,
    token: joined.guestToken,
    expiresAt: joined.expiresAt,
    code,
    displayName,
  };
  memory.set(pass.sessionId, pass);
  try {
    sessionStorage.setItem(key(joined.sessionId), JSON.stringify(pass));
  } catch {
    // Storage refused: the pass lasts until the page is reloaded.
  }
  return pass;
}

export function forgetGuestPass(sessionId) {
  memory.delete(sessionId);
  try {
    sessionStorage.removeItem(key(sessionId));
  } catch {
    // Nothing was kept.
  }
}
