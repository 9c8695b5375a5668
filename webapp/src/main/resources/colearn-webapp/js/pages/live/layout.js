/**
 * How the live page's parts are laid out, by role. A facilitator gets the cockpit: the activity, the agenda with the
 * session's controls, the breakout rooms, the results and the guests as tabs, with the chat and who is here beside
 * them; on a screen with room for it the cockpit fills the window below the "Now" bar and each side scrolls on its own,
 * so the page itself does not scroll (the stylesheet's app shell, `body.cockpit`). A participant gets the activity with
 * the chat and who is here beside it (and, while breakout rooms are open, their room above the chat), and on a phone
 * these as tabs (Activity, Room, Chat, People; Room only while rooms are open), with a note on the Chat and Room tabs of
 * the messages that came while another tab was shown.
 */
import { h, replace } from '../../dom.js';
import { panelTabs } from './tabs.js';

const PHONE = '(max-width: 40rem)';

/**
 * `parts`: the page's elements (`stage`, `media`, `roomPanel`, `activity`, `controls`, `agenda`, `results`, `rooms`, `guests`,
 * `chat`, `presence`; `guests` null when the session takes no guests), and `running()`, whether an activity runs.
 * Returns `{element, arrange(facilitator), show(element), activityStarted(), rooms(inRoom, open), newMessage(key), close()}`.
 */
export function liveLayout(parts) {
  const element = h('div', { class: 'live-layout' });
  const phone = window.matchMedia(PHONE);
  let tabs = null;
  let arranged = null;
  /** Messages that came while another tab was shown, by tab. */
  const unread = { chat: 0, room: 0 };
  /** Whether the participant is in a breakout room, and whether rooms are open at all. */
  let roomShown = { inRoom: false, open: false };

  function cockpit() {
    tabs = panelTabs('Cockpit', [
      { key: 'activity', label: 'Activity', content: [parts.stage, parts.media, parts.roomPanel, parts.activity] },
      { key: 'agenda', label: 'Agenda', content: [parts.controls, parts.agenda] },
      { key: 'rooms', label: 'Rooms', content: [parts.rooms] },
      { key: 'results', label: 'Results', content: [parts.results] },
      ...(parts.guests ? [{ key: 'guests', label: 'Guests', content: [parts.guests] }] : []),
    ]);
    tabs.enable(true);
    if (!parts.running()) tabs.select('agenda'); // nothing runs yet: the agenda and the session's controls
    element.className = 'live-layout live-layout--cockpit';
    // The side scrolls on its own where the cockpit fills the window: focusable, so that a keyboard scrolls it too.
    replace(element, tabs.element, h('div', { class: 'live-side', role: 'region', 'aria-label': 'Chat and who is here', tabindex: '0' },
      parts.chat, parts.presence));
  }

  function participant() {
    tabs = panelTabs('Parts of the session', [
      { key: 'activity', label: 'Activity', content: [parts.stage, parts.media, parts.activity, parts.agenda] },
      { key: 'room', label: 'Room', content: [parts.roomPanel], hidden: !roomShown.open },
      { key: 'chat', label: 'Chat', content: [parts.chat] },
      { key: 'people', label: 'People', content: [parts.presence] },
    ]);
    tabs.onSelect((key) => {
      if (key in unread) unread[key] = 0;
    });
    element.className = 'live-layout live-layout--participant';
    replace(element, tabs.element);
    tabs.enable(phone.matches);
  }

  const onPhone = () => {
    if (arranged === 'participant') tabs.enable(phone.matches);
  };
  phone.addEventListener('change', onPhone);

  return {
    element,
    /** Lays the parts out for this role; nothing changes when they are laid out for it already. */
    arrange(facilitator) {
      const role = facilitator ? 'facilitator' : 'participant';
      if (arranged === role) return;
      const focused = document.activeElement;
      arranged = role;
      if (facilitator) cockpit();
      else participant();
      document.body.classList.toggle('cockpit', facilitator);
      if (focused?.isConnected && focused !== document.activeElement) focused.focus();
    },
    /** Brings the tab that holds `element` forward, when it is behind one. */
    show(element) {
      const panel = element?.closest('.live-tabs__panel');
      if (tabs?.on && panel) tabs.select(panel.dataset.panel);
    },
    /**
     * An activity has started: the cockpit brings its tab forward, unless the facilitator is working in a tab (the
     * focus is in one), whom it does not interrupt.
     */
    activityStarted() {
      if (arranged === 'facilitator' && !tabs.element.contains(document.activeElement)) tabs.select('activity');
    },
    /**
     * Breakout rooms opened or closed, or the participant moved: the Room tab is there while rooms are open (saying
     * where they are), and a room joined is noted on it.
     */
    rooms(inRoom, open) {
      const moved = inRoom && !roomShown.inRoom;
      roomShown = { inRoom, open };
      if (arranged !== 'participant') return;
      tabs.show('room', open);
      if (!inRoom) unread.room = 0;
      if (moved && tabs.on && tabs.selected() !== 'room') tabs.mark('room', 'new');
    },
    /** A message came in the chat (`chat`) or the participant's room (`room`): counted on its tab while another is shown. */
    newMessage(key = 'chat') {
      if (arranged !== 'participant' || !tabs.on || tabs.selected() === key) return;
      unread[key] += 1;
      tabs.mark(key, `${unread[key]} new`);
    },
    close() {
      phone.removeEventListener('change', onPhone);
      document.body.classList.remove('cockpit');
    },
  };
}
