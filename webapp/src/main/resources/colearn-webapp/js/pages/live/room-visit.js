/**
 * A facilitator's visit to one breakout room: the room's chat, read and written as its members do (each message
 * names the room), until the facilitator stops visiting or the rooms close.
 */
import { h } from '../../dom.js';
import { chatBox } from './chat.js';

export function roomVisit(state, connection, { announce, left }) {
  let roomId = null;
  let shownChat = null;
  const heading = h('h3', { id: 'visit-heading', class: 'rooms__visit-heading', tabindex: '-1' });
  const room = () => state.rooms.room(roomId);
  const chat = chatBox(state, connection, {
    listName: 'Messages in the room you visit',
    formName: 'Send a message to the room you visit',
    label: 'Message to the room',
    button: 'Send to room',
    messages: () => room()?.chat ?? [],
    send: (text) => connection.send('room.chat.send', { text, roomId }),
    announce: (message, from) => announce(`${room()?.name ?? 'Room'} chat from ${from}: ${message.text}`),
  });
  const label = chat.form.querySelector('label');
  const stop = h('button', { type: 'button', class: 'button button--secondary', text: 'Stop visiting', dataset: { focusKey: 'visit-stop' } });
  const element = h('section', { class: 'rooms__visit', 'aria-labelledby': 'visit-heading', hidden: true },
    heading,
    h('p', { class: 'hint', text: 'Only this room\'s members and the facilitators read its chat.' }),
    chat.scroller,
    chat.form,
    h('div', { class: 'actions' }, stop));
  stop.addEventListener('click', () => {
    roomId = null;
    left();
  });

  return {
    element,
    heading,
    get roomId() {
      return roomId;
    },
    /** Visits a room (null: none). */
    show(id) {
      roomId = id;
    },
    render() {
      const visited = room();
      if (!visited) {
        roomId = null;
        shownChat = null;
        element.hidden = true;
        return;
      }
      element.hidden = false;
      heading.textContent = `Visiting ${visited.name}`;
      label.textContent = `Message to ${visited.name}`;
      chat.form.setAttribute('aria-label', `Send a message to ${visited.name}`);
      if (shownChat !== visited.chat) {
        shownChat = visited.chat;
        chat.render();
      }
    },
    /** Shows a new message when it is in the room visited; says whether it was. */
    add(message) {
      if (!roomId || message.roomId !== roomId) return false;
      chat.add(message, !element.contains(document.activeElement));
      return true;
    },
  };
}
