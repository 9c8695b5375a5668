/**
 * The activity of the current agenda item, when it is a plugin (a poll, say): the page loads the plugin's ES module,
 * shows its custom element `<colearn-activity-<id>>`, sets the element's `view` whenever the server sends a new one,
 * and sends the element's `colearn-send` events as `<id>.<name>` commands (docs/plugins.md), handing the element the
 * promise of the answer as `detail.reply`. Refusals appear beside it, in words.
 */
import { h, replace } from '../../dom.js';
import { ACTIVITY_TYPES, label } from '../../format.js';
import * as status from '../../status.js';
import { inWords, note, say } from './commands.js';

const ACTIVITY_ID = /^[a-z][a-z0-9-]{1,39}$/;

/** `presenter`: shown on the presenter view, which controls nothing and shows what everyone may see. */
export function activitySection(state, connection, { presenter = false } = {}) {
  const heading = h('h2', { id: 'activity-heading' });
  const slot = h('div', { class: 'activity__slot' });
  const activityNote = note();
  // Long work of the activity ("Seating 1,500 people…"), and why it came to nothing when it did.
  const work = h('p', { class: 'activity__work', role: 'status', hidden: true });
  const section = h('section', { class: 'card activity', 'aria-labelledby': 'activity-heading', hidden: true }, heading, work, slot, activityNote);
  let shown = null; // { type, element }
  let loading = 0;

  const send = (type) => (event) => {
    const { name, body } = event.detail ?? {};
    if (typeof name !== 'string') return;
    say(activityNote, connection.joined ? '' : 'Waiting for the connection: this will be sent when it is back.', 'info');
    const reply = connection.send(`${type}.${name}`, body ?? {});
    reply.then(
      () => say(activityNote, ''),
      (error) => {
        const text = inWords(error);
        say(activityNote, text);
        status.announce(text, 'error');
      });
    // The component may wait for the answer (to clear a form once it is accepted); the refusal is said here.
    event.detail.reply = reply;
  };

  async function render() {
    const current = state.activity;
    const mine = ++loading;
    if (!current || !ACTIVITY_ID.test(current.type ?? '')) {
      section.hidden = true;
      replace(slot);
      shown = null;
      return;
    }
    heading.textContent = label(ACTIVITY_TYPES, current.type);
    section.hidden = false;
    const underway = current.work?.status === 'running' ? current.work.label : current.work?.message;
    work.hidden = !underway;
    work.textContent = underway ?? '';
    if (shown?.type !== current.type) {
      const tag = `colearn-activity-${current.type}`;
      if (!customElements.get(tag)) {
        try {
          const url = new URL(current.module, document.baseURI);
          if (url.origin !== location.origin) throw new Error(`an activity module from elsewhere: ${url}`);
          await import(url.href);
        } catch (error) {
          console.error(error);
          if (mine === loading) say(activityNote, 'This activity could not be shown on this page. Reload the page to try again.');
          return;
        }
        if (mine !== loading) return; // a newer view came while the module loaded
      }
      const element = document.createElement(tag);
      // A hint for the component's own controls only: the server decides what a facilitator may do.
      element.toggleAttribute('facilitator', state.facilitator && !presenter);
      element.toggleAttribute('presenter', presenter);
      // The server's clock (for countdowns that agree across devices) and who is looking.
      element.serverNow = () => state.now();
      element.personId = state.you?.personId ?? null;
      element.addEventListener('colearn-send', send(current.type));
      shown = { type: current.type, element };
      replace(slot, element);
      say(activityNote, '');
    }
    shown.element.view = current.view;
  }

  return { element: section, render };
}
