// What a participant sees of a café: where it stands (round, question, countdown), the volunteer toggle before it
// begins, their table and who sits there, where they go next, a host's briefing, and the table's notes with the
// form that adds one.
import { h, hidden, plural, uid } from '/plugin-kit/dom.js';
import { button, checkbox, field, personText } from './controls.js';
import { countdownText } from './moments.js';

export const MAX_NOTE = 500;

/** The phase, round and question, and the countdown (returned too, so that the component can tick it). */
export function statusPart(view) {
  const timer = h('p', { class: 'cafe-timer', role: 'timer', 'aria-live': 'off' });
  const parts = [];
  if (view.phase === 'gathering') {
    parts.push(h('p', { class: 'cafe-phase', text: 'The café has not begun yet. The facilitator will seat everyone at tables.' }));
  } else if (view.phase === 'round') {
    parts.push(h('p', { class: 'cafe-phase', text: `Round ${view.round} of ${view.rounds}` }));
  } else {
    parts.push(h('p', { class: 'cafe-phase', text: 'The café is over. Every note is on the harvest wall.' }));
  }
  if (view.phase === 'round' && view.question) {
    parts.push(h('p', { class: 'cafe-question' }, hidden('Question: '), view.question));
  }
  if (view.phase === 'round') parts.push(timer);
  return { element: h('div', { class: 'cafe-status' }, parts), timer };
}

/** Draws the countdown as it stands now; called every second. */
export function tickTimer(timer, view, left, warning) {
  if (!timer) return;
  const text = countdownText(view, left);
  if (timer.textContent !== text) timer.textContent = text;
  timer.classList.toggle('cafe-timer--warning', Boolean(warning));
}

export function volunteerPart(view, send) {
  if (view.phase !== 'gathering' || view.hosts !== 'volunteers') return null;
  const { box, element } = checkbox('I volunteer to host a table', { key: 'volunteer', checked: view.volunteered });
  box.addEventListener('change', () => send('volunteer', { host: box.checked }));
  // The words come from the server's view, so they confirm the offer was received, which the box alone cannot.
  return h('div', { class: 'cafe-volunteer' },
    element,
    h('p', { class: 'cafe-hint', text: `${view.volunteered ? 'You have offered to host a table. ' : ''}`
      + 'A host stays at one table for every round and tells newcomers what it found.' }));
}

export function tablePart(view, personId) {
  if (view.phase !== 'round' || (!view.table && view.console)) return null;
  if (!view.table) {
    return h('section', { class: 'cafe-part' }, h('h3', { text: 'Your table' }),
      h('p', { text: 'You have no table in this round yet. The facilitator can seat you.' }));
  }
  const table = view.table;
  const heading = `Your table: table ${table.number}`;
  return h('section', { class: 'cafe-part cafe-table', 'aria-label': heading },
    h('h3', { text: heading }),
    h('p', { class: 'cafe-host-line', text: hostLine(view) }),
    h('ul', { class: 'cafe-people', 'aria-label': `People at table ${table.number}` }, table.members.map((member) => h('li', {},
      personText(member),
      table.hostPerson?.personId === member.personId ? h('span', { class: 'cafe-tag', text: 'host' }) : null,
      member.personId === personId ? h('span', { class: 'cafe-tag cafe-tag--you', text: 'you' }) : null))),
    nextLine(view));
}

/** Who hosts the viewer's table: they do, someone does, or nobody (a café without hosts, or a table just opened). */
function hostLine(view) {
  const table = view.table;
  if (table.host) return 'You host this table: you stay here for every round.';
  if (table.hostPerson) return `Host: ${table.hostPerson.name}`;
  return view.hosts === 'none' ? 'No host: everyone moves to another table every round.'
    : 'No host at this table: nobody was free to host it, so the facilitator briefs it.';
}

function nextLine(view) {
  if (view.next) {
    return h('p', { class: 'cafe-next' }, h('strong', { text: `Next, in round ${view.next.round}: ` }),
      view.next.stay ? 'you stay: you host this table.'
        : view.next.host ? `you go to table ${view.next.table}, a new table, and host it from then on.`
          : `you go to table ${view.next.table}.`);
  }
  return view.round >= view.rounds ? h('p', { class: 'cafe-next', text: 'This is the last round.' }) : null;
}

export function briefingPart(view, send) {
  if (view.phase !== 'round' || !view.table?.host) return null;
  return h('section', { class: 'cafe-part cafe-briefing', 'aria-label': 'Your briefing as host' },
    h('h3', { text: 'Your briefing as host' }),
    view.briefing.length
      ? [h('p', { class: 'cafe-hint', text: 'What this table noted in earlier rounds: tell the newcomers.' }),
        noteList(view.briefing, send, { where: 'briefing', showRound: true, agreed: view.agreed })]
      : h('p', { text: view.round === 1 ? 'This is the first round: nothing has been noted at this table yet.'
        : 'Nothing was noted at this table in earlier rounds.' }));
}

