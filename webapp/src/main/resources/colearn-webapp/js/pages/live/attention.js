/**
 * For facilitators, in the "Now" bar: what needs attention, as counts: help requests not yet handled, people waiting
 * in the plenary while breakout rooms are open, and guests here. Each count is a button that takes the facilitator to
 * its panel; a count of nothing is not shown. The counts are read again with the clock, so they follow every change.
 */
import { h } from '../../dom.js';
import { plural } from '../../format.js';

/** The counts as they are now: `{help, waiting, guests}`. */
export function attentionCounts(state) {
  const help = state.rooms.helpRequests.filter((request) => !request.handled).length;
  let waiting = 0;
  let guests = 0;
  state.presence?.forEach((person, personId) => {
    if (person.guest) guests += 1;
    if (state.rooms.open && person.role !== 'facilitator' && !state.rooms.roomOf(personId)) waiting += 1;
  });
  return { help, waiting, guests };
}

const WORDS = {
  help: (n) => plural(n, 'help request', 'help requests'),
  waiting: (n) => `${plural(n, 'person', 'people')} waiting for a room`,
  guests: (n) => plural(n, 'guest', 'guests'),
};

/**
 * `open` maps each count (`help`, `waiting`, `guests`) to the function that shows its panel; a count without one is
 * left out. Returns `{element, update}`.
 */
export function attentionBar(state, open) {
  const buttons = {};
  const element = h('ul', { class: 'attention', 'aria-label': 'Needs your attention', hidden: true });
  Object.keys(WORDS).filter((name) => open[name]).forEach((name) => {
    const button = h('button', { type: 'button', class: 'button button--secondary attention__count', dataset: { focusKey: `attention-${name}` } });
    button.addEventListener('click', () => open[name]());
    buttons[name] = { button, item: h('li', { hidden: true }, button) };
    element.append(buttons[name].item);
  });
  return {
    element,
    update() {
      const live = state.facilitator && state.session.status === 'live';
      const counts = attentionCounts(state);
      let any = false;
      Object.entries(buttons).forEach(([name, { button, item }]) => {
        const count = live ? counts[name] : 0;
        const text = count ? WORDS[name](count) : '';
        if (button.textContent !== text) button.textContent = text;
        item.hidden = !count;
        any ||= Boolean(count);
      });
      element.hidden = !any;
    },
  };
}
