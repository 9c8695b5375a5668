// "Your stories": the person's stories waiting in a queue (to take back before they are told) and those told here
// (to publish to the catalogue, at a visibility they choose, or to keep in the room). Credited stories come marked as
// theirs by the server; anonymous ones the browser recognises by the keys it holds, since no view says whose they are.
import { h } from '/plugin-kit/dom.js';
import { button, radios } from './controls.js';
import { keyFor } from './keys.js';

const VISIBILITIES = [
  ['pair', 'My buddy pair', '(my site and its buddy sites)'],
  ['session', 'This session', '(everyone in this learning session)'],
  ['collaborative', 'The collaborative', '(after a facilitator approves it)'],
  ['server', 'Every collaborative', '(after a facilitator approves it)'],
];

const WAITS = new Set(['collaborative', 'server']);

/** Who reads a published story, by the visibility its teller chose. */
const READERS = {
  pair: 'your buddy pair',
  session: 'this session',
  collaborative: 'the collaborative',
  server: 'every collaborative',
};

// A buddy pair's stories are scoped to the teller's site, so an anonymous story cannot go there.
const ANONYMOUS_HINT = 'Your buddy pair is not offered: a story for the pair names your site, and an anonymous story '
  + 'must not.';

/**
 * The section, or null when the person has no story here. `titles` maps refs to titles remembered from this page (an
 * anonymous story's title is not in the view's list); `panels` keeps each story's decision panel across views.
 */
export function yourStories(view, { send, say, titles, panels }) {
  const ours = (story) => !story.anonymous || keyFor(story.id) !== null;
  const titleOf = (story) => story.title ?? titles.get(story.id) ?? toldTitle(view, story.id) ?? 'Your anonymous story';
  const waiting = (view.waiting ?? []).filter(ours);
  const decisions = (view.decisions ?? []).filter(ours);
  if (!waiting.length && !decisions.length) return null;
  return h('section', { class: 'fc-yours', 'aria-labelledby': 'fc-yours-heading', testid: 'your-stories' },
    h('h3', { id: 'fc-yours-heading', text: 'Your stories', tabindex: '-1' }),
    waiting.length ? h('ul', { class: 'fc-list', testid: 'your-waiting' }, waiting.map((story) => h('li', { 'data-story-id': story.id },
      `${titleOf(story)}: waiting in the queue${story.anonymous ? ' (anonymous)' : ''}. `,
      button('Take it back', () => send('withdraw', { storyId: story.id, key: keyFor(story.id) })
        .then(() => say(`${titleOf(story)} is taken back.`), () => {}),
      { class: 'button button--secondary fc-small', key: `withdraw-${story.id}`, testid: 'withdraw' })))) : null,
    decisions.map((story) => decisionPanel(story, titleOf(story), { send, say, panels })));
}

function toldTitle(view, id) {
  return [view.current, ...(view.shared ?? [])].find((story) => story?.id === id)?.title ?? null;
}

/** What the teller decided on a story told here, or the choice to make. */
function decisionPanel(story, title, { send, say, panels }) {
  let panel = panels.get(story.id);
  if (!panel) {
    panel = consentForm(story, title, send, say);
    panels.set(story.id, panel);
  }
  panel.update(story);
  return panel.element;
}

function consentForm({ id: storyId, anonymous }, title, send, say) {
  const offered = anonymous ? VISIBILITIES.filter(([value]) => value !== 'pair') : VISIBILITIES;
  const visibility = radios(`fc-visibility-${storyId}`, `Who may read "${title}" in the story catalogue?`, offered, 'session');
  if (anonymous) {
    const hint = h('p', { class: 'hint', id: `fc-no-pair-${storyId}`, testid: 'no-pair-hint', text: ANONYMOUS_HINT });
    visibility.element.append(hint);
    visibility.element.setAttribute('aria-describedby', hint.id);
  }
  const confirm = h('input', { type: 'checkbox', id: `fc-publish-confirm-${storyId}` });
  const confirmRow = h('div', { class: 'field__check', hidden: true }, confirm,
    h('label', { for: confirm.id, text: 'I have checked: it does not identify a patient. Publish it as it is.' }));
  const result = h('p', { class: 'fc-decision', tabindex: '-1', testid: 'decision-result', key: `decision-${storyId}` });
  let decided = null; // what this page decided, to word the outcome and announce it once
  let announced = false;
  const decide = async (name, body, control) => {
    try {
      await send(name, { storyId, key: keyFor(storyId), ...body });
    } catch (error) {
      if (error?.code === 'patient_data_suspected') {
        confirmRow.hidden = false;
        result.textContent = error.message;
        confirm.focus();
      } else {
        result.textContent = error?.message ?? 'That did not work. Please try again.';
        control.focus();
      }
      return;
    }
    decided = { visibility: body.visibility ?? null };
    result.focus();
  };
  const publish = button('Publish to the catalogue', () => decide('publish',
    { visibility: visibility.value(), confirmNotIdentifying: !confirmRow.hidden && confirm.checked }, publish),
  { testid: 'publish', key: `publish-${storyId}` });
  const keep = button('Keep it in the room', () => decide('keep', {}, keep),
    { class: 'button button--secondary', testid: 'keep', key: `keep-${storyId}` });
  const choice = h('div', { class: 'fc-consent-choice' },
    h('p', { text: 'Nothing goes to the catalogue unless you say so.' }), visibility.element, confirmRow,
    h('div', { class: 'actions' }, publish, ' ', keep));
  const element = h('div', { class: 'fc-consent', 'data-story-id': storyId, testid: 'consent-panel' },
    h('h4', { text: title }), choice, result);
  return {
    element,
    update(story) {
      choice.hidden = story.consent !== 'open';
      if (story.consent === 'published') {
        // What the teller chose, as the server keeps it (on any device, after any reload); true before and after approval.
        const chosen = story.visibility ?? decided?.visibility;
        const readers = READERS[chosen];
        result.textContent = !readers
          ? 'Published to the catalogue. Stories for the collaborative or every collaborative show there once a facilitator approves them.'
          : `Published to the catalogue for ${readers}${WAITS.has(chosen) ? ': it shows there once a facilitator approves it.' : '.'}`;
      } else if (story.consent === 'kept') {
        result.textContent = 'Kept in the room: it goes no further.';
      }
      if (decided && !announced && story.consent !== 'open') {
        announced = true;
        say(result.textContent);
      }
    },
  };
}
