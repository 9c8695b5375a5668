/**
 * A live learning session, `#/sessions/<id>`: the plan from the REST API at once (for a guest, who may not call it,
 * what they learned on joining), then the session as it happens over the WebSocket: the "Now" bar that stays in view
 * (the current item, its countdown, and for facilitators the buttons that run the agenda), its activity (a plugin's own component), the plenary's stage, the agenda, the chat, the facilitator's last broadcast, who is
 * here, the breakout room the person is in, and for facilitators the controls that run it, the rooms console, the
 * results the activities kept and the way guests get in, laid out by role (layout.js). Each part is drawn again only
 * when an event changes it.
 */
import * as api from '../../api.js';
import { calendarLink } from '../../calendar.js';
import { h, replace } from '../../dom.js';
import { SESSION_STATUS, clock, dateTime, label, minutes } from '../../format.js';
import { guestPass } from '../../guest-pass.js';
import { onLeave, toLogin } from '../../router.js';
import * as login from '../../session.js';
import * as status from '../../status.js';
import { activitySection } from './activity.js';
import { agendaSection } from './agenda.js';
import { chatSection } from './chat.js';
import { note, runFor } from './commands.js';
import { LiveConnection } from './connection.js';
import { controlsSection } from './controls.js';
import { guestBar, guestPassEnded, guestPlan } from './guest-visit.js';
import { guestsSection } from './guests.js';
import { nowPanel } from './now.js';
import { presenceSection } from './presence.js';
import { resultsSection } from './results.js';
import { roomsPart } from './rooms.js';
import { liveLayout } from './layout.js';
import { LiveState } from './state.js';
import { mediaPanel } from '../../media/panel.js';
import { stagePanel } from '../../media/stage.js';

const CONNECTION_WORDS = {
  connecting: 'Connecting…',
  open: 'Connected',
  reconnecting: 'Reconnecting…',
  offline: 'Reconnecting… This device is offline.',
  closed: 'Not connected',
};

const REFUSALS = {
  session_not_found: 'This session is not open to you: it may have been removed, or you are no longer a member of its collaborative.',
  unsupported: 'This page is older than the server. Reload the page to join the session.',
  not_allowed: 'You can no longer take part in this session: you were removed from its collaborative, or guests were switched off.',
};

