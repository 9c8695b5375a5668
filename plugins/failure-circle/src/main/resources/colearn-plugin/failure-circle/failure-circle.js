// <colearn-activity-failure-circle>: the browser side of the failure-story circle. The page sets `view` (what the
// server sent this person, CircleViews.View) and listens for `colearn-send` events carrying {name, body} messages
// (failure-circle.submit, ...), setting `detail.reply` to a promise of the server's answer; it may also set
// `serverNow` (the server's clock in milliseconds, for the story's countdown). A facilitator's page marks the element
// with the `facilitator` attribute; the queues come in `view.circles`, which the server sends only to facilitators
// and storytellers. Everything is rendered as text. The keys of anonymous stories stay in this browser
// (localStorage "colearn.circle.keys", {ref: key}); they are what shows a story is yours.
//
// Stable hooks for tests (ids are unique on the page; data-testid may repeat, one per story or circle):
//   #fc-prompt                              the circle's prompt
//   [data-testid=current-story]             the story told now (data-story-id); inside it, for every story card:
//     [data-testid=story-credit]            "Told by …" or "Anonymous"
//     [data-testid=story-time]              the countdown, or "Time is up for this story."
//     [data-testid=react-thanks|react-seen_too|react-helps]   reaction buttons (aria-pressed, count in the text)
//     [data-testid=take-back-text], [data-testid=take-back-add]   the note form
//     [data-testid=take-back-notes] li, [data-testid=drop-note]   the notes, and Delete on one's own
//   [data-testid=shared-story]              each story told before (data-story-id)
//   form[data-testid=story-form]: #fc-title #fc-tried #fc-happened #fc-learned #fc-differently #fc-topic
//     #fc-change-idea #fc-tags, radios #fc-credit-person #fc-credit-site #fc-credit-anonymous, #fc-submit;
//     [data-testid=patient-data-findings] with #fc-confirm; [data-testid=story-sent]
//   [data-testid=anonymous-key] with #fc-key-value (the key, shown once) and [data-testid=anonymous-key-done]
//   form[data-testid=bring-form]: #fc-bring-story #fc-bring-key #fc-bring, result #fc-bring-result
//   [data-testid=your-stories]: [data-testid=your-waiting] li (data-story-id) with [data-testid=withdraw];
//     [data-testid=consent-panel] (data-story-id) with radios #fc-visibility-<id>-pair|session|collaborative|server,
//     [data-testid=publish], [data-testid=keep], [data-testid=decision-result]; for an anonymous story, no pair
//     radio and [data-testid=no-pair-hint] saying why
//   [data-testid=circle-desks]: [data-testid=circle-desk] (data-circle) with [data-testid=share] (in li[data-story-id]),
//     [data-testid=storyteller-status], [data-testid=clear-storyteller], and for facilitators the storyteller choice
//     select[data-testid=storyteller-person] with [data-testid=choose-storyteller];
//     form[data-testid=offer-form]: #fc-offer-story #fc-offer-circle #fc-offer
//   [data-testid=circle-announcer]          the polite live region
import { h, plural } from '/plugin-kit/dom.js';
import { desksPart, offerForm } from './desk.js';
import { bringForm, storyForm } from './form.js';
import { noteForm, storyCard, timeText } from './story.js';
import { yourStories } from './consent.js';

const STYLESHEET = new URL('failure-circle.css', import.meta.url).href;

class ColearnActivityFailureCircle extends HTMLElement {
  constructor() {
    super();
    this.serverNow = null;
    this.personId = null;
    this._titles = new Map(); // ref -> title of the stories sent from this page
    this._noteForms = new Map();
    this._panels = new Map();
    this._pickers = new Map(); // circle -> the facilitator's storyteller choice
    this._seen = { current: undefined, timeUp: false };
    const send = (name, body) => this.send(name, body);
    const say = (text) => this.announce(text);
    this._context = { send, say, told: (ref, title) => this._titles.set(ref, title) };
    this._live = h('div', { class: 'fc-live' });
    this._offer = offerForm(send, say);
    this._tell = h('section', { class: 'fc-tell', 'aria-labelledby': 'fc-tell-heading' },
      h('h3', { id: 'fc-tell-heading', text: 'Tell a story' }), storyForm(this._context));
    this._bring = h('section', { class: 'fc-bring', 'aria-labelledby': 'fc-bring-heading' },
      h('h3', { id: 'fc-bring-heading', text: 'Bring one of my stories' }),
      h('p', { class: 'hint', text: 'A story of yours already in the catalogue: it joins the queue as it is.' }),
      bringForm(this._context));
    // Announcements go to a live region of the circle's own that is never redrawn, so each is read once.
    this._region = h('div', { class: 'visually-hidden', 'aria-live': 'polite', 'aria-atomic': 'true', testid: 'circle-announcer' });
    this._ticker = 0;
  }

