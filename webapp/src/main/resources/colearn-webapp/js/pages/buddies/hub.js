/**
 * Buddy pairings in a collaborative: the person's own site's profile and pairs (site leads accept or decline them
 * here), and for facilitators the pairing rounds and every site's profile.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { dayOf } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import { go } from '../../router.js';
import { dataTable, orNone } from '../../table.js';
import { pairName, statusText } from './words.js';

export async function buddiesPage(view, [id]) {
  const base = `collaboratives/${id}`;
  const [collaborative, members] = await Promise.all([api.get(base), api.get(`${base}/members`)]);
  const me = members.find((m) => m.id === collaborative.myMemberId) ?? {};
  const facilitator = collaborative.myRole === 'facilitator';
  const lead = collaborative.myRole === 'site_lead';
  const state = { id, base, me, facilitator, lead };
  const [pairs, rounds, profiles] = await Promise.all([
    api.get(`${base}/buddies/pairs`),
    facilitator ? api.get(`${base}/buddies/rounds`) : [],
    facilitator ? api.get(`${base}/buddies/profiles`) : [],
  ]);
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/collaboratives/${id}`, text: collaborative.name })),
    h('h1', { text: 'Buddy pairings' }),
    h('p', { class: 'lead', text: 'Sites learn in pairs where each can learn from the other, close enough to visit.' }),
    me.siteId ? mySiteSection(state, me) : h('p', { class: 'notice', text: 'Choose your site on the collaborative page to take part in buddy pairings.' }),
    me.siteId ? pairsSection(state, pairs) : null,
    facilitator ? roundsSection(state, rounds) : null,
    facilitator ? profilesSection(state, profiles) : null,
  );
  return { title: 'Buddy pairings' };
}

function mySiteSection(state, me) {
  const canEdit = state.facilitator || state.lead;
  return h('section', { class: 'section', 'aria-labelledby': 'my-profile-heading' },
    h('h2', { id: 'my-profile-heading', text: "Your site's profile" }),
    h('p', {}, h('a', {
      href: `#/collaboratives/${state.id}/buddies/profiles/${me.siteId}`,
      text: canEdit ? `Edit the buddy profile of ${me.siteName}` : `See the buddy profile of ${me.siteName}`,
    })));
}

function pairsSection(state, pairs) {
  const list = h('div', { class: 'pair-cards' });
  if (!pairs.length) list.append(h('p', { class: 'empty', text: 'Your site has no published pairs yet.' }));
  pairs.forEach((pair) => list.append(pairCard(state, pair)));
  return h('section', { class: 'section', 'aria-labelledby': 'my-pairs-heading' },
    h('h2', { id: 'my-pairs-heading', text: "Your site's pairs" }),
    list);
}

function pairCard(state, pair) {
  const mine = pair.sites.find((s) => s.siteId === state.me.siteId);
  const headingId = `pair-${pair.id}`;
  const card = h('article', { class: 'card pair-card', 'aria-labelledby': headingId },
    h('h3', { id: headingId, text: pairName(pair.sites) }),
    h('p', { class: 'meta', text: `${pair.roundName}: ${statusText(pair)}` }),
    h('ul', { class: 'reasons' }, pair.reasons.map((reason) => h('li', { text: reason }))));
  if (pair.status === 'active') {
    card.append(h('p', {}, h('a', { href: `#/collaboratives/${state.id}/buddies/spaces/${pair.id}`, text: "Open the pair's space" })));
  }
  if (mine?.answer) {
    card.append(h('p', { text: `Your site ${mine.answer} this pair${mine.reason ? `: ${mine.reason}` : '.'}` }));
  } else if (pair.status === 'published' && state.lead) {
    card.append(answerForm(state, pair));
  }
  return card;
}

function answerForm(state, pair) {
  const partner = pairName(pair.sites.filter((s) => s.siteId !== state.me.siteId));
  const answer = form(`Answer the pair with ${partner}`,
    field('reason', 'Reason, if you decline (optional)', { hint: 'The facilitator sees it and can pair your site again.' }),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'button', name: 'answer', value: 'accept', text: 'Accept' }),
      h('button', { type: 'submit', class: 'button button--secondary', name: 'answer', value: 'decline', text: 'Decline' })));
  onSubmit(answer, async (values, submitter) => {
    const choice = submitter?.value === 'decline' ? 'decline' : 'accept';
    await api.post(`${state.base}/buddies/pairs/${pair.id}/answer`, { answer: choice, reason: values.reason });
    go(`/collaboratives/${state.id}/buddies`, choice === 'accept'
      ? `You accepted the pair with ${partner}.`
      : `You declined the pair with ${partner}. The facilitator will see your reason.`);
  });
  return answer;
}

function roundsSection(state, rounds) {
  const table = dataTable('Pairing rounds', [
    { label: 'Round', cell: (r) => h('a', { href: `#/collaboratives/${state.id}/buddies/rounds/${r.id}`, text: r.name }) },
    { label: 'Started', cell: (r) => dayOf(r.createdAt) },
    { label: 'Pairs', cell: (r) => String(r.pairs) },
    { label: 'Active', cell: (r) => String(r.active) },
    { label: 'Quiet lately', cell: (r) => String(r.quiet) },
  ], rounds, { empty: 'No pairing rounds yet.' });
  const start = form('Start a pairing round',
    h('div', { class: 'grid' },
      field('name', 'Round name', { required: true, hint: 'For example: Action period 2' }),
      field('quietAfterDays', 'Call a pair quiet after (days)', { type: 'number', min: 1, max: 365, value: '28' })),
    h('div', { class: 'actions' }, button('Start round')));
  onSubmit(start, async (values) => {
    const round = await api.post(`${state.base}/buddies/rounds`, {
      name: values.name,
      quietAfterDays: values.quietAfterDays ? Number(values.quietAfterDays) : null,
    });
    go(`/collaboratives/${state.id}/buddies/rounds/${round.id}`, `Round ${round.name} started. Run a pairing when the profiles are in.`);
  });
  return h('section', { class: 'section', 'aria-labelledby': 'rounds-heading' },
    h('h2', { id: 'rounds-heading', text: 'Pairing rounds' }),
    table,
    h('div', { class: 'card subform' }, h('h3', { text: 'Start a pairing round' }), start));
}

function profilesSection(state, profiles) {
  return h('section', { class: 'section', 'aria-labelledby': 'profiles-heading' },
    h('h2', { id: 'profiles-heading', text: 'Site profiles' }),
    dataTable('Buddy profiles of the sites', [
      { label: 'Site', cell: (p) => h('a', { href: `#/collaboratives/${state.id}/buddies/profiles/${p.siteId}`, text: p.siteName }) },
      { label: 'Offers', cell: (p) => orNone(p.offers.join(', ')) },
      { label: 'Wants', cell: (p) => orNone(p.wants.join(', ')) },
      { label: 'Can take on', cell: (p) => String(p.capacity) },
      { label: 'Updated', cell: (p) => (p.updatedAt ? dayOf(p.updatedAt) : 'Not filled in') },
    ], profiles, { empty: 'No sites yet.' }));
}
