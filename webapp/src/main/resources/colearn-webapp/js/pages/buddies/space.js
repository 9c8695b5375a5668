/**
 * A pair's private space, for the pair's own sites: the reciprocity of the pair at a glance, the next steps agreed in
 * buddy meets (either site marks them done), the log of check-ins (what each side gave and got), planned peer-review
 * visits with their purpose, notes with links, the partner site's people and how to reach them, and the pair's failure
 * stories (as far as the catalogue lets the reader read them).
 */
import * as api from '../../api.js';
import { h, hidden, replace } from '../../dom.js';
import { PROFESSIONS, ROLES, day, dayOf, label, options } from '../../format.js';
import { button, field, form, onSubmit } from '../../forms.js';
import * as status from '../../status.js';
import { dataTable, orNone } from '../../table.js';
import { PURPOSES, pairName } from './words.js';

export async function spacePage(view, [id, pairId]) {
  const path = `collaboratives/${id}/buddies/spaces/${pairId}`;
  const state = { id, path, space: await api.get(path) };
  const title = pairName(state.space.sites);
  const body = h('div');
  const render = () => replace(body, ...sections(state, render));
  render();
  replace(view,
    h('p', { class: 'breadcrumb' }, h('a', { href: `#/collaboratives/${id}/buddies`, text: 'Buddy pairings' })),
    h('h1', { text: title }),
    h('p', { class: 'lead', text: `A private space for ${title}, paired in ${state.space.roundName}. Only your two sites see it.` }),
    body);
  return { title };
}

function sections(state, render) {
  const { space } = state;
  const save = async (call, message, formElement, focusAfter) => {
    state.space = await call();
    formElement?.reset();
    render();
    if (focusAfter) document.getElementById(focusAfter)?.focus();
    status.announce(message);
  };
  return [
    space.quiet ? h('p', { class: 'notice notice--warn', text: `Quiet lately: no check-in for more than ${space.quietAfterDays} days. A short one keeps the pair going.` }) : null,
    space.canWrite ? null : h('p', { class: 'notice', text: 'The pair invited the faculty to read this space. Only the two sites write in it.' }),
    h('section', { class: 'section', 'aria-labelledby': 'give-get-heading' },
      h('h2', { id: 'give-get-heading', text: 'Give and take' }),
      dataTable('What each site gave and got', [
        { label: 'Site', cell: (r) => r.name },
        { label: 'Times it gave', cell: (r) => String(r.gave) },
        { label: 'Times it got', cell: (r) => String(r.got) },
      ], space.reciprocity)),
    stepsSection(state, save),
    h('section', { class: 'section', 'aria-labelledby': 'check-ins-heading' },
      h('h2', { id: 'check-ins-heading', text: 'Check-ins' }),
      space.canWrite ? checkInForm(state, save) : null,
      dataTable('Check-ins of this pair', [
        { label: 'Site', cell: (c) => c.siteName },
        { label: 'Gave', cell: (c) => orNone(c.gave) },
        { label: 'Got', cell: (c) => orNone(c.got) },
        { label: 'By', cell: (c) => c.author },
        { label: 'When', cell: (c) => dayOf(c.createdAt) },
      ], space.checkIns, { empty: 'No check-ins yet.' })),
    h('section', { class: 'section', 'aria-labelledby': 'visits-heading' },
      h('h2', { id: 'visits-heading', text: 'Peer-review visits' }),
      space.canWrite ? visitForm(state, save) : null,
      dataTable('Planned visits', [
        { label: 'Visit', cell: (v) => `${v.visitingName} visits ${v.hostName}` },
        { label: 'Purpose', cell: (v) => label(PURPOSES, v.purpose) },
        { label: 'On', cell: (v) => day(v.plannedOn) },
        { label: 'Note', cell: (v) => orNone(v.note) },
      ], space.visits, { empty: 'No visits planned yet.' })),
    h('section', { class: 'section', 'aria-labelledby': 'notes-heading' },
      h('h2', { id: 'notes-heading', text: 'Notes and links' }),
      space.canWrite ? noteForm(state, save) : null,
      space.notes.length
        ? h('ul', { class: 'notes' }, space.notes.map((n) => h('li', {},
          h('p', { text: n.text }),
          n.link ? h('p', {}, h('a', { href: n.link, rel: 'noopener noreferrer', target: '_blank', text: n.link })) : null,
          h('p', { class: 'meta', text: `${n.author}, ${dayOf(n.createdAt)}` }))))
        : h('p', { class: 'empty', text: 'No notes yet.' })),
    peopleSection(state),
    storiesSection(state),
    space.canInviteFaculty ? facultySection(state, save) : null,
  ];
}

