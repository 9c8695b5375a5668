/**
 * The collaborative's learning sessions, each linking to its live page and to its calendar file; for facilitators also the form that plans
 * one, its agenda built item by item, with the settings of each item whose activity is a plugin (a poll's question).
 */
import * as api from '../../api.js';
import { ApiError } from '../../api.js';
import { calendarLink } from '../../calendar.js';
import { h, hidden, replace } from '../../dom.js';
import { ACTIVITY_TYPES, dateTime, label, minutes, options, plural } from '../../format.js';
import { button, clearErrors, field, folded, form, markInvalid, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';
import { configFieldset, defaultConfig } from './activity-config.js';
import { timingWarning } from './item-timing.js';

const COLUMNS = [
  { label: 'Session', cell: (s) => h('a', { href: `#/sessions/${s.id}`, text: s.title }) },
  { label: 'Starts', cell: (s) => dateTime(s.startsAt) },
  { label: 'Length', cell: (s) => minutes(s.durationMinutes) },
  { label: 'Agenda', cell: (s) => agendaSummary(s.agenda) },
  { label: 'Calendar', cell: (s) => calendarLink(s.id, s.title) },
];

function agendaSummary(agenda) {
  if (!agenda.length) return 'No items yet';
  const total = agenda.reduce((sum, item) => sum + item.plannedMinutes, 0);
  return `${plural(agenda.length, 'item', 'items')}, ${minutes(total)}`;
}

export function sessionsSection(state, initial) {
  let sessions = initial;
  const tableSlot = h('div', { class: 'table-slot' });
  const render = () => replace(tableSlot,
    dataTable('Learning sessions of this collaborative', COLUMNS, sessions, {
      empty: state.facilitator ? 'No learning sessions yet. Plan the first one below.' : 'No learning sessions yet.',
    }),
  );
  render();
  const refresh = async () => {
    sessions = await api.get(`${state.base}/sessions`);
    render();
  };
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'sessions-heading' },
    h('h2', { id: 'sessions-heading', text: 'Learning sessions' }),
    tableSlot,
    state.facilitator ? planForm(state, refresh) : null,
  );
}

