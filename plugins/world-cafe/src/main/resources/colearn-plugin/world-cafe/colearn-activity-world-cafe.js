// <colearn-activity-world-cafe>: the browser side of the world café. The page sets `view` (what the server sent this
// person, CafeViews.View) and listens for `colearn-send` events carrying {name, body} messages (world-cafe.note, ...);
// it may set `detail.reply` on the event to a promise of the server's answer. The page may also set `serverNow` (a
// function giving the server's clock in milliseconds, for the countdown) and `personId` (who is looking, so that
// "you are at table 3 with ..." leaves them out). A facilitator's page marks the element with the `facilitator`
// attribute; the console is drawn from `view.console`, which the server sends to facilitators only. Everything is
// rendered as text. Each view redraws the whole café, keeping the focus and whatever was being typed or chosen.
import { h } from '/plugin-kit/dom.js';
import { announcement, freshMemory, inWarning, secondsLeft } from './moments.js';
import { briefingPart, noteForm, notesPart, statusPart, tablePart, tickTimer, volunteerPart } from './participant.js';
import { consolePart } from './console.js';
import { wallPart } from './wall.js';

const STYLESHEET = new URL('world-cafe.css', import.meta.url).href;

class ColearnActivityWorldCafe extends HTMLElement {
  constructor() {
    super();
    this._content = h('div', { class: 'cafe' });
    // Announcements go to a live region of the café's own that is never redrawn, so each is read once.
    this._region = h('div', { class: 'cafe-sr-only cafe-announcer', 'aria-live': 'polite', 'aria-atomic': 'true' });
    this._memory = freshMemory();
    this._noteForm = noteForm((name, body) => this.send(name, body));
    this._visitForm = noteForm((name, body) => this.send(name, body), { visiting: true });
    this._timer = null;
    this._ticker = 0;
    this._planShown = 'current';
    this.serverNow = null;
    this.personId = null;
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

  /** Every second: the countdown, its warning, and the announcement of the last minute. */
  tick() {
    const view = this._view;
    const left = secondsLeft(view, this.now());
    tickTimer(this._timer, view, left, inWarning(view, left));
    this.announce(announcement(this._memory, view, this.personId, left));
  }

  announce(text) {
    if (!text) return;
    this._region.textContent = '';
    // Emptying, then filling on the next frame, makes screen readers treat the text as new.
    requestAnimationFrame(() => {
      this._region.textContent = text;
    });
  }

  /** Shows this round's or the next round's seating plan, with the focus on its tab. */
  showPlan(tab) {
    this._planShown = tab;
    this.render();
    this._content.querySelector(`[data-key="plan-tab-${tab}"]`)?.focus();
  }

  render() {
    const view = this._view;
    const kept = keep(this._content);
    this._timer = null;
    if (!view) {
      this._content.replaceChildren();
      return;
    }
    const send = (name, body) => this.send(name, body);
    const status = statusPart(view);
    this._timer = status.timer;
    this._noteForm.update(view);
    this._visitForm.update(view);
    const facilitator = this.hasAttribute('facilitator') && Boolean(view.console);
    this._content.replaceChildren(...[
      status.element,
      facilitator ? null : volunteerPart(view, send),
      tablePart(view, this.personId),
      briefingPart(view, send),
      notesPart(view, send, this._noteForm.element),
      consolePart(view, send, this._visitForm.element, { shown: this._planShown, show: (tab) => this.showPlan(tab) }),
      wallPart(view, send, facilitator),
    ].filter(Boolean));
    restore(this._content, kept);
  }
}

/** What the controls hold and which one has the focus, by their keys, before a redraw. */
function keep(container) {
  const values = new Map();
  container.querySelectorAll('[data-key]').forEach((control) => {
    if (control.type === 'checkbox') values.set(control.dataset.key, { checked: control.checked });
    else if ('value' in control && control.tagName !== 'BUTTON') values.set(control.dataset.key, { value: control.value });
  });
  const active = document.activeElement;
  const focused = active && container.contains(active) ? active : null;
  return {
    values,
    focus: focused?.closest('[data-key]')?.dataset.key ?? null,
    hadFocus: Boolean(focused),
    selection: focused && typeof focused.selectionStart === 'number' ? [focused.selectionStart, focused.selectionEnd] : null,
  };
}

/**
 * Puts back what a person was typing or choosing, except where the view itself changed it (a checkbox the server
 * now reports differently stays as the server says), and the focus: to the same control, or to the café's first
 * heading when that control is gone.
 */
function restore(container, kept) {
  container.querySelectorAll('[data-key]').forEach((control) => {
    const before = kept.values.get(control.dataset.key);
    if (!before) return;
    if ('value' in before && control.value !== before.value) {
      if (control.tagName !== 'SELECT' || [...control.options].some((option) => option.value === before.value)) {
        control.value = before.value;
      }
    }
    if ('checked' in before && control.classList.contains('cafe-pick')) control.checked = before.checked;
  });
  if (!kept.hadFocus) return;
  const again = kept.focus ? container.querySelector(`[data-key="${CSS.escape(kept.focus)}"]`) : null;
  if (again) {
    again.focus();
    if (kept.selection && typeof again.setSelectionRange === 'function' && again.type !== 'number') {
      again.setSelectionRange(...kept.selection);
    }
    return;
  }
  const heading = container.querySelector('h3');
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
}

customElements.define('colearn-activity-world-cafe', ColearnActivityWorldCafe);
