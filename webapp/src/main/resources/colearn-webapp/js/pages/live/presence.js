/**
 * Who is in the session now, grouped by site. Shown once the server sends presence; a person counts while they have
 * at least one connection (tab or device) open. In a large session the server sends counts by site and the people
 * near you (the facilitators, your breakout room); everyone else is listed a page at a time, on request.
 */
import { h, replace } from '../../dom.js';
import { plural } from '../../format.js';

const NO_SITE = 'No site given';

export function presenceSection(state, connection) {
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
    if (state.crowd) {
      renderCrowd();
      return;
    }
    everyone.reset();
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
            marks(person)))));
      }))
      : h('p', { class: 'empty', text: 'Nobody else is here yet.' }));
  };

  const everyone = pager(connection);
  const renderCrowd = () => {
    const { crowd } = state;
    count.textContent = `(${crowd.people})`;
    const sites = Object.entries(crowd.sites).sort(([a], [b]) => a.localeCompare(b, 'en-GB'));
    if (crowd.withoutSite) sites.push([NO_SITE, crowd.withoutSite]);
    const near = [...state.presence.entries()].map(([personId, person]) => ({ personId, ...person }))
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'en-GB'));
    replace(body,
      h('h3', { class: 'presence__site-name', text: 'Near you' }),
      near.length
        ? h('ul', { class: 'presence__people' }, near.map((person) => personItem(person)))
        : h('p', { class: 'empty', text: 'Nobody near you yet.' }),
      h('h3', { class: 'presence__site-name', text: 'By site' }),
      h('ul', { class: 'presence__counts' }, sites.map(([site, n]) => h('li', { text: `${site}: ${plural(n, 'person', 'people')}` }))),
      everyone.element);
  };

  const personItem = (person) => h('li', {},
    person.name ?? 'Someone',
    person.site ? h('span', { class: 'meta', text: ` (${person.site})` }) : null,
    marks(person));

  /** What a person is here as: facilitator, guest, and whether it is you. */
  const marks = (person) => [
    person.role === 'facilitator' ? h('span', { class: 'meta', text: ' (facilitator)' }) : null,
    person.guest ? h('span', { class: 'meta', text: ' (guest)' }) : null,
    state.you?.personId === person.personId ? h('span', { class: 'meta', text: ' (you)' }) : null,
  ];

  /** Everyone in a large session, a page at a time from the server, on request. */
  function pager(live) {
    const list = h('ul', { class: 'presence__people', 'aria-label': 'Everyone here' });
    const status = h('p', { class: 'meta', role: 'status' });
    const more = h('button', { type: 'button', class: 'button button--secondary' }, 'List everyone here');
    let next = null;
    let started = false;
    more.addEventListener('click', async () => {
      more.disabled = true;
      try {
        const page = await live.send('presence.page', next ? { after: next, limit: 100 } : { limit: 100 });
        Object.entries(page.people ?? {}).forEach(([personId, person]) => list.append(personItem({ personId, ...person })));
        started = true;
        next = page.next ?? null;
        status.textContent = `Showing ${list.children.length} of ${page.total}.`;
        more.textContent = 'Show more';
        more.hidden = !next;
      } catch (error) {
        status.textContent = error.message ?? 'Could not list everyone; try again.';
      } finally {
        more.disabled = false;
      }
    });
    const element = h('div', { class: 'presence__everyone' }, list, status, more);
    return {
      element,
      reset() {
        if (!started) return;
        list.replaceChildren();
        status.textContent = '';
        more.textContent = 'List everyone here';
        more.hidden = false;
        next = null;
        started = false;
      },
    };
  }
  return { element: section, render };
}
