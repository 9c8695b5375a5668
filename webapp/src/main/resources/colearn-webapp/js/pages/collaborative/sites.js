/**
 * The sites table and their map, and for facilitators the forms that add a site and change or delete one (name, kind,
 * region and coordinates, which place it on the maps; a site with members cannot be deleted).
 */
import * as api from '../../api.js';
import { h, replace, uid } from '../../dom.js';
import { SITE_KINDS, label, options } from '../../format.js';
import { button, decimals, field, folded, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';
import { siteMap } from './site-map.js';

const COLUMNS = [
  { label: 'Name', cell: (s) => s.name },
  { label: 'Kind', cell: (s) => label(SITE_KINDS, s.kind) },
  { label: 'Region', cell: (s) => s.region },
  { label: 'Members', cell: (s) => String(s.memberCount) },
];

export function sitesSection(state) {
  const tableSlot = h('div', { class: 'table-slot' });
  const mapSlot = h('div');
  const editSlot = h('div');
  const pickId = uid('site-to-change');
  const pick = h('select', { id: pickId });
  const close = () => {
    replace(editSlot);
    pick.focus();
  };
  const editButton = h('button', { type: 'button', class: 'button button--secondary', text: 'Edit site' });
  editButton.addEventListener('click', () => {
    const site = state.sites.find((s) => s.id === pick.value);
    if (!site) return;
    replace(editSlot, editSiteForm(state, site, close));
    editSlot.querySelector('input')?.focus();
  });
  const picker = h('div', { class: 'site-picker' },
    h('div', { class: 'field' }, h('label', { for: pickId, text: 'Site to change' }), pick),
    h('div', { class: 'actions' }, editButton));
  const renderTable = () => {
    replace(tableSlot, dataTable('Sites in this collaborative', COLUMNS, state.sites, { empty: 'No sites yet.' }));
    replace(mapSlot, state.sites.length ? siteMap(state.sites) : null);
    const kept = pick.value;
    replace(pick, state.sites.map((s) => h('option', { value: s.id, text: s.name })));
    if (state.sites.some((s) => s.id === kept)) pick.value = kept;
    picker.hidden = !state.sites.length;
  };
  renderTable();
  state.onReload(renderTable);
  return h(
    'section',
    { class: 'section', 'aria-labelledby': 'sites-heading' },
    h('h2', { id: 'sites-heading', text: 'Sites' }),
    tableSlot,
    mapSlot,
    state.facilitator ? picker : null,
    editSlot,
    state.facilitator ? addSiteForm(state) : null,
  );
}

function siteFields(site = {}) {
  return h('div', { class: 'grid' },
    field('name', 'Site name', { required: true, value: site.name ?? '', hint: 'For example: Maidstone Hospital' }),
    field('kind', 'Kind of site', { required: true, choices: options(SITE_KINDS), value: site.kind ?? 'trust' }),
    field('region', 'Region', { required: true, value: site.region ?? '', hint: 'For example: NHS Highland' }),
    field('latitude', 'Latitude (optional)', { inputmode: 'decimal', value: site.latitude ?? '', hint: 'For example 57.48; with the longitude, it places the site on the map.' }),
    field('longitude', 'Longitude (optional)', { inputmode: 'decimal', value: site.longitude ?? '', hint: 'For example -4.22' }));
}

/** The site as the form says it, or null when a coordinate does not read as a number (the form says so). */
function siteBody(siteForm, values) {
  const coordinates = decimals(siteForm, ['latitude', 'longitude']);
  return coordinates && { name: values.name, kind: values.kind, region: values.region, ...coordinates };
}

function addSiteForm(state) {
  const addForm = form('Add a site', siteFields(), h('div', { class: 'actions' }, button('Add site')));
  onSubmit(addForm, async (values) => {
    const body = siteBody(addForm, values);
    if (!body) return;
    const site = await api.post(`${state.base}/sites`, body);
    addForm.reset();
    await state.reload();
    status.announce(`Site added: ${site.name}.`);
    addForm.elements.namedItem('name').focus();
  });
  return folded('Add a site', addForm);
}

function editSiteForm(state, site, close) {
  const deleteButton = button('Delete site', { type: 'button', variant: 'button--danger' });
  const cancel = button('Cancel', { type: 'button', variant: 'button--secondary', onclick: close });
  const editForm = form(`Change ${site.name}`, siteFields(site),
    h('div', { class: 'actions' }, button('Save site'), deleteButton, cancel));
  onSubmit(editForm, async (values) => {
    const body = siteBody(editForm, values);
    if (!body) return;
    const saved = await api.put(`${state.base}/sites/${site.id}`, body);
    close();
    await state.reload();
    status.announce(`Site saved: ${saved.name}.`);
  });
  deleteButton.addEventListener('click', async () => {
    if (deleteButton.dataset.confirming !== 'true') {
      deleteButton.dataset.confirming = 'true';
      deleteButton.textContent = `Yes, delete ${site.name}`;
      status.announce(`Press again to delete ${site.name}.`);
      return;
    }
    try {
      await api.call('DELETE', `${state.base}/sites/${site.id}`);
      close();
      await state.reload();
      status.announce(`Site deleted: ${site.name}.`);
    } catch (error) {
      status.announce(error.message, 'error');
    }
  });
  return h('div', { class: 'card subform' }, h('h3', { text: `Change ${site.name}` }), editForm);
}
