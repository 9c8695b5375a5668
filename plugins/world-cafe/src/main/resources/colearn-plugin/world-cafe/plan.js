// The facilitator's seating plan: every table of the round drawn from above, each seat in its site's colour and
// marked with the site's initials (colour is never the only cue), the host's seat ringed and labelled, and a legend
// of the sites. Each table drawing is an image with its own text alternative; the list of tables under it says the
// same in words, with the controls, and the caption says so.
import { h, hidden, plural, uid } from '/plugin-kit/dom.js';

const SVG = 'http://www.w3.org/2000/svg';

// Dark enough for white initials (at least 5:1) and against the white page (non-text contrast well over 3:1); blue
// and amber first, a pair that stays apart for the common colour-vision deficiencies. Colours alone may still be
// confused, and more than eight sites reuse them: the initials always tell the sites apart.
export const SITE_COLOURS = ['#005eb8', '#8a5a00', '#6b3fa0', '#007f3b', '#b3261e', '#00707a', '#ae2573', '#1d3557'];
const NO_SITE = { initials: '–', colour: '#4c6272', name: 'No site given' };

// Seats carry names when they fit around the table; larger tables show initials only (the list names everyone).
const MAX_NAMED_SEATS = 8;

/**
 * Sites by name: their initials (unique in this café) and colour. The server numbers the sites in the order they first
 * came (`console.sites`) and keeps that for the café's life, so a late site takes the next colour and initials and
 * never changes those of earlier sites; colours are reused in turn beyond eight.
 */
export function siteKey(sites) {
  const taken = new Set();
  const key = new Map();
  sites.forEach(({ site, colour }) => {
    const initials = uniqueInitials(site, taken);
    taken.add(initials);
    key.set(site, { initials, colour: SITE_COLOURS[colour % SITE_COLOURS.length], name: site });
  });
  return (site) => (site && key.get(site)) || NO_SITE;
}

/** "Ashford" → "A", "St Helier Hospital" → "SHH"; on a clash, more letters ("As", "Ash"), then a number. */
function uniqueInitials(site, taken) {
  const words = site.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const letters = words.map((word) => word.charAt(0).toUpperCase()).join('').slice(0, 3) || '?';
  const candidates = [letters];
  const first = words[0] ?? site;
  for (let length = 2; length <= Math.min(4, first.length); length += 1) {
    candidates.push(first.charAt(0).toUpperCase() + first.slice(1, length).toLowerCase());
  }
  const free = candidates.find((candidate) => !taken.has(candidate));
  if (free) return free;
  let number = 2;
  while (taken.has(`${letters}${number}`)) number += 1;
  return `${letters}${number}`;
}

/**
 * A round's tables as a picture with its legend: `tables` as the console sends them (number, host, members), `round`
 * its number, and `words` the heading of the list that says the same in words.
 */
export function seatingPlan(view, { tables, round, words }) {
  const seating = view.console;
  const everyone = [...seating.participants, ...tables.flatMap((table) => table.members)];
  const site = siteKey(seating.sites);
  const captionId = uid('cafe-plan-caption');
  const sites = [...new Map(everyone.map((member) => [site(member.site).name, site(member.site)])).values()]
    .sort((a, b) => a.name.localeCompare(b.name));
  return h('figure', { class: 'cafe-plan', 'aria-labelledby': captionId },
    h('figcaption', { id: captionId },
      h('strong', { text: `Seating plan, round ${round} of ${view.rounds}` }),
      ` (${plural(tables.length, 'table')}). Each seat shows its site's initials; a thick ring and “host” mark the host. `
      + `The list under “${words}” says the same in words.`),
    h('ul', { class: 'cafe-plan__legend', 'aria-label': 'Sites' }, sites.map((entry) => h('li', {},
      swatch(entry), entry.name, hidden(`, seats marked ${entry.initials}`)))),
    h('div', { class: 'cafe-plan__tables' }, tables.map((table) => tableDrawing(table, site))));
}

function swatch(entry) {
  const picture = svg('svg', { viewBox: '0 0 24 24', width: '24', height: '24', 'aria-hidden': 'true', focusable: 'false' },
    svg('circle', { cx: '12', cy: '12', r: '11', fill: entry.colour }),
    svg('text', { x: '12', y: '12', class: 'cafe-plan__initials', 'font-size': initialsSize(entry.initials, 11) }, entry.initials));
  return h('span', { class: 'cafe-plan__swatch' }, picture);
}

