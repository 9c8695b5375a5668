/**
 * One site's measure: the definition beside the form for a period's values, the chart with the rules' sentence and
 * legend, the data table, downloads (SVG, PNG, CSV), a CSV import of many periods, the history of every change and
 * the site's PDSA log. Only the site's own members see the forms; readers see the rest.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { dateTime, label } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable, orNone } from '../../table.js';
import { chartSvg, iconWords } from './chart.js';
import { pdsaSection } from './pdsa.js';
import { ruleChoiceFields, ruleQuery, rulesList } from './rule-choice.js';
import { valuesImport } from './values-import.js';
import { BETTER, CHARTS, FREQUENCIES, KINDS, byMonth, fileName, save, savePng, shown, svgText } from './words.js';

export async function siteMeasurePage(view, [id, siteId, measureId]) {
  const base = `collaboratives/${id}`;
  const path = `${base}/sites/${siteId}/measures/${measureId}`;
  const [collaborative, members] = await Promise.all([api.get(base), api.get(`${base}/members`)]);
  const me = members.find((m) => m.id === collaborative.myMemberId) ?? {};
  const state = { id, base, path, siteId, measureId, mine: me.siteId === siteId, query: new URLSearchParams() };
  let chart = await api.get(`${path}/chart`);
  const measure = chart.measure;
  state.measure = measure;
  state.siteName = chart.siteName;

  const chartArea = h('div', { class: 'improvement-chart-area' });
  const table = h('div', {});
  const history = h('div', {});
  state.refresh = async (message) => {
    const query = state.query.toString();
    chart = await api.get(`${path}/chart${query ? `?${query}` : ''}`);
    renderChart();
    if (state.mine) await renderHistory();
    if (message) status.announce(`${message} ${chart.analysis.summary}`);
  };

  function renderChart() {
    const title = `${chart.measure.name} at ${chart.siteName}, ${label(CHARTS, chart.chart)}`;
    const svg = chartSvg(chart, title);
    replace(chartArea,
      h('figure', { class: 'improvement-figure' },
        svg,
        h('figcaption', {},
          h('p', { class: 'chart-summary', text: chart.analysis.summary }),
          iconWords(chart.analysis) ? h('p', { class: 'chart-icons', text: iconWords(chart.analysis) }) : null,
          chart.analysis.notes.length ? h('ul', { class: 'hint' }, chart.analysis.notes.map((n) => h('li', { text: n }))) : null)),
      h('div', { class: 'actions' },
        button('Download SVG', { type: 'button', variant: 'button--secondary', onclick: () => {
          save(new Blob([svgText(svg)], { type: 'image/svg+xml' }), `${fileName(chart.siteName, measure.name)}.svg`);
          status.announce('The chart is saved as an SVG file.');
        } }),
        button('Download PNG', { type: 'button', variant: 'button--secondary', onclick: async () => {
          await savePng(svg, `${fileName(chart.siteName, measure.name)}.png`);
          status.announce('The chart is saved as a PNG picture.');
        } }),
        button('Download CSV', { type: 'button', variant: 'button--secondary', onclick: async () => {
          const query = state.query.toString();
          const name = await api.download(`${path}/chart.csv${query ? `?${query}` : ''}`, `${fileName(chart.siteName, measure.name)}.csv`);
          status.announce(`The data are saved as ${name}.`);
        } })),
      h('details', { class: 'rules' },
        h('summary', { text: 'The rules this chart applies' }),
        rulesList(chart.analysis.rules)));
    replace(table, dataTableOf(chart));
  }

  async function renderHistory() {
    const changes = await api.get(`${path}/values/history`);
    replace(history, dataTable('History of changes', [
      { label: 'When', cell: (c) => dateTime(c.changedAt) },
      { label: 'Who', cell: (c) => c.changedBy },
      { label: 'Period', cell: (c) => c.period },
      { label: 'Change', cell: (c) => (c.removed ? 'Removed' : entered(measure, c)) },
      { label: 'How', cell: (c) => ({ form: 'Form', csv: 'CSV file', api: 'Site’s systems' }[c.source] ?? c.source) },
    ], changes, { empty: 'No values entered yet.' }));
  }

  renderChart();
  if (state.mine) await renderHistory();
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}/measures`, text: 'Measures' })),
    h('h1', { text: `${measure.name} at ${chart.siteName}` }),
    h('div', { class: 'improvement-entry' },
      definition(measure),
      state.mine ? entryForm(state) : null),
    h('section', { class: 'section', 'aria-labelledby': 'chart-heading' },
      h('h2', { id: 'chart-heading', text: 'Chart' }),
      chartChoice(state, chart),
      chartArea,
      table),
    state.mine ? h('section', { class: 'section', 'aria-labelledby': 'import-heading' },
      h('h2', { id: 'import-heading', text: 'Import many periods from a CSV file' }),
      valuesImport(state)) : null,
    state.mine ? h('section', { class: 'section', 'aria-labelledby': 'history-heading' },
      h('h2', { id: 'history-heading', text: 'Who changed what' }), history) : null,
    await pdsaSection(state, collaborative));
  return { title: `${measure.name} at ${chart.siteName}` };
}

function definition(m) {
  const row = (term, text) => (text ? h('div', {}, h('dt', { text: term }), h('dd', { text })) : null);
  return h('aside', { class: 'card', 'aria-labelledby': 'definition-heading' },
    h('h2', { id: 'definition-heading', text: 'Definition' }),
    h('dl', { class: 'facts' },
      row('What it measures', m.definition),
      row('Numerator', m.numeratorLabel),
      row('Denominator', m.denominatorLabel),
      row('Kind', `${label(KINDS, m.kind)}, ${label(FREQUENCIES, m.frequency).toLowerCase()}`),
      row('Better', label(BETTER, m.better)),
      row('Goal', m.goal === null ? null : shown(m.goal, m.kind === 'proportion' ? '%' : '')),
      row('Baseline', m.baseline ? `${m.baseline.from} to ${m.baseline.to}` : 'All the first periods')));
}

function entryForm(state) {
  const m = state.measure;
  const monthly = byMonth(m);
  const pair = m.kind === 'proportion' || m.kind === 'rate';
  const entry = form(`Enter a period of ${m.name}`,
    h('div', { class: 'grid' },
      field('period', m.kind === 'days_between' ? 'Date of the event' : monthly ? 'Month' : 'Week starting (a Monday)',
        { type: monthly ? 'month' : 'date', required: true, hint: m.periodFormat }),
      pair ? field('numerator', m.numeratorLabel, { type: 'number', min: 0, required: true }) : null,
      pair ? field('denominator', m.denominatorLabel, { type: 'number', min: 0, step: m.kind === 'rate' ? 'any' : 1, required: true }) : null,
      m.kind === 'count' || m.kind === 'continuous' ? field('value', m.kind === 'count' ? 'Count' : 'Value', { type: 'number', step: 'any', required: true }) : null,
      m.kind === 'days_between' ? field('value', 'Events that day (optional)', { type: 'number', min: 1, step: 1,
        hint: 'Leave it empty for one event; two events on one day are 0 days apart.' }) : null),
    h('p', { class: 'hint', text: 'Entering a period again corrects it; the history keeps what it was. A period left out stays missing on the chart, never zero.' }),
    h('div', { class: 'actions' }, button('Save the period')));
  onSubmit(entry, async (values) => {
    const number = (v) => (v === null ? null : Number(v));
    const body = { period: values.period, numerator: number(values.numerator ?? null), denominator: number(values.denominator ?? null), value: number(values.value ?? null) };
    const written = await api.post(`${state.path}/values`, { values: [body] });
    entry.reset();
    await state.refresh(written.corrected ? `${values.period} is corrected.` : written.added ? `${values.period} is saved.` : `${values.period} already held these values.`);
  });
  return h('div', { class: 'card' }, h('h2', { text: 'Enter a period' }), entry);
}

function chartChoice(state, chart) {
  const choice = form('Chart options',
    h('div', { class: 'grid' },
      field('chart', 'Chart', { choices: chart.charts.map((c) => ({ value: c, text: label(CHARTS, c) })), value: chart.chart }),
      field('changePoint', 'Recalculate the limits from (optional)', { type: byMonth(chart.measure) ? 'month' : 'date',
        value: chart.marked[0] ?? '',
        hint: state.mine ? 'The period a change took hold: the centre line and limits start again there, for everyone who sees this chart.'
          : 'The period a change took hold: the centre line and limits start again there.' }),
      ...ruleChoiceFields(chart.ruleChoice),
      field('astronomical', 'Points the team judges astronomical (optional)', { value: chart.ruleChoice.astronomical.join(', '),
        hint: `Periods separated by commas (each one ${chart.measure.periodFormat}); a run chart with the classic rules flags them.` })),
    h('div', { class: 'actions' }, button('Redraw the chart', { variant: 'button--secondary' })));
  onSubmit(choice, async (values) => {
    state.query = ruleQuery(values);
    (values.astronomical ?? '').split(',').map((p) => p.trim()).filter(Boolean).forEach((p) => state.query.append('astronomical', p));
    if (state.mine) {
      const marked = values.changePoint ? [values.changePoint] : [];
      if (JSON.stringify(marked) !== JSON.stringify(chart.marked)) {
        await api.put(`${state.path}/chart/change-points`, { periods: marked });
        chart.marked = marked;
      }
    } else if (values.changePoint) {
      state.query.set('changePoint', values.changePoint);
    }
    await state.refresh('The chart is redrawn.');
  });
  return choice;
}

function entered(m, v) {
  if (m.kind === 'proportion' || m.kind === 'rate') return `${v.numerator} of ${v.denominator}`;
  if (m.kind === 'days_between') return v.value > 1 ? `${v.value} events` : 'Event';
  return String(v.value);
}

function dataTableOf(chart) {
  const byPeriod = new Map(chart.values.map((v) => [v.period, v]));
  const points = chart.analysis.points;
  const names = new Map(chart.analysis.rules.map((r) => [r.id, r.name]));
  const code = (period) => (byMonth(chart.measure) ? period.slice(0, 7) : period);
  return dataTable(`Data of the chart (${chart.unit || 'values'})`, [
    { label: 'Period', cell: (p) => code(p.period) },
    { label: 'Entered', cell: (p) => (byPeriod.get(code(p.period)) ? entered(chart.measure, byPeriod.get(code(p.period))) : orNone('')) },
    { label: 'Plotted', cell: (p) => (p.value === null ? 'Missing' : shown(p.value * chart.scale, chart.unit)) },
    { label: 'Centre', cell: (p) => orNone(shown(p.centre === null ? null : p.centre * chart.scale, chart.unit)) },
    { label: 'Limits', cell: (p) => (p.lowerLimit === null && p.upperLimit === null ? orNone('')
      : `${shown((p.lowerLimit ?? 0) * chart.scale, chart.unit)} to ${shown((p.upperLimit ?? 0) * chart.scale, chart.unit)}`) },
    { label: 'Rules', cell: (p) => orNone(p.rules.map((r) => names.get(r) ?? r).join(', ')) },
  ], points, { empty: 'No values yet: enter the first period above.' });
}
