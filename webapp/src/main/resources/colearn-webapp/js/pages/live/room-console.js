/**
 * The facilitator's breakout rooms: open a number of rooms, see who is in each and who stays in the plenary, move a
 * person, visit a room (read its chat and write in it, and be seen and heard in its call), answer help requests, and close every room (after a second
 * press, so that a slip does not end everyone's conversations).
 */
import { h, hidden, replace, uid } from '../../dom.js';
import { plural } from '../../format.js';
import * as status from '../../status.js';
import { note, runFor, say } from './commands.js';
import { helpList } from './room-help.js';
import { roomVisit } from './room-visit.js';

const PLENARY = '';
const MAX_ROOMS = 200;

export function roomConsole(state, connection, { keepFocus, announce }) {
  const heading = h('h2', { id: 'rooms-heading', text: 'Breakout rooms', tabindex: '-1' });
  const body = h('div', { class: 'rooms__body' });
  const notes = new Map();
  const noteFor = (key) => {
    if (!notes.has(key)) notes.set(key, note());
    return notes.get(key);
  };
  /** What the facilitator chose in each person's "Move to" list, kept while the lists are drawn again. */
  const chosen = new Map();
  const unread = new Map();
  let confirming = false;

  // The server puts a visiting facilitator in the room's call and tells the room's members who came.
  const visitCall = (roomId) => connection.send('room.visit', { roomId })
    .catch((error) => status.announce(`Your voice and video did not follow: ${error.message}`, 'error'));
  const visit = roomVisit(state, connection, {
    announce,
    left: () => {
      visitCall(null);
      render();
    },
  });
  const goTo = (roomId) => {
    unread.delete(roomId);
    if (visit.roomId !== roomId) visitCall(roomId);
    visit.show(roomId);
    render();
    visit.heading.focus();
  };
  const help = helpList(state, connection, { keepFocus, goTo });

  const openForm = countForm(state, connection, noteFor('open'));
  const button = (content, key, variant, onclick) => {
    const element = h('button', { type: 'button', class: `button ${variant}`.trim(), dataset: { focusKey: key } }, content);
    element.addEventListener('click', () => onclick(element));
    return element;
  };
  const refocus = (key) => body.querySelector(`[data-focus-key="${key}"]`)?.focus();

  const move = (personId, control) => {
    const roomId = chosen.get(personId) ?? PLENARY;
    return runFor(control, noteFor(personId), () => connection.send('room.move', { personId, roomId: roomId || null }), connection)
      .then((moved) => {
        if (moved) chosen.delete(personId);
      });
  };

  /** One person's row: name and site, a "Move to" list of the other places, and the button that moves them. */
  function personRow(person, here) {
    const places = [
      ...state.rooms.list.filter((room) => room.id !== here).map((room) => ({ value: room.id, text: room.name })),
      ...(here ? [{ value: PLENARY, text: 'The plenary' }] : []),
    ];
    if (!places.some((place) => place.value === chosen.get(person.personId))) chosen.set(person.personId, places[0]?.value ?? PLENARY);
    const selectId = uid('move');
    const personNote = noteFor(person.personId);
    const select = h('select', { id: selectId, dataset: { focusKey: `move-to-${person.personId}` }, value: chosen.get(person.personId) },
      places.map((place) => h('option', { value: place.value, text: place.text })));
    select.addEventListener('change', () => chosen.set(person.personId, select.value));
    const go = button(['Move', hidden(` ${person.name}`)], `move-${person.personId}`, 'button--secondary', (control) => move(person.personId, control));
    go.setAttribute('aria-describedby', personNote.id);
    return h('li', { class: 'rooms__person' },
      h('span', { class: 'rooms__who' }, h('span', { class: 'room__person', text: person.name }), person.site ? h('span', { class: 'meta', text: `, ${person.site}` }) : null),
      places.length ? h('span', { class: 'rooms__move' },
        h('label', { for: selectId }, 'Move', hidden(` ${person.name}`), ' to'),
        select,
        go) : null,
      personNote);
  }

  function roomCard(room) {
    const waiting = unread.get(room.id);
    const visiting = visit.roomId === room.id;
    return h('li', { class: `rooms__room${visiting ? ' rooms__room--visiting' : ''}` },
      h('div', { class: 'rooms__room-head' },
        h('h3', { class: 'rooms__room-name', text: room.name }),
        h('span', { class: 'meta', text: plural(room.members.length, 'person', 'people') }),
        waiting ? h('span', { class: 'badge badge--now', text: plural(waiting, 'new message', 'new messages') }) : null,
        visiting
          ? h('span', { class: 'badge', text: 'Visiting' })
          : button(['Visit', hidden(` ${room.name}`)], `visit-${room.id}`, 'button--secondary', () => goTo(room.id))),
      room.members.length
        ? h('ul', { class: 'rooms__people' }, room.members.map((member) => personRow(member, room.id)))
        : h('p', { class: 'empty', text: 'Nobody is in this room.' }));
  }

  function plenaryPeople() {
    const people = [];
    state.presence?.forEach((person, personId) => {
      if (person.role !== 'facilitator' && !state.rooms.roomOf(personId)) people.push({ personId, name: person.name, site: person.site });
    });
    return people.sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'en-GB'));
  }

  const closeNote = noteFor('close');
  const close = async (control) => {
    const closed = await runFor(control, closeNote, () => connection.send('rooms.close'), connection);
    confirming = false;
    render();
    if (!closed) refocus('close');
  };
  const closeControls = () => (confirming
    ? [h('p', { class: 'controls__confirm', text: 'Close every room and bring everyone back to the plenary? The room chats end with the rooms.' }),
      h('div', { class: 'actions' },
        button('Yes, close all rooms', 'close-confirm', 'button--danger', close),
        button('Keep them open', 'close-cancel', 'button--secondary', () => {
          confirming = false;
          render();
          refocus('close');
        })), closeNote]
    : [h('div', { class: 'actions' }, button('Close all rooms', 'close', 'button--danger', () => {
      confirming = true;
      render();
      refocus('close-confirm');
    })), closeNote]);

  function drawBody() {
    if (!state.rooms.open) {
      confirming = false;
      unread.clear();
      openForm.render();
      // Put back only when it is not there: taking the form out, even for a moment, would take the focus from it.
      if (body.firstElementChild !== openForm.element || body.children.length !== 1) replace(body, openForm.element);
      return;
    }
    const plenary = plenaryPeople();
    replace(body,
      h('ul', { class: 'rooms__list' }, state.rooms.list.map(roomCard)),
      h('div', { class: 'rooms__plenary' },
        h('h3', { text: `In the plenary (${plenary.length})` }),
        plenary.length
          ? h('ul', { class: 'rooms__people' }, plenary.map((person) => personRow(person, null)))
          : h('p', { class: 'empty', text: 'Every participant here is in a room.' })),
      closeControls());
  }

  const section = h('section', { class: 'card rooms-console', 'aria-labelledby': 'rooms-heading', hidden: true },
    heading, body, visit.element, help.element);

  function render() {
    section.hidden = state.session.status !== 'live' && !state.rooms.open;
    if (!state.rooms.open) visit.show(null);
    keepFocus(body, drawBody, heading);
    visit.render();
    help.render();
  }

  return {
    element: section,
    render,
    add(message) {
      if (visit.add(message)) return;
      unread.set(message.roomId, (unread.get(message.roomId) ?? 0) + 1);
      keepFocus(body, drawBody, heading);
    },
  };
}

