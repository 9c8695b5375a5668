/**
 * Changing the agenda of a session before or while it runs (facilitators): add, remove, reorder and retime items, then
 * save the whole agenda at once. The server checks it and sends it to everyone (`agenda.changed`); the running item
 * keeps running wherever it moved, so it cannot be removed here: end it first.
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { h, hidden, replace, uid } from '../../dom.js';
import { ACTIVITY_TYPES, label, minutes, options, plural } from '../../format.js';
import * as status from '../../status.js';
import { note, say } from './commands.js';

const ITEM_FIELDS = { title: 'title', activityType: 'activity', plannedMinutes: 'minutes', config: 'settings' };

export function agendaEditor(state, sessionId, { onClose }) {
  const element = h('div', { class: 'agenda-editor' });
  const saveNote = note();
  let items = [];
  let types = new Map();
  let names = ACTIVITY_TYPES;
  let fresh = 0;

  const rowsSlot = h('div');
  const newTitleId = uid('new-item-title');
  const newTitle = h('input', { id: newTitleId, type: 'text', maxlength: '200', autocomplete: 'off' });
  const newActivityId = uid('new-item-activity');
  const newActivity = h('select', { id: newActivityId });
  const newMinutesId = uid('new-item-minutes');
  const newMinutes = h('input', { id: newMinutesId, type: 'number', min: '1', max: '480', inputmode: 'numeric' });
  const addNote = note();
  const addButton = h('button', { type: 'button', class: 'button button--secondary', text: 'Add item', 'aria-describedby': addNote.id });
  const saveButton = h('button', { type: 'submit', class: 'button', text: 'Save agenda', 'aria-describedby': saveNote.id });
  const cancelButton = h('button', { type: 'button', class: 'button button--secondary', text: 'Cancel' });
  const editor = h('form', { class: 'agenda-editor__form', novalidate: true, 'aria-label': 'Change the agenda' },
    rowsSlot,
    h('fieldset', { class: 'agenda-editor__add' },
      h('legend', { text: 'Add an item' }),
      h('div', { class: 'grid' },
        h('div', { class: 'field' }, h('label', { for: newTitleId, text: 'Title of the new item' }), newTitle),
        h('div', { class: 'field' }, h('label', { for: newActivityId, text: 'Activity of the new item' }), newActivity),
        h('div', { class: 'field' }, h('label', { for: newMinutesId, text: 'Minutes of the new item' }), newMinutes)),
      h('div', { class: 'actions' }, addButton),
      addNote),
    h('p', { class: 'hint', text: 'Changes reach everyone when you save. The running item keeps running; end it before removing it.' }),
    h('div', { class: 'actions' }, saveButton, cancelButton),
    saveNote);

  const runningId = () => (state.session.status === 'live' ? state.currentItem()?.id ?? null : null);
  const keyOf = (item) => item.id ?? item.key;

  function renderRows(focusKey = null) {
    const running = runningId();
    replace(rowsSlot, h('ol', { class: 'agenda agenda-editor__list', 'aria-label': 'Agenda items' }, items.map((item, index) => {
      const key = keyOf(item);
      const minutesId = uid('item-minutes');
      const minutesInput = h('input', {
        id: minutesId, type: 'number', min: '1', max: '480', inputmode: 'numeric', value: String(item.plannedMinutes),
        class: 'agenda-editor__minutes', dataset: { focusKey: `minutes-${key}` },
      });
      minutesInput.addEventListener('input', () => {
        item.plannedMinutes = minutesInput.value === '' ? null : Number(minutesInput.value);
      });
      const move = (text, by) => {
        const target = index + by;
        if (target < 0 || target >= items.length) return null;
        const button = h('button', { type: 'button', class: 'button button--secondary', dataset: { focusKey: `${text}-${key}` } },
          text, hidden(` ${item.title}`));
        button.addEventListener('click', () => {
          [items[index], items[target]] = [items[target], items[index]];
          const focus = target === 0 || target === items.length - 1 ? `${by < 0 ? 'Move down' : 'Move up'}-${key}` : `${text}-${key}`;
          renderRows(focus);
          status.announce(`${item.title} is now item ${target + 1} of ${items.length}. Save the agenda to make it so.`);
        });
        return button;
      };
      let remove;
      if (key === running) {
        remove = h('span', { class: 'badge badge--now', text: 'Running now' });
      } else {
        remove = h('button', { type: 'button', class: 'button button--secondary', dataset: { focusKey: `remove-${key}` } }, 'Remove', hidden(` ${item.title}`));
        remove.addEventListener('click', () => {
          items.splice(index, 1);
          const after = items[index] ?? items[index - 1];
          renderRows(after ? `remove-${keyOf(after)}` : null);
          if (!after) newTitle.focus();
          status.announce(`Removed ${item.title}. The agenda has ${plural(items.length, 'item', 'items')}. Save the agenda to make it so.`);
        });
      }
      return h('li', { class: 'agenda__item agenda-editor__item', dataset: { index: String(index) } },
        h('div', { class: 'agenda__text' },
          h('span', { class: 'agenda__title', text: `${index + 1}. ${item.title}` }),
          h('span', { class: 'meta agenda__meta', text: label(names, item.activityType) })),
        h('div', { class: 'agenda-editor__controls' },
          h('label', { for: minutesId, class: 'agenda-editor__label' }, 'Minutes', hidden(` for ${item.title}`)),
          minutesInput,
          move('Move up', -1),
          move('Move down', 1),
          remove));
    })));
    const planned = items.reduce((sum, item) => sum + (Number(item.plannedMinutes) || 0), 0);
    rowsSlot.append(h('p', { class: 'hint', text: `${plural(items.length, 'item', 'items')}: ${minutes(planned)} planned.` }));
    if (focusKey) rowsSlot.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  }

  addButton.addEventListener('click', () => {
    const title = newTitle.value.trim();
    const planned = Number(newMinutes.value);
    if (!title) {
      say(addNote, 'Give the new item a title.');
      newTitle.setAttribute('aria-invalid', 'true');
      newTitle.focus();
      return;
    }
    if (!Number.isInteger(planned) || planned < 1 || planned > 480) {
      say(addNote, 'Minutes of the new item must be a whole number from 1 to 480.');
      newMinutes.setAttribute('aria-invalid', 'true');
      newMinutes.focus();
      return;
    }
    const activityType = newActivity.value;
    const type = types.get(activityType);
    items.push({ key: `new-${++fresh}`, title, activityType, plannedMinutes: planned, config: type?.defaultConfig ? structuredClone(type.defaultConfig) : null });
    newTitle.value = '';
    newMinutes.value = '';
    newTitle.removeAttribute('aria-invalid');
    newMinutes.removeAttribute('aria-invalid');
    say(addNote, '');
    renderRows();
    newTitle.focus();
    status.announce(`Added ${title} as item ${items.length}. Save the agenda to make it so.`);
  });

  cancelButton.addEventListener('click', () => onClose(false));

  editor.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (saveButton.getAttribute('aria-disabled') === 'true') return;
    saveButton.setAttribute('aria-disabled', 'true');
    say(saveNote, '');
    rowsSlot.querySelectorAll('[aria-invalid]').forEach((control) => control.removeAttribute('aria-invalid'));
    try {
      await api.put(`sessions/${sessionId}/agenda`, items.map((item) => ({
        id: item.id ?? null, title: item.title, activityType: item.activityType, plannedMinutes: item.plannedMinutes, config: item.config ?? null,
      })));
      status.announce(`The agenda is saved: ${plural(items.length, 'item', 'items')}. Everyone sees it now.`);
      onClose(true);
    } catch (error) {
      const text = inWords(error);
      say(saveNote, text);
      status.announce(text, 'error');
      const bad = /^agenda\[(\d+)\]\.plannedMinutes$/.exec(error?.problem?.errors?.[0]?.field ?? '');
      const control = bad ? rowsSlot.querySelectorAll('.agenda-editor__minutes')[Number(bad[1])] : null;
      if (control) {
        control.setAttribute('aria-invalid', 'true');
        control.focus();
      }
    } finally {
      saveButton.removeAttribute('aria-disabled');
    }
  });

  /** Loads the agenda as planned (with each activity's settings, which the live page does not hold) and shows it. */
  async function open() {
    replace(element, h('p', { class: 'meta', text: 'Loading the agenda…' }));
    const [plan, installed] = await Promise.all([api.get(`sessions/${sessionId}`), api.get('activity-types').catch(() => [])]);
    types = new Map(installed.map((type) => [type.id, type]));
    names = { ...ACTIVITY_TYPES, ...Object.fromEntries(installed.map((type) => [type.id, type.displayName])) };
    replace(newActivity, options(names).map(({ value, text }) => h('option', { value, text })));
    newActivity.value = 'plenary';
    items = plan.agenda.map((item) => ({ id: item.id, title: item.title, activityType: item.activityType, plannedMinutes: item.plannedMinutes, config: item.config ?? null }));
    replace(element, editor);
    renderRows();
    const first = rowsSlot.querySelector('input');
    (first ?? newTitle).focus();
  }

  return { element, open };
}

/** The server's refusal, naming the item by its place in the list as the facilitator sees it. */
function inWords(error) {
  if (!(error instanceof ApiError)) return 'The agenda could not be saved. Check the connection and try again.';
  const errors = error.problem?.errors ?? [];
  if (!errors.length) return error.message;
  return errors.map(({ field, message }) => {
    const match = /^agenda\[(\d+)\]\.(\w+)/.exec(field ?? '');
    return match ? `Item ${Number(match[1]) + 1}, ${ITEM_FIELDS[match[2]] ?? match[2]}: ${message}` : `${field}: ${message}`;
  }).join(' ');
}
