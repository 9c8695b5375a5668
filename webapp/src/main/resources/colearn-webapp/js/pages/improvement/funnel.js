/**
 * A funnel plot of sites' proportions drawn as SVG: each site's proportion against its denominator, the overall
 * proportion and the 95% and 99.8% limits that narrow as the denominator grows. Sites the reader may not see are on
 * the plot unnamed, as the server sends them.
 */
import { uid } from '../../dom.js';
import { s } from '../../svg.js';
import { shown } from './words.js';

const COLOURS = { COMMON_CAUSE: '#4c6272', IMPROVING: '#005eb8', CONCERNING: '#b35900', NEITHER: '#6b2c91' };

export function funnelSvg(funnel, title, { width = 760, height = 380 } = {}) {
  const { plot } = funnel;
  const margin = { left: 56, right: 140, top: 16, bottom: 60 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const maxD = Math.max(...plot.units.map((u) => u.denominator), ...plot.curve.map((c) => c.denominator)) * 1.05;
  const x = (d) => margin.left + (d / maxD) * plotW;
  const y = (p) => margin.top + plotH - p * plotH;
  const path = (field) => plot.curve.map((c, i) => `${i ? 'L' : 'M'}${x(c.denominator).toFixed(1)},${y(c[field]).toFixed(1)}`).join('');
  const ids = { title: uid('funnel-title'), desc: uid('funnel-desc') };
  const ticks = [0, 0.25, 0.5, 0.75, 1];
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
    ticks.map((t) => s('text', { x: margin.left - 6, y: y(t) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#212b32', text: `${t * 100}%` })),
    s('text', { x: margin.left + plotW / 2, y: height - 24, 'text-anchor': 'middle', 'font-size': 12, fill: '#212b32', text: 'Denominator (patients in the period)' }),
    s('line', { x1: margin.left, x2: margin.left + plotW, y1: y(plot.overall), y2: y(plot.overall), stroke: '#4c6272', 'stroke-width': 1.5 }),
    ['lower95', 'upper95'].map((f) => s('path', { d: path(f), fill: 'none', stroke: '#4c6272', 'stroke-dasharray': '6 4' })),
    ['lower998', 'upper998'].map((f) => s('path', { d: path(f), fill: 'none', stroke: '#4c6272', 'stroke-dasharray': '2 3' }))),
  plot.units.map((u) => s('g', {},
    s('circle', { cx: x(u.denominator).toFixed(1), cy: y(u.proportion).toFixed(1), r: 5, fill: COLOURS[u.meaning] ?? COLOURS.COMMON_CAUSE }),
    s('text', { x: (x(u.denominator) + 8).toFixed(1), y: (y(u.proportion) + 4).toFixed(1), 'font-size': 11, fill: '#212b32', text: `${u.id} ${shown(u.proportion * 100, '%')}` }))),
  s('text', { x: margin.left, y: height - 6, 'font-size': 12, fill: '#212b32', text: `Overall ${shown(plot.overall * 100, '%')}; dashed: 95% limits, dotted: 99.8% limits` }));
}
