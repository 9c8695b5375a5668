/**
 * The sites of a collaborative and their pairs drawn from their coordinates as an SVG picture, with no map tiles.
 * The picture is an image for assistive technology; the table of pairs beside it is its text alternative.
 */
import { h } from '../../dom.js';
import { fitProjection, located } from '../../projection.js';
import { s } from '../../svg.js';

const WIDTH = 640;
const HEIGHT = 420;
const PAD = 48;

/** sites: [{id, name, latitude, longitude}]; pairs: [{sites: [{siteId}], status}] (declined pairs are not drawn). */
export function pairsMap(sites, pairs, titleId) {
  const placed = sites.filter(located);
  const missing = sites.filter((site) => !located(site));
  if (!placed.length) {
    return h('p', { class: 'empty', text: 'No site has a location yet, so there is no map.' });
  }
  const project = fitProjection(placed, { width: WIDTH, height: HEIGHT, pad: PAD, labelRoom: 120 });
  const at = new Map(placed.map((site) => [site.id, project(site)]));
  const lines = [];
  pairs.filter((pair) => pair.status !== 'declined').forEach((pair) => {
    const ids = pair.sites.map((site) => site.siteId).filter((id) => at.has(id));
    for (let i = 0; i < ids.length; i += 1) {
      for (let j = i + 1; j < ids.length; j += 1) {
        const [x1, y1] = at.get(ids[i]);
        const [x2, y2] = at.get(ids[j]);
        lines.push(s('line', { x1, y1, x2, y2, class: `buddy-map__pair buddy-map__pair--${pair.status}` }));
      }
    }
  });
  const points = placed.map((site) => {
    const [x, y] = at.get(site.id);
    return s('g', { class: 'buddy-map__site' },
      s('circle', { cx: x, cy: y, r: 6 }),
      s('text', { x: x + 9, y: y + 4, text: site.name }));
  });
  const svg = s('svg', {
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-labelledby': titleId,
    class: 'buddy-map',
  },
  s('title', { id: titleId, text: `Map of ${placed.length} sites and their pairs; the table of pairs says the same in words.` }),
  s('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'buddy-map__ground' }),
  lines,
  points);
  return h('figure', { class: 'buddy-map-figure' },
    svg,
    h('figcaption', {
      text: missing.length
        ? `Solid lines are active pairs, dashed lines proposed or waiting. Not on the map (no location): ${missing.map((m) => m.name).join(', ')}.`
        : 'Solid lines are active pairs, dashed lines proposed or waiting.',
    }));
}
