/**
 * Breakout rooms on the live page. For someone in a room: "Your breakout room", with who is in it, the room's own
 * chat and a way to ask a facilitator for help. For facilitators: the rooms console (room-console.js). Moves are
 * told through the page's status line; a panel drawn again never loses the keyboard focus.
 */
import { h, replace, uid } from '../../dom.js';
import { clock } from '../../format.js';
import * as status from '../../status.js';
import { chatBox } from './chat.js';
import { note, runFor, say } from './commands.js';
import { roomConsole } from './room-console.js';

const MAX_HELP = 500;

/**
 * `keepFocus(container, render, fallback)` draws a part again as the page does; `fallbackFocus` takes the focus when
 * the panel that had it goes away; `announce(text)` speaks politely.
 */
export function roomsPart(state, connection, { keepFocus, fallbackFocus, announce }) {
  const panel = roomPanel(state, connection, { fallbackFocus, announce });
  const consoleSlot = h('div', { class: 'rooms-console-slot' });
  let facilitatorConsole = null;

  return {
    panel: panel.element,
    console: consoleSlot,
    render() {
      const news = state.rooms.takeNews();
      if (news) status.announce(news);
      if (state.facilitator && !facilitatorConsole) {
        facilitatorConsole = roomConsole(state, connection, { keepFocus, announce });
        consoleSlot.append(facilitatorConsole.element);
      }
      panel.render();
      facilitatorConsole?.render();
    },
    /** A new message in a room's chat. */
    add(message) {
      panel.add(message);
      facilitatorConsole?.add(message);
    },
  };
}

function roomPanel(state, connection, { fallbackFocus, announce }) {
  const heading = h('h2', { id: 'room-heading', text: 'Your breakout room', tabindex: '-1' });
  const name = h('p', { class: 'room__name' });
  const members = h('ul', { class: 'room__members' });
  const chat = chatBox(state, connection, {
    listName: 'Room chat messages',
    formName: 'Send a message to your room',
    label: 'Message to your room',
    button: 'Send to room',
    messages: () => state.rooms.mine?.chat ?? [],
    send: (text) => connection.send('room.chat.send', { text }),
    announce: (message, from) => announce(`Room chat from ${from}: ${message.text}`),
  });
  const help = helpForm(connection);
  const section = h('section', { class: 'card room', 'aria-labelledby': 'room-heading', hidden: true },
    heading,
    name,
    h('h3', { text: 'In this room' }),
    members,
    h('h3', { class: 'room__chat-heading', text: 'Room chat' }),
    h('p', { class: 'hint', text: 'Only the people in this room and the facilitators read it. The chat for everyone stays beside it.' }),
    chat.scroller,
    chat.form,
    help.element);
  const plenaryNotice = h('p', {
    class: 'notice room-plenary', hidden: true,
    text: 'Breakout rooms are open. You are in the plenary: a facilitator may move you into a room.',
  });
  const element = h('div', { class: 'room-slot' }, plenaryNotice, section);
  let shownChat = null;

  return {
    element,
    render() {
      const room = state.rooms.mine;
      const handled = state.rooms.takeHelpNews();
      plenaryNotice.hidden = Boolean(room) || !state.rooms.open || state.facilitator;
      if (!room) {
        const hadFocus = section.contains(document.activeElement);
        section.hidden = true;
        shownChat = null;
        if (hadFocus) fallbackFocus.focus();
        return;
      }
      section.hidden = false;
      name.textContent = room.name;
      replace(members, room.members.map((member) => h('li', {},
        h('span', { class: 'room__person', text: member.name }),
        member.site ? h('span', { class: 'meta', text: `, ${member.site}` }) : null,
        member.personId === state.you?.personId ? h('span', { class: 'meta', text: ' (you)' }) : null)));
      if (shownChat !== room.chat) {
        // Another room, or a fresh view of this one.
        shownChat = room.chat;
        chat.render();
        help.reset();
      }
      if (handled) help.handled(handled);
    },
    add(message) {
      if (message.roomId === state.rooms.myRoomId) chat.add(message, !section.contains(document.activeElement));
    },
  };
}

/** "Request help", with an optional short message; says when the request went. */
function helpForm(connection) {
  const inputId = uid('help');
  const input = h('input', { id: inputId, type: 'text', name: 'message', autocomplete: 'off', maxlength: String(MAX_HELP) });
  const button = h('button', { type: 'submit', class: 'button button--secondary', text: 'Request help' });
  const helpNote = note();
  input.setAttribute('aria-describedby', helpNote.id);
  const form = h('form', { class: 'room__help', novalidate: true, 'aria-label': 'Ask a facilitator for help' },
    h('h3', { text: 'Need a facilitator?' }),
    h('label', { for: inputId, text: 'What do you need? (optional)' }),
    h('div', { class: 'chat__row' }, input, button),
    helpNote);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = input.value.trim().slice(0, MAX_HELP);
    const sent = await runFor(button, helpNote, () => connection.send('help.request', message ? { message } : {}), connection);
    if (!sent) return;
    if (input.value.trim() === message) input.value = '';
    const words = `Help requested at ${clock(new Date())}. A facilitator will come to your room.`;
    say(helpNote, words, 'ok');
    status.announce(words);
  });
  return {
    element: form,
    reset() {
      input.value = '';
      say(helpNote, '');
    },
    /** Shows who handled the request beside the form (the page has announced it already). */
    handled(words) {
      say(helpNote, words, 'ok');
    },
  };
}
