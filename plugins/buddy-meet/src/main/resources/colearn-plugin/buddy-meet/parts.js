// The parts of a buddy meet's view: a pair's own room (its open items and the steps it agreed), the facilitators'
// overview of the pairs and rooms, and the plenary's word on why someone has no room.
import { h, names, plural, uid } from '/plugin-kit/dom.js';

function button(text, onclick, props = {}) {
  return h('button', { type: 'button', class: 'buddy-meet-button', ...props, onclick }, text);
}

/** The form for a next step, made once so that what someone is typing survives every new view. */
export function stepForm(send) {
  const input = h('input', { type: 'text', id: uid('buddy-meet-step'), maxlength: '500', autocomplete: 'off', key: 'step-text' });
  const problem = h('p', { class: 'buddy-meet-problem', id: uid('buddy-meet-problem'), hidden: true });
  const form = h('form', { class: 'buddy-meet-form', 'aria-label': 'Add a next step' },
    h('label', { for: input.id, text: 'A next step we agreed' }),
    h('div', { class: 'buddy-meet-row' }, input, h('button', { type: 'submit', class: 'buddy-meet-button', key: 'step-add' }, 'Add step')),
    problem);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = input.value.trim();
    problem.hidden = true;
    if (!text) {
      problem.textContent = 'Write the step first.';
      problem.hidden = false;
      input.setAttribute('aria-describedby', problem.id);
      input.focus();
      return;
    }
    try {
      await send('addStep', { text });
      input.value = '';
      input.removeAttribute('aria-describedby');
    } catch {
      // The page says the refusal in words beside the activity; what was typed stays.
    }
  });
  return form;
}

export function ownPairPart(view, send, form) {
  const pair = view.pair;
  const meeting = view.phase === 'meeting';
  return h('div', { class: 'buddy-meet-pair' },
    h('p', { class: 'buddy-meet-sites', text: `Your buddy pair: ${names(pair.sites)}` }),
    h('section', { class: 'buddy-meet-part', 'aria-labelledby': 'buddy-meet-items' },
      h('h4', { id: 'buddy-meet-items', text: 'What your pair has open' }),
      itemList(pair.openItems, 'Nothing open: no visit planned, no check-in or note yet.')),
    h('section', { class: 'buddy-meet-part', 'aria-labelledby': 'buddy-meet-steps' },
      h('h4', { id: 'buddy-meet-steps', text: 'Next steps we agreed' }),
      stepList(pair.steps, meeting ? send : null, 'No steps yet: agree one and add it here.'),
      meeting ? form : null));
}

export function facilitatorPart(view, send, extendForm) {
  const pairs = view.pairs ?? [];
  return h('div', { class: 'buddy-meet-console' },
    view.phase === 'meeting' ? h('div', { class: 'buddy-meet-actions' },
      extendForm,
      button('Finish now', () => send('finish', {}), { key: 'finish' }),
      button('Read the pairs again', () => send('refresh', {}), { key: 'refresh', class: 'buddy-meet-button buddy-meet-button--quiet' })) : null,
    h('h4', { text: `Pairs (${pairs.length})` }),
    pairs.length
      ? h('ul', { class: 'buddy-meet-pairs' }, pairs.map((pair) => h('li', { class: 'buddy-meet-card' },
        h('h5', { text: pair.name }),
        h('p', { text: pair.people.length ? `In its room: ${names(pair.people.map((p) => p.name))}` : 'Nobody from this pair is here.' }),
        h('p', { text: `${plural(pair.steps, 'next step')} agreed${pair.steps ? `, ${pair.stepsDone} done` : ''}.` }),
        pair.openItems ? [
          h('p', { class: 'buddy-meet-hint', text: 'This pair invited the faculty: you see what it has open and its steps.' }),
          itemList(pair.openItems, 'Nothing open.'),
          stepList(pair.agreed, null, 'No steps yet.'),
        ] : h('p', { class: 'buddy-meet-hint', text: 'The pair keeps its items and steps to itself.' }))))
      : h('p', { text: 'This collaborative has no active buddy pair.' }),
    h('h4', { text: 'In the plenary' }),
    view.plenary?.length
      ? h('ul', {}, view.plenary.map((person) => h('li', { text: [person.name, person.site].filter(Boolean).join(', ') })))
      : h('p', { text: 'No participant is in the plenary.' }));
}

/** The facilitators' form to give the pairs more time, made once so the number survives new views. */
export function extendForm(send) {
  const minutes = h('input', { type: 'number', id: uid('buddy-meet-minutes'), min: '1', max: '60', value: '5', key: 'extend-minutes', class: 'buddy-meet-number' });
  const form = h('form', { class: 'buddy-meet-row', 'aria-label': 'Give the pairs more time' },
    h('label', { for: minutes.id, text: 'Minutes to add' }), minutes,
    h('button', { type: 'submit', class: 'buddy-meet-button', key: 'extend' }, 'Extend'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    send('extend', { minutes: Number(minutes.value) }).catch(() => {});
  });
  return form;
}

export function plenaryPart(view) {
  return h('p', { class: 'buddy-meet-notice', text: view.notice });
}

function itemList(items, empty) {
  return items.length ? h('ul', { class: 'buddy-meet-items' }, items.map((item) => h('li', { text: item }))) : h('p', { text: empty });
}

function stepList(steps, send, empty) {
  if (!steps.length) return h('p', { text: empty });
  return h('ul', { class: 'buddy-meet-steps' }, steps.map((step) => h('li', { class: step.done ? 'buddy-meet-step--done' : null },
    h('span', { text: step.text }),
    h('span', { class: 'buddy-meet-hint', text: ` (${step.by}${step.done ? ', done' : ''})` }),
    send && !step.done
      ? button('Mark done', () => send('doneStep', { id: step.id }).catch(() => {}), { key: `done-${step.id}`, 'aria-label': `Mark done: ${step.text}` })
      : null)));
}
