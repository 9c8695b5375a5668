// The rules a facilitator sets on a café's seating, and what the seating could not meet: hosts picked by hand or
// volunteered, people pinned to a table, pairs kept apart or together, more kinds of note, and the seating report.
import { h, hidden, plural } from '/plugin-kit/dom.js';
import { button, checkbox, field, select } from './controls.js';

export function rulesPart(view, send) {
  const people = view.console.participants;
  const nameOf = names(view);
  return h('div', { class: 'cafe-rules' },
    h('h4', { text: 'Seating rules' }),
    view.phase === 'round' ? h('p', { class: 'cafe-hint', text: 'Changes apply from the next round: the round under way never moves.' }) : null,
    hostsPart(view, people, send),
    pinsPart(view, people, nameOf, send),
    pairsPart(view, people, nameOf, send),
    kindPart(view, send),
    reportPart(view.console.report));
}

function hostsPart(view, people, send) {
  if (view.phase !== 'gathering') return null;
  if (view.hosts === 'facilitator') {
    const picks = new Set(view.console.hostPicks);
    const picked = view.console.hostPicks.map(names(view));
    return h('fieldset', { class: 'cafe-fieldset' }, h('legend', { text: 'Hosts' }),
      h('p', { text: picked.length ? `Picked to host: ${picked.join(', ')}.` : 'No hosts picked yet.' }),
      people.length ? people.map((person) => {
        const { box, element } = checkbox(`${person.name} hosts a table`,
          { key: `host-${person.personId}`, checked: picks.has(person.personId) });
        box.addEventListener('change', () => send('pickHost', { personId: person.personId, host: box.checked }).catch(() => {}));
        return element;
      }) : h('p', { text: 'Nobody is here yet.' }),
      h('p', { class: 'cafe-hint', text: 'Tables without a picked host get one chosen to spread the sites.' }));
  }
  const volunteers = view.console.volunteers.map(names(view));
  if (view.hosts === 'none') return h('p', { text: 'This café has no hosts: everyone moves to another table every round.' });
  return h('p', {}, view.hosts === 'volunteers'
    ? (volunteers.length ? `Volunteered to host: ${volunteers.join(', ')}.` : 'Nobody has volunteered to host yet.')
    : 'Hosts are chosen when the café begins, spread over the sites.');
}

function pinsPart(view, people, nameOf, send) {
  const person = personSelect('pin-person', people);
  const table = h('input', { type: 'number', key: 'pin-table', min: '1', max: '300', inputmode: 'numeric', value: '1' });
  return h('div', { class: 'cafe-rule' },
    h('h5', { text: 'Pinned to a table' }),
    list(view.console.pins.map((pin) => [`${nameOf(pin.personId)} at table ${pin.table}`,
      button(['Unpin', hidden(` ${nameOf(pin.personId)}`)], () => send('pin', { personId: pin.personId, table: null }),
        { key: `unpin-${pin.personId}`, class: 'cafe-button cafe-button--small' })]), 'Nobody is pinned.'),
    people.length ? form('Pin someone to a table', [field('Person to pin', person), field('Table number', table)],
      'Pin to table', () => send('pin', { personId: person.value, table: Number(table.value) })) : null);
}

function pairsPart(view, people, nameOf, send) {
  const first = personSelect('pair-first', people);
  const second = personSelect('pair-second', people, 1);
  const pair = (ids) => `${nameOf(ids[0])} and ${nameOf(ids[1])}`;
  const pairs = [
    ...view.console.apart.map((ids) => [`${pair(ids)}: kept apart`, button(['Let them meet', hidden(`: ${pair(ids)}`)],
      () => send('keepApart', { personId: ids[0], otherPersonId: ids[1], apart: false }),
      { key: `meet-${ids.join('-')}`, class: 'cafe-button cafe-button--small' })]),
    ...view.console.together.map((ids) => [`${pair(ids)}: kept together`, button(['Stop keeping together', hidden(`: ${pair(ids)}`)],
      () => send('keepTogether', { personId: ids[0], otherPersonId: ids[1], together: false }),
      { key: `untie-${ids.join('-')}`, class: 'cafe-button cafe-button--small' })]),
  ];
  const body = () => ({ personId: first.value, otherPersonId: second.value });
  return h('div', { class: 'cafe-rule' },
    h('h5', { text: 'Pairs kept apart or together' }),
    list(pairs, 'No pairs are set.'),
    people.length > 1 ? h('div', { class: 'cafe-inline-form', role: 'group', 'aria-label': 'Set a pair' },
      field('Person', first), field('Other person', second),
      button('Keep apart', () => send('keepApart', { ...body(), apart: true }).catch(() => {}), { key: 'keep-apart' }),
      button('Keep together', () => send('keepTogether', { ...body(), together: true }).catch(() => {}),
        { key: 'keep-together', class: 'cafe-button cafe-button--secondary' })) : null);
}

function kindPart(view, send) {
  const kind = h('input', { type: 'text', key: 'new-kind', maxlength: '40', autocomplete: 'off' });
  return h('div', { class: 'cafe-rule' },
    h('h5', { text: 'Kinds of note' }),
    h('p', { text: `Notes are: ${view.kinds.join(', ')}.` }),
    form('Add a kind of note', [field('New kind of note', kind)], 'Add kind', async () => {
      await send('addKind', { kind: kind.value.trim() });
      kind.value = '';
    }));
}

function reportPart(report) {
  const heading = h('h5', { text: 'Seating report' });
  if (!report) return h('div', { class: 'cafe-rule' }, heading, h('p', { text: 'The seating is made when the café begins.' }));
  return h('div', { class: 'cafe-rule cafe-report' }, heading, reportWords(report, 'The seating'));
}

/** What a seating (of the café, or of one round) could not meet: the counts, then each case in names. */
export function reportWords(report, what) {
  const summary = report.perfect
    ? `${what} meets every rule: nobody meets a tablemate twice, and the sites and professions mix.`
    : `${plural(report.repeats, 'repeated meeting')}, ${plural(report.earlierMeetings, 'meeting')} from earlier cafés, `
      + `${plural(report.sameSitePairs, 'pair')} from one site at a table, ${plural(report.unmixedTables, 'table')} of one profession.`;
  return [h('p', { text: summary }), report.lines.length ? h('ul', {}, report.lines.map((line) => h('li', { text: line }))) : null];
}

function personSelect(key, people, preferred = 0) {
  const control = select({ key }, people.map((person) => [person.personId, person.name]));
  if (people[preferred]) control.value = people[preferred].personId;
  return control;
}

function form(label, fields, action, submit) {
  return h('form', { class: 'cafe-inline-form', novalidate: true, 'aria-label': label, onsubmit: (event) => {
    event.preventDefault();
    Promise.resolve().then(submit).catch(() => {}); // the page says why a message was refused
  } }, fields, h('button', { type: 'submit', class: 'cafe-button cafe-button--secondary', key: `submit-${action}`, text: action }));
}

function list(items, empty) {
  return items.length
    ? h('ul', { class: 'cafe-rule-list' }, items.map(([text, control]) => h('li', {}, text, ' ', control)))
    : h('p', { class: 'cafe-hint', text: empty });
}

/** Names by person id, from everyone the console knows. */
function names(view) {
  const known = new Map();
  const add = (member) => { if (member) known.set(member.personId, member.name); };
  view.console.participants.forEach(add);
  view.console.unseated.forEach(add);
  view.console.tables.forEach((table) => table.members.forEach(add));
  return (id) => known.get(id) ?? 'someone who has left';
}
