// The desk of those who bring stories to the room: each circle's queue with a Share button per story, whether a
// storyteller is chosen, and for facilitators what was told in every circle and a form that offers a catalogue story
// to a circle. The server sends `view.circles` to facilitators (every circle) and to a storyteller (theirs) only.
import { button, count, field, h, hidden } from './dom.js';
import { whenStoryGiven } from './form.js';

/** The desks, or null for someone who shares no circle's stories. `offer` is the facilitator's offer form. */
export function desksPart(view, { send, say, facilitator, offer }) {
  if (!view.circles) return null;
  return h('section', { class: 'fc-desks', 'aria-labelledby': 'fc-desks-heading', testid: 'circle-desks' },
    h('h3', { id: 'fc-desks-heading', text: facilitator ? 'Circles' : 'You are the storyteller', tabindex: '-1' }),
    facilitator ? null : h('p', { class: 'hint', text: 'A facilitator chose you to bring this circle\'s stories to the room, one at a time.' }),
    view.circles.map((desk) => deskPart(desk, { send, say, facilitator })),
    facilitator ? offer.element : null);
}

function deskPart(desk, { send, say, facilitator }) {
  const headingId = `fc-desk-${desk.circle}`;
  const told = desk.told ?? [];
  return h('section', { class: 'fc-desk', 'aria-labelledby': headingId, 'data-circle': desk.circle, testid: 'circle-desk' },
    h('h4', { id: headingId, text: desk.name, tabindex: '-1' }),
    facilitator ? h('p', { class: 'meta' }, desk.storytellerChosen ? 'A storyteller shares its stories. ' : 'You share its stories. ',
      desk.storytellerChosen ? button('Clear the storyteller', () => send('storyteller', { circle: desk.circle, personId: null })
        .then(() => say(`${desk.name}: facilitators share its stories now.`), () => {}),
      { class: 'button button--secondary fc-small', key: `clear-${desk.circle}`, testid: 'clear-storyteller' }) : null) : null,
    desk.queue.length
      ? h('ol', { class: 'fc-list', 'aria-label': `Queue of ${desk.name}` }, desk.queue.map((story) => h('li', { 'data-story-id': story.id },
        h('span', { text: story.title }), story.anonymous ? h('span', { class: 'meta', text: ' (anonymous)' }) : null, ' ',
        button(['Share', hidden(` ${story.title}`)], () => send('share', { storyId: story.id })
          .then(() => say(`${story.title} is shared with ${desk.name}.`), () => {}),
        { class: 'button fc-small', key: `share-${story.id}`, testid: 'share' }))))
      : h('p', { class: 'empty', text: 'No story is waiting.' }),
    told.length ? h('details', { class: 'fc-told' },
      h('summary', { text: `Told in ${desk.name}: ${count(told.length, 'story', 'stories')}` }),
      h('ul', { class: 'fc-list' }, told.map((story) => h('li', {},
        h('strong', { text: story.title }),
        ` (${story.credit ?? 'Anonymous'}; thanks ${story.reactions.thanks}, seen too ${story.reactions.seen_too}, helps ${story.reactions.helps})`,
        story.notes.length ? h('ul', {}, story.notes.map((note) => h('li', { class: 'story-text', text: note.text }))) : null))))
      : null);
}

/** The facilitator's form: a story everyone here may read, from the catalogue, into a circle. */
export function offerForm(send, say) {
  const story = h('input', { type: 'text', id: 'fc-offer-story' });
  const circle = h('select', { id: 'fc-offer-circle' });
  const note = h('p', { class: 'hint', tabindex: '-1' });
  const form = h('form', { class: 'fc-offer subform', novalidate: true, 'aria-labelledby': 'fc-offer-heading', testid: 'offer-form' },
    h('h4', { id: 'fc-offer-heading', text: 'Offer a story from the catalogue' }),
    field('Story id or link', story, 'A story approved for this session, the collaborative or every collaborative.'),
    field('Into the circle', circle),
    h('button', { type: 'submit', class: 'button button--secondary', id: 'fc-offer', text: 'Offer this story' }),
    note);
  whenStoryGiven({ form, story, note, done: 'The story is in the queue.', say },
    (storyId) => send('offer', { storyId, circle: circle.value || null }));
  return {
    element: form,
    /** Keeps the circles in step with the view, keeping the one chosen. */
    update(view) {
      const chosen = circle.value;
      const options = (view.circles ?? []).map((desk) => [desk.circle, desk.name]);
      if ([...circle.options].map((option) => option.value).join('\n') !== options.map(([value]) => value).join('\n')) {
        circle.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
        if (options.some(([value]) => value === chosen)) circle.value = chosen;
      }
    },
  };
}
