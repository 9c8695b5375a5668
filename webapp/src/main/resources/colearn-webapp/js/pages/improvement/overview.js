/**
 * One common measure across the collaborative: the chart and rule variants the reader chooses for every chart of the
 * page, a small chart per site the reader may see (each with its sentence; the site's full chart with its rules is
 * fetched when the reader opens it), the aggregate of those sites, and for
 * proportions and rates a funnel plot comparing every site fairly, naming only the sites that share their data and
 * the reader's own.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { label, plural } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable } from '../../table.js';
import { chartSvg } from './chart.js';
import { funnelSvg } from './funnel.js';
import { ruleChoiceFields, ruleQuery, rulesList } from './rule-choice.js';
import { CHARTS, shown } from './words.js';

const VARIATIONS = { c: 'COMMON_CAUSE', i: 'IMPROVING', w: 'CONCERNING', n: 'NEITHER' };

/** A small multiple's arrays as the points chartSvg draws. */
export function expand(small) {
  let segment = -1;
  const points = small.periods.map((period, i) => {
    if (small.segmentStarts.includes(i)) segment += 1;
    const letter = small.variation[i];
    return {
      period, segment, value: small.values[i], centre: small.centre[i], lowerLimit: small.lower[i], upperLimit: small.upper[i],
      variation: VARIATIONS[letter.toLowerCase()] ?? null, rules: letter === letter.toUpperCase() && letter !== '-' ? ['flagged'] : [],
    };
  });
  return { points, goal: small.goal, summary: small.summary, rules: [], signals: [] };
}

const POSITIONS = {
  WITHIN: 'Within the limits', ABOVE_95: 'Above the 95% limit', ABOVE_998: 'Above the 99.8% limit',
  BELOW_95: 'Below the 95% limit', BELOW_998: 'Below the 99.8% limit',
};

export async function overviewPage(view, [id, measureId]) {
  const base = `collaboratives/${id}`;
  let overview = await api.get(`${base}/measures/${measureId}/overview`);
  const m = overview.measure;
  const charts = h('div', {});
  const choice = form('Chart options',
    h('div', { class: 'grid' },
      field('chart', 'Chart', { choices: overview.charts.map((c) => ({ value: c, text: label(CHARTS, c) })), value: overview.chart }),
      ...ruleChoiceFields(overview.ruleChoice)),
    h('p', { class: 'hint', text: 'Every site’s chart, the aggregate and each site’s full chart apply this choice.' }),
    h('div', { class: 'actions' }, button('Redraw the charts', { variant: 'button--secondary' })));
  onSubmit(choice, async (values) => {
    const query = ruleQuery(values).toString();
    overview = await api.get(`${base}/measures/${measureId}/overview?${query}`);
    replace(charts, ...overviewCharts(overview, base, measureId, query));
    status.announce('The charts are redrawn.');
  });
  replace(charts, ...overviewCharts(overview, base, measureId, `chart=${overview.chart}`));
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/${base}/measures`, text: 'Measures' })),
    h('h1', { text: `${m.name} across sites` }),
    h('p', { class: 'lead', text: m.definition }),
    overview.hiddenSites ? h('p', { class: 'notice', text: `${plural(overview.hiddenSites, 'site has', 'sites have')} not shared their data, so their charts are not shown here.` }) : null,
    choice,
    charts);
  return { title: `${m.name} across sites` };
}

/** The rules, the aggregate, the small multiples and the funnel plot of an overview drawn with the chosen rules. */
function overviewCharts(overview, base, measureId, query) {
  const m = overview.measure;
  const chartOf = (analysis) => ({ analysis, scale: overview.scale, unit: overview.unit });
  return [
    overview.rules.length ? h('details', { class: 'rules' },
      h('summary', { text: `The rules these charts apply (${label(CHARTS, overview.chart)})` }),
      rulesList(overview.rules)) : null,
    overview.aggregate ? h('section', { class: 'section', 'aria-labelledby': 'aggregate-heading' },
      h('h2', { id: 'aggregate-heading', text: `All the sites shown together (${label(CHARTS, overview.chart)})` }),
      h('figure', { class: 'improvement-figure' },
        chartSvg(chartOf(overview.aggregate), `${m.name}, ${overview.sites.length} sites together`),
        h('figcaption', { class: 'chart-summary', text: overview.aggregate.summary }))) : null,
    h('section', { class: 'section', 'aria-labelledby': 'sites-heading' },
      h('h2', { id: 'sites-heading', text: 'Each site' }),
      overview.sites.length ? h('ul', { class: 'small-multiples' }, overview.sites.map((site) => h('li', { class: 'card' },
        h('h3', {}, h('a', { href: `#/${base}/sites/${site.siteId}/measures/${measureId}`, text: site.siteName })),
        chartSvg(chartOf(expand(site.small)), `${m.name} at ${site.siteName}`, { width: 360, height: 200, compact: true }),
        h('p', { class: 'chart-summary', text: site.small.summary }),
        fullChart(`${base}/sites/${site.siteId}/measures/${measureId}/chart?${query}`, site.siteName)))) : h('p', { class: 'empty', text: 'No site’s data to show yet.' })),
    overview.funnel ? h('section', { class: 'section', 'aria-labelledby': 'funnel-heading' },
      h('h2', { id: 'funnel-heading', text: `Funnel plot, ${overview.funnel.from} to ${overview.funnel.to}` }),
      h('figure', { class: 'improvement-figure' },
        funnelSvg(overview.funnel, `Funnel plot of ${m.name}, ${overview.funnel.from} to ${overview.funnel.to}`, {
          scale: overview.scale, unit: overview.unit, xLabel: `${m.denominatorLabel} in the period` }),
        h('figcaption', { class: 'chart-summary', text: overview.funnel.plot.summary })),
      dataTable('Sites on the funnel plot', [
        { label: 'Site', cell: (u) => u.id },
        { label: m.numeratorLabel, cell: (u) => String(u.numerator) },
        { label: m.denominatorLabel, cell: (u) => String(u.denominator) },
        { label: overview.funnel.kind === 'rate' ? `Rate (${overview.unit})` : 'Proportion', cell: (u) => shown(u.proportion * overview.scale, overview.unit === '%' ? '%' : '') },
        { label: 'Against the limits', cell: (u) => POSITIONS[u.position] ?? u.position },
      ], overview.funnel.plot.units)) : null,
  ];
}

/** A disclosure that fetches the site's full chart, with its rules, the first time the reader opens it. */
function fullChart(path, siteName) {
  const body = h('div', { class: 'improvement-full-chart' });
  const details = h('details', { class: 'rules' }, h('summary', { text: `Full chart and rules at ${siteName}` }), body);
  let loaded = false;
  details.addEventListener('toggle', async () => {
    if (!details.open || loaded) return;
    loaded = true;
    replace(body, h('p', { class: 'hint', text: 'Loading the chart…' }));
    let chart;
    try {
      chart = await api.get(path);
    } catch (error) {
      loaded = false;
      replace(body, h('p', { class: 'error', text: `The chart could not be loaded: ${error.message}` }));
      return;
    }
    replace(body,
      chartSvg(chart, `${chart.measure.name} at ${chart.siteName}, ${label(CHARTS, chart.chart)}`, { width: 560, height: 320 }),
      rulesList(chart.analysis.rules));
  });
  return details;
}
