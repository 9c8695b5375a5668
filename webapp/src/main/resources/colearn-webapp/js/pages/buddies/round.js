/**
 * One pairing round, for facilitators: run the pairing, read each proposed pair's reasons and score parts, swap,
 * pin and re-run, publish to the site leads, and see the sites and their pairs on a map.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';
import { pairsMap } from './map.js';
import { pairName, partsText, statusText } from './words.js';

export async function roundPage(view, [id, roundId]) {
  const path = `collaboratives/${id}/buddies/rounds/${roundId}`;
  const round = await api.get(path);
  const state = { id, path, round };
  const body = h('div');
  const render = () => replace(body, ...sections(state, render));
  render();
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/collaboratives/${id}/buddies`, text: 'Buddy pairings' })),
    h('h1', { text: round.name }),
    h('p', { class: 'lead', text: `Pairs are called quiet after ${round.quietAfterDays} days without a check-in.` }),
    body);
  return { title: round.name };
}

function sections(state, render) {
  const { round } = state;
  const proposed = round.pairs.filter((pair) => pair.status === 'proposed');
  const act = async (call, message) => {
    state.round = await call();
    render();
    status.announce(typeof message === 'function' ? message(state.round) : message);
  };
  const runForm = form('Run a pairing',
    h('p', { text: 'Pairs every site with a profile that is not yet in a published or active pair of this round. Pinned pairs are kept.' }),
    subsetField(round),
    h('div', { class: 'actions' }, button(round.pairs.length ? 'Run pairing again' : 'Run pairing')));
  onSubmit(runForm, () => act(() => api.post(`${state.path}/run`, {
    siteIds: [...runForm.querySelectorAll('input[name="siteIds"]:checked')].map((box) => box.value),
  }), (fresh) => {
    const count = fresh.pairs.filter((pair) => pair.status === 'proposed').length;
    return `${count} ${count === 1 ? 'pair' : 'pairs'} proposed.${fresh.unplaced.length ? ` ${fresh.unplaced.length} left out: see below.` : ''}`;
  }));
  return [
    h('section', { class: 'section', 'aria-labelledby': 'run-heading' },
      h('h2', { id: 'run-heading', text: 'Run a pairing' }),
      h('div', { class: 'card' }, runForm),
      round.unplaced.length ? h('ul', { class: 'notice notice--warn' }, round.unplaced.map((u) => h('li', { text: u.reason }))) : null,
      waiting(round)),
    h('section', { class: 'section', 'aria-labelledby': 'pairs-heading' },
      h('h2', { id: 'pairs-heading', text: 'Pairs' }),
      dataTable('Pairs in this round', [
        { label: 'Sites', cell: (pair) => pairName(pair.sites) },
        { label: 'Status', cell: (pair) => [statusText(pair) + answers(pair), warnings(pair)] },
        { label: 'Score', cell: (pair) => `${pair.score} (${partsText(pair.parts)})` },
        { label: 'Reasons', cell: (pair) => h('ul', { class: 'reasons' }, pair.reasons.map((r) => h('li', { text: r }))) },
        { label: 'Pin', cell: (pair) => (pair.status === 'proposed' ? pinButton(state, pair, act) : '') },
      ], round.pairs, { empty: 'No pairs yet: run a pairing.' }),
      proposed.length > 1 ? swapForm(state, proposed, act) : null,
      proposed.length ? publishForm(state, proposed, act) : null),
    h('section', { class: 'section', 'aria-labelledby': 'map-heading' },
      h('h2', { id: 'map-heading', text: 'Map of the sites' }),
      pairsMap(round.map, round.pairs, 'buddy-map-title')),
  ];
}

/** Ticking some sites pairs only those; ticking none pairs every site with a profile. */
function subsetField(round) {
  const without = new Set(round.withoutProfile.map((site) => site.id));
  const sites = round.map.filter((site) => !without.has(site.id));
  if (sites.length < 3) return null;
  return h('details', { class: 'subset' },
    h('summary', { text: 'Pair only some sites' }),
    h('fieldset', { class: 'field field--wide' },
      h('legend', { text: 'Sites to pair (none ticked: every site)' }),
      sites.map((site) => {
        const boxId = `run-${site.id}`;
        return h('div', { class: 'field__check' },
          h('input', { type: 'checkbox', id: boxId, name: 'siteIds', value: site.id }),
          h('label', { for: boxId, text: site.name }));
      })));
}

