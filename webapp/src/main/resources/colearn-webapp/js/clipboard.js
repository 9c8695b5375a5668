/** Copying a link from a read-only input, with words for what happened: the status line says it either way. */
import * as status from './status.js';

/**
 * Copies `input`'s value with the Clipboard API, or the older selection route where it is missing (plain http on a
 * LAN name); `copied` shows "Copied" beside the button; `done` is announced after a copy.
 */
export async function copyLink(input, copied, done) {
  if (await copyText(input)) {
    copied.textContent = 'Copied';
    status.announce(done);
  } else {
    input.focus();
    input.select();
    copied.textContent = '';
    status.announce('Link not copied: this browser did not allow it. The link is selected; press Ctrl+C (or Cmd+C) to copy it.', 'error');
  }
}

/**
 * Copies `input`'s value with the Clipboard API, or the older selection route where it is missing; false when the
 * browser allowed neither (the text is then left selected, to copy by hand).
 */
export async function copyText(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    return true;
  } catch {
    input.focus();
    input.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