/**
 * One table from above: the table in the middle, the host's seat at the top, the others around it clockwise. Drawn
 * around (0, 0), then framed to fit its names, so that it shows at its natural size (names at the page's text size)
 * wherever there is room, and shrinks only where there is not.
 */
function tableDrawing(table, site) {
  const members = table.members;
  const named = members.length <= MAX_NAMED_SEATS;
  const seatRadius = members.length > 12 ? 12 : 17;
  const around = Math.max(members.length <= 2 ? 56 : 62, (members.length * (seatRadius * 2 + 6)) / (2 * Math.PI));
  const top = Math.max(34, around - seatRadius - 12);
  const frame = { left: -top, right: top, up: -top, down: top };
  const grow = (x1, y1, x2, y2) => {
    frame.left = Math.min(frame.left, x1);
    frame.right = Math.max(frame.right, x2);
    frame.up = Math.min(frame.up, y1);
    frame.down = Math.max(frame.down, y2);
  };
  const isHost = (member) => table.host?.personId === member.personId;
  const seats = members.map((member, index) => {
    const angle = -Math.PI / 2 + (2 * Math.PI * index) / members.length;
    const [x, y] = [around * Math.cos(angle), around * Math.sin(angle)];
    const entry = site(member.site);
    const host = isHost(member);
    const ring = seatRadius + (host ? 7 : 1);
    grow(x - ring, y - ring, x + ring, y + ring);
    const label = named ? nameLabel(member.name, host, angle, around + seatRadius + 9, grow) : null;
    return svg('g', { class: host ? 'cafe-plan__seat cafe-plan__seat--host' : 'cafe-plan__seat' },
      host ? svg('circle', { cx: fixed(x), cy: fixed(y), r: String(seatRadius + 5), fill: 'none', stroke: '#212b32', 'stroke-width': '4' }) : null,
      svg('circle', { cx: fixed(x), cy: fixed(y), r: String(seatRadius), fill: entry.colour, stroke: '#ffffff', 'stroke-width': '2' }),
      svg('text', { x: fixed(x), y: fixed(y), class: 'cafe-plan__initials', 'font-size': initialsSize(entry.initials, seatRadius) }, entry.initials),
      label);
  });
  const words = members.map((member) => `${member.name} (${[isHost(member) ? 'host' : null, site(member.site).name]
    .filter(Boolean).join(', ')})`);
  const [width, height] = [frame.right - frame.left + 8, frame.down - frame.up + 8];
  return svg('svg', { class: 'cafe-plan__table', role: 'img', focusable: 'false',
    viewBox: [frame.left - 4, frame.up - 4, width, height].map(fixed).join(' '), width: fixed(width), height: fixed(height),
    'aria-label': `Table ${table.number}: ${words.length ? words.join('; ') : 'nobody'}.` },
  svg('circle', { cx: '0', cy: '0', r: String(top), class: 'cafe-plan__top' }),
  svg('text', { x: '0', y: '0', class: 'cafe-plan__number' }, `Table ${table.number}`),
  seats);
}

// Roughly how wide a character of a name is at the plan's text size, to leave room for the names.
const CHARACTER_WIDTH = 7.6;

/** The person's name beside their seat, on the side away from the table; "· host" after the host's. */
function nameLabel(name, host, angle, distance, grow) {
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const anchor = Math.abs(cos) < 0.3 ? 'middle' : cos > 0 ? 'start' : 'end';
  const shortName = name.length > 20 ? `${name.slice(0, 19)}…` : name;
  const text = host ? `${shortName} · host` : shortName;
  const [x, y] = [distance * cos, distance * sin + (sin < -0.7 ? -4 : sin > 0.7 ? 9 : 4)];
  const width = text.length * CHARACTER_WIDTH;
  const left = anchor === 'start' ? x : anchor === 'end' ? x - width : x - width / 2;
  grow(left, y - 12, left + width, y + 4);
  return svg('text', { x: fixed(x), y: fixed(y), 'text-anchor': anchor, class: host ? 'cafe-plan__name cafe-plan__name--host' : 'cafe-plan__name' },
    text);
}

function initialsSize(initials, radius) {
  return String(Math.round(initials.length <= 1 ? radius * 1.1 : initials.length === 2 ? radius * 0.95 : radius * 0.75));
}

function fixed(number) {
  return number.toFixed(1);
}

/** An SVG element: attributes as given, children as nodes or text (never markup). */
function svg(tag, attributes, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) element.setAttribute(name, value);
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}