function waiting(round) {
  const leadless = round.withoutLead ?? [];
  return [
    round.waiting.length ? h('p', { text: `Waiting for a partner: ${round.waiting.map((s) => s.name).join(', ')}.` }) : null,
    round.withoutProfile.length ? h('p', { class: 'hint', text: `No buddy profile yet: ${round.withoutProfile.map((s) => s.name).join(', ')}.` }) : null,
    leadless.length ? h('ul', { class: 'notice notice--warn', 'aria-label': 'Sites without a lead' }, leadless.map((site) => h('li', {
      text: `${site.name} has no site lead: nobody can accept a pair with ${site.name} until a lead joins. Invite one before you publish.`,
    }))) : null,
  ];
}

/** "Dover has no site lead: nobody can accept this pair until it has one", under the pair's status. */
function warnings(pair) {
  return (pair.warnings ?? []).length
    ? h('ul', { class: 'pair-warnings' }, pair.warnings.map((warning) => h('li', { class: 'problem', text: warning })))
    : null;
}

function answers(pair) {
  const said = pair.sites.filter((site) => site.answer).map((site) => `${site.name} ${site.answer}${site.reason ? `: “${site.reason}”` : ''}`);
  return said.length ? `. ${said.join('; ')}` : '';
}

function pinButton(state, pair, act) {
  const name = pairName(pair.sites);
  return h('button', {
    type: 'button',
    class: 'button button--secondary',
    'aria-pressed': pair.pinned ? 'true' : 'false',
    'aria-label': `Pin ${name}`,
    text: 'Pin',
    onclick: () => act(
      () => api.put(`${state.path}/pairs/${pair.id}/pin`, { pinned: !pair.pinned }),
      pair.pinned ? `${name} is no longer pinned.` : `${name} is pinned: a new run keeps it.`),
  });
}

function swapForm(state, proposed, act) {
  const choices = proposed.flatMap((pair) => pair.sites.map((site) => ({ value: site.siteId, text: `${site.name} (now with ${pairName(pair.sites.filter((s) => s.siteId !== site.siteId))})` })));
  const swap = form('Swap two sites',
    h('div', { class: 'grid' },
      field('siteId', 'Site', { choices, placeholder: 'Choose a site' }),
      field('otherSiteId', 'Swap with', { choices, placeholder: 'Choose a site' })),
    h('div', { class: 'actions' }, button('Swap', { variant: 'button--secondary' })));
  onSubmit(swap, (values) => act(
    () => api.post(`${state.path}/swap`, { siteId: values.siteId, otherSiteId: values.otherSiteId }),
    'The two sites are swapped and both pairs pinned.'));
  return h('div', { class: 'card subform' }, h('h3', { text: 'Swap two sites' }), swap);
}

function publishForm(state, proposed, act) {
  const stuck = proposed.filter((pair) => (pair.warnings ?? []).length).length;
  const publish = form('Publish pairs',
    h('p', { text: `Sends the ${proposed.length} proposed ${proposed.length === 1 ? 'pair' : 'pairs'} to the sites' leads, who accept or decline.` }),
    stuck ? h('p', { class: 'notice notice--warn', text: `${stuck === 1 ? '1 of them' : `${stuck} of them`} cannot be accepted until each of its sites has a lead: see the warnings in the table.` }) : null,
    h('div', { class: 'actions' }, button('Publish pairs')));
  onSubmit(publish, () => act(() => api.post(`${state.path}/publish`, {}),
    `${proposed.length} ${proposed.length === 1 ? 'pair' : 'pairs'} published to the site leads.`));
  return h('div', { class: 'card subform' }, h('h3', { text: 'Publish' }), publish);
}
