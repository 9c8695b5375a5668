/** The members table: everyone sees names, sites, professions and roles; emails appear where the server sends them. */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { MEMBER_STATUS, PROFESSIONS, ROLES, dayOf, label } from '../../format.js';
import * as status from '../../status.js';
import { dataTable, orNone } from '../../table.js';
import { memberAdmin } from './member-admin.js';

const COLUMNS = [
  { label: 'Name', cell: (m) => m.displayName },
  { label: 'Site', cell: (m) => orNone(m.siteName) },
  { label: 'Profession', cell: (m) => orNone(label(PROFESSIONS, m.profession)) },
  { label: 'Role', cell: (m) => label(ROLES, m.role) },
  { label: 'Status', cell: (m) => h('span', { class: `badge badge--${m.status}`, text: label(MEMBER_STATUS, m.status) }) },
  { label: 'Email', cell: (m) => orNone(m.email) },
];

export function membersSection(state) {
  const tableSlot = h('div', { class: 'table-slot' });
  // Facilitators get a column to confirm invited members by hand, while any member waits for it.
  const columns = () => (state.facilitator && state.members.some((m) => m.status === 'invited')
    ? [...COLUMNS, { label: 'Confirm', cell: (m) => confirmCell(state, m) }]
    : COLUMNS);
  const renderTable = () => replace(tableSlot,
    dataTable('Members of this collaborative', columns(), state.members, { empty: 'No members yet.' }),
  );
  renderTable();
  state.onReload(renderTable);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'members-heading' },
    h('h2', { id: 'members-heading', text: 'Members' }),
    state.facilitator
      ? h('p', { class: 'hint', text: 'Invited members were imported from a file. Their membership goes to whoever confirms the address by the link we email them; where this server sends no email, or they cannot, "Who signed up?" lists the accounts that signed up with the address, so that you can confirm the person after asking them.' })
      : null,
    tableSlot,
    state.facilitator ? memberAdmin(state) : null,
  );
}

/** For an invited member: a button that lists who signed up with the address, each with a button to confirm them. */
function confirmCell(state, member) {
  if (member.status !== 'invited') return orNone(null);
  const slot = h('div', { class: 'claimants' });
  const ask = h('button', { type: 'button', class: 'button button--secondary', text: 'Who signed up?', 'aria-label': `Who signed up? (${member.displayName})` });
  ask.addEventListener('click', async () => {
    ask.disabled = true;
    try {
      const claimants = await api.get(`${state.base}/members/${member.id}/claimants`);
      replace(slot, claimants.length
        ? h('ul', { class: 'claimants__list' }, claimants.map((c) => claimantItem(state, member, c)))
        : h('p', { class: 'hint', text: `Nobody has signed up with ${member.email} yet.` }));
    } catch (error) {
      ask.disabled = false;
      status.announce(error.message, 'error');
    }
  });
  replace(slot, ask);
  return slot;
}

function claimantItem(state, member, claimant) {
  const confirm = h('button', { type: 'button', class: 'button', text: `Confirm ${claimant.displayName}`, 'aria-label': `Confirm ${claimant.displayName}, signed up ${dayOf(claimant.signedUpAt)}, as ${member.displayName}` });
  confirm.addEventListener('click', async () => {
    confirm.disabled = true;
    try {
      await api.post(`${state.base}/members/${member.id}/claimants/${claimant.accountId}/confirm`);
      status.announce(`${claimant.displayName} is confirmed as ${member.displayName} and is now an active member.`);
      await state.reload();
    } catch (error) {
      confirm.disabled = false;
      status.announce(error.message, 'error');
    }
  });
  return h('li', {}, h('span', { text: `${claimant.displayName}, signed up ${dayOf(claimant.signedUpAt)} ` }), confirm);
}
