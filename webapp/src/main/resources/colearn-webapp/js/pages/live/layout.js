/**
 * How the live page's parts are laid out, by role. A facilitator gets the cockpit: the activity, the agenda with the
 * session's controls, the breakout rooms, the results and the guests as tabs, with the chat and who is here beside
 * them; on a screen with room for it the cockpit fills the window below the "Now" bar and each side scrolls on its own,
 * so the page itself does not scroll. A participant gets the activity with the chat and who is here beside it, and on a
 * phone the three as tabs (Activity, Chat, People), with a note on the Chat tab of the messages that came while another
 * tab was shown.
 */
import { h, replace } from '../../dom.js';
import { panelTabs } from './tabs.js';

const PHONE = '(max-width: 40rem)';
const COCKPIT = '(min-width: 56rem) and (min-height: 36rem)';
const SMALLEST = 320;

/**
 * `parts`: the page's elements (`stage`, `media`, `roomPanel`, `activity`, `controls`, `agenda`, `results`, `rooms`, `guests`,
 * `chat`, `presence`; `guests` null when the session takes no guests), and `running()`, whether an activity runs.
 * Returns `{element, arrange(facilitator), show(element), activityStarted(), newMessage(), close()}`.
 */
export function liveLayout(parts) {
  const element = h('div', { class: 'live-layout' });
  const phone = window.matchMedia(PHONE);
  const wide = window.matchMedia(COCKPIT);
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
    replace(element, tabs.element, h('div', { class: 'live-side' }, parts.chat, parts.presence));
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

  /**
   * The cockpit's height: what the window has left below what is above it (the page's head, a broadcast, the "Now"
   * bar) and above what must stay below it (the bottom padding of the page's parts, the footer when it shows).
   */
  function fit() {
    if (arranged !== 'facilitator' || !wide.matches) {
      element.style.removeProperty('--cockpit-height');
      return;
    }
    const top = element.getBoundingClientRect().top + window.scrollY;
    const height = `${Math.max(SMALLEST, Math.floor(window.innerHeight - top - roomBelow(element)))}px`;
    if (element.style.getPropertyValue('--cockpit-height') !== height) element.style.setProperty('--cockpit-height', height);
  }

  const sizes = new ResizeObserver(() => fit());
  const onPhone = () => {
    if (arranged === 'participant') tabs.enable(phone.matches);
  };
  phone.addEventListener('change', onPhone);
  wide.addEventListener('change', fit);
  window.addEventListener('resize', fit);

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
      sizes.disconnect();
      // The page's content grows and shrinks with what is above the cockpit (a broadcast, a problem); #view follows it.
      if (facilitator) sizes.observe(element.parentElement ?? document.body);
      fit();
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
      sizes.disconnect();
      phone.removeEventListener('change', onPhone);
      wide.removeEventListener('change', fit);
      window.removeEventListener('resize', fit);
      document.body.classList.remove('cockpit');
    },
  };
}

/** How much of the page comes below `element` whatever its height: its margin, its ancestors' padding and borders, the footer. */
function roomBelow(element) {
  const px = (value) => parseFloat(value) || 0;
  let room = px(getComputedStyle(element).marginBottom);
  for (let node = element.parentElement; node && node !== document.documentElement; node = node.parentElement) {
    const style = getComputedStyle(node);
    room += px(style.paddingBottom) + px(style.borderBottomWidth);
  }
  const footer = document.querySelector('.site-footer');
  if (footer && getComputedStyle(footer).display !== 'none') room += footer.offsetHeight + px(getComputedStyle(footer).marginTop);
  return Math.ceil(room);
}