export function notesPart(view, send, form) {
  if (view.phase !== 'round' || !view.table) return null;
  const notes = view.table.notes;
  return h('section', { class: 'cafe-part cafe-notes', 'aria-label': `Notes of table ${view.table.number}` },
    h('h3', { text: `Notes of table ${view.table.number} this round` }),
    notes.length ? noteList(notes, send, { where: 'table', agreed: view.agreed }) : h('p', { text: 'No notes yet. Add what your table finds.' }),
    form);
}

/**
 * The form that adds a note: made once, so that what someone is typing survives every new view. A participant's
 * note goes to their own table; a facilitator's (`visiting`) to the table they choose, as the server asks them to
 * name it.
 */
export function noteForm(send, { visiting = false } = {}) {
  const prefix = visiting ? 'visit-note' : 'note';
  const table = visiting ? h('select', { key: `${prefix}-table` }) : null;
  const kind = h('select', { key: `${prefix}-kind` });
  const text = h('textarea', { key: `${prefix}-text`, id: uid('cafe-note'), rows: '3', maxlength: String(MAX_NOTE) });
  const counter = h('span', { class: 'cafe-hint', id: uid('cafe-counter'), 'aria-live': 'off' });
  const problem = h('p', { class: 'cafe-problem', id: uid('cafe-problem'), hidden: true });
  const count = () => {
    counter.textContent = `${text.value.length} of ${MAX_NOTE} characters`;
  };
  text.addEventListener('input', count);
  count();
  const form = h('form', { class: 'cafe-note-form', novalidate: true, 'aria-label': visiting ? 'Add a note for a table' : 'Add a note' },
    table ? field('Table visited', table) : null,
    field('Kind of note', kind),
    h('div', { class: 'cafe-field' }, h('label', { for: text.id, text: visiting ? 'Note from the table' : 'Your note' }), text, counter),
    problem,
    h('button', { type: 'submit', class: 'cafe-button', key: `${prefix}-add`, text: visiting ? 'Add note for the table' : 'Add note' }));
  text.setAttribute('aria-describedby', `${counter.id} ${problem.id}`);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const written = text.value.trim();
    problem.hidden = Boolean(written);
    problem.textContent = written ? '' : 'Write the note first.';
    if (!written) {
      text.focus();
      return;
    }
    try {
      await send('note', { kind: kind.value, text: written, ...(table ? { table: Number(table.value) } : {}) });
      if (text.value.trim() === written) text.value = '';
      count();
    } catch {
      // The page shows the refusal beside the activity; the note stays here to be sent again.
    }
  });
  return {
    element: form,
    /** Keeps the kinds (a facilitator may add one) and the tables in step with the café's, keeping what was chosen. */
    update(view) {
      keepOptions(kind, (view.kinds ?? []).map((value) => [value, value]));
      if (table) keepOptions(table, (view.console?.tables ?? []).map((seat) => [String(seat.number), `Table ${seat.number}`]));
    },
  };
}

function keepOptions(control, options) {
  const chosen = control.value;
  if ([...control.options].map((option) => option.value).join('\n') === options.map(([value]) => value).join('\n')) return;
  control.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
  if (options.some(([value]) => value === chosen)) control.value = chosen;
}

/**
 * Notes with who wrote them, their group, and an agree button that shows the count and whether you agreed (`agreed`:
 * the ids of the notes you agreed with, from your own part of the view).
 */
export function noteList(notes, send, { where, showRound = false, select: selectFor = null, agreed: mine = [] }) {
  return h('ul', { class: 'cafe-note-list' }, notes.map((note) => {
    const textId = uid('cafe-note-text');
    const agreed = mine.includes(note.id);
    const agree = button(agreed ? `Agreed (${note.agreements})` : `Agree (${note.agreements})`,
      () => send('agree', { noteId: note.id, agree: !agreed }),
      { key: `${where}-agree-${note.id}`, 'aria-pressed': String(agreed), 'aria-describedby': textId, class: 'cafe-button cafe-button--small' });
    return h('li', { class: 'cafe-note' },
      selectFor ? selectFor(note, textId) : null,
      h('p', { class: 'cafe-note__text', id: textId, text: note.text }),
      h('p', { class: 'cafe-note__meta' },
        [note.kind, note.by, `table ${note.table}`, showRound ? `round ${note.round}` : null,
          note.agreements ? plural(note.agreements, 'person agrees', 'people agree') : null]
          .filter(Boolean).join(' · '),
        note.group ? h('span', { class: 'cafe-tag cafe-tag--group', text: `Group: ${note.group}` }) : null),
      agree);
  }));
}
