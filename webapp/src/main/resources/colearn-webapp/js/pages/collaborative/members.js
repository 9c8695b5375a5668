/** The members table: everyone sees names, sites, professions and roles; emails appear where the server sends them. */
import { h, replace } from '../../dom.js';
import { MEMBER_STATUS, PROFESSIONS, ROLES, label } from '../../format.js';
import { dataTable, orNone } from '../../table.js';

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
  const renderTable = () => replace(tableSlot,
    dataTable('Members of this collaborative', COLUMNS, state.members, { empty: 'No members yet.' }),
  );
  renderTable();
  state.onReload(renderTable);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'members-heading' },
    h('h2', { id: 'members-heading', text: 'Members' }),
    state.facilitator
      ? h('p', { class: 'hint', text: 'Invited members were imported from a file and have not logged in yet.' })
      : null,
    tableSlot,
  );
}
