/**
 * Run and SPC charts drawn as SVG from the server's analysis: points with gaps where periods are missing, the centre
 * line and limits per segment, the goal, the site's PDSA cycles where they happened, the name of each rule beside the
 * points it flagged, and an SPC chart's "Making Data Count" variation and assurance icons. The colours and lines are
 * attributes, not CSS, so that a downloaded SVG looks the same. The picture is an image with a title and the summary as
 * its description; the data table beside it is its text.
 */
import { uid } from '../../dom.js';
import { s } from '../../svg.js';
import { shown } from './words.js';

const COLOURS = {
  COMMON_CAUSE: '#4c6272',
  IMPROVING: '#005eb8',
  CONCERNING: '#b35900',
  NEITHER: '#6b2c91',
};
const TEXT = '#212b32';
const LINE = '#4c6272';
const GOAL = '#007f3b';
const PDSA = '#7a4a00';

/**
 * chart: { analysis, scale, unit, annotations? }; title: what the picture is. Options: width, height (a small
 * multiple passes smaller ones), compact (no axis titles or annotations, for small multiples).
 */
export function chartSvg(chart, title, { width = 760, height = 380, compact = false } = {}) {
  const { analysis, scale } = chart;
  const points = analysis.points;
  const ids = { title: uid('chart-title'), desc: uid('chart-desc') };
  const legendLines = compact ? 0 : analysis.rules.length ? 2 : 1;
  const margin = { left: 56, right: 16, top: compact ? 12 : 24, bottom: compact ? 28 : 44 + legendLines * 16 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const values = [];
  points.forEach((p) => {
    [p.value, p.centre, p.lowerLimit, p.upperLimit].forEach((v) => { if (v !== null && v !== undefined) values.push(v * scale); });
  });
  if (analysis.goal !== null && analysis.goal !== undefined) values.push(analysis.goal * scale);
  let low = values.length ? Math.min(...values) : 0;
  let high = values.length ? Math.max(...values) : 1;
  if (low === high) { low -= 1; high += 1; }
  const pad = (high - low) * 0.08;
  low = Math.max(low >= 0 ? 0 : low - pad, low - pad);
  high += pad;
  if (chart.unit === '%') { low = Math.max(0, low); high = Math.min(100, high); }
  const x = (i) => margin.left + (points.length <= 1 ? plotW / 2 : (i * plotW) / (points.length - 1));
  const y = (v) => margin.top + plotH - ((v * scale - low) / (high - low)) * plotH;
  const yShown = (v) => margin.top + plotH - ((v - low) / (high - low)) * plotH;

  const parts = [];
  parts.push(s('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  parts.push(axes(points, { low, high, margin, plotW, plotH, x, yShown, compact, unit: chart.unit }));
  parts.push(lines(points, 'centre', x, y, { stroke: LINE, 'stroke-width': 1.5 }));
  parts.push(lines(points, 'upperLimit', x, y, { stroke: LINE, 'stroke-width': 1, 'stroke-dasharray': '6 4' }));
  parts.push(lines(points, 'lowerLimit', x, y, { stroke: LINE, 'stroke-width': 1, 'stroke-dasharray': '6 4' }));
  if (analysis.goal !== null && analysis.goal !== undefined) {
    const gy = y(analysis.goal);
    parts.push(s('line', { x1: margin.left, x2: margin.left + plotW, y1: gy, y2: gy, stroke: GOAL, 'stroke-width': 1.5, 'stroke-dasharray': '2 3' }));
    if (!compact) parts.push(s('text', { x: margin.left + plotW - 4, y: gy - 4, 'text-anchor': 'end', 'font-size': 12, fill: GOAL, text: `Goal ${shown(analysis.goal * scale, chart.unit)}` }));
  }
  if (!compact) parts.push(annotations(chart.annotations ?? [], points, x, margin, plotH));
  parts.push(series(points, x, y));
  parts.push(dots(points, x, y));
  if (!compact) parts.push(ruleLabels(analysis, points, x, y, margin));
  if (!compact) parts.push(legend(analysis, margin, height));
  if (!compact) parts.push(icons(analysis, width, height, margin));

  return s('svg', {
    xmlns: 'http://www.w3.org/2000/svg',
    viewBox: `0 0 ${width} ${height}`,
    width,
    height,
    role: 'img',
    'aria-labelledby': `${ids.title} ${ids.desc}`,
    class: 'improvement-chart',
    'font-family': 'system-ui, sans-serif',
  },
  s('title', { id: ids.title, text: title }),
  s('desc', { id: ids.desc, text: analysis.summary }),
  parts);
}

function axes(points, { low, high, margin, plotW, plotH, x, yShown, compact, unit }) {
  const group = [];
  group.push(s('line', { x1: margin.left, x2: margin.left, y1: margin.top, y2: margin.top + plotH, stroke: TEXT }));
  group.push(s('line', { x1: margin.left, x2: margin.left + plotW, y1: margin.top + plotH, y2: margin.top + plotH, stroke: TEXT }));
  const ticks = compact ? 3 : 5;
  for (let t = 0; t <= ticks; t += 1) {
    const v = low + ((high - low) * t) / ticks;
    const ty = yShown(v);
    group.push(s('line', { x1: margin.left - 4, x2: margin.left, y1: ty, y2: ty, stroke: TEXT }));
    group.push(s('text', { x: margin.left - 6, y: ty + 4, 'text-anchor': 'end', 'font-size': 11, fill: TEXT, text: shown(v, unit === '%' ? '%' : '') }));
  }
  const every = Math.max(1, Math.ceil(points.length / (compact ? 4 : 10)));
  points.forEach((p, i) => {
    if (i % every !== 0 && i !== points.length - 1) return;
    group.push(s('text', { x: x(i), y: margin.top + plotH + 16, 'text-anchor': 'middle', 'font-size': 11, fill: TEXT, text: shortPeriod(p.period) }));
  });
  return s('g', { 'aria-hidden': 'true' }, group);
}

/** A line per segment through the points where the field has a value, broken where it has none. */
function lines(points, field, x, y, attrs) {
  const paths = [];
  let d = '';
  let segment = null;
  points.forEach((p, i) => {
    const v = p[field];
    if (v === null || v === undefined || p.segment !== segment) {
      if (d) paths.push(d);
      d = '';
    }
    segment = p.segment;
    if (v === null || v === undefined) return;
    d += `${d ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    if (points.length === 1) d += `L${(x(i) + 1).toFixed(1)},${y(v).toFixed(1)}`;
  });
  if (d) paths.push(d);
  return s('g', { 'aria-hidden': 'true' }, paths.map((path) => s('path', { d: path, fill: 'none', ...attrs })));
}

/** The "Making Data Count" icons: the letter in the circle (none: a flat line), its colour and what it says. */
const VARIATION_ICONS = {
  COMMON_CAUSE: ['', COLOURS.COMMON_CAUSE, 'common cause, no significant change'],
  IMPROVING_HIGH: ['H', COLOURS.IMPROVING, 'special cause, improving, high'],
  IMPROVING_LOW: ['L', COLOURS.IMPROVING, 'special cause, improving, low'],
  CONCERNING_HIGH: ['H', COLOURS.CONCERNING, 'special cause, a concern, high'],
  CONCERNING_LOW: ['L', COLOURS.CONCERNING, 'special cause, a concern, low'],
  NEITHER_HIGH: ['H', COLOURS.NEITHER, 'special cause, neither improving nor a concern, high'],
  NEITHER_LOW: ['L', COLOURS.NEITHER, 'special cause, neither improving nor a concern, low'],
};
const ASSURANCE_ICONS = {
  CONSISTENTLY_MET: ['P', COLOURS.IMPROVING, 'the process will consistently meet the goal'],
  HIT_AND_MISS: ['?', COLOURS.COMMON_CAUSE, 'the process will meet the goal in some periods and miss it in others'],
  CONSISTENTLY_NOT_MET: ['F', COLOURS.CONCERNING, 'the process will consistently miss the goal'],
};

function shownIcons(analysis) {
  return [['Variation', VARIATION_ICONS[analysis.variationIcon]], ['Assurance', ASSURANCE_ICONS[analysis.assuranceIcon]]]
    .filter(([, icon]) => icon);
}

/** What an SPC chart's icons say, in words for the caption; null for a chart without them (a run chart). */
export function iconWords(analysis) {
  const icons = shownIcons(analysis);
  return icons.length ? `Making Data Count icons: ${icons.map(([kind, icon]) => `${kind.toLowerCase()}, ${icon[2]}`).join('; ')}.` : null;
}

/** The icons in the chart's bottom right corner, as "Making Data Count" draws them beside a chart. */
function icons(analysis, width, height, margin) {
  const drawn = shownIcons(analysis);
  if (!drawn.length) return null;
  return s('g', { class: 'improvement-chart__icons' }, drawn.map(([kind, [letter, colour, words]], k) => {
    const cx = width - margin.right - 14 - (drawn.length - 1 - k) * 34;
    const cy = height - 22;
    return s('g', { class: 'improvement-chart__icon' },
      s('title', { text: `${kind}: ${words}` }),
      s('circle', { cx, cy, r: 13, fill: '#ffffff', stroke: colour, 'stroke-width': 3 }),
      letter ? s('text', { x: cx, y: cy + 5, 'text-anchor': 'middle', 'font-size': 14, 'font-weight': 'bold', fill: colour, text: letter })
        : s('line', { x1: cx - 7, x2: cx + 7, y1: cy, y2: cy, stroke: colour, 'stroke-width': 2.5 }));
  }));
}

function series(points, x, y) {
  return lines(points.map((p) => ({ ...p, segment: 0 })), 'value', x, y, { stroke: '#7f8c96', 'stroke-width': 1.5 });
}

function dots(points, x, y) {
  return s('g', { 'aria-hidden': 'true' }, points.filter((p) => p.value !== null).map((p) => {
    const i = points.indexOf(p);
    const colour = COLOURS[p.variation] ?? COLOURS.COMMON_CAUSE;
    const flagged = p.rules && p.rules.length;
    return s('circle', { cx: x(i).toFixed(1), cy: y(p.value).toFixed(1), r: flagged ? 5 : 3.5, fill: colour, stroke: '#ffffff', 'stroke-width': 1, class: 'improvement-chart__point' });
  }));
}

/** Each signal's rule name, written above (or below) its first point. */
function ruleLabels(analysis, points, x, y, margin) {
  const names = new Map(analysis.rules.map((r) => [r.id, r.name]));
  const at = new Map(points.map((p, i) => [p.period, i]));
  const used = new Set();
  return s('g', { class: 'improvement-chart__rules' }, analysis.signals.map((signal) => {
    const i = at.get(signal.periods[0]);
    const point = points[i];
    const key = `${signal.rule}@${i}`;
    if (i === undefined || used.has(key) || !point || point.value === null) return null;
    used.add(key);
    const below = signal.side === 'LOW';
    const ly = Math.max(margin.top + 10, y(point.value) + (below ? 18 : -10));
    return s('text', { x: x(i), y: ly, 'font-size': 12, 'font-weight': 'bold', fill: COLOURS[signal.meaning] ?? TEXT, text: names.get(signal.rule) ?? signal.rule });
  }));
}

function annotations(cycles, points, x, margin, plotH) {
  if (!points.length) return null;
  const first = points[0].period;
  const last = points[points.length - 1].period;
  const index = (date) => {
    let best = -1;
    points.forEach((p, i) => { if (p.period <= date) best = i; });
    return best;
  };
  return s('g', { class: 'improvement-chart__pdsa' }, cycles.map((cycle, n) => {
    const date = cycle.doneOn ?? cycle.plannedOn;
    if (date < first || date > last) return null;
    const i = index(date);
    if (i < 0) return null;
    const ax = x(i);
    return s('g', {},
      s('line', { x1: ax, x2: ax, y1: margin.top, y2: margin.top + plotH, stroke: PDSA, 'stroke-width': 1, 'stroke-dasharray': '1 3' }),
      s('text', { x: ax + 3, y: margin.top + 12 + (n % 3) * 13, 'font-size': 11, fill: PDSA, text: `PDSA: ${cycle.changeIdea}` }));
  }));
}

function legend(analysis, margin, height) {
  const names = analysis.rules.map((r) => r.name);
  const lines = [`Chart: ${analysis.type === 'RUN' ? 'run chart, median line' : `${chartName(analysis.type)}, mean and process limits (dashed)`}`];
  if (names.length) lines.push(`Rules applied: ${names.join(', ')}`);
  return s('g', { class: 'improvement-chart__legend' }, lines.map((line, i) => s('text', {
    x: margin.left, y: height - 8 - (lines.length - 1 - i) * 16, 'font-size': 12, fill: TEXT, text: line,
  })));
}

export function chartName(type) {
  return { RUN: 'Run chart', XMR: 'XmR chart', P: 'P chart', P_PRIME: 'P′ chart (Laney)', C: 'C chart', U: 'U chart' }[type] ?? type;
}

function shortPeriod(period) {
  return dateWords(period, 'short', '2-digit');
}

/** A period in words: "May 2026" for a month, "14 March 2026" for a day. */
export function periodName(period) {
  return dateWords(period, 'long', 'numeric');
}

function dateWords(period, month, year) {
  const date = new Date(`${period}T00:00:00Z`);
  return new Intl.DateTimeFormat('en-GB', { month, year, day: period.endsWith('-01') ? undefined : 'numeric', timeZone: 'UTC' }).format(date);
}
