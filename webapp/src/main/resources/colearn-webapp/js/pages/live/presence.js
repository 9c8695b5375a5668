/**
 * Who is in the session now, grouped by site. Shown once the server sends presence; a person counts while they have
 * at least one connection (tab or device) open.
 */
import { h, replace } from '../../dom.js';
import { plural } from '../../format.js';

const NO_SITE = 'No site given';

export function presenceSection(state) {
  const count = h('span', { class: 'presence__count' });
  const body = h('div', { class: 'presence__body' });
  const section = h('section', { class: 'section live-section presence', 'aria-labelledby': 'presence-heading', hidden: true },
    h('h2', { id: 'presence-heading' }, 'Who is here ', count),
    body);

  const render = () => {
    if (!state.presence) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    const bySite = new Map();
    state.presence.forEach((person, personId) => {
      const site = person.site || NO_SITE;
      if (!bySite.has(site)) bySite.set(site, []);
      bySite.get(site).push({ personId, ...person });
    });
    const sites = [...bySite.keys()].sort((a, b) => (a === NO_SITE) - (b === NO_SITE) || a.localeCompare(b, 'en-GB'));
    count.textContent = `(${state.presence.size})`;
    replace(body, state.presence.size
      ? h('ul', { class: 'presence__sites' }, sites.map((site) => {
        const people = bySite.get(site).sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'en-GB'));
        return h('li', { class: 'presence__site' },
          h('h3', { class: 'presence__site-name' }, site, h('span', { class: 'meta', text: ` ${plural(people.length, 'person', 'people')}` })),
          h('ul', { class: 'presence__people' }, people.map((person) => h('li', {},
            person.name ?? 'Someone',
            person.role === 'facilitator' ? h('span', { class: 'meta', text: ' (facilitator)' }) : null,
            state.you?.personId === person.personId ? h('span', { class: 'meta', text: ' (you)' }) : null))));
      }))
      : h('p', { class: 'empty', text: 'Nobody else is here yet.' }));
  };
  return { element: section, render };
}
