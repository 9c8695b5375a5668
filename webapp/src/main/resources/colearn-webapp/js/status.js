/** The polite live region under the header: short confirmations such as "Site added", seen and heard. */

let region = null;
let frame = 0;

export function attach(element) {
  region = element;
}

/** Shows and announces a message; the same message twice is announced twice. */
export function announce(message, kind = 'ok') {
  if (!region) return;
  cancelAnimationFrame(frame);
  region.textContent = '';
  region.dataset.kind = kind;
  // Emptying then filling on the next frame makes screen readers treat a repeated message as new.
  frame = requestAnimationFrame(() => {
    region.textContent = message;
  });
}

export function clear() {
  if (!region) return;
  cancelAnimationFrame(frame);
  region.textContent = '';
}
