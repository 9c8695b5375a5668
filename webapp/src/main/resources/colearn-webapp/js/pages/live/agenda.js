/**
 * The agenda of a live session with the current item marked, and the "Now" panel with the current item's countdown;
 * for facilitators also a "Go to item" button on each row and the buttons that pause, resume and extend the timer and
 * end the item early.
 * The countdown ticks silently (aria-live off): only the server's timer warnings are announced.
 */
import { h, hidden, replace } from '../../dom.js';
import { ACTIVITY_TYPES, label, minutes } from '../../format.js';
import { note, runFor, say } from './commands.js';

/** "12:05", "1:02:09": what is left of the current item by the server's clock. */
export function countdownText(session, now) {
  if (session.status !== 'live' || session.currentItem < 0) return '';
  if (session.timeUp) return 'Time is up';
  if (session.itemPausedRemainingSeconds !== null && session.itemPausedRemainingSeconds !== undefined) {
    return `Paused, ${clockOf(session.itemPausedRemainingSeconds)} left`;
  }
  if (!session.itemEndsAt) return '';
  const left = Math.ceil((Date.parse(session.itemEndsAt) - now) / 1000);
  return left > 0 ? `${clockOf(left)} left` : 'Time is up';
}

function clockOf(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  const two = (n) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const mins = Math.floor((s % 3600) / 60);
  return hours ? `${hours}:${two(mins)}:${two(s % 60)}` : `${mins}:${two(s % 60)}`;
}

export function nowPanel(state, connection) {
  const body = h('div', { class: 'now__body' });
  const timerNote = note();
  const timerButton = (text, key, type, payload, variant = 'button--secondary') => {
    const button = h('button', { type: 'button', class: `button ${variant}`, text, dataset: { focusKey: key }, 'aria-describedby': timerNote.id });
    button.addEventListener('click', () => runFor(button, timerNote, () => connection.send(type, payload), connection));
    return button;
  };
  /** For facilitators: pause, resume and extend the current item's timer, or end the item before its time. */
  const timerControls = () => {
    const { session } = state;
    if (!state.facilitator || session.status !== 'live' || session.currentItem < 0) return null;
    const paused = session.itemPausedRemainingSeconds !== null && session.itemPausedRemainingSeconds !== undefined;
    if (!paused && !session.itemEndsAt && !session.timeUp) return null; // a server without timers
    return h('div', { class: 'now__controls' },
      h('div', { class: 'actions' },
        paused
          ? timerButton('Resume timer', 'pause-resume', 'agenda.resume', {})
          : session.timeUp ? null : timerButton('Pause timer', 'pause-resume', 'agenda.pause', {}),
        timerButton('Add 5 minutes', 'extend', 'agenda.extend', { minutes: 5 }),
        timerButton('End this item', 'end-item', 'agenda.end', {})),
      timerNote);
  };
  const countdown = h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off', 'aria-atomic': 'true' });
  const tick = () => {
    const text = countdownText(state.session, state.now());
    if (countdown.textContent !== text) countdown.textContent = text;
    countdown.hidden = !text;
    countdown.dataset.urgent = String(text === 'Time is up' || /^0:/.test(text));
  };
  const render = () => {
    const { session } = state;
    const item = state.currentItem();
    if (session.status === 'live' && item) {
      replace(body,
        h('p', { class: 'now__position', text: `Item ${item.index + 1} of ${session.agenda.length}` }),
        h('p', { class: 'now__title', text: item.title }),
        h('p', { class: 'meta', text: `${label(ACTIVITY_TYPES, item.activityType)}, planned for ${minutes(item.plannedMinutes)}` }),
        countdown,
        timerControls());
    } else {
      replace(body, h('p', { class: 'now__waiting', text: waitingText(state) }));
    }
    tick();
  };
  const heading = h('h2', { id: 'now-heading', text: 'Now', tabindex: '-1' });
  const section = h('section', { class: 'card now', 'aria-labelledby': 'now-heading' }, heading, body);
  return { element: section, render, tick, heading };
}

function waitingText(state) {
  switch (state.session.status) {
    case 'live': {
      const ended = state.session.agenda[state.session.lastEndedItem];
      if (ended) {
        return state.facilitator
          ? `${ended.title} has ended. Choose the next item of the agenda below.`
          : `${ended.title} has ended. The facilitator will open the next item shortly.`;
      }
      return state.facilitator
        ? 'The session is live. Choose the first item of the agenda below.'
        : 'The session is live. The facilitator will open the first item shortly.';
    }
    case 'ended':
      return 'This session has ended. Thank you for taking part.';
    case 'scheduled':
      return state.facilitator
        ? 'The session has not started. Start it when people have joined.'
        : 'The session has not started yet. It will begin here when the facilitator starts it.';
    default:
      return 'Connecting to the session…';
  }
}

export function agendaSection(state, connection) {
  const list = h('div', { class: 'agenda-slot' });
  const heading = h('h2', { id: 'agenda-heading', text: 'Agenda', tabindex: '-1' });
  const notes = new Map();
  const noteFor = (index) => {
    if (!notes.has(index)) notes.set(index, note());
    return notes.get(index);
  };
  const goTo = async (index, button) => {
    await runFor(button, noteFor(index), () => connection.send('agenda.goto', { index }), connection);
  };
  const render = () => {
    const { session } = state;
    if (!session.agenda.length) {
      replace(list, h('p', { class: 'empty', text: 'This session has no agenda items.' }));
      return;
    }
    const canGo = state.facilitator && session.status === 'live';
    replace(list, h('ol', { class: 'agenda' }, session.agenda.map((item) => {
      const current = session.status !== 'scheduled' && item.index === session.currentItem;
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
          h('span', { class: 'meta agenda__meta', text: `${label(ACTIVITY_TYPES, item.activityType)}, ${minutes(item.plannedMinutes)}` })),
        goButton,
        itemNote,
      );
    })));
  };
  const section = h('section', { class: 'section live-section', 'aria-labelledby': 'agenda-heading' }, heading, list);
  return { element: section, render, heading };
}
