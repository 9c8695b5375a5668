// The facilitator's console of a café: begin, move on, give more time, finish; the seating plan picture of this round
// and of the next (preview.js) and every table with its host and people; who has no seat; moving someone to another table in this round; and a
// note written while visiting a table. The rules (hosts, pins, pairs, kinds) and the seating report are in rules.js.
import { h, hidden, plural } from '/plugin-kit/dom.js';
import { button, field, personText, select } from './controls.js';
import { planPart } from './preview.js';
import { rulesPart } from './rules.js';

/**
 * The console; `visitForm` is the facilitator's note form (made once by the component, so typing survives), and
 * `plans` the seating plan tab shown and how to show another (see preview.js).
 */
export function consolePart(view, send, visitForm, plans) {
  const seating = view.console;
  if (!seating) return null;
  return h('section', { class: 'cafe-part cafe-console', 'aria-label': 'Café console' },
    h('h3', { text: 'Café console' }),
    roundControls(view, send),
    view.phase === 'round' ? planPart(view, plans.shown, plans.show) : null,
    view.phase === 'round' ? tablesPart(seating, send) : null,
    view.phase === 'round' && seating.tables.length ? visitPart(visitForm) : null,
    view.phase !== 'done' ? rulesPart(view, send) : null);
}

function visitPart(visitForm) {
  if (!visitForm) return null;
  return h('div', { class: 'cafe-visit' },
    h('h4', { text: 'Note from a table you visit' }),
    h('p', { class: 'cafe-hint', text: 'It goes to that table and on the harvest wall, under your name.' }),
    visitForm);
}

function roundControls(view, send) {
  if (view.phase === 'gathering') {
    return h('div', { class: 'cafe-controls' },
      h('p', { text: `${plural(view.console.participants.length, 'participant')} here to seat, in ${plural(view.rounds, 'round')}.` }),
      view.console.repeatFree ? h('p', { class: 'cafe-repeat-free', text: view.console.repeatFree }) : null,
      button('Begin the café', () => send('begin', {}), { key: 'begin' }));
  }
  if (view.phase !== 'round') {
    return h('p', { text: 'The café is over. Its harvest is kept with the session\'s results.' });
  }
  const minutes = h('input', { type: 'number', key: 'extend-minutes', min: '1', max: '60', value: '5', inputmode: 'numeric' });
  const last = view.round >= view.rounds;
  return h('div', { class: 'cafe-controls' },
    button(last ? 'End the last round' : `Start round ${view.round + 1} now`, () => send('nextRound', {}), { key: 'next-round' }),
    button('Finish the café', () => send('finish', {}), { key: 'finish', class: 'cafe-button cafe-button--secondary' }),
    h('form', { class: 'cafe-inline-form', novalidate: true, 'aria-label': 'More time for this round', onsubmit: (event) => {
      event.preventDefault();
      send('extend', { minutes: Number(minutes.value) }).catch(() => {});
    } },
    field('Minutes to add', minutes),
    h('button', { type: 'submit', class: 'cafe-button cafe-button--secondary', key: 'extend', text: 'Add time' })));
}

function tablesPart(seating, send) {
  const numbers = seating.tables.map((table) => table.number);
  return h('div', { class: 'cafe-tables' },
    h('h4', { text: `Tables this round (${seating.tables.length})` }),
    h('ul', { class: 'cafe-table-list' }, seating.tables.map((table) => h('li', { class: 'cafe-table-card' },
      h('h5', { text: `Table ${table.number}` }),
      h('p', { class: 'cafe-hint', text: `${table.host ? `Host: ${table.host.name}` : 'No host'} · ${plural(table.notes, 'note')}` }),
      h('ul', { class: 'cafe-people' }, table.members.map((member) => h('li', {},
        personText(member),
        table.host?.personId === member.personId ? h('span', { class: 'cafe-tag', text: 'host' })
          : moveControl(member, numbers.filter((number) => number !== table.number), send))))))),
    h('h4', { text: `Without a seat (${seating.unseated.length})` }),
    seating.unseated.length
      ? h('ul', { class: 'cafe-people' }, seating.unseated.map((member) => h('li', {}, personText(member), moveControl(member, numbers, send))))
      : h('p', { text: 'Everyone here has a seat.' }));
}

/** Moves one person to another table in this round: a select of tables and a button, both named after them. */
function moveControl(member, tables, send) {
  if (!tables.length) return null;
  const to = select({ key: `move-to-${member.personId}` }, tables.map((number) => [String(number), `Table ${number}`]));
  return h('span', { class: 'cafe-move' },
    field(`Move ${member.name} to`, to),
    button(['Move', hidden(` ${member.name}`)], () => send('move', { personId: member.personId, table: Number(to.value) }),
      { key: `move-${member.personId}`, class: 'cafe-button cafe-button--small' }));
}
