// The desk of those who bring stories to the room: each circle's queue with a Share button per story, whether a
// storyteller is chosen, and for facilitators what was told in every circle and a form that offers a catalogue story
// to a circle. The server sends `view.circles` to facilitators (every circle) and to a storyteller (theirs) only.
import { h, hidden, plural } from '/plugin-kit/dom.js';
import { button, field } from './controls.js';
import { whenStoryGiven } from './form.js';

/**
 * The desks, or null for someone who shares no circle's stories. `offer` is the facilitator's offer form; `pickers`
 * keeps each circle's storyteller choice across views.
 */
export function desksPart(view, { send, say, facilitator, offer, pickers }) {
  if (!view.circles) return null;
  return h('section', { class: 'fc-desks', 'aria-labelledby': 'fc-desks-heading', testid: 'circle-desks' },
    h('h3', { id: 'fc-desks-heading', text: facilitator ? 'Circles' : 'You are the storyteller', tabindex: '-1' }),
    facilitator ? null : h('p', { class: 'hint', text: 'A facilitator chose you to bring this circle\'s stories to the room, one at a time.' }),
    view.circles.map((desk) => deskPart(desk, { send, say, facilitator, picker: facilitator ? pickerFor(pickers, desk, send, say) : null })),
    facilitator ? offer.element : null);
}

function deskPart(desk, { send, say, facilitator, picker }) {
  const headingId = `fc-desk-${desk.circle}`;
  const told = desk.told ?? [];
  const storyteller = (desk.present ?? []).find((person) => person.storyteller);
  return h('section', { class: 'fc-desk', 'aria-labelledby': headingId, 'data-circle': desk.circle, testid: 'circle-desk' },
    h('h4', { id: headingId, text: desk.name, tabindex: '-1' }),
    facilitator ? h('p', { class: 'meta', testid: 'storyteller-status' },
      desk.storytellerChosen ? `${storyteller?.name ?? 'A storyteller'} shares its stories. ` : 'You share its stories. ',
      desk.storytellerChosen ? button(['Clear the storyteller', hidden(` of ${desk.name}`)],
        () => send('storyteller', { circle: desk.circle, personId: null })
          .then(() => say(`${desk.name}: facilitators share its stories now.`), () => {}),
        { class: 'button button--secondary fc-small', key: `clear-${desk.circle}`, testid: 'clear-storyteller' }) : null) : null,
    picker ? picker.element : null,
    desk.queue.length
      ? h('ol', { class: 'fc-list', 'aria-label': `Queue of ${desk.name}` }, desk.queue.map((story) => h('li', { 'data-story-id': story.id },
        h('span', { text: story.title }), story.anonymous ? h('span', { class: 'meta', text: ' (anonymous)' }) : null, ' ',
        button(['Share', hidden(` ${story.title}`)], () => send('share', { storyId: story.id })
          .then(() => say(`${story.title} is shared with ${desk.name}.`), () => {}),
        { class: 'button fc-small', key: `share-${story.id}`, testid: 'share' }))))
      : h('p', { class: 'empty', text: 'No story is waiting.' }),
    told.length ? h('details', { class: 'fc-told' },
      h('summary', { text: `Told in ${desk.name}: ${plural(told.length, 'story', 'stories')}` }),
      h('ul', { class: 'fc-list' }, told.map((story) => h('li', {},
        h('strong', { text: story.title }),
        ` (${story.credit ?? 'Anonymous'}; thanks ${story.reactions.thanks}, seen too ${story.reactions.seen_too}, helps ${story.reactions.helps})`,
        story.notes.length ? h('ul', {}, story.notes.map((note) => h('li', { class: 'story-text', text: note.text }))) : null))))
      : null);
}

function pickerFor(pickers, desk, send, say) {
  if (!pickers.has(desk.circle)) pickers.set(desk.circle, storytellerPicker(desk, send, say));
  const picker = pickers.get(desk.circle);
  picker.update(desk);
  return picker;
}

/**
 * The facilitator's choice of a circle's storyteller among the people in it now. It is made once per circle (whose
 * name never changes), so that a person chosen but not yet confirmed survives new views.
 */
function storytellerPicker({ circle, name }, send, say) {
  const person = h('select', { key: `storyteller-${circle}`, testid: 'storyteller-person' });
  const choose = button(['Make storyteller', hidden(` of ${name}`)], async () => {
    if (!person.value) {
      person.focus();
      return;
    }
    const chosen = person.selectedOptions[0].textContent;
    try {
      await send('storyteller', { circle, personId: person.value });
    } catch {
      person.focus();
      return; // The page says why beside the activity.
    }
    say(`${chosen} is the storyteller of ${name} now.`);
  }, { class: 'button button--secondary fc-small', key: `choose-${circle}`, testid: 'choose-storyteller' });
  return {
    element: h('div', { class: 'fc-picker' },
      field(`Storyteller of ${name}`, person, 'Someone in this circle now, who brings its stories to the room.'), choose),
    update(desk) {
      const people = desk.present ?? [];
      const chosen = person.value || people.find((someone) => someone.storyteller)?.personId || '';
      const options = [['', 'Choose a person'], ...people.map((someone) => [someone.personId, someone.name])];
      const listed = (list) => list.map(([value, text]) => `${value}\t${text}`).join('\n');
      if (listed([...person.options].map((option) => [option.value, option.text])) !== listed(options)) {
        person.replaceChildren(...options.map(([value, text]) => h('option', { value, text })));
      }
      person.value = options.some(([value]) => value === chosen) ? chosen : '';
    },
  };
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
