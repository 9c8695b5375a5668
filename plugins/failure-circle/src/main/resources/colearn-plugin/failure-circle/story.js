// A story as the circle hears it: the current one large, those told before smaller; its parts, its credit
// ("Anonymous" where there is none), the reactions (counts, and which the viewer gave), and the "what I will take
// back" notes, unnamed, with the form that adds one.
import { h, hidden } from '/plugin-kit/dom.js';
import { button, field } from './controls.js';

const REACTIONS = [
  ['thanks', 'Thank you for sharing'],
  ['seen_too', 'We have seen this too'],
  ['helps', 'This helps me'],
];

const PARTS = [
  ['tried', 'What we tried'],
  ['happened', 'What happened'],
  ['learned', 'What we learned'],
  ['differently', 'What we would do differently'],
];

/**
 * One story. `notes` is the story's note form (made once per story by the component, so typing survives); `current`
 * draws it large with its time.
 */
export function storyCard(story, { send, noteForm, current = false }) {
  const headingId = `fc-story-${story.id}-heading`;
  return h('article', { class: `fc-story${current ? ' fc-story--current' : ''}`, 'aria-labelledby': headingId,
    'data-story-id': story.id, testid: current ? 'current-story' : 'shared-story' },
  h(current ? 'h3' : 'h4', { id: headingId, class: 'fc-story__title', text: story.title, tabindex: '-1' }),
  h('p', { class: 'meta', testid: 'story-credit' },
    story.credit ? `Told by ${story.credit}` : 'Anonymous',
    story.faculty ? [' ', h('span', { class: 'badge badge--faculty', text: 'Faculty' })] : null,
    story.topic ? ` · ${story.topic}` : null,
    story.inCatalogue ? ' · from the story catalogue' : null),
  current ? h('p', { class: 'fc-time', role: 'timer', 'aria-live': 'off', 'data-ends-at': story.endsAt ?? '',
    'data-time-up': String(story.timeUp), testid: 'story-time' }) : null,
  story.changeIdea ? h('p', {}, h('strong', { text: 'Change idea: ' }), story.changeIdea) : null,
  h('dl', { class: 'fc-parts' }, PARTS.filter(([name]) => story[name]).map(([name, label]) => [
    h('dt', { text: label }), h('dd', { class: 'story-text', text: story[name] })])),
  story.tags?.length ? h('p', { class: 'meta', text: `Tags: ${story.tags.join(', ')}` }) : null,
  reactionsPart(story, send),
  notesPart(story, send, noteForm, current ? 'h4' : 'h5'));
}

function reactionsPart(story, send) {
  return h('div', { class: 'reactions', role: 'group', 'aria-label': `Reactions to ${story.title}` },
    REACTIONS.map(([kind, label]) => {
      const mine = story.myReactions.includes(kind);
      return button([label, ` (${story.reactions[kind] ?? 0})`, hidden(mine ? ', you reacted' : '')],
        () => send('react', { storyId: story.id, kind }).catch(() => {}),
        { class: `button button--secondary${mine ? ' reaction--mine' : ''}`, 'aria-pressed': String(mine),
          key: `react-${story.id}-${kind}`, testid: `react-${kind}` });
    }));
}

function notesPart(story, send, noteForm, headingLevel) {
  const notes = story.notes ?? [];
  return h('section', { class: 'fc-notes', 'aria-label': `What people will take back from ${story.title}` },
    h(headingLevel, { class: 'fc-notes__heading', text: `What people will take back (${notes.length})` }),
    notes.length ? h('ul', { class: 'notes', testid: 'take-back-notes' }, notes.map((note) => h('li', {},
      h('span', { class: 'story-text', text: note.text }),
      note.mine ? [' ', h('span', { class: 'badge', text: 'yours' }), ' ',
        button(['Delete', hidden(' my note')], () => send('dropNote', { noteId: note.noteId }).catch(() => {}),
          { class: 'button button--secondary fc-small', key: `drop-${note.noteId}`, testid: 'drop-note' })] : null)))
      : h('p', { class: 'empty', text: 'No notes yet.' }),
    noteForm);
}

/** The form for one story's take-back note. */
export function noteForm(storyId, send, say) {
  const text = h('textarea', { rows: '2', maxlength: '1000', key: `note-${storyId}`, testid: 'take-back-text' });
  const form = h('form', { class: 'fc-note-form', novalidate: true },
    field('What I will take back', text, 'Shown to the circle without your name.'),
    h('button', { type: 'submit', class: 'button button--secondary', key: `note-add-${storyId}`, testid: 'take-back-add',
      text: 'Add my note' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const written = text.value.trim();
    if (!written) {
      text.focus();
      return;
    }
    try {
      await send('takeBack', { storyId, text: written });
    } catch {
      return; // The page says why beside the activity; the note stays to be sent again.
    }
    if (text.value.trim() === written) text.value = '';
    say('Your note is added.');
  });
  return form;
}

/** "12:30 left", or that time is up; from the story's end and the server's clock. */
export function timeText(endsAt, timeUp, now) {
  if (timeUp) return 'Time is up for this story.';
  if (!endsAt) return '';
  const seconds = Math.max(0, Math.round((Date.parse(endsAt) - now) / 1000));
  const minutes = Math.floor(seconds / 60);
  return `Time left for this story: ${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
