/** The words and numbers of the improvement pages: labels of codes, values as shown, and saving a chart as a file. */
import { h } from '../../dom.js';

export const KINDS = {
  proportion: 'Proportion (numerator out of denominator)',
  count: 'Count of events',
  rate: 'Rate per exposure',
  continuous: 'Measurement (a number per period)',
  days_between: 'Days between events',
};

export const FREQUENCIES = { monthly: 'Monthly', weekly: 'Weekly' };

export const BETTER = { up: 'Higher is better', down: 'Lower is better' };

export const ACTS = { adopt: 'Adopt', adapt: 'Adapt', abandon: 'Abandon' };

export const RUN_RULES = { both: 'Both the classic rules and Anhøj’s', classic: 'The classic rules (Perla, Provost & Murray)', anhoj: 'Anhøj’s rules' };
export const CHARTS = { run: 'Run chart', xmr: 'XmR chart', p: 'P chart', p_prime: 'P′ chart (Laney)', c: 'C chart', u: 'U chart' };

/** Whether the measure's periods are months (written 2026-03); weekly measures and events go by their day. */
export function byMonth(measure) {
  return measure.frequency === 'monthly' && measure.kind !== 'days_between';
}

/** A value as people read it: at most one decimal for percentages and rates, with its unit. */
export function shown(value, unit) {
  if (value === null || value === undefined) return '';
  const rounded = Math.abs(value) >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  const text = rounded.toLocaleString('en-GB');
  if (!unit) return text;
  return unit === '%' ? `${text}%` : `${text} ${unit}`;
}

/** Saves text or a blob as a file through a temporary link. */
export function save(blob, name) {
  const link = h('a', { href: URL.createObjectURL(blob), download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export function svgText(svg) {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(svg)}`;
}

/** Draws the SVG on a canvas at twice its size and saves it as a PNG. */
export async function savePng(svg, name) {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(svg))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = width * 2;
  canvas.height = height * 2;
  const context = canvas.getContext('2d');
  context.scale(2, 2);
  context.drawImage(image, 0, 0, width, height);
  const blob = await new Promise((resolve) => { canvas.toBlob(resolve, 'image/png'); });
  save(blob, name);
}

export function fileName(...parts) {
  return parts.join(' ').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}
