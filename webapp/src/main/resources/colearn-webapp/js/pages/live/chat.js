/**
 * The plenary chat: messages with the sender's name and site, and the box to send one. New messages are announced
 * (politely) only while the focus is elsewhere; someone reading or writing in the chat is not interrupted. The
 * message list and the box are a `chatBox`, which breakout rooms use for their own chats too.
 */
import { h, replace, uid } from '../../dom.js';
import { clock } from '../../format.js';
import * as status from '../../status.js';
import { note, runFor, say } from './commands.js';

const MAX_TEXT = 2000;
const SHOWN = 200;

export function chatSection(state, connection, announce) {
  const box = chatBox(state, connection, {
    listName: 'Chat messages',
    formName: 'Send a message to everyone',
    label: 'Message to everyone',
    button: 'Send',
    messages: () => state.chat,
    send: (text) => connection.send('chat.send', { text }),
    announce: (message, from) => announce(`Chat from ${from}: ${message.text}`),
  });
  const closed = h('p', { class: 'meta', hidden: true, text: 'The session has ended, and so has its chat.' });
  const section = h('section', { class: 'section live-section chat', 'aria-labelledby': 'chat-heading' },
    h('h2', { id: 'chat-heading', text: 'Chat' }),
    box.scroller,
    box.form,
    closed);

  return {
    element: section,
    render: box.render,
    add: (message) => box.add(message, !section.contains(document.activeElement)),
    /** The box closes when the session has ended. */
    renderForm() {
      const ended = state.session.status === 'ended';
      box.form.hidden = ended;
      closed.hidden = !ended;
    },
  };
}

/**
 * A chat's message list and its box. `messages()` gives the messages to draw, `send(text)` sends one (a promise of
 * the reply), `announce(message, from)` tells of a new message from someone else.
 */
export function chatBox(state, connection, { listName, formName, label, button, messages, send, announce }) {
  const list = h('ol', { class: 'chat__list' });
  const scroller = h('div', { class: 'chat__scroll', tabindex: '0', role: 'region', 'aria-label': listName },
    h('p', { class: 'empty chat__empty', text: 'No messages yet.' }), list);
  const inputId = uid('chat-input');
  const input = h('input', { id: inputId, type: 'text', name: 'text', autocomplete: 'off', maxlength: String(MAX_TEXT) });
  const sendButton = h('button', { type: 'submit', class: 'button', text: button });
  const sendNote = note();
  input.setAttribute('aria-describedby', sendNote.id);
  const form = h('form', { class: 'chat__form', novalidate: true, 'aria-label': formName },
    h('label', { for: inputId, text: label }),
    h('div', { class: 'chat__row' }, input, sendButton),
    sendNote);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    const problem = !text ? 'Write a message first.'
      : text.length > MAX_TEXT ? `A message can have at most 2,000 characters; this one has ${text.length.toLocaleString('en-GB')}.` : null;
    if (problem) {
      say(sendNote, problem);
      status.announce(problem, 'error');
      input.focus();
      return;
    }
    input.value = '';
    const sent = await runFor(sendButton, sendNote, () => send(text), connection);
    // Nothing was lost: a refused message goes back into the box to be sent again.
    if (!sent && !input.value) input.value = text;
  });

  const atBottom = () => scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight < 48;
  const showEmpty = () => {
    scroller.querySelector('.chat__empty').hidden = list.children.length > 0;
  };

  return {
    scroller,
    form,
    /** Draws every message again (after a full view, or when the chat shows another room). */
    render() {
      replace(list, messages().slice(-SHOWN).map((message) => messageItem(state, message)));
      showEmpty();
      scroller.scrollTop = scroller.scrollHeight;
    },
    /** Adds one new message; tells of it (when `tell`) unless the person wrote it. */
    add(message, tell) {
      const follow = atBottom();
      list.append(messageItem(state, message));
      while (list.children.length > SHOWN) list.firstElementChild.remove();
      showEmpty();
      const mine = state.you && message.from?.personId === state.you.personId;
      if (follow || mine) scroller.scrollTop = scroller.scrollHeight;
      if (!mine && tell) announce(message, [message.from?.name, message.from?.site].filter(Boolean).join(', '));
    },
  };
}

function messageItem(state, message) {
  const from = message.from ?? {};
  const mine = state.you && from.personId === state.you.personId;
  const who = [from.name ?? 'Someone', from.site].filter(Boolean).join(', ');
  return h('li', { class: `chat__msg${mine ? ' chat__msg--mine' : ''}${from.role === 'facilitator' ? ' chat__msg--facilitator' : ''}` },
    h('p', { class: 'chat__who' },
      h('span', { class: 'chat__sender' },
        h('span', { class: 'chat__name', text: who }),
        from.role === 'facilitator' ? ' (facilitator)' : null,
        from.guest ? ' (guest)' : null),
      message.at ? [' ', h('time', { class: 'chat__time', datetime: message.at, text: clock(message.at) })] : null),
    h('p', { class: 'chat__text', text: message.text }));
}
