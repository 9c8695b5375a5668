/**
 * The collaborative's sites on a map: an SVG plot of the sites that have coordinates, fitted to them, with no map
 * tiles or coastline (Colearn works offline, on hospital networks). Each point is reachable by keyboard and named;
 * the list beside the picture says the same in words, and names the sites with no location yet.
 */
import { h, uid } from '../../dom.js';
import { fitProjection, located } from '../../projection.js';
import { s } from '../../svg.js';

const WIDTH = 640;
const HEIGHT = 360;
const PAD = 36;

/** "57.48° N, 4.22° W". */
function where(site) {
  const degrees = (value, positive, negative) => `${Math.abs(value)}° ${value < 0 ? negative : positive}`;
  return `${degrees(site.latitude, 'N', 'S')}, ${degrees(site.longitude, 'E', 'W')}`;
}

/** sites: [{id, name, latitude, longitude}]. */
export function siteMap(sites) {
  const placed = sites.filter(located);
  const missing = sites.filter((site) => !located(site));
  return h('div', { class: 'site-map' },
    h('h3', { text: 'Where the sites are' }),
    h('div', { class: 'site-map__body' },
      placed.length ? plot(placed) : h('p', { class: 'empty', text: 'No site has a location yet, so there is no map. Give a site its latitude and longitude to place it.' }),
      h('div', { class: 'site-map__words' },
        placed.length ? h('ul', { class: 'site-map__list', 'aria-label': 'Sites on the map' },
          placed.map((site) => h('li', {}, h('span', { class: 'site-map__name', text: site.name }), ` ${where(site)}`))) : null,
        missing.length ? [
          h('h4', { text: 'No location yet' }),
          h('ul', { class: 'site-map__missing', 'aria-label': 'Sites with no location yet' },
            missing.map((site) => h('li', { text: site.name }))),
        ] : null)));
}

function plot(placed) {
  const project = fitProjection(placed, { width: WIDTH, height: HEIGHT, pad: PAD, labelRoom: 150 });
  const titleId = uid('site-map-title');
  const points = placed.map((site) => {
    const [x, y] = project(site);
    return s('g', { class: 'site-map__site', tabindex: 0, role: 'img', 'aria-label': `${site.name}, ${where(site)}` },
      // A larger invisible circle, so that the point is easy to point at.
      s('circle', { cx: x, cy: y, r: 14, class: 'site-map__hit' }),
      s('circle', { cx: x, cy: y, r: 6, class: 'site-map__dot' }),
      s('text', { x: x + 10, y: y + 4, text: site.name }));
  });
  return h('figure', { class: 'site-map__figure' },
    s('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'group', 'aria-labelledby': titleId, class: 'site-map__picture' },
      s('title', { id: titleId, text: `Map of the ${placed.length === 1 ? 'site' : `${placed.length} sites`} with a location` }),
      s('rect', { x: 0, y: 0, width: WIDTH, height: HEIGHT, class: 'site-map__ground' }),
      points),
    h('figcaption', { text: 'Each point is a site at its latitude and longitude, north at the top, fitted to the sites; no coastline is drawn. The list beside it says the same in words.' }));
}
