/** The sites table, and for facilitators the form that adds a site. */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { SITE_KINDS, label, options } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';

const COLUMNS = [
  { label: 'Name', cell: (s) => s.name },
  { label: 'Kind', cell: (s) => label(SITE_KINDS, s.kind) },
  { label: 'Region', cell: (s) => s.region },
  { label: 'Members', cell: (s) => String(s.memberCount) },
];

export function sitesSection(state) {
  const tableSlot = h('div', { class: 'table-slot' });
  const renderTable = () => replace(tableSlot,
    dataTable('Sites in this collaborative', COLUMNS, state.sites, { empty: 'No sites yet.' }),
  );
  renderTable();
  state.onReload(renderTable);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'sites-heading' },
    h('h2', { id: 'sites-heading', text: 'Sites' }),
    tableSlot,
    state.facilitator ? addSiteForm(state) : null,
  );
}

function addSiteForm(state) {
  const addForm = form(
    'Add a site',
    h('div', { class: 'grid' },
      field('name', 'Site name', { required: true, hint: 'For example: Maidstone Hospital' }),
      field('kind', 'Kind of site', { required: true, choices: options(SITE_KINDS), value: 'trust' }),
      field('region', 'Region', { required: true, hint: 'For example: South East' })),
    h('div', { class: 'actions' }, button('Add site')),
  );
  onSubmit(addForm, async (values) => {
    const site = await api.post(`${state.base}/sites`, { name: values.name, kind: values.kind, region: values.region });
    addForm.reset();
    await state.reload();
    status.announce(`Site added: ${site.name}.`);
    addForm.elements.namedItem('name').focus();
  });
  return h('div', { class: 'card subform' }, h('h3', { text: 'Add a site' }), addForm);
}