/** The next steps agreed in buddy meets, open ones first; either site marks one done, or open again. */
function stepsSection(state, save) {
  const { space } = state;
  const open = space.steps.filter((step) => !step.done).length;
  const toggle = (step) => h('button', {
    type: 'button',
    class: 'button button--secondary',
    onclick: () => save(() => api.put(`${state.path}/steps/${step.id}`, { done: !step.done }),
      step.done ? `Open again: ${step.text}` : `Done: ${step.text}`, null, 'steps-heading')
      .catch((error) => status.announce(error.message, 'error')),
  }, step.done ? 'Open again' : 'Mark done', hidden(`: ${step.text}`));
  return h('section', { class: 'section', 'aria-labelledby': 'steps-heading' },
    h('h2', { id: 'steps-heading', tabindex: '-1', text: `Next steps (${open} open)` }),
    space.steps.length
      ? h('ul', { class: 'steps' }, space.steps.map((step) => h('li', { class: `steps__step${step.done ? ' steps__step--done' : ''}` },
        h('p', {}, step.done ? h('span', { class: 'badge', text: 'Done' }) : null, step.done ? ' ' : null, step.text),
        h('p', { class: 'meta', text: stepMeta(step) }),
        space.canWrite ? h('div', { class: 'actions' }, toggle(step)) : null)))
      : h('p', { class: 'empty', text: 'No next steps yet: the steps your pair agrees in a buddy meet come here.' }));
}

function stepMeta(step) {
  const agreed = `Agreed ${dayOf(step.agreedAt)}${step.by ? ` by ${step.by}` : ''}`;
  if (!step.done) return `${agreed}.`;
  return `${agreed}; done ${dayOf(step.doneAt)}${step.doneBy ? ` (marked by ${step.doneBy})` : ''}.`;
}

/**
 * The partner site's people (every site's, for an invited facilitator) by name, profession and role. The pair reaches
 * them through this space: email addresses were given to the collaborative, not to other sites, so none is shown.
 */
function peopleSection(state) {
  const { space } = state;
  const writeNote = () => document.querySelector('.notes-form textarea[name="text"]')?.focus();
  return space.partners.map((site) => {
    const headingId = `people-${site.siteId}`;
    return h('section', { class: 'section', 'aria-labelledby': headingId },
      h('h2', { id: headingId, text: space.canWrite ? `People at ${site.name}, your buddy site` : `People at ${site.name}` }),
      site.people.length
        ? h('ul', { class: 'people' }, site.people.map((person) => {
          const words = [label(PROFESSIONS, person.profession), person.role === 'participant' ? '' : label(ROLES, person.role)].filter(Boolean);
          return h('li', {}, h('strong', { text: person.name }), words.length ? h('span', { class: 'meta', text: ` – ${words.join(', ')}` }) : null);
        }))
        : h('p', { class: 'empty', text: `Nobody from ${site.name} has joined Colearn yet.` }),
      space.canWrite
        ? h('p', { class: 'hint' },
          'To reach them, write a note in this space: everyone at both sites reads it here. ',
          'Colearn does not show email addresses, which people gave to the collaborative, not to other sites. ',
          h('button', { type: 'button', class: 'button button--secondary', text: `Write a note to ${site.name}`, onclick: writeNote }))
        : null);
  });
}

