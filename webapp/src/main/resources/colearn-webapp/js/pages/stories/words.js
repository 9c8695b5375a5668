/** Words for the codes of the story catalogue, and how a story's credit and time are written. */
import { h } from '../../dom.js';
import { showError } from '../../forms.js';

export const CREDITS = {
  person: 'Me, by name',
  team: 'My site’s team',
  nobody: 'Nobody: post anonymously',
};

export const VISIBILITIES = {
  pair: 'My site and its buddy pair',
  session: 'The people of one learning session',
  collaborative: 'Everyone in this collaborative (after a facilitator approves it)',
  server: 'Every collaborative on this server (after a facilitator approves it)',
};

const READERS = {
  pair: 'the site it came from and its buddy pair',
  session: 'the people of one learning session',
  collaborative: 'everyone in this collaborative',
  server: 'every collaborative on this server',
};

/** Who reads a story, as it stands: the wait for approval is said only while the story waits. */
export function readersLine(story) {
  const readers = READERS[story.visibility] ?? story.visibility;
  return `Readers: ${readers}${story.status === 'pending' ? ' (after a facilitator approves it)' : ''}.`;
}

export const REACTIONS = {
  thank_you: 'Thank you for sharing',
  seen_this_too: 'We have seen this too',
  helps_me: 'This helps me',
};

export const STATUSES = {
  pending: 'Waiting for a facilitator’s approval',
  published: 'Published',
  hidden: 'Hidden by a facilitator',
  posting: 'Being posted: in the catalogue within ten minutes',
};

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** "Shared by …" for a story or comment; anonymous ones name nobody. */
export function creditLine(item) {
  if (item.credit === 'person') return `By ${item.authorName}${item.siteName ? `, ${item.siteName}` : ''}`;
  if (item.credit === 'team') return `By the team at ${item.siteName}`;
  return 'Shared anonymously';
}

/** When it was posted: anonymous items keep only their week. */
export function postedLine(item) {
  const day = DAY.format(new Date(item.postedAt));
  return item.timePrecision === 'week' ? `Posted in the week of ${day}` : `Posted on ${day}`;
}

/**
 * Shows a patient-data warning on a form: each finding beside its field (the server's words, which never quote the
 * text), the confirmation box, and a summary that says what to do.
 */
export function warnAboutPatientData(formElement, error, confirm, what) {
  confirm.hidden = false;
  showError(formElement, error);
  const title = formElement.querySelector('.error-summary__title');
  if (title) title.textContent = `This may identify a patient. Edit what is marked below, or tick “I confirm this is not identifying” and ${what} again.`;
}

/** A read-only key with a copy button, shown once. */
export function keyBox(key, copy, what) {
  const input = h('input', { id: 'edit-key', type: 'text', readonly: true, value: key, class: 'link-input mono', spellcheck: 'false' });
  const copied = h('span', { class: 'copied', 'aria-hidden': 'true' });
  return h('div', { class: 'card key-box' },
    h('label', { for: 'edit-key', text: 'Your private edit key' }),
    h('p', { class: 'hint', text: `It is shown only this once. Keep it somewhere safe: it is the only way to edit or withdraw ${what}. Nobody, not even the server’s administrators, can tell that you wrote it.` }),
    input,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'button button--secondary', text: 'Copy key', onclick: () => copy(input, copied, 'Edit key copied. Keep it somewhere safe.') }),
      copied));
}