/** "Number of rooms" and "Open rooms": the participants here now are dealt out site by site. */
function countForm(state, connection, openNote) {
  const inputId = uid('room-count');
  const hintId = `${inputId}-hint`;
  const input = h('input', {
    id: inputId, type: 'number', name: 'count', min: '1', max: String(MAX_ROOMS), step: '1', inputmode: 'numeric', value: '2',
    'aria-describedby': `${hintId} ${openNote.id}`,
  });
  const hint = h('p', { class: 'hint', id: hintId });
  const submit = h('button', { type: 'submit', class: 'button', text: 'Open rooms' });
  const form = h('form', { class: 'rooms__open', novalidate: true, 'aria-label': 'Open breakout rooms' },
    h('label', { for: inputId, text: 'Number of rooms' }),
    hint,
    h('div', { class: 'chat__row rooms__count' }, input, submit),
    openNote);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const count = Number(input.value);
    if (!Number.isInteger(count) || count < 1 || count > MAX_ROOMS) {
      const problem = `Choose a whole number of rooms from 1 to ${MAX_ROOMS}.`;
      say(openNote, problem);
      status.announce(problem, 'error');
      input.focus();
      return;
    }
    await runFor(submit, openNote, () => connection.send('rooms.open', { count }), connection);
  });
  return {
    element: form,
    render() {
      let participants = 0;
      state.presence?.forEach((person) => {
        if (person.role !== 'facilitator') participants += 1;
      });
      hint.textContent = `${plural(participants, 'participant is', 'participants are')} here now. `
        + 'They are dealt out site by site, so that each room mixes sites; people who join later stay in the plenary until you move them.';
    },
  };
}
