/**
 * How the live page's parts are laid out, by role. A facilitator gets the cockpit: the activity, the agenda with the
 * session's controls, the breakout rooms, the results and the guests as tabs, with the chat and who is here beside
 * them; on a screen with room for it the cockpit fills the window below the "Now" bar and each side scrolls on its own,
 * so the page itself does not scroll (the stylesheet's app shell, `body.cockpit`). A participant gets the activity with
 * the chat and who is here beside it, and on a phone the three as tabs (Activity, Chat, People), with a note on the
 * Chat tab of the messages that came while another tab was shown.
 */
import { h, replace } from '../../dom.js';
import { panelTabs } from './tabs.js';

const PHONE = '(max-width: 40rem)';

/**
 * `parts`: the page's elements (`stage`, `media`, `roomPanel`, `activity`, `controls`, `agenda`, `results`, `rooms`, `guests`,
 * `chat`, `presence`; `guests` null when the session takes no guests), and `running()`, whether an activity runs.
 * Returns `{element, arrange(facilitator), show(element), activityStarted(), newMessage(), close()}`.
 */
export function liveLayout(parts) {
  const element = h('div', { class: 'live-layout' });
  const phone = window.matchMedia(PHONE);
  let tabs = null;
  let arranged = null;
  let unread = 0;

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
      { key: 'activity', label: 'Activity', content: [parts.stage, parts.media, parts.roomPanel, parts.activity, parts.agenda] },
      { key: 'chat', label: 'Chat', content: [parts.chat] },
      { key: 'people', label: 'People', content: [parts.presence] },
    ]);
    tabs.onSelect((key) => {
      if (key === 'chat') unread = 0;
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
    /** A chat message came: counted on the Chat tab while another tab is shown. */
    newMessage() {
      if (arranged !== 'participant' || !tabs.on || tabs.selected() === 'chat') return;
      unread += 1;
      tabs.mark('chat', `${unread} new`);
    },
    close() {
      phone.removeEventListener('change', onPhone);
      document.body.classList.remove('cockpit');
    },
  };
}
