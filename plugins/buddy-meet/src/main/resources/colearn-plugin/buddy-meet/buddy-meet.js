// <colearn-activity-buddy-meet>: the browser side of the buddy meet. The page sets `view` (what the server sent this
// person, BuddyMeetViews.View) and listens for `colearn-send` events carrying {name, body} messages
// (buddy-meet.addStep, ...); it may set `detail.reply` to a promise of the server's answer. The page may also set
// `serverNow` (the server's clock in milliseconds, for the countdown). What a person sees depends only on the view:
// the server sends a pair's items and steps to its members alone (and to facilitators the pair invited).
// Everything is rendered as text. Each view redraws the meet, keeping the focus and what was being typed.
import { h } from '/plugin-kit/dom.js';
import { announcement, countdownText, freshMemory, inWarning, secondsLeft } from './moments.js';
import { extendForm, facilitatorPart, ownPairPart, plenaryPart, stepForm } from './parts.js';

const STYLESHEET = new URL('buddy-meet.css', import.meta.url).href;

class ColearnActivityBuddyMeet extends HTMLElement {
  constructor() {
    super();
    this._content = h('div', { class: 'buddy-meet' });
    // Announcements go to a live region of the meet's own that is never redrawn, so each is read once.
    this._region = h('div', { class: 'buddy-meet-sr-only', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._memory = freshMemory();
    this._stepForm = stepForm((name, body) => this.send(name, body));
    this._extendForm = extendForm((name, body) => this.send(name, body));
    this._timer = null;
    this._ticker = 0;
    this.serverNow = null;
  }

  connectedCallback() {
    if (!document.querySelector(`link[href="${STYLESHEET}"]`)) {
      document.head.append(h('link', { rel: 'stylesheet', href: STYLESHEET }));
    }
    if (!this._content.isConnected) this.append(this._content, this._region);
    this._ticker = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() {
    clearInterval(this._ticker);
  }

  set view(view) {
    this._view = view;
    this.render();
    this.tick();
  }

  get view() {
    return this._view;
  }

  /** Sends a message through the page; resolves with the server's answer, or at once on a page that gives none. */
  send(name, body) {
    const detail = { name, body };
    this.dispatchEvent(new CustomEvent('colearn-send', { bubbles: true, composed: true, detail }));
    return detail.reply ?? Promise.resolve();
  }

  now() {
    return typeof this.serverNow === 'function' ? this.serverNow() : Date.now();
  }

  /** Every second: the countdown, its warning, and the announcements of the warning and the end. */
  tick() {
    const view = this._view;
    const left = secondsLeft(view, this.now());
    if (this._timer) {
      const text = countdownText(view, left);
      if (this._timer.textContent !== text) this._timer.textContent = text;
      this._timer.classList.toggle('buddy-meet-timer--warning', inWarning(view, left));
    }
    const text = announcement(this._memory, view, left);
    if (!text) return;
    this._region.textContent = '';
    // Emptying, then filling on the next frame, makes screen readers treat the text as new.
    requestAnimationFrame(() => {
      this._region.textContent = text;
    });
  }

  render() {
    const view = this._view;
    const active = document.activeElement;
    const focused = active && this._content.contains(active) ? active.closest('[data-key]')?.dataset.key ?? '' : null;
    if (!view) {
      this._content.replaceChildren();
      this._timer = null;
      return;
    }
    const send = (name, body) => this.send(name, body);
    this._timer = h('p', { class: 'buddy-meet-timer' });
    const heading = { member: view.pair?.name, facilitator: 'Pairs and their rooms', plenary: 'You stay in the plenary' }[view.role];
    const parts = {
      member: () => ownPairPart(view, send, this._stepForm),
      facilitator: () => facilitatorPart(view, send, this._extendForm),
      plenary: () => plenaryPart(view),
    };
    this._content.replaceChildren(
      h('h3', { text: heading ?? 'Buddy meet', tabindex: '-1' }),
      h('p', { class: 'buddy-meet-prompt', text: view.prompt }),
      this._timer,
      parts[view.role]?.() ?? '',
    );
    if (focused === null) return;
    // The same control if it is still there (a form kept across views), else the meet's heading.
    const again = focused ? this._content.querySelector(`[data-key="${CSS.escape(focused)}"]`) : null;
    (again ?? this._content.querySelector('h3')).focus();
  }
}

customElements.define('colearn-activity-buddy-meet', ColearnActivityBuddyMeet);
