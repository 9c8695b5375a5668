/**
 * The "Now" bar at the top of the live page, kept in view while the page scrolls: the current item, the one countdown
 * that matters (the running activity's round when it times rounds of its own, otherwise the item's), and for
 * facilitators what runs the agenda: start the session, previous and next item (going back to an item that has run asks first), pause or
 * resume, five more minutes, end the item, and the counts that need their attention.
 * The countdown ticks silently (aria-live off): the server's timer warnings and the activity's own moments are
 * announced, not every second.
 */
import { h, replace } from '../../dom.js';
import { ACTIVITY_TYPES, label, minutes } from '../../format.js';
import { attentionBar } from './attention.js';
import { note, runFor } from './commands.js';
import { goToItem } from './go-back.js';

/** "12:05", "1:02:09". */
export function clockOf(totalSeconds) {
  const s = Math.max(0, Math.round(totalSeconds));
  const two = (n) => String(n).padStart(2, '0');
  const hours = Math.floor(s / 3600);
  const mins = Math.floor((s % 3600) / 60);
  return hours ? `${hours}:${two(mins)}:${two(s % 60)}` : `${mins}:${two(s % 60)}`;
}

/** What is left of the current item by the server's clock: "12:05 left", "Paused, 3:00 left", "Time is up". */
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

/**
 * The clock of the running activity's own time, when its view has one for everyone (docs/plugins.md): a round
 * (`roundEndsAt`, `round`, `rounds`, such as a world café's) or a timed part (`endsAt`, such as a buddy meet's).
 */
export function activityClock(activity) {
  const view = activity?.view;
  if (!view || typeof view !== 'object') return null;
  if (typeof view.roundEndsAt === 'string' && Number.isInteger(view.round)) {
    return { endsAt: view.roundEndsAt, part: `round ${view.round}${Number.isInteger(view.rounds) ? ` of ${view.rounds}` : ''}` };
  }
  if (typeof view.endsAt === 'string') return { endsAt: view.endsAt, part: 'this part' };
  return null;
}

function activityCountdown(clock, now) {
  const left = Math.ceil((Date.parse(clock.endsAt) - now) / 1000);
  return left > 0 ? `${clockOf(left)} left in ${clock.part}` : `Time is up for ${clock.part}`;
}

/**
 * The clocks as they read now: `main`, the one that matters (the activity's own part while it times one, else the
 * item's); `item`, the item's beside it while the activity's leads ('' otherwise).
 */
export function clockReading(state, now) {
  const itemText = countdownText(state.session, now);
  const own = itemText ? activityClock(state.activity) : null;
  return { main: own ? activityCountdown(own, now) : itemText, item: own ? itemText : '' };
}

/** The item after the current one, or after the one that ended last; the first item before any has run. */
export function nextItem(state) {
  const { session } = state;
  const from = session.currentItem >= 0 ? session.currentItem : (session.lastEndedItem ?? -1);
  return session.agenda[from + 1] ?? null;
}

/** The item before the one running, or before the one Next goes to when none runs; null at the start. */
export function previousItem(state) {
  const { session } = state;
  const at = session.currentItem >= 0 ? session.currentItem : (session.lastEndedItem ?? -1) + 1;
  return at > 0 ? (session.agenda[at - 1] ?? null) : null;
}

