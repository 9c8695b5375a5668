/**
 * One collaborative: its details above its sections, one shown at a time (see sections.js): Sessions; People and
 * sites (the sites and their map, members, the person's own site and profession; for facilitators and site leads the
 * requests to move site they answer; for facilitators also invitation links and CSV import); Stories; Buddies. For
 * facilitators the Sessions section also plans sessions. The parts share one state and re-render when it is reloaded.
 */
import * as api from '../../api.js';
import { h, replace } from '../../dom.js';
import { button, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { collaborativeFields } from '../collaboratives.js';
import { ROLES, day, label, plural } from '../../format.js';
import { importSection } from './import.js';
import { invitationsSection } from './invitations.js';
import { membersSection } from './members.js';
import { mySection } from './me.js';
import { collaborativeSections, sectionHref } from './sections.js';
import { sessionsSection } from './sessions.js';
import { siteMovesSection } from './site-moves.js';
import { sitesSection } from './sites.js';

export async function collaborativePage(view, [id], query) {
  const base = `collaboratives/${id}`;
  const [collaborative, sites, members, sessions] = await Promise.all([
    api.get(base),
    api.get(`${base}/sites`),
    api.get(`${base}/members`),
    api.get(`${base}/sessions`),
  ]);
  const state = {
    id,
    base,
    collaborative,
    sites,
    members,
    facilitator: collaborative.myRole === 'facilitator',
    listeners: [],
    /** Fetches sites and members again and tells every section. */
    async reload() {
      const [freshSites, freshMembers] = await Promise.all([api.get(`${base}/sites`), api.get(`${base}/members`)]);
      state.sites = freshSites;
      state.members = freshMembers;
      state.listeners.forEach((listener) => listener());
    },
    onReload(listener) {
      state.listeners.push(listener);
    },
  };
  const invitations = state.facilitator ? await api.get(`${base}/invitations`) : [];
  // What each activity a facilitator may plan needs configured; without it, items are planned with their defaults.
  state.activityTypes = state.facilitator ? await api.get('activity-types').catch(() => []) : [];

  // "12 members at 6 sites", a link to the section that lists them.
  const people = h('a', { href: sectionHref(base, 'people') });
  const countPeople = () => {
    people.textContent = `${plural(state.members.length, 'member')} at ${plural(state.sites.length, 'site')}`;
  };
  countPeople();
  state.onReload(countPeople);
  const detailsSlot = h('div');
  const showDetails = () => replace(detailsSlot, details(state.collaborative, people),
    state.facilitator ? editDetails(state, (saved) => {
      state.collaborative = { ...state.collaborative, ...saved };
      showDetails();
      detailsSlot.querySelector('.collab-edit__open')?.focus();
      status.announce(`Details saved: ${saved.name}.`);
    }) : null);
  showDetails();
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/', text: 'My collaboratives' })),
    detailsSlot,
    h('p', {}, h('a', { href: `#/collaboratives/${id}/measures`, text: 'Measures and charts' })),
    collaborativeSections(base, {
      sessions: sessionsSection(state, sessions),
      people: [
        sitesSection(state),
        membersSection(state),
        mySection(state),
        state.facilitator || collaborative.myRole === 'site_lead' ? siteMovesSection(state) : null,
        state.facilitator ? invitationsSection(state, invitations) : null,
        state.facilitator ? importSection(state) : null,
      ],
      stories: storiesSection(state),
      buddies: buddiesSection(state),
    }, query),
  );
  return { title: collaborative.name };
}

/** For facilitators: "Edit details" opens the form that changes the collaborative's name, topic, aim and dates. */
function editDetails(state, saved) {
  const slot = h('div', { class: 'collab-edit' });
  const open = h('button', { type: 'button', class: 'button button--secondary collab-edit__open', text: 'Edit details' });
  open.addEventListener('click', () => {
    const editForm = form('Edit the collaborative\'s details', h('div', { class: 'grid' }, collaborativeFields(state.collaborative)),
      h('div', { class: 'actions' }, button('Save details'),
        button('Cancel', { type: 'button', variant: 'button--secondary', onclick: () => { replace(slot, open); open.focus(); } })));
    onSubmit(editForm, async (values) => {
      saved(await api.put(state.base, {
        name: values.name, topic: values.topic, aim: values.aim, startsOn: values.startsOn, endsOn: values.endsOn,
      }));
    });
    replace(slot, h('div', { class: 'card subform' }, h('h2', { text: 'Edit details' }), editForm));
    editForm.querySelector('input')?.focus();
  });
  replace(slot, open);
  return slot;
}

/** A section that says what a part of the collaborative is for and links to its pages: `links` are [text, path]. */
function linksSection(key, heading, text, links) {
  return h(
    'section',
    { class: 'section', 'aria-labelledby': `${key}-heading` },
    h('h2', { id: `${key}-heading`, text: heading }),
    h('p', { text }),
    h('div', { class: 'actions' }, links.map(([label, href], index) => h('a', {
      class: index ? 'button button--secondary' : 'button', href, text: label,
    }))),
  );
}

function storiesSection(state) {
  return linksSection('stories', 'Failure stories',
    'What did not work, and what teams learned from it: share yours, with your name, your team’s or none.',
    [['Read the stories', `#/${state.base}/stories`], ['Share a failure story', `#/${state.base}/stories/new`]]);
}

function buddiesSection(state) {
  return linksSection('buddies', 'Buddy pairings',
    'Sites paired to learn from each other between learning sessions: each pair has a private space for its next steps, check-ins and visits.',
    [['Buddy pairings between sites', `#/${state.base}/buddies`]]);
}

function details(c, people) {
  return h(
    'div',
    { class: 'collab-head' },
    h('h1', { text: c.name }),
    h('p', { class: 'lead', text: c.topic }),
    h(
      'dl',
      { class: 'facts' },
      h('div', {}, h('dt', { text: 'Aim' }), h('dd', { text: c.aim })),
      h('div', {}, h('dt', { text: 'Runs' }), h('dd', { text: `${day(c.startsOn)} to ${day(c.endsOn)}` })),
      h('div', {}, h('dt', { text: 'Your role' }), h('dd', { text: label(ROLES, c.myRole) })),
      h('div', {}, h('dt', { text: 'People' }), h('dd', {}, people)),
    ),
  );
}
