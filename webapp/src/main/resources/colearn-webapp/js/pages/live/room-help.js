/**
 * The help requests that came from breakout rooms, newest first: who asked, from which room, what they need and
 * when; the facilitator goes to that room, and marks the request handled: every facilitator then sees it handled, and
 * its sender is told by whom.
 */
import { h, hidden, replace } from '../../dom.js';
import { clock } from '../../format.js';
import { note, runFor } from './commands.js';
import { person } from './rooms-state.js';

export function helpList(state, connection, { keepFocus, goTo }) {
  const heading = h('h3', { id: 'help-heading', tabindex: '-1' });
  const list = h('div', { class: 'help__slot' });
  const element = h('section', { class: 'help', 'aria-labelledby': 'help-heading', hidden: true }, heading, list);
  const notes = new Map();
  const noteFor = (key) => {
    if (!notes.has(key)) notes.set(key, note());
    return notes.get(key);
  };
  const button = (content, key, variant, onclick) => {
    const control = h('button', { type: 'button', class: `button ${variant}`, dataset: { focusKey: key } }, content);
    control.addEventListener('click', () => onclick(control));
    return control;
  };

  function draw() {
    const requests = [...state.rooms.helpRequests].reverse();
    const waiting = requests.filter((request) => !request.handled).length;
    heading.textContent = `Help requests (${waiting} waiting)`;
    replace(list, requests.length ? h('ol', { class: 'help__list' }, requests.map((request) => {
      const open = state.rooms.room(request.roomId);
      return h('li', { class: `help__request${request.handled ? ' help__request--handled' : ''}` },
        h('p', { class: 'help__who' },
          h('strong', { text: person(request) }),
          ` in ${request.roomName ?? 'a room'}`,
          request.at ? [' at ', h('time', { datetime: request.at, text: clock(request.at) })] : null,
          request.handled ? [' ', h('span', { class: 'badge badge--now', text: request.handledBy ? `Handled by ${request.handledBy}` : 'Handled' })] : null),
        h('p', { class: `help__message${request.message ? '' : ' empty'}`, text: request.message ?? 'No message.' }),
        request.handled ? null : h('div', { class: 'actions' },
          open ? button(['Go to ', request.roomName, hidden(` for ${request.name}`)], `help-go-${request.key}`, 'button--secondary',
            () => goTo(request.roomId)) : null,
          button(['Mark handled', hidden(`: ${request.name}, ${request.roomName}`)], `help-done-${request.key}`, 'button--secondary',
            async (control) => {
              // The server's help.handled marks it, here and in every other facilitator's list.
              if (await runFor(control, noteFor(request.key), () => connection.send('help.handle', { personId: request.personId }), connection)) {
                heading.focus();
              }
            }),
          noteFor(request.key)));
    })) : h('p', { class: 'empty', text: 'No requests for help.' }));
  }

  return {
    element,
    render() {
      element.hidden = !state.rooms.open && !state.rooms.helpRequests.length;
      keepFocus(list, draw, heading);
    },
  };
}
