/**
 * A funnel plot of sites' proportions or rates drawn as SVG: each site's value against its denominator (or exposure),
 * the overall value and the 95% and 99.8% limits that narrow as the denominator grows. Sites that do not share their
 * data are on the plot unnamed, as the server sends them.
 */
import { uid } from '../../dom.js';
import { s } from '../../svg.js';
import { shown } from './words.js';

const COLOURS = { COMMON_CAUSE: '#4c6272', IMPROVING: '#005eb8', CONCERNING: '#b35900', NEITHER: '#6b2c91' };

/** Options: scale and unit (how a value is shown: 100 and '%' for proportions), xLabel (what the denominator counts). */
export function funnelSvg(funnel, title, { width = 760, height = 380, scale = 100, unit = '%', xLabel = 'Denominator (patients in the period)' } = {}) {
  const { plot } = funnel;
  const rate = funnel.kind === 'rate';
  const top = rate ? Math.max(...plot.units.map((u) => u.proportion), ...plot.curve.map((c) => c.upper998)) * 1.1 || 1 : 1;
  const margin = { left: 56, right: 140, top: 16, bottom: 60 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const maxD = Math.max(...plot.units.map((u) => u.denominator), ...plot.curve.map((c) => c.denominator)) * 1.05;
  const x = (d) => margin.left + (d / maxD) * plotW;
  const y = (p) => margin.top + plotH - (Math.min(p, top) / top) * plotH;
  const path = (field) => plot.curve.map((c, i) => `${i ? 'L' : 'M'}${x(c.denominator).toFixed(1)},${y(c[field]).toFixed(1)}`).join('');
  const ids = { title: uid('funnel-title'), desc: uid('funnel-desc') };
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => t * top);
  return s('svg', {
    xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img',
    'aria-labelledby': `${ids.title} ${ids.desc}`, class: 'improvement-chart', 'font-family': 'system-ui, sans-serif',
  },
  s('title', { id: ids.title, text: title }),
  s('desc', { id: ids.desc, text: plot.summary }),
  s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }),
  s('g', { 'aria-hidden': 'true' },
    s('line', { x1: margin.left, x2: margin.left, y1: margin.top, y2: margin.top + plotH, stroke: '#212b32' }),
    s('line', { x1: margin.left, x2: margin.left + plotW, y1: margin.top + plotH, y2: margin.top + plotH, stroke: '#212b32' }),
    ticks.map((t) => s('text', { x: margin.left - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#212b32', text: shown(t * scale, unit === '%' ? '%' : '') })),
    s('text', { x: margin.left + plotW / 2, y: height - 24, 'text-anchor': 'middle', 'font-size': 12, fill: '#212b32', text: xLabel }),
    s('line', { x1: margin.left, x2: margin.left + plotW, y1: y(plot.overall), y2: y(plot.overall), stroke: '#4c6272', 'stroke-width': 1.5 }),
    ['lower95', 'upper95'].map((f) => s('path', { d: path(f), fill: 'none', stroke: '#4c6272', 'stroke-dasharray': '6 4' })),
    ['lower998', 'upper998'].map((f) => s('path', { d: path(f), fill: 'none', stroke: '#4c6272', 'stroke-dasharray': '2 3' }))),
  plot.units.map((u) => s('g', {},
    s('circle', { cx: x(u.denominator).toFixed(1), cy: y(u.proportion).toFixed(1), r: 5, fill: COLOURS[u.meaning] ?? COLOURS.COMMON_CAUSE }),
    s('text', { x: (x(u.denominator) + 8).toFixed(1), y: (y(u.proportion) + 4).toFixed(1), 'font-size': 11, fill: '#212b32', text: `${u.id} ${shown(u.proportion * scale, unit === '%' ? '%' : '')}` }))),
  s('text', { x: margin.left, y: height - 6, 'font-size': 12, fill: '#212b32', text: `Overall ${shown(plot.overall * scale, unit)}; dashed: 95% limits, dotted: 99.8% limits` }));
}
