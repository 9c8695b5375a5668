/**
 * The measures of a collaborative: the common ones and the person's site's own, each with links to the site's chart
 * and the view across sites; the form that defines a measure (common ones for facilitators, a site's own for its
 * members); and for a site lead, whether the site shares its data and the tokens its own systems send values with.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { options, label } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';
import { BETTER, FREQUENCIES, KINDS, shown } from './words.js';
import { siteDataSection } from './site-data.js';

export async function measuresPage(view, [id]) {
  const base = `collaboratives/${id}`;
  const [collaborative, members, sites] = await Promise.all([api.get(base), api.get(`${base}/members`), api.get(`${base}/sites`)]);
  const me = members.find((m) => m.id === collaborative.myMemberId) ?? {};
  const state = { id, base, collaborative, me, sites, facilitator: collaborative.myRole === 'facilitator' };
  const list = h('div', {});
  const render = async () => replace(list, measureList(state, await api.get(`${base}/measures`)));
  await render();
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}`, text: collaborative.name })),
    h('h1', { text: 'Measures' }),
    h('p', { class: 'lead', text: 'The measures the collaborative shares, and your site’s own. Enter a period’s values beside the definition, and see the chart with what the rules found.' }),
    list,
    state.facilitator || me.siteId ? defineSection(state, render) : null,
    me.siteId && collaborative.myRole === 'site_lead' ? siteDataSection(state, sites.find((s) => s.id === me.siteId)) : null);
  return { title: `Measures of ${collaborative.name}` };
}

function measureList(state, measures) {
  const mySite = state.sites.find((s) => s.id === state.me.siteId);
  return h('section', { class: 'section', 'aria-labelledby': 'measures-heading' },
    h('h2', { id: 'measures-heading', text: 'Measures' }),
    dataTable('Measures of the collaborative and your site', [
      { label: 'Measure', cell: (m) => m.name },
      { label: 'Whose', cell: (m) => (m.siteId ? `${state.sites.find((s) => s.id === m.siteId)?.name ?? 'A site'}’s own` : 'The collaborative’s') },
      { label: 'Kind', cell: (m) => `${label(KINDS, m.kind)}, ${label(FREQUENCIES, m.frequency).toLowerCase()}` },
      { label: 'Goal', cell: (m) => (m.goal === null ? 'None' : shown(m.goal, m.kind === 'proportion' ? '%' : '')) },
      { label: 'Charts', cell: (m) => h('span', { class: 'actions' },
        mySite && (!m.siteId || m.siteId === mySite.id)
          ? h('a', { href: `#/${state.base}/sites/${mySite.id}/measures/${m.id}`, text: `${mySite.name}: enter data and see the chart` }) : null,
        m.siteId ? null : h('a', { href: `#/${state.base}/measures/${m.id}`, text: 'Across sites' })) },
    ], measures, { empty: 'No measures yet. A facilitator defines the collaborative’s common measures.' }));
}

function defineSection(state, render) {
  const measureForm = form('Define a measure',
    h('div', { class: 'grid' },
      field('name', 'Name', { required: true, hint: 'Short, as it will head the chart: “Sepsis screening within one hour”.' }),
      field('kind', 'Kind', { choices: options(KINDS), value: 'proportion' }),
      field('frequency', 'How often', { choices: options(FREQUENCIES), value: 'monthly' }),
      field('better', 'Which way is better', { choices: options(BETTER), value: 'up' })),
    field('definition', 'Operational definition', { type: 'textarea', rows: 3, required: true, wide: true,
      hint: 'Exactly what is counted and what is left out, so that every site counts the same way.' }),
    h('div', { class: 'grid' },
      field('numeratorLabel', 'Numerator (what is counted)', { hint: 'For proportions and rates: “Screened within one hour”.' }),
      field('denominatorLabel', 'Denominator (out of what)', { hint: 'For proportions and rates: “Adults with suspected infection”, “bed days”.' }),
      field('perUnit', 'Rate per', { type: 'number', min: 1, hint: 'For rates: 1000 shows “per 1000 bed days”.' }),
      field('goal', 'Goal (optional)', { inputmode: 'decimal', hint: 'On the chart’s scale: 95 for 95%.' }),
      field('baselineFrom', 'Baseline from (optional)', { type: 'month', hint: 'The first month; for weekly measures and days between events, the first day.' }),
      field('baselineTo', 'Baseline to', { type: 'month' })),
    state.facilitator && state.me.siteId
      ? field('ownSite', 'Only for my site, not the whole collaborative', { type: 'checkbox' }) : null,
    h('div', { class: 'actions' }, button('Define the measure')));
  // A weekly measure's baseline starts on a day (a Monday), as do the events of a "days between" measure.
  const byDay = () => measureForm.elements.namedItem('frequency').value === 'weekly' || measureForm.elements.namedItem('kind').value === 'days_between';
  const baseline = ['baselineFrom', 'baselineTo'].map((name) => measureForm.elements.namedItem(name));
  const followPeriods = () => baseline.forEach((input) => {
    const type = byDay() ? 'date' : 'month';
    if (input.type !== type) { input.value = ''; input.type = type; }
  });
  measureForm.elements.namedItem('frequency').addEventListener('change', followPeriods);
  measureForm.elements.namedItem('kind').addEventListener('change', followPeriods);
  const day = (value) => (value && value.length === 7 ? `${value}-01` : value);
  onSubmit(measureForm, async (values) => {
    const ownSite = !state.facilitator || measureForm.elements.namedItem('ownSite')?.checked;
    const body = {
      name: values.name,
      definition: values.definition,
      kind: values.kind,
      frequency: values.frequency,
      better: values.better,
      numeratorLabel: values.numeratorLabel,
      denominatorLabel: values.denominatorLabel,
      perUnit: values.perUnit === null ? null : Number(values.perUnit),
      goal: values.goal === null ? null : Number(values.goal),
      baseline: values.baselineFrom ? { from: day(values.baselineFrom), to: values.baselineTo ? day(values.baselineTo) : null } : null,
      siteId: ownSite ? state.me.siteId : null,
    };
    const created = await api.post(`${state.base}/measures`, body);
    measureForm.reset();
    followPeriods();
    await render();
    status.announce(`${created.name} is defined.`);
  });
  return h('section', { class: 'section', 'aria-labelledby': 'define-heading' },
    h('h2', { id: 'define-heading', text: state.facilitator ? 'Define a measure' : 'Add a measure of your site’s own' }),
    h('div', { class: 'card' }, measureForm));
}
