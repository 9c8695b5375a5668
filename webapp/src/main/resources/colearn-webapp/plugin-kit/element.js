// The common part of an activity's custom element for plugins, served at /plugin-kit/element.js: the `view` the page
// sets, `send` through the page, a live region of its own for announcements, the component's stylesheet linked once,
// and redrawing that keeps the focus. docs/plugins.md describes it.
import { h, replace } from '../js/dom.js';

export class ActivityElement extends HTMLElement {
  /**
   * className: the class of the element's content; stylesheet: the URL of the component's stylesheet (say
   * `new URL('my.css', import.meta.url).href`), linked once in the page's head, or null for none.
   */
  constructor({ className, stylesheet = null }) {
    super();
    this._stylesheet = stylesheet;
    this.content = h('div', { class: className });
    // Announcements go to a live region that is never redrawn, so each is read once.
    this._region = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true' });
  }

  connectedCallback() {
    if (this._stylesheet && !document.querySelector(`link[href="${this._stylesheet}"]`)) {
      document.head.append(h('link', { rel: 'stylesheet', href: this._stylesheet }));
    }
    if (!this.content.isConnected) this.append(this.content, this._region);
  }

  set view(view) {
    this._view = view;
    this.render();
  }

  get view() {
    return this._view;
  }

  /** Draws the view; a subclass's own. */
  render() {}

  /** Sends a message through the page; resolves with the server's answer, or at once on a page that gives none. */
  send(name, body) {
    const detail = { name, body };
    this.dispatchEvent(new CustomEvent('colearn-send', { bubbles: true, composed: true, detail }));
    return detail.reply ?? Promise.resolve();
  }

  /** Says the text to screen readers once. */
  announce(text) {
    this._region.textContent = '';
    // Emptying, then filling on the next frame, makes screen readers treat the text as new.
    requestAnimationFrame(() => { this._region.textContent = text; });
  }

  /**
   * Replaces the content with these children. When the focus was in the content, it goes back to the control with the
   * same `key` (a form kept across views), else to the content's first heading, which should have tabindex -1.
   */
  redraw(...children) {
    const active = document.activeElement;
    const focused = active && this.content.contains(active) ? active.closest('[data-key]')?.dataset.key ?? '' : null;
    replace(this.content, ...children);
    if (focused === null) return;
    const again = focused ? this.content.querySelector(`[data-key="${CSS.escape(focused)}"]`) : null;
    (again ?? this.content.querySelector('h1, h2, h3, h4, h5, h6'))?.focus();
  }
}
