// The facilitator's choice between this round's seating plan and the next round's, as tabs: the next round is drawn
// with the same picture, followed by the same in words (each table with its host, who stays and where each person
// comes from), who is away, and what that round's seating cannot meet. Only facilitators receive the next round.
import { h, names, plural, uid } from '/plugin-kit/dom.js';
import { personText } from './controls.js';
import { seatingPlan } from './plan.js';
import { reportWords } from './rules.js';

const TABS = ['current', 'next'];

/**
 * This round's plan, or both rounds' as tabs when another round follows. `shown` is the tab chosen ('current' or
 * 'next'), kept by the component across views; `show(tab)` chooses another and moves the focus to it.
 */
export function planPart(view, shown, show) {
  const seating = view.console;
  if (!seating.tables.length) return null;
  const current = () => seatingPlan(view, { tables: seating.tables, round: view.round, words: 'Tables this round' });
  if (!seating.next) return current();
  const tab = TABS.includes(shown) ? shown : 'current';
  const panelId = uid('cafe-plan-panel');
  const tabs = TABS.map((name) => {
    const selected = name === tab;
    return h('button', {
      type: 'button', role: 'tab', class: 'cafe-tab', key: `plan-tab-${name}`, id: uid('cafe-plan-tab'),
      'aria-selected': String(selected), 'aria-controls': selected ? panelId : null, tabindex: selected ? '0' : '-1',
      text: name === 'current' ? `This round (${view.round})` : `Next round (${seating.next.round})`,
      onclick: () => show(name),
      onkeydown: (event) => {
        const step = { ArrowRight: 1, ArrowLeft: -1, Home: -TABS.length, End: TABS.length }[event.key];
        if (step === undefined) return;
        event.preventDefault();
        show(TABS[Math.max(0, Math.min(TABS.length - 1, TABS.indexOf(name) + step))]);
      },
    });
  });
  const chosen = tabs[TABS.indexOf(tab)];
  return h('div', { class: 'cafe-plans' },
    h('div', { role: 'tablist', 'aria-label': 'Seating plan to show', class: 'cafe-tabs' }, tabs),
    h('div', { role: 'tabpanel', id: panelId, 'aria-labelledby': chosen.id, class: 'cafe-tabpanel' },
      tab === 'current' ? current() : nextRound(view, seating.next)));
}

function nextRound(view, next) {
  const moving = new Map(next.moves.map((move) => [move.person.personId, move]));
  return h('div', { class: 'cafe-next-round' },
    h('h4', { text: 'Next round' }),
    h('p', { text: `Round ${next.round} of ${view.rounds}: ${next.question}` }),
    seatingPlan(view, { tables: next.tables, round: next.round, words: 'Tables next round' }),
    h('h5', { text: `Rule check for round ${next.round}` }),
    reportWords(next.report, `Round ${next.round}`),
    next.away.length ? h('p', { class: 'cafe-hint', text: `Away now: ${names(next.away.map((member) => member.name))}. `
      + `${next.away.length === 1 ? 'They keep their seat' : 'They keep their seats'} until round ${next.round} starts; `
      + 'anyone not back by then is left out and the tables are balanced again.' }) : null,
    h('h5', { text: `Tables next round (${next.tables.length})` }),
    h('ul', { class: 'cafe-table-list' }, next.tables.map((table) => h('li', { class: 'cafe-table-card' },
      h('h6', { text: `Table ${table.number}` }),
      h('p', { class: 'cafe-hint', text: `${hostText(table, moving)} · ${plural(table.members.length, 'person', 'people')}` }),
      h('ul', { class: 'cafe-people' }, table.members.map((member) => h('li', {},
        personText(member), ' ', h('span', { class: 'cafe-tag', text: whence(member, table, moving) }))))))));
}

/** Who hosts a table next round: someone who stays, someone who comes to open it, or nobody. */
function hostText(table, moving) {
  if (!table.host) return 'No host';
  return moving.has(table.host.personId) ? `Host: ${table.host.name}, who opens this table` : `Host: ${table.host.name}, who stays`;
}

/** Where someone comes from to this table: they host it, stay, move from another table, or have no seat now. */
function whence(member, table, moving) {
  const move = moving.get(member.personId);
  if (table.host?.personId === member.personId) return move ? `host, ${move.from ? `from table ${move.from}` : 'no seat now'}` : 'host, stays';
  if (!move) return 'stays';
  return move.from ? `from table ${move.from}` : 'no seat now';
}
