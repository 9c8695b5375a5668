/**
 * The agenda of a live session with the current item marked while the session is live, and the items that have run
 * marked "Done"; for facilitators also a "Go to item" button on each row (on an item that has run, it asks first), and
 * the editor that changes the agenda before and during the session.
 */
import { h, hidden, replace } from '../../dom.js';
import { ACTIVITY_TYPES, label, minutes } from '../../format.js';
import { agendaEditor } from './agenda-editor.js';
import { note, say } from './commands.js';
import { goToItem } from './go-back.js';

export function agendaSection(state, connection, sessionId) {
  const list = h('div', { class: 'agenda-slot' });
  const heading = h('h2', { id: 'agenda-heading', text: 'Agenda', tabindex: '-1' });
  const notes = new Map();
  const noteFor = (index) => {
    if (!notes.has(index)) notes.set(index, note());
    return notes.get(index);
  };
  const askSlot = h('div', { class: 'agenda__ask' });
  const goTo = (index, button) => goToItem(state, connection, {
    slot: askSlot, note: noteFor(index), key: `goto-${index}`, refocus: () => list.querySelector(`[data-focus-key="goto-${index}"]`)?.focus(),
  })(index, button);
  let editing = false;
  const changeButton = h('button', { type: 'button', class: 'button button--secondary', text: 'Change the agenda', dataset: { focusKey: 'change' } });
  const editor = agendaEditor(state, sessionId, {
    onClose: () => {
      editing = false;
      render();
      changeButton.focus();
    },
  });
  changeButton.addEventListener('click', async () => {
    editing = true;
    render();
    try {
      await editor.open();
    } catch (error) {
      editing = false;
      render();
      say(changeNote, 'The agenda could not be loaded. Check the connection and try again.');
      changeButton.focus();
    }
  });
  const changeNote = note();
  changeButton.setAttribute('aria-describedby', changeNote.id);
  const changeSlot = h('div', { class: 'actions' });
  const render = () => {
    const { session } = state;
    const mayChange = state.facilitator && sessionId && (session.status === 'scheduled' || session.status === 'live');
    if (!mayChange) editing = false;
    replace(changeSlot, mayChange && !editing ? [changeButton, changeNote] : []);
    if (editing || !state.facilitator || session.status !== 'live') replace(askSlot);
    editor.element.hidden = !editing;
    list.hidden = editing;
    if (editing) return;
    if (!session.agenda.length) {
      replace(list, h('p', { class: 'empty', text: 'This session has no agenda items.' }));
      return;
    }
    const canGo = state.facilitator && session.status === 'live';
    replace(list, h('ol', { class: 'agenda' }, session.agenda.map((item) => {
      const current = session.status === 'live' && item.index === session.currentItem;
      let goButton = null;
      if (canGo && !current) {
        goButton = h('button', { type: 'button', class: 'button button--secondary agenda__go', dataset: { focusKey: `goto-${item.index}` } },
          'Go to item', hidden(` ${item.index + 1}: ${item.title}`));
        goButton.addEventListener('click', () => goTo(item.index, goButton));
      }
      const itemNote = noteFor(item.index);
      if (goButton) goButton.setAttribute('aria-describedby', itemNote.id);
      else say(itemNote, '');
      return h(
        'li',
        { class: `agenda__item${current ? ' agenda__item--current' : ''}`, 'aria-current': current ? 'step' : null },
        h('div', { class: 'agenda__text' },
          h('span', { class: 'agenda__title', text: item.title }),
          current ? [' ', h('span', { class: 'badge badge--now', text: 'Now' })] : null,
          state.done(item) && session.status === 'live' ? [' ', h('span', { class: 'badge', text: 'Done' })] : null,
          h('span', { class: 'meta agenda__meta', text: `${label(ACTIVITY_TYPES, item.activityType)}, ${minutes(item.plannedMinutes)}` })),
        goButton,
        itemNote,
      );
    })));
  };
  const section = h('section', { class: 'section live-section', 'aria-labelledby': 'agenda-heading' }, heading, list, askSlot, editor.element, changeSlot);
  return { element: section, render, heading };
}