function storiesSection(state) {
  const { space } = state;
  return h('section', { class: 'section', 'aria-labelledby': 'pair-stories-heading' },
    h('h2', { id: 'pair-stories-heading', text: 'Our failure stories' }),
    space.stories.length
      ? h('ul', { class: 'pair-stories' }, space.stories.map((s) => h('li', {},
        h('a', { href: `#/stories/${s.id}`, text: s.title }),
        h('span', { class: 'meta', text: ` – ${s.credit}` }))))
      : h('p', { class: 'empty', text: 'No stories for this pair yet.' }),
    space.canWrite
      ? h('p', {}, h('a', { href: `#/collaboratives/${state.id}/stories/new?visibility=pair`, text: 'Write a story for our pair' }))
      : null);
}

function checkInForm(state, save) {
  const checkIn = form('Record a check-in',
    h('div', { class: 'grid' },
      field('gave', 'What your site gave', { type: 'textarea', rows: 2, hint: 'Time, tools, data, a listening ear…' }),
      field('got', 'What your site got', { type: 'textarea', rows: 2 })),
    h('div', { class: 'actions' }, button('Record check-in')));
  onSubmit(checkIn, (values) => save(
    () => api.post(`${state.path}/check-ins`, { gave: values.gave, got: values.got }), 'Check-in recorded.', checkIn));
  return h('div', { class: 'card subform' }, checkIn);
}

function visitForm(state, save) {
  const sites = state.space.sites.map((s) => ({ value: s.id, text: s.name }));
  const mine = state.space.mySiteId;
  const other = state.space.sites.find((s) => s.id !== mine)?.id ?? '';
  const visit = form('Plan a visit',
    h('div', { class: 'grid' },
      field('visitingSiteId', 'Visiting site', { choices: sites, value: mine ?? '' }),
      field('hostSiteId', 'Host site', { choices: sites, value: other }),
      field('purpose', 'Purpose', { choices: options(PURPOSES), placeholder: 'Choose a purpose', hint: 'Support visits stay frank; assurance visits check against a standard.' }),
      field('plannedOn', 'Date', { type: 'date' }),
      field('note', 'Note (optional)')),
    h('div', { class: 'actions' }, button('Plan visit', { variant: 'button--secondary' })));
  onSubmit(visit, (values) => save(() => api.post(`${state.path}/visits`, values), 'Visit planned.', visit));
  return h('div', { class: 'card subform' }, h('h3', { text: 'Plan a visit' }), visit);
}

function noteForm(state, save) {
  const note = form('Add a note',
    h('div', { class: 'grid' },
      field('text', 'Note', { type: 'textarea', rows: 2 }),
      field('link', 'Link to a shared file or page (optional)', { type: 'url', hint: 'Starting with https://' })),
    h('div', { class: 'actions' }, button('Add note', { variant: 'button--secondary' })));
  onSubmit(note, (values) => save(() => api.post(`${state.path}/notes`, { text: values.text, link: values.link }), 'Note added.', note));
  return h('div', { class: 'card subform notes-form' }, h('h3', { text: 'Add a note' }), note);
}

function facultySection(state, save) {
  const invited = state.space.facultyInvited;
  const toggle = form('Faculty access',
    h('p', { text: invited ? 'The faculty can read this space.' : 'Only your two sites see this space. You can invite the faculty to read it.' }),
    h('div', { class: 'actions' }, button(invited ? 'Stop the faculty reading this space' : 'Invite the faculty to read this space', { variant: 'button--secondary' })));
  onSubmit(toggle, () => save(() => api.put(`${state.path}/faculty`, { invited: !invited }),
    invited ? 'The faculty no longer see this space.' : 'The faculty can now read this space.'));
  return h('section', { class: 'section', 'aria-labelledby': 'faculty-heading' },
    h('h2', { id: 'faculty-heading', text: 'Faculty' }), h('div', { class: 'card' }, toggle));
}