  connectedCallback() {
    if (!document.querySelector(`link[href="${STYLESHEET}"]`)) {
      document.head.append(h('link', { rel: 'stylesheet', href: STYLESHEET }));
    }
    if (!this._live.isConnected) this.append(this._live, this._tell, this._bring, this._region);
    this._ticker = setInterval(() => this.tick(), 1000);
  }

  disconnectedCallback() {
    clearInterval(this._ticker);
  }

  set view(view) {
    this._view = view;
    this.render();
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

  announce(text) {
    if (!text) return;
    this._region.textContent = '';
    // Emptying, then filling on the next frame, makes screen readers treat the text as new.
    requestAnimationFrame(() => {
      this._region.textContent = text;
    });
  }

  now() {
    return typeof this.serverNow === 'function' ? this.serverNow() : Date.now();
  }

  tick() {
    this.querySelectorAll('.fc-time').forEach((timer) => {
      const text = timeText(timer.dataset.endsAt || null, timer.dataset.timeUp === 'true', this.now());
      if (timer.textContent !== text) timer.textContent = text;
    });
  }

  render() {
    const view = this._view;
    const kept = keepFocus(this);
    if (!view) {
      this._live.replaceChildren();
      return;
    }
    const { send, say } = this._context;
    const facilitator = this.hasAttribute('facilitator') && Boolean(view.circles);
    this._offer.update(view);
    const cardOf = (story, current) => storyCard(story, { send, current, noteForm: this.noteFormFor(story.id) });
    this._live.replaceChildren(...[
      h('p', { class: 'lead', id: 'fc-prompt', text: view.prompt }),
      h('p', { class: 'meta', testid: 'circle-status', text: `${view.circleName}: ${plural(view.queueSize, 'story waits', 'stories wait')} in the queue.` }),
      desksPart(view, { send, say, facilitator, offer: this._offer, pickers: this._pickers }),
      h('section', { class: 'fc-now', 'aria-labelledby': 'fc-now-heading' },
        h('h3', { id: 'fc-now-heading', class: 'visually-hidden', text: 'The story told now' }),
        view.current ? cardOf(view.current, true) : h('p', { class: 'empty', text: 'No story is being told yet.' })),
      yourStories(view, { send, say, titles: this._titles, panels: this._panels }),
      view.shared.length ? h('section', { class: 'fc-shared', 'aria-labelledby': 'fc-shared-heading' },
        h('h3', { id: 'fc-shared-heading', text: `Told before in this circle (${view.shared.length})` }),
        [...view.shared].reverse().map((story) => cardOf(story, false))) : null,
    ].filter(Boolean));
    this.tick();
    this.announceChanges(view);
    restoreFocus(this, kept);
  }

  /** Each story's note form is made once, so that a note being written survives new views. */
  noteFormFor(storyId) {
    if (!this._noteForms.has(storyId)) {
      this._noteForms.set(storyId, noteForm(storyId, (name, body) => this.send(name, body), (text) => this.announce(text)));
    }
    return this._noteForms.get(storyId);
  }

  /** "Now shared: …" when a new story is told, and "Time is up" once per story; nothing on the first view. */
  announceChanges(view) {
    const current = view.current;
    const first = this._seen.current === undefined;
    if (!first && current && current.id !== this._seen.current) {
      this.announce(`Now shared: ${current.title}${current.credit ? `, told by ${current.credit}` : ', anonymous'}.`);
    } else if (!first && current?.timeUp && !this._seen.timeUp) {
      this.announce('Time is up for this story.');
    }
    this._seen = { current: current?.id ?? null, timeUp: Boolean(current?.timeUp) };
  }
}

/** Which control had the focus (by its stable key or id) before the circle was redrawn. */
function keepFocus(root) {
  const active = document.activeElement;
  if (!active || !root.contains(active)) return null;
  return { key: active.dataset?.key ?? null, id: active.id || null, element: active };
}

/** Puts the focus back on the same control, or, when it is gone, on the nearest heading of the circle. */
function restoreFocus(root, kept) {
  if (!kept || (kept.element.isConnected && document.activeElement === kept.element)) return;
  const again = (kept.key && root.querySelector(`[data-key="${CSS.escape(kept.key)}"]`))
    || (kept.id && root.querySelector(`#${CSS.escape(kept.id)}`));
  const target = again || root.querySelector('.fc-live h3[tabindex], .fc-live h4[tabindex]') || root.querySelector('#fc-prompt');
  if (target) {
    if (!again && !target.hasAttribute('tabindex')) target.tabIndex = -1;
    target.focus();
  }
}

customElements.define('colearn-activity-failure-circle', ColearnActivityFailureCircle);