function planForm(state, refresh) {
  let items = [];
  // The installed activity types (plugins) by id; their names join the built-in ones.
  const types = new Map((state.activityTypes ?? []).map((type) => [type.id, type]));
  const activityNames = { ...ACTIVITY_TYPES, ...Object.fromEntries([...types.values()].map((type) => [type.id, type.displayName])) };
  const configurable = (item) => (item.config ? types.get(item.activityType) : null);
  const draft = h('div', { class: 'agenda-draft' });
  const total = h('p', { class: 'hint agenda-total' });
  const itemTitle = field('itemTitle', 'Item title', { hint: 'For example: Welcome and aims' });
  const itemActivity = field('itemActivity', 'Activity', {
    choices: options(activityNames), value: 'plenary', hint: 'Activities with settings, such as a poll, are set up once added.',
  });
  const itemMinutes = field('itemMinutes', 'Planned minutes', { type: 'number', min: 1, max: 480, inputmode: 'numeric', hint: 'From 1 to 480.' });
  const input = (wrapper) => wrapper.querySelector('input, select');
  const addButton = button('Add item to agenda', { type: 'button', variant: 'button--secondary', onclick: () => addItem() });
  const duration = field('durationMinutes', 'Length in minutes', {
    type: 'number', required: true, min: 5, max: 1440, inputmode: 'numeric', hint: 'From 5 to 1,440 minutes.',
  });

  const planningForm = form(
    'Plan a learning session',
    h('div', { class: 'grid' },
      field('title', 'Session title', { required: true, wide: true, hint: 'For example: Learning session 2: spreading what works' }),
      field('startsAt', 'Date', { type: 'date', required: true }),
      field('startTime', 'Start time', { type: 'time', required: true, hint: 'In your own time zone.' }),
      duration),
    h('fieldset', { class: 'agenda-builder' },
      h('legend', { text: 'Agenda' }),
      h('p', { class: 'hint', text: 'Add the items in the order they will run. You can change the agenda later on the session\'s page, also while it runs.' }),
      draft,
      total,
      h('div', { class: 'grid' }, itemTitle, itemActivity, itemMinutes),
      h('div', { class: 'actions' }, addButton)),
    h('div', { class: 'actions' }, button('Plan session')),
  );

  function renderDraft(focusIndex = null) {
    replace(draft, items.length
      ? h('ol', { class: 'agenda-draft__list', 'aria-label': 'Agenda so far' }, items.map((item, index) => h(
        'li',
        { class: 'agenda-draft__item' },
        h('span', { class: 'agenda-draft__title', text: item.title }),
        h('span', { class: 'meta', text: ` ${label(activityNames, item.activityType)}, ${minutes(item.plannedMinutes)}` }),
        h('button', { type: 'button', class: 'link-button agenda-draft__remove', onclick: () => removeItem(index) },
          'Remove', hidden(` ${item.title}`)),
        configurable(item) ? configFieldset(configurable(item), index, item) : null,
        h('p', { class: 'notice notice--warn agenda-draft__timing', 'aria-live': 'polite', dataset: { index: String(index) }, hidden: true }),
      )))
      : h('p', { class: 'empty', text: 'No agenda items yet.' }));
    checkTimings();
    const planned = items.reduce((sum, item) => sum + item.plannedMinutes, 0);
    const length = Number(input(duration).value);
    total.textContent = items.length
      ? `${plural(items.length, 'item', 'items')}: ${minutes(planned)} planned${length > 0 ? ` of ${minutes(length)}` : ''}.`
      : '';
    if (focusIndex !== null) {
      const removes = draft.querySelectorAll('.agenda-draft__remove');
      (removes[Math.min(focusIndex, removes.length - 1)] ?? input(itemTitle)).focus();
    }
  }

  /** Says beside each item whose activity's own times do not fit it; its settings change as the facilitator types. */
  function checkTimings() {
    draft.querySelectorAll('.agenda-draft__timing').forEach((warning) => {
      const text = timingWarning(items[Number(warning.dataset.index)]) ?? '';
      if (warning.textContent !== text) warning.textContent = text;
      warning.hidden = !text;
    });
  }
  draft.addEventListener('input', () => checkTimings());

  function addItem() {
    clearErrors(planningForm);
    const title = input(itemTitle).value.trim();
    const planned = Number(input(itemMinutes).value);
    let firstBad = null;
    if (!title) {
      markInvalid(input(itemTitle), 'Item title must be filled in');
      firstBad = input(itemTitle);
    }
    if (!Number.isInteger(planned) || planned < 1 || planned > 480) {
      markInvalid(input(itemMinutes), 'Planned minutes must be a whole number from 1 to 480');
      firstBad = firstBad ?? input(itemMinutes);
    }
    if (firstBad) {
      firstBad.focus();
      return;
    }
    const activityType = input(itemActivity).value;
    const item = { title, activityType, plannedMinutes: planned };
    if (types.get(activityType)?.configFields?.length) item.config = defaultConfig(types.get(activityType));
    items = [...items, item];
    renderDraft();
    input(itemTitle).value = '';
    input(itemMinutes).value = '';
    // An item with settings takes the focus to them; otherwise on to the next item.
    const settings = configurable(item) ? draft.querySelectorAll('.activity-config') : [];
    (settings.length ? settings[settings.length - 1].querySelector('input, textarea, select') : input(itemTitle)).focus();
    status.announce(`Added to the agenda: ${item.title}, ${label(activityNames, item.activityType)}, ${minutes(planned)}. `
      + `The agenda has ${plural(items.length, 'item', 'items')}.${settings.length ? ' Its settings follow it in the agenda.' : ''}`);
  }

  function removeItem(index) {
    const [removed] = items.splice(index, 1);
    items = [...items];
    renderDraft(index);
    status.announce(`Removed from the agenda: ${removed.title}.`);
  }

  // Enter in an agenda item's fields adds the item; it must not plan the whole session by accident.
  [itemTitle, itemMinutes].forEach((wrapper) => input(wrapper).addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      addItem();
    }
  }));
  input(duration).addEventListener('input', () => renderDraft());

  onSubmit(planningForm, async (values) => {
    const length = values.durationMinutes === null ? null : Number(values.durationMinutes);
    const startsAt = values.startsAt && values.startTime ? new Date(`${values.startsAt}T${values.startTime}`) : null;
    let created;
    try {
      created = await api.post(`${state.base}/sessions`, {
        title: values.title,
        startsAt: startsAt && !Number.isNaN(startsAt.getTime()) ? startsAt.toISOString() : null,
        durationMinutes: Number.isFinite(length) ? length : values.durationMinutes,
        agenda: items,
      });
    } catch (error) {
      if (error instanceof ApiError) inWordsOfTheForm(error.problem, values, planningForm);
      throw error;
    }
    planningForm.reset();
    items = [];
    renderDraft();
    await refresh();
    status.announce(`Learning session planned: ${created.title}. Open it from the list of learning sessions.`);
  });
  renderDraft();
  return folded('Plan a learning session', planningForm);
}

const ITEM_FIELDS = { title: 'title', activityType: 'activity', plannedMinutes: 'planned minutes' };

/**
 * The server names the start `startsAt` and agenda fields `agenda[0].title`; point the first at the field that is
 * missing (date or time), an item's settings (`agenda[0].config.options[2]`) at their control, and name the others
 * as the agenda list shows them.
 */
function inWordsOfTheForm(problem, values, planningForm) {
  problem.errors = (problem.errors ?? []).map((error) => {
    if (error.field === 'startsAt' && values.startsAt && !values.startTime) return { ...error, field: 'startTime' };
    const setting = /^agenda\[(\d+)\]\.config\b/.exec(error.field ?? '');
    if (setting) {
      let name = error.field;
      while (name.length > setting[0].length && !planningForm.querySelector(`[name="${CSS.escape(name)}"]`)) {
        const shorter = name.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
        if (shorter === name) break;
        name = shorter;
      }
      const found = planningForm.querySelector(`[name="${CSS.escape(name)}"]`);
      return found ? { ...error, field: name } : { ...error, field: `Agenda item ${Number(setting[1]) + 1}: settings` };
    }
    const match = /^agenda\[(\d+)\]\.(\w+)$/.exec(error.field ?? '');
    if (match) return { ...error, field: `Agenda item ${Number(match[1]) + 1}: ${ITEM_FIELDS[match[2]] ?? match[2]}` };
    return error;
  });
}