/** `open` maps the attention counts to what shows their panels (attention.js). */
export function nowPanel(state, connection, open = {}) {
  const body = h('div', { class: 'now__body' });
  const controlsSlot = h('div', { class: 'now__controls' });
  const askSlot = h('div', { class: 'now__ask' });
  const attention = attentionBar(state, open);
  const timerNote = note();
  const go = goToItem(state, connection, {
    slot: askSlot, note: timerNote, key: 'previous', refocus: () => controlsSlot.querySelector('[data-focus-key="previous"]')?.focus(),
  });
  let shownItem = null;
  const command = (text, key, type, payload, variant = 'button--secondary') => {
    const button = h('button', { type: 'button', class: `button ${variant}`.trim(), text, dataset: { focusKey: key }, 'aria-describedby': timerNote.id });
    button.addEventListener('click', () => runFor(button, timerNote, () => connection.send(type, payload()), connection));
    return button;
  };

  /**
   * For facilitators: the start of the session; then the previous and next items, and the current item's timer: pause,
   * resume, extend, or end it before its time.
   */
  const controls = () => {
    const { session } = state;
    if (state.facilitator && session.status === 'scheduled') {
      return [h('div', { class: 'actions' }, command('Start session', 'start', 'session.start', () => ({}), '')), timerNote];
    }
    if (!state.facilitator || session.status !== 'live') return [];
    const next = nextItem(state);
    const nextHint = next ? h('p', { class: 'now__next meta', id: `${timerNote.id}-next`, text: `Next: ${next.title}` }) : null;
    const nextButton = next ? command('Next item', 'next', 'agenda.goto', () => ({ index: nextItem(state)?.index ?? next.index }), '') : null;
    if (nextButton) nextButton.setAttribute('aria-describedby', `${nextHint.id} ${timerNote.id}`);
    const previous = previousItem(state);
    let previousButton = null;
    if (previous) {
      previousButton = h('button', { type: 'button', class: 'button button--secondary', text: 'Previous item', dataset: { focusKey: 'previous' },
        'aria-describedby': timerNote.id });
      previousButton.setAttribute('aria-label', `Previous item: ${previous.title}`);
      previousButton.addEventListener('click', () => go(previousItem(state)?.index ?? previous.index, previousButton));
    }
    const running = session.currentItem >= 0;
    const paused = session.itemPausedRemainingSeconds !== null && session.itemPausedRemainingSeconds !== undefined;
    const timed = running && (paused || session.itemEndsAt || session.timeUp);
    let pauseButton = null;
    if (timed && paused) pauseButton = command('Resume timer', 'pause-resume', 'agenda.resume', () => ({}));
    else if (timed && !session.timeUp) pauseButton = command('Pause timer', 'pause-resume', 'agenda.pause', () => ({}));
    return [
      h('div', { class: 'actions' },
        previousButton,
        nextButton,
        pauseButton,
        timed ? command('Add 5 minutes', 'extend', 'agenda.extend', () => ({ minutes: 5 })) : null,
        running ? command('End this item', 'end-item', 'agenda.end', () => ({})) : null),
      nextHint,
      timerNote,
    ];
  };

  const countdown = h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off', 'aria-atomic': 'true' });
  const itemClock = h('p', { class: 'now__item-clock meta', hidden: true });
  const tick = () => {
    const reading = clockReading(state, state.now());
    const text = reading.main;
    if (countdown.textContent !== text) countdown.textContent = text;
    countdown.hidden = !text;
    countdown.dataset.urgent = String(/^Time is up/.test(text) || /^0:/.test(text));
    const second = reading.item ? `Item: ${reading.item}` : '';
    if (itemClock.textContent !== second) itemClock.textContent = second;
    itemClock.hidden = !second;
    attention.update();
  };
  const render = () => {
    const { session } = state;
    const item = state.currentItem();
    if (session.status === 'live' && item) {
      replace(body,
        h('p', { class: 'now__position', text: `Item ${item.index + 1} of ${session.agenda.length}` }),
        h('p', { class: 'now__title', text: item.title }),
        h('p', { class: 'meta', text: `${label(ACTIVITY_TYPES, item.activityType)}, planned for ${minutes(item.plannedMinutes)}` }));
    } else {
      replace(body, h('p', { class: 'now__waiting', text: waitingText(state) }));
    }
    replace(controlsSlot, ...controls());
    if (shownItem !== session.currentItem || !state.facilitator || session.status !== 'live') replace(askSlot); // a question about another moment
    shownItem = session.currentItem;
    section.classList.toggle('now--cockpit', state.facilitator);
    tick();
  };
  const heading = h('h2', { id: 'now-heading', text: 'Now', tabindex: '-1' });
  const section = h('section', { class: 'card now', 'aria-labelledby': 'now-heading' },
    heading,
    body,
    h('div', { class: 'now__clock' }, countdown, itemClock),
    h('div', { class: 'now__side' }, controlsSlot, askSlot, attention.element));
  return { element: section, render, tick, heading, keepClear };
}

/**
 * While the bar stays in view, the page scrolls what gets the focus out from under it (WCAG 2.4.11, focus not
 * obscured). Returns the function that stops doing so.
 */
function keepClear(bar) {
  const root = document.documentElement;
  const observer = new ResizeObserver(() => {
    const sticky = getComputedStyle(bar).position === 'sticky';
    root.style.scrollPaddingTop = sticky ? `${Math.ceil(bar.getBoundingClientRect().height) + 8}px` : '';
  });
  observer.observe(bar);
  return () => {
    observer.disconnect();
    root.style.scrollPaddingTop = '';
  };
}

function waitingText(state) {
  switch (state.session.status) {
    case 'live': {
      const ended = state.session.agenda[state.session.lastEndedItem];
      if (ended) {
        return state.facilitator
          ? `${ended.title} has ended. Go on with the next item.`
          : `${ended.title} has ended. The facilitator will open the next item shortly.`;
      }
      return state.facilitator
        ? 'The session is live. Open the first item when people are ready.'
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
