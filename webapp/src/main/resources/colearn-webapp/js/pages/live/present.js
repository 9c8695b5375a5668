/**
 * The presenter view of a live session, `#/sessions/<id>/present`, for a projector or a shared screen: the current
 * item large and in high contrast, the one countdown that matters, the running activity as everyone may see it (a
 * poll's results once revealed, never the votes before), and how to join. It controls nothing: a facilitator opens it
 * in a second window and runs the session from the live page.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { onLeave, toLogin } from '../../router.js';
import * as login from '../../session.js';
import { activitySection } from './activity.js';
import { LiveConnection } from './connection.js';
import { clockReading } from './now.js';
import { LiveState } from './state.js';

export async function presentPage(view, [id]) {
  if (!login.loggedIn()) {
    toLogin();
    return { title: 'Log in' };
  }
  const plan = await api.get(`sessions/${id}`);
  if (!view.isConnected) return { title: plan.title };
  const state = new LiveState(plan);
  const connection = new LiveConnection({
    sessionId: id,
    lastSeq: () => state.seq,
    handlers: { joined, event, signal, state: showConnection, failed: () => showConnection('closed') },
  });

  const item = h('p', { class: 'present__item' });
  const position = h('p', { class: 'present__position' });
  const clock = h('p', { class: 'present__clock', role: 'timer', 'aria-live': 'off' });
  const activity = activitySection(state, connection, { presenter: true });
  const connectionState = h('p', { class: 'present__connection', role: 'status' });
  const joinUrl = plan.joinCode ? new URL(`#/guest/${plan.joinCode}`, document.baseURI).href : null;
  replace(view,
    h('div', { class: 'present' },
      h('h1', { class: 'present__title', text: plan.title }),
      position,
      item,
      clock,
      activity.element,
      joinUrl ? h('p', { class: 'present__join' }, 'Join as a guest at ', h('strong', { text: joinUrl }), ' with the code ', h('strong', { text: plan.joinCode })) : null,
      connectionState));
  document.body.classList.add('presenting');

  function draw() {
    const { session } = state;
    const current = state.currentItem();
    position.textContent = session.status === 'live' && current ? `Item ${current.index + 1} of ${session.agenda.length}` : '';
    if (session.status === 'ended') item.textContent = 'This session has ended. Thank you for taking part.';
    else if (session.status === 'live' && current) item.textContent = current.title;
    else if (session.status === 'live') item.textContent = 'The next item starts shortly.';
    else item.textContent = 'The session starts shortly.';
    tick();
  }

  function tick() {
    const text = clockReading(state, state.now()).main;
    if (clock.textContent !== text) clock.textContent = text;
  }

  function joined(body) {
    if (body.view) state.replaceWith(body.view);
    draw();
    activity.render();
  }

  function event(frame) {
    if (state.apply(frame)) draw();
  }

  function signal(frame) {
    if (state.applySignal(frame) === 'activity') activity.render();
  }

  function showConnection(name) {
    connectionState.textContent = name === 'open' ? '' : 'Reconnecting…';
  }

  const ticker = setInterval(tick, 1000);
  onLeave(() => {
    clearInterval(ticker);
    connection.close();
    document.body.classList.remove('presenting');
  });
  draw();
  connection.start();
  return { title: `${plan.title}: presenter view` };
}
