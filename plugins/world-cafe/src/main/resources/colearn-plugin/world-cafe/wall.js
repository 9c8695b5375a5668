// The harvest wall: every round with its question, the notes by kind, their agreements and groups. Participants see
// it when the café is over; facilitators from the first note, and they select notes on it and group them under a label.
import { h } from '/plugin-kit/dom.js';
import { field } from './controls.js';
import { noteList } from './participant.js';

export function wallPart(view, send, facilitator) {
  const rounds = view.wall ?? [];
  if (!rounds.length && view.phase !== 'done') {
    return view.phase === 'round' && !facilitator
      ? h('p', { class: 'cafe-hint', text: 'Every table\'s notes go on the harvest wall, which everyone sees when the café ends.' })
      : null;
  }
  const grouping = facilitator && rounds.length ? groupForm(send) : null;
  const pick = grouping
    ? (note, textId) => h('input', { type: 'checkbox', class: 'cafe-pick', key: `pick-${note.id}`, value: note.id,
      'aria-label': `Select for a group: ${shortened(note.text)}`, 'aria-describedby': textId })
    : null;
  return h('section', { class: 'cafe-part cafe-wall', 'aria-label': 'Harvest wall' },
    h('h3', { text: 'Harvest wall' }),
    rounds.length ? null : h('p', { text: 'No notes were added in this café.' }),
    rounds.map((round) => h('section', { class: 'cafe-wall__round', 'aria-label': `Round ${round.round}` },
      h('h4', { text: `Round ${round.round}: ${round.question}` }),
      round.kinds.map((kind) => h('div', { class: 'cafe-wall__kind' },
        h('h5', { text: capitalised(kind.kind) }),
        noteList(kind.notes, send, { where: 'wall', select: pick, agreed: view.agreed }))))),
    grouping);
}

function groupForm(send) {
  const label = h('input', { type: 'text', key: 'group-label', maxlength: '80', autocomplete: 'off' });
  const problem = h('p', { class: 'cafe-problem', hidden: true });
  const form = h('form', { class: 'cafe-inline-form', novalidate: true, 'aria-label': 'Group the selected notes' },
    field('Group label', label, 'Select notes on the wall, then name what they share.'),
    h('button', { type: 'submit', class: 'cafe-button', key: 'group-add', text: 'Group selected notes' }),
    problem);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const wall = form.closest('.cafe-wall');
    const noteIds = [...wall.querySelectorAll('.cafe-pick:checked')].map((box) => box.value);
    const words = !noteIds.length ? 'Select the notes to group first.' : !label.value.trim() ? 'Name the group first.' : '';
    problem.textContent = words;
    problem.hidden = !words;
    if (words) return;
    const body = { noteIds, label: label.value.trim() };
    // Cleared before the answer: a new view may redraw the wall before it comes, and would keep the old selection.
    wall.querySelectorAll('.cafe-pick:checked').forEach((box) => { box.checked = false; });
    label.value = '';
    send('cluster', body).catch(() => {}); // the page says why it was refused
  });
  return form;
}

function capitalised(text) {
  return text ? text.charAt(0).toUpperCase() + text.slice(1) : '';
}

/** A note's first words, to name the control that acts on it. */
function shortened(text) {
  return text.length <= 60 ? text : `${text.slice(0, 59).trimEnd()}…`;
}
