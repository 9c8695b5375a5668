// The secret keys of anonymous stories, which the browser makes and keeps: they are the only thing that shows a story
// is yours. The server keeps only each key's SHA-256, so a key lost here cannot be given back by anyone.

const STORE = 'colearn.circle.keys';

/** 32 random bytes in base64url: a key of 43 characters. */
export function newKey() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A story's id in the circle, made here so that sending it again after a lost connection adds it once. */
export function newRef() {
  return base64url(crypto.getRandomValues(new Uint8Array(12)));
}

function base64url(bytes) {
  return btoa(String.fromCharCode(...bytes)).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Every key this browser holds, `{ref: key}`; empty when storage is blocked or holds something else. */
export function keys() {
  try {
    const kept = JSON.parse(localStorage.getItem(STORE) ?? '{}');
    return kept && typeof kept === 'object' && !Array.isArray(kept) ? kept : {};
  } catch {
    return {};
  }
}

export function keyFor(ref) {
  const key = keys()[ref];
  return typeof key === 'string' ? key : null;
}

/** Keeps a key; false when this browser cannot (storage blocked), so that the person copies it by hand. */
export function remember(ref, key) {
  try {
    localStorage.setItem(STORE, JSON.stringify({ ...keys(), [ref]: key }));
    return true;
  } catch {
    return false;
  }
}

export function forget(ref) {
  try {
    const kept = keys();
    delete kept[ref];
    localStorage.setItem(STORE, JSON.stringify(kept));
  } catch {
    // Nothing was kept.
  }
}