export async function livePage(view, [id]) {
  const guest = guestPass(id);
  if (!guest && !login.loggedIn()) {
    toLogin();
    return { title: 'Log in' };
  }
  const plan = guest ? guestPlan(guest) : await api.get(`sessions/${id}`);
  const collaborative = guest ? null : await api.get(`collaboratives/${plan.collaborativeId}`).catch(() => null);
  if (!view.isConnected) return { title: plan.title }; // the person has already gone elsewhere

  const state = new LiveState(plan);
  const connection = new LiveConnection({
    sessionId: id,
    token: guest?.token, // a member's hello needs none: the browser sends the login cookie with the handshake
    lastSeq: () => state.seq,
    handlers: { joined, event, signal, state: showConnection, failed },
  });

  const badge = h('span', { class: 'badge', hidden: true });
  const connectionState = h('p', { class: 'live-conn', role: 'status' });
  const banner = h('section', { class: 'broadcast', 'aria-label': 'Message from the facilitator', hidden: true });
  const problem = h('p', { class: 'notice notice--error', hidden: true });
  /** Takes the facilitator to a panel of the page: its tab comes forward, and its heading into view with the focus. */
  const showPanel = (headingId) => {
    const heading = document.getElementById(headingId);
    layout.show(heading);
    if (!heading || heading.closest('[hidden]')) return;
    heading.scrollIntoView({ block: 'nearest' });
    heading.focus();
  };
  const now = nowPanel(state, connection, {
    help: () => showPanel('help-heading'),
    waiting: () => showPanel('rooms-heading'),
    guests: plan.joinCode ? () => showPanel('guests-heading') : null,
  });
  const agenda = agendaSection(state, connection, guest ? null : id);
  const chat = chatSection(state, connection, (text) => speak(politeRegion, text));
  const presence = presenceSection(state, connection);
  const activity = activitySection(state, connection);
  const rooms = roomsPart(state, connection, { keepFocus, fallbackFocus: now.heading, announce: (text) => speak(politeRegion, text) });
  const media = mediaPanel({ me: () => state.you, connection, announce: (text) => speak(politeRegion, text) });
  const stage = stagePanel({
    me: () => state.you, myRoomId: () => state.rooms.myRoomId, connection, announce: (text) => speak(politeRegion, text), media,
  });
  const controlsSlot = h('div', { class: 'controls-slot' });
  const resultsSlot = h('div', { class: 'results-slot' });
  let results = null;
  const title = h('h1', { text: plan.title });
  const layout = liveLayout({
    stage: stage.section,
    media: media.section,
    roomPanel: rooms.panel,
    activity: activity.element,
    controls: controlsSlot,
    agenda: agenda.element,
    results: resultsSlot,
    rooms: rooms.console,
    guests: plan.joinCode ? guestsSection(plan) : null,
    chat: chat.element,
    presence: presence.element,
    running: () => Boolean(state.activity),
  });
  /** The activity shown last, to tell a new one (another item's) from a new view of the same. */
  let shownActivity = null;
  const activityChanged = () => {
    const key = state.activity ? `${state.activity.index}:${state.activity.type}:${state.session.itemStartedAt ?? ''}` : null;
    if (key && key !== shownActivity) layout.activityStarted();
    shownActivity = key;
  };
  let controls = null;
  const politeRegion = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  const assertiveRegion = h('div', { class: 'visually-hidden', 'aria-live': 'assertive', 'aria-atomic': 'true' });

  replace(view,
    guest ? guestBar(guest) : h('p', { class: 'breadcrumb' },
      h('a', { href: `#/collaboratives/${plan.collaborativeId}`, text: collaborative?.name ?? 'Back to the collaborative' })),
    h('div', { class: 'live-head' },
      title,
      h('p', { class: 'live-meta' }, badge, plan.startsAt ? ` Planned for ${dateTime(plan.startsAt)}, ${minutes(plan.durationMinutes)}` : null,
        guest ? null : [' ', calendarLink(id), ' ', h('a', { href: `#/sessions/${id}/present`, target: '_blank', rel: 'noopener', text: 'Presenter view (opens a new tab)' })]),
      connectionState),
    problem,
    banner,
    now.element,
    layout.element,
    politeRegion,
    assertiveRegion,
  );

  const clearNote = note();
  /** For facilitators: takes the message down for everyone. */
  const clearBroadcast = () => {
    const button = h('button', { type: 'button', class: 'button button--secondary broadcast__clear', text: 'Clear message', 'aria-describedby': clearNote.id });
    button.addEventListener('click', async () => {
      if (await runFor(button, clearNote, () => connection.send('session.broadcast.clear'), connection)) title.focus();
    });
    return h('div', { class: 'broadcast__actions' }, button, clearNote);
  };

  const draw = {
    status: () => {
      badge.hidden = !state.session.status;
      badge.textContent = label(SESSION_STATUS, state.session.status);
      badge.className = `badge badge--${state.session.status}`;
    },
    now: () => keepFocus(now.element, now.render, now.heading),
    agenda: () => keepFocus(agenda.element, agenda.render, agenda.heading),
    controls: () => {
      if (state.facilitator && !controls) {
        controls = controlsSection(state, connection);
        controlsSlot.append(controls.element);
      }
      if (controls) keepFocus(controls.element, controls.render, controls.heading);
    },
    broadcast: () => {
      const message = state.lastBroadcast;
      banner.hidden = !message;
      replace(banner, message ? [
        h('p', {
          class: 'broadcast__from',
          text: `Message from ${message.from ?? 'the facilitator'}${message.at ? ` at ${clock(message.at)}` : ''}`,
        }),
        h('p', { class: 'broadcast__text', text: message.text }),
        state.facilitator ? clearBroadcast() : null,
      ] : []);
    },
    results: () => {
      // Facilitators only (the server refuses anyone else); a guest has no account to download with.
      if (guest || !state.facilitator) return;
      if (!results) {
        results = resultsSection(id);
        resultsSlot.append(results.element);
      }
      results.refresh();
    },
    'chat-form': chat.renderForm,
    activity: activity.render,
    rooms: () => {
      rooms.render();
      layout.rooms(Boolean(state.rooms.mine), state.rooms.open);
    },
  };
  const redraw = {
    presence: () => {
      presence.render();
      rooms.render(); // the rooms console lists who is in the plenary
    },
    activity: activity.render,
  };
  const drawAll = () => {
    layout.arrange(state.facilitator);
    Object.values(draw).forEach((part) => part());
  };

  /** Events up to this seq are the ones a resume replays: old news, not a clock reading. */
  let replayedUpTo = 0;

  function joined(body) {
    problem.hidden = true;
    if (body.view) {
      state.replaceWith(body.view);
      stage.replaceWith(body.view.stage);
      title.textContent = state.session.title;
      drawAll();
      chat.render();
    }
    replayedUpTo = body.resumed ? body.seq : 0;
  }

  function event(frame) {
    const change = state.apply(frame, frame.seq > replayedUpTo);
    if (!change) return; // already applied
    stage.event(frame, frame.seq > replayedUpTo);
    change.parts.forEach((part) => draw[part]());
    if (change.message) {
      chat.add(change.message);
      layout.newMessage();
    }
    if (change.roomMessage) {
      rooms.add(change.roomMessage);
      if (change.roomMessage.roomId === state.rooms.myRoomId) layout.newMessage('room');
    }
    if (change.alert) speak(assertiveRegion, change.alert);
    if (change.broadcast) {
      speak(assertiveRegion, `Message from ${change.broadcast.from ?? 'the facilitator'}: ${change.broadcast.text}`);
    }
    if (change.announce) status.announce(change.announce, frame.type.startsWith('timer.') ? 'warn' : 'ok');
  }

  function signal(frame) {
    if (frame.type === 'media.room' || frame.type === 'media.signal') {
      (frame.type === 'media.room' ? media.assign : media.signal)(frame.body);
      if (frame.type === 'media.room') stage.assign(frame.body);
      return;
    }
    const part = state.applySignal(frame);
    if (part) redraw[part]();
    if (part === 'activity') activityChanged();
  }

  function showConnection(name) {
    connectionState.textContent = CONNECTION_WORDS[name] ?? name;
    connectionState.dataset.state = name;
  }

  function failed(code, message) {
    showConnection('closed');
    if ((code === 'login_ended' || code === 'not_allowed') && guest) {
      guestPassEnded(guest, problem);
      return;
    }
    if (code === 'login_ended') {
      login.signOut('expired'); // the app takes the person to log in, and back here afterwards
      return;
    }
    problem.textContent = REFUSALS[code]
      ?? `The session refused the connection${message ? `: ${message}` : '.'} Reload the page to try again.`;
    problem.hidden = false;
  }

  const ticker = setInterval(now.tick, 1000);
  const stopKeepingClear = now.keepClear(now.element);
  onLeave(() => {
    clearInterval(ticker);
    media.close();
    stage.close();
    stopKeepingClear();
    layout.close();
    connection.close();
  });
  drawAll();
  chat.render();
  connection.start();
  return { title: plan.title };
}

/**
 * Draws a part again without losing the keyboard focus: the control that had it gets it back, or when that control
 * is gone (a "Go to item" button of the item that is now current), the part's heading.
 */
function keepFocus(container, render, fallback) {
  const active = document.activeElement;
  const inside = active && active !== document.body && container.contains(active);
  const key = inside ? active.dataset.focusKey : null;
  render();
  if (!inside || active.isConnected) return;
  const again = key ? container.querySelector(`[data-focus-key="${CSS.escape(key)}"]`) : null;
  (again ?? fallback).focus();
}

/** Announces through a live region; emptying it first makes a repeated message count as new. */
function speak(region, text) {
  region.textContent = '';
  requestAnimationFrame(() => {
    region.textContent = text;
  });
}
